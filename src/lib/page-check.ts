import type { Program } from 'estree';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import {
	esmProblems,
	expressionProblem,
	isHtmlComment,
	isUnsafeAddress,
	jsxProblems,
	rawHtmlProblem,
	unsafeAddress,
	type EsmStatement,
} from './page-rules.ts';
import type { Problem } from './problems.ts';

/**
 * The check of a written page's body in the browser, before the web editor saves it: the build
 * compiles pages with Sätteri, which has no browser build here, so the editor parses the body
 * with micromark and its MDX extension (`micromark-extension-mdxjs`, `mdast-util-mdx`), the
 * parser MDX itself uses, and applies the build's own rules (`page-rules.ts`) to its nodes. A
 * syntax error, or a page the build would refuse, is a problem with its line: an entry that
 * would break the build is not saved. Pure: runs in the browser and under Node (the tests).
 */

/** A statement of an `import`/`export` block, as acorn gives it (lines counted in the body). */
type AcornStatement = EsmStatement & { loc?: { start: { line: number } } | null };

/** The message of a syntax error, with the parser's reason (in English) and what to do. */
function syntaxProblem(kind: string, line: number, column: number, reason: string): Bilingual {
	return {
		en: `not valid ${kind} at line ${line}, column ${column}: ${reason}. Close every component you open (<Aside>…</Aside>, or <Term id="…" />), and write a lone brace or angle bracket as \\{ or \\<`,
		fr: `${kind} invalide ligne ${line}, colonne ${column} : ${reason}. Fermez chaque composant ouvert (<Aside>…</Aside>, ou <Term id="…" />) et écrivez une accolade ou un chevron seul \\{ ou \\<`,
	};
}

/**
 * The problems of the body of a written page, as the build would find them: its syntax, then the
 * page rules. Lines are counted from `firstLine`, the line of the body's first line in its file
 * (1 for a body on its own).
 * @param body the page's text, without its frontmatter
 * @param file the page's path, whose extension (`.md` or `.mdx`) says how it is parsed
 * @example pageBodyProblems('<script>alert(1)</script>', { file: 'content/docs/a.mdx' })
 * // [{ file: 'content/docs/a.mdx', line: 1, field: '<script>', message: '<script> is not allowed…' }]
 */
export function pageBodyProblems(
	body: string,
	{ file, lang = 'en', firstLine = 1 }: { file: string; lang?: Lang; firstLine?: number }
): Problem[] {
	const mdx = !file.endsWith('.md');
	const kind = mdx ? 'MDX' : 'Markdown';
	const shift = firstLine - 1;
	const problems: Problem[] = [];
	const add = (line: number | undefined, field: string, messages: Bilingual[]) =>
		inLanguage(lang, () => {
			for (const message of messages)
				problems.push({
					file,
					line: line === undefined ? undefined : line + shift,
					field,
					message: say(message),
				});
		});
	let tree: Root;
	try {
		tree = mdx
			? fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
			: fromMarkdown(body);
	} catch (error) {
		// micromark's errors are `VFileMessage`s: a reason and a place, or a reason that names the
		// place ("Expected a closing tag for `<Aside>` (3:1-3:8)").
		const error_ = error as { line?: number | null; column?: number | null; reason?: string };
		const reason = error_.reason ?? (error instanceof Error ? error.message : String(error));
		const named = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
		const line = error_.line ?? (named ? Number(named[1]) : undefined);
		const column = error_.column ?? (named ? Number(named[2]) : 1);
		const what = named ? reason.replace(named[0], '') : reason;
		if (line === undefined)
			add(undefined, `(${kind})`, [
				{ en: `not valid ${kind}: ${what}`, fr: `${kind} invalide : ${what}` },
			]);
		else add(line, `(${kind})`, [syntaxProblem(kind, line + shift, column, what)]);
		return problems;
	}
	const visit = (node: Nodes) => {
		const line = node.position?.start.line;
		switch (node.type) {
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				add(line, `<${node.name ?? ''}>`, jsxProblems(node.name, node.attributes));
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const program = (node.data as { estree?: Program | null } | undefined)?.estree;
				// A comment (`{/* … */}`) is an empty program.
				if ((program?.body.length ?? 1) > 0) add(line, `{${node.value}}`, [expressionProblem]);
				break;
			}
			case 'mdxjsEsm': {
				const program = (node.data as { estree?: { body: AcornStatement[] } | null } | undefined)
					?.estree;
				// acorn counts lines in the whole body: the block's own line comes back as 0 below.
				const lineInBlock = (statement: AcornStatement) =>
					statement.loc ? statement.loc.start.line - (line ?? 1) : undefined;
				for (const problem of program ? esmProblems(program, lineInBlock) : [])
					add(problem.line === undefined ? line : (line ?? 1) + problem.line, problem.field, [
						problem.message,
					]);
				break;
			}
			case 'html':
				// Markdown pages keep raw HTML as it is written; only comments may stay.
				if (!isHtmlComment(node.value))
					add(line, node.value.trim().split('\n')[0]!.slice(0, 40), [rawHtmlProblem]);
				break;
			case 'link':
			case 'definition':
				if (isUnsafeAddress(node.url)) add(line, '<a href>', [unsafeAddress('href', node.url)]);
				break;
			case 'image':
				if (isUnsafeAddress(node.url)) add(line, '<img src>', [unsafeAddress('src', node.url)]);
				break;
		}
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};
	visit(tree);
	return problems;
}
