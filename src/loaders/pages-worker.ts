import { pageProblems } from '../lib/markdown.ts';
import type { Lang } from '../vocab/locales.ts';

/**
 * Compiles written pages for `pagesProblems()` (`src/loaders/pages.ts`), in a process of its
 * own: reads `{ root, lang, pages }` as JSON from its standard input and writes, for each page,
 * `start <index>` before compiling it and `done <index> <problems as JSON>` after, so that the
 * parent knows which page was being compiled if the compiler aborts the process.
 */
const input = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as {
	root: string;
	lang: Lang;
	pages: { file: string; text: string }[];
};
const root = new URL(input.root);
for (const [index, page] of input.pages.entries()) {
	process.stdout.write(`start ${index}\n`);
	const problems = pageProblems(page.text, { root, file: page.file, lang: input.lang });
	process.stdout.write(`done ${index} ${JSON.stringify(problems)}\n`);
}
