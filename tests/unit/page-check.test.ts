import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { pageProblems } from '../../src/lib/markdown';
import { pageBodyProblems } from '../../src/lib/page-check';

/**
 * The web editor's check of a page's body (`pageBodyProblems`, micromark in the browser) against
 * the build's (`pageProblems`, Sätteri): no page of the site is refused, and every bad page the
 * build refuses is refused by the editor too, at the same line where both name one.
 */

const root = pathToFileURL(new URL('../../', import.meta.url).pathname);
const docs = new URL('../../content/docs/', import.meta.url);

/** A page's frontmatter and body, and the line of the body's first line in the file. */
function split(source: string): { body: string; firstLine: number } {
	const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source)?.[0] ?? '';
	return {
		body: source.slice(frontmatter.length),
		firstLine: frontmatter.split('\n').length - (frontmatter.endsWith('\n') ? 0 : 1),
	};
}

const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' })
	.filter((name) => /\.mdx?$/.test(name))
	.map((name) => `content/docs/${name}`)
	.sort();

describe('the editor refuses no page of the site', () => {
	test('there are French and English pages, Markdown and MDX', () => {
		expect(pages.some((page) => page.startsWith('content/docs/en/'))).toBe(true);
		expect(pages.some((page) => page.endsWith('.md'))).toBe(true);
		expect(pages.filter((page) => page.endsWith('.mdx')).length).toBeGreaterThan(20);
	});
	test.each(pages)('%s', (file) => {
		const { body, firstLine } = split(readFileSync(new URL(file, root), 'utf8'));
		expect(body.trim()).not.toBe('');
		expect(pageBodyProblems(body, { file, firstLine })).toEqual([]);
	});
});

const frontmatter = '---\ntitle: Essai\n---\n\n';
/** Bad pages, each with the line (in the file) of its fault. */
const bad: { name: string; file?: string; body: string; line: number }[] = [
	{ name: 'a script element', body: 'Texte.\n\n<script>alert(1)</script>\n', line: 7 },
	{ name: 'an event handler', body: 'Un <span onclick="alert(1)">mot</span>.\n', line: 5 },
	{ name: 'a javascript: link', body: 'Un [lien](javascript:alert(1)).\n', line: 5 },
	{
		name: 'a javascript: href',
		body: '\n<Aside>\n[a](https://x.org)\n</Aside>\n\n<LinkCard title="x" href="javascript:alert(1)" />\n',
		line: 10,
	},
	{ name: 'a style attribute', body: '<span style="color:red">x</span>\n', line: 5 },
	{
		name: 'an export',
		body: "import { Aside } from '~/components';\n\nexport const x = 1;\n",
		line: 7,
	},
	{ name: 'an expression', body: 'Deux : {1+1}.\n', line: 5 },
	{
		name: 'an import from elsewhere',
		body: "import { Aside } from '~/components';\nimport x from 'node:fs';\n\nTexte.\n",
		line: 6,
	},
	{ name: 'an unclosed <Aside>', body: 'Texte.\n\n<Aside>\n\nConseil.\n', line: 7 },
	{ name: 'an iframe', body: '<iframe src="https://example.org/"></iframe>\n', line: 5 },
	{
		name: 'raw HTML in a Markdown page',
		file: 'content/docs/essai.md',
		body: 'Texte.\n\n<div>bloc</div>\n',
		line: 7,
	},
];

describe('a page the build refuses, the editor refuses, at the same line', () => {
	test.each(bad)('$name', ({ file = 'content/docs/essai.mdx', body, line }) => {
		const build = pageProblems(frontmatter + body, { root, file });
		const editor = pageBodyProblems(body, { file, firstLine: 5 });
		expect(build.length, JSON.stringify(build)).toBeGreaterThan(0);
		expect(editor.length, JSON.stringify(editor)).toBeGreaterThan(0);
		expect(editor.map((problem) => problem.line)).toContain(line);
		// Where the build names a line, the editor names the same.
		const buildLines = build.map((problem) => problem.line).filter((l) => l !== undefined);
		for (const buildLine of buildLines)
			expect(editor.map((problem) => problem.line)).toContain(buildLine);
	});

	test('in French, with the line, what is wrong and what to write instead', () => {
		const [problem] = pageBodyProblems('Texte.\n\n<Aside>\n\nConseil.\n', {
			file: 'content/docs/essai.mdx',
			lang: 'fr',
		});
		expect(problem).toMatchObject({ line: 3, field: '(MDX)' });
		expect(problem!.message).toContain('MDX invalide ligne 3, colonne 1');
		expect(problem!.message).toContain('Fermez chaque composant ouvert');
		expect(
			pageBodyProblems('<script>alert(1)</script>', { file: 'a.mdx', lang: 'fr' })[0]!.message
		).toBe(
			'<script> n’est pas permis dans les pages : il exécuterait du code, chargerait une autre page ou modifierait la page'
		);
	});
});
