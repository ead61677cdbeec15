import GithubSlugger from 'github-slugger';
import sanitizeHtml from 'sanitize-html';
import {
	defineHastPlugin,
	markdownToHtml,
	mdxToJs,
	type HastNode,
	type HastPluginEntry,
	type HastPluginInput,
	type MdxJsxAttributeUnion,
	type PluginFactoryContext,
} from 'satteri';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { markForeignTerms } from './foreign.ts';
import {
	addressAttributes,
	esmProblems,
	expressionProblem,
	frontmatterProblems,
	isHtmlComment,
	isUnsafeAddress,
	jsxProblems,
	rawHtmlProblem,
	unsafeAddress,
	type EsmStatement,
	type JsxAttribute,
} from './page-rules.ts';
import { ContentError, isContentError, type Problem } from './problems.ts';
import { siteBase, withBase } from './routes.ts';

/**
 * The site's one Markdown pipeline: Sätteri, Astro 7's Markdown processor, renders the MDX pages
 * (through `astro.config.mjs`) and the prose kept in data files (country guides, programme pages,
 * glossary definitions) with the same plugins and features:
 * - root-relative links get the base path the site is built for (`BASE_PATH`), so pages and
 *   data are written with plain links (`/guides/logement/`) and work wherever the site is hosted;
 * - headings get ids, so that they appear in the page's table of contents;
 * - smart punctuation, as Astro enables it by default (`’`, `“ ”`, `…`).
 * Prose from data files is then sanitised with an allow-list (`sanitize-html`): whatever an
 * editor types, no script, event handler, frame, form, style or `javascript:` link reaches a page.
 * @see https://docs.astro.build/en/reference/markdown-processors/satteri/
 */

const linkAttributes = new Set(['href', 'src']);

/** Whether a value is a root-relative path that needs the base path. */
const isRootPath = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * A Sätteri hast plugin that adds the base path (e.g. `/international/`) to root-relative links:
 * Markdown links and images, and the `href` of components such as `<LinkCard>`. In the Astro
 * pipeline it runs before the link validator, which expects links that include the base, as
 * Starlight does.
 */
export function basePathPlugin(base: string): HastPluginEntry {
	if (base === '/' || base === '') return null;
	const withAttributes = <N extends { attributes: MdxJsxAttributeUnion[] }>(node: N): N | void => {
		if (
			!node.attributes.some(
				(attribute) =>
					attribute.type === 'mdxJsxAttribute' &&
					linkAttributes.has(attribute.name) &&
					isRootPath(attribute.value)
			)
		)
			return;
		return {
			...node,
			attributes: node.attributes.map((attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				linkAttributes.has(attribute.name) &&
				isRootPath(attribute.value)
					? { ...attribute, value: withBase(attribute.value, base) }
					: attribute
			),
		};
	};
	return defineHastPlugin({
		name: 'base-path',
		element: {
			filter: ['a', 'img'],
			visit(node, context) {
				for (const name of linkAttributes) {
					const value = node.properties[name];
					if (isRootPath(value)) context.setProperty(node, name, withBase(value, base));
				}
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node) => withAttributes(node) as never },
		mdxJsxTextElement: { filter: [], visit: (node) => withAttributes(node) as never },
	});
}

/** Markdown features of the pipeline: Astro's defaults. */
const features = { gfm: true, smartPunctuation: true } as const;

/** A heading of rendered prose, as Starlight's table of contents takes it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** Gives headings ids from a slugger shared by every piece of prose of a page. */
function headingIdsPlugin(slugger: GithubSlugger, headings: Heading[]): HastPluginInput {
	return () => ({
		name: 'heading-ids',
		element: {
			filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node, context) {
				const text = context.textContent(node);
				const slug = slugger.slug(text);
				headings.push({ depth: Number(node.tagName.slice(1)), slug, text });
				context.setProperty(node, 'id', slug);
			},
		},
	});
}

/**
 * What prose from a data file may contain once rendered: the elements Markdown produces, links
 * to web pages, mail and phone numbers, heading ids. Everything else is removed (and the text of
 * scripts and styles with it).
 * @see https://github.com/apostrophecms/sanitize-html#default-options
 */
