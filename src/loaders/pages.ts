import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../lib/problems.ts';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Lang } from '../vocab/locales.ts';

/**
 * The problems of written pages — their MDX or Markdown syntax, and what they may contain
 * (`pagePolicyPlugin` of `src/lib/markdown.ts`) — each page compiled as Astro compiles it, in a
 * child process (`pages-worker.ts`). Sätteri, the compiler, is native code: a few tangled pages
 * make it abort the whole process instead of reporting an error (found by the property tests,
 * `tests/properties/content.ts`: e.g. `<Steps><Aside></Aside>` then a list item `2. </Steps>`).
 * In a child process, such a crash becomes a problem of the page being compiled, and the pages
 * after it are still checked.
 */

const worker = fileURLToPath(new URL('pages-worker.ts', import.meta.url));

/** The problem of a page the compiler crashed on. */
function crashProblem(file: string, lang: Lang): Problem {
	return {
		file,
		field: file.endsWith('.mdx') ? '(MDX)' : '(Markdown)',
		message: inLanguage(lang, () =>
			say({
				en: 'the page compiler (Sätteri) crashed on this page instead of saying what is wrong: this happens when a list and the tags of a component are tangled, e.g. a list item that ends with </Steps>, or an <Aside> opened in one list item and closed in another; check the opening and closing tags of its components',
				fr: 'le compilateur des pages (Sätteri) a planté sur cette page au lieu de dire ce qui ne va pas : cela arrive quand une liste et les balises d’un composant s’emmêlent, par exemple un élément de liste qui se termine par </Steps>, ou un <Aside> ouvert dans un élément de liste et fermé dans un autre ; vérifiez les balises d’ouverture et de fermeture de ses composants',
			})
		),
	};
}

/**
 * Compiles `pages` (paths relative to `root`, a `file:` URL ending with `/`) and returns their
 * problems, in the order of the pages.
 */
export function pagesProblems(
	pages: readonly { file: string; text: string }[],
	{ root, lang = 'en' }: { root: URL; lang?: Lang }
): Problem[] {
	const problems: Problem[] = [];
	let next = 0;
	while (next < pages.length) {
		const batch = pages.slice(next);
		const result = spawnSync(process.execPath, [worker], {
			input: JSON.stringify({ root: root.href, lang, pages: batch }),
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		let started = -1;
		let done = -1;
		for (const line of result.stdout.split('\n')) {
			const match = /^(start|done) (\d+)(?: (.*))?$/.exec(line);
			if (!match) continue;
			const index = Number(match[2]);
			if (match[1] === 'start') started = index;
			else {
				done = index;
				problems.push(...(JSON.parse(match[3]!) as Problem[]));
			}
		}
		if (done === batch.length - 1) break;
		if (started === done + 1) {
			// The compiler crashed on the page it had started: that page's problem, then the rest.
			problems.push(crashProblem(batch[started]!.file, lang));
			next += started + 1;
		} else if (started === done && done >= 0) next += done + 1;
		else
			throw new Error(
				`The page compiler could not start: ${result.error?.message ?? result.stderr.trim().split('\n').at(-1) ?? ''}`
			);
	}
	return problems;
}