const allowList: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'a',
		'em',
		'strong',
		'code',
		'pre',
		'del',
		'ul',
		'ol',
		'li',
		'blockquote',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'br',
		'hr',
		'span',
	],
	allowedAttributes: {
		a: ['href', 'title', 'lang'],
		span: ['lang'],
		em: ['lang'],
		h2: ['id'],
		h3: ['id'],
		h4: ['id'],
		h5: ['id'],
		h6: ['id'],
		th: ['align'],
		td: ['align'],
		ol: ['start'],
	},
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
};

/** Sanitises rendered prose with the allow-list. */
export function sanitize(html: string): string {
	return sanitizeHtml(html, allowList);
}

/** Options of `renderMarkdown()`. */
export interface RenderOptions {
	/** Shared by every piece of prose of a page, so that heading ids stay unique on it. */
	slugger?: GithubSlugger | undefined;
	/** Base path of the site (`BASE_PATH`); the build's by default. */
	base?: string | undefined;
	/** Language of the page: known foreign terms of the text get their own `lang`. */
	lang?: Lang | undefined;
}

/**
 * Renders Markdown prose from a data file to sanitised HTML and lists its headings. Pass the same
 * `slugger` for every piece of prose of a page so that ids stay unique on it, and the page's
 * `lang` so that foreign terms are marked (`src/lib/foreign.ts`).
 */
export function renderMarkdown(
	source: string,
	{ slugger = new GithubSlugger(), base, lang }: RenderOptions = {}
): { html: string; headings: Heading[] } {
	const headings: Heading[] = [];
	const result = markdownToHtml(source, {
		features,
		hastPlugins: [headingIdsPlugin(slugger, headings), basePathPlugin(base ?? siteBase())],
	});
	// The pipeline's plugins are synchronous, so Sätteri answers synchronously.
	if (result instanceof Promise) throw new Error('renderMarkdown: a Markdown plugin is async');
	const html = sanitize(result.html);
	return { html: lang ? markForeignTerms(html, lang) : html, headings };
}

/** Renders a short Markdown string without its wrapping paragraph. */
export function renderInlineMarkdown(
	source: string,
	options: Omit<RenderOptions, 'slugger'> = {}
): string {
	return renderMarkdown(source, options)
		.html.trim()
		.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

export { GithubSlugger as Slugger };

/** The page rules, applied below to Sätteri's nodes; see `page-rules.ts`. */
export { frontmatterProblems, isUnsafeAddress };

/** The line of a node in its file, when the parser recorded it. */
const lineOf = (node: Readonly<HastNode>) =>
	(node as { position?: { start?: { line?: number } } }).position?.start?.line;

/** The path of a document relative to the project root, if it is in the project's `content/`. */
function contentFile(fileURL: URL | undefined, root: URL): string | undefined {
	if (!fileURL) return undefined;
	const contentRoot = new URL('content/', root).href;
	if (!fileURL.href.startsWith(contentRoot)) return undefined;
	return decodeURIComponent(fileURL.href.slice(root.href.length));
}

/**
 * The Sätteri hast plugin that holds the written pages of `content/` to the rules above. It
 * throws a `ContentError` listing every fault of a page, with its line. Registered with the MDX
 * pipeline in `astro.config.mjs`, and run by the content check (`src/loaders/check.ts`), which
 * finds the same faults before Astro starts. Documents outside `content/` are left alone.
 * @param root the project root (a `file:` URL ending with `/`)
 */
export function pagePolicyPlugin(root: URL, lang: Lang = 'en'): HastPluginEntry {
	return (context: PluginFactoryContext) => {
		const file = contentFile(context.fileURL, root);
		if (!file) return null;
		const mdx = context.sourceFormat === 'mdx';
		// In Astro, the page's frontmatter comes with the document (the content check reads it
		// itself, with lines).
		const frontmatter = (context.data['astro'] as { frontmatter?: unknown } | undefined)
			?.frontmatter;
		const problems: Problem[] =
			frontmatter === undefined ? [] : frontmatterProblems(frontmatter, { file, lang });
		const add = (node: Readonly<HastNode>, field: string, messages: Bilingual[], below = 0) =>
			inLanguage(lang, () => {
				const line = lineOf(node);
				for (const message of messages)
					problems.push({
						file,
						line: line === undefined ? undefined : line + below,
						field,
						message: say(message),
					});
			});
		const jsx = (
			node: Readonly<HastNode> & { name: string | null; attributes: readonly JsxAttribute[] }
		) => add(node, `<${node.name ?? ''}>`, jsxProblems(node.name, node.attributes));
		return defineHastPlugin({
			name: 'page-policy',
			options: { position: true },
			element: {
				filter: [],
				visit(node) {
					for (const [name, value] of Object.entries(node.properties ?? {}))
						if (
							typeof value === 'string' &&
							addressAttributes.has(name.toLowerCase()) &&
							isUnsafeAddress(value)
						)
							add(node, `<${node.tagName} ${name}>`, [unsafeAddress(name, value)]);
				},
			},
			mdxJsxFlowElement: { filter: [], visit: (node) => jsx(node) },
			mdxJsxTextElement: { filter: [], visit: (node) => jsx(node) },
			mdxFlowExpression(node) {
				if ((node.parseExpression()?.body.length ?? 0) > 0)
					add(node, `{${node.value}}`, [expressionProblem]);
			},
			mdxTextExpression(node) {
				if ((node.parseExpression()?.body.length ?? 0) > 0)
					add(node, `{${node.value}}`, [expressionProblem]);
			},
			mdxjsEsm(node) {
				const program = node.parseExpression() as { body: EsmStatement[] } | null;
				// Sätteri counts a statement's offset from the start of its block.
				const lineInBlock = (statement: EsmStatement) =>
					node.value.slice(0, statement.start ?? 0).split('\n').length - 1;
				for (const { line, field, message } of program ? esmProblems(program, lineInBlock) : [])
					add(node, field, [message], line);
			},
			raw(node) {
				// Markdown pages keep raw HTML as it is written; only comments may stay.
				if (mdx || isHtmlComment(node.value)) return;
				add(node, node.value.trim().split('\n')[0]!.slice(0, 40), [rawHtmlProblem]);
			},
			after() {
				if (problems.length > 0) throw new ContentError(problems);
			},
		});
	};
}

/**
 * The problems of a written page (`file`, relative to `root`): its MDX or Markdown syntax, then
 * the rules of `pagePolicyPlugin`. Compiles the page as Astro does, without Astro: the content
 * check runs it on every page before the build starts.
 */
export function pageProblems(
	source: string,
	{ root, file, lang = 'en' }: { root: URL; file: string; lang?: Lang }
): Problem[] {
	const options = {
		features,
		hastPlugins: [pagePolicyPlugin(root, lang)],
		fileURL: new URL(file, root),
	};
	try {
		if (file.endsWith('.mdx')) mdxToJs(source, options);
		else markdownToHtml(source, options);
		return [];
	} catch (error) {
		if (isContentError(error)) return error.problems;
		// The parser's message starts with the position: "10:4: Unexpected end of file…".
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
		const match =
			/^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*?)(?:\s*\(\d+:\d+(?:-\d+:\d+)?\))*(?:\s*\([\w-]+:[\w-]+\))?$/.exec(
				message
			);
		const [line, column, what] = match
			? [Number(match[1]), Number(match[2]), match[3]!]
			: [undefined, undefined, message];
		const kind = file.endsWith('.mdx') ? 'MDX' : 'Markdown';
		return [
			{
				file,
				line,
				field: `(${kind})`,
				message: inLanguage(lang, () =>
					say(
						line === undefined
							? { en: `not valid ${kind}: ${what}`, fr: `${kind} invalide : ${what}` }
							: {
									en: `not valid ${kind} at line ${line}, column ${column}: ${what}`,
									fr: `${kind} invalide ligne ${line}, colonne ${column} : ${what}`,
								}
					)
				),
			},
		];
	}
}
