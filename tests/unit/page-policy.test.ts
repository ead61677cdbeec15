import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { frontmatterProblems, isUnsafeAddress, pageProblems } from '../../src/lib/markdown';
import { formatProblem } from '../../src/lib/problems';
import { pagesProblems } from '../../src/loaders/pages';

/**
 * What a written page may contain (`pagePolicyPlugin`), and how the content check compiles pages
 * (`pagesProblems`). The builds of `tests/build/content-errors.test.ts` check the same rules
 * through Astro.
 */

const root = pathToFileURL(new URL('../../', import.meta.url).pathname);
const problems = (text: string, file = 'content/docs/essai.mdx') =>
	pageProblems(`---\ntitle: Essai\n---\n\n${text}\n`, { root, file }).map(formatProblem);

describe('what a page may contain', () => {
	test('components of ~/components, Markdown, and a few inline HTML elements', () => {
		expect(
			problems(
				[
					"import { Aside, Term } from '~/components';",
					'',
					'<Aside type="tip">Un **conseil** et un <Term id="pfe" />.</Aside>',
					'',
					'Raccourci <kbd>Ctrl</kbd>+<kbd>K</kbd>, <span lang="en">internship</span>, [lien](https://example.org/) et [courriel](mailto:a@example.org). {/* note */}',
				].join('\n')
			)
		).toEqual([]);
	});

	test('no script, frame, form, style or other element that runs code or loads a page', () => {
		expect(
			problems('<script>{"x"}</script>\n\n<iframe src="https://example.org/" />\n\n<svg />')
		).toEqual([
			'content/docs/essai.mdx:5: <script>: <script> is not allowed in pages: it would run code, load another page or change the page',
			'content/docs/essai.mdx:5: {"x"}: expressions in braces are code, which pages may not run: write the text itself (a brace as \\{)',
			'content/docs/essai.mdx:7: <iframe>: <iframe> is not allowed in pages: it would run code, load another page or change the page',
			'content/docs/essai.mdx:9: <svg>: <svg> is not allowed in pages: it would run code, load another page or change the page',
		]);
		expect(problems('<div>Texte</div>')).toEqual([
			'content/docs/essai.mdx:5: <div>: the HTML element <div> is not allowed in pages: write Markdown, or use a component of ~/components',
		]);
	});

	test('no event handler, directive, style, computed attribute or unsafe address', () => {
		expect(
			problems(
				'<kbd onClick="x">a</kbd> <Aside set:html="<b>" /> <span style="color:red">b</span> <Aside title={x} /> <Aside {...x} /> <Aside href="javascript:x" />'
			).map((line) => line.split(': ').slice(1, 3).join(': '))
		).toEqual([
			'<kbd>: the event handler onClick is not allowed in pages',
			'<Aside>: the directive set:html is not allowed in pages',
			'<span>: the style attribute is not allowed in pages',
			'<Aside>: the value of title is computed by code ({x}), which pages may not run',
			'<Aside>: attributes computed by code ({...x}) are not allowed in pages',
			'<Aside>: address "javascript:x" in href is not allowed',
		]);
	});

	test('imports from ~/components only, and no export', () => {
		expect(
			problems(
				"import { Aside } from '~/components';\nimport fs from 'node:fs';\nexport const x = 1;"
			)
		).toEqual([
			'content/docs/essai.mdx:6: import … from "node:fs": pages import components from ~/components only, e.g. import { Aside, Term } from \'~/components\';',
			'content/docs/essai.mdx:7: export: pages may not export code: only imports of components are allowed',
		]);
	});

	test('Markdown pages: no raw HTML, no unsafe link', () => {
		expect(
			problems(
				'Texte <b>gras</b>.\n\n<!-- une note -->\n\n[x](javascript:alert(1)) ![y](data:image/png;base64,AA)',
				'content/docs/essai.md'
			)
		).toEqual([
			'content/docs/essai.md:5: <b>: raw HTML is not allowed in Markdown pages: write Markdown, or make the page an .mdx page and use a component',
			'content/docs/essai.md:5: </b>: raw HTML is not allowed in Markdown pages: write Markdown, or make the page an .mdx page and use a component',
			'content/docs/essai.md:9: <a href>: address "javascript:alert(1)" in href is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)',
			'content/docs/essai.md:9: <img src>: address "data:image/png;base64,AA" in src is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)',
		]);
	});

	test('tells javascript:, vbscript: and data: addresses however they are written', () => {
		for (const address of [
			'javascript:x',
			' JavaScript:x',
			'java\tscript:x',
			'java\nscript:x',
			'DATA:text/html,x',
			'vbscript:x',
		])
			expect(isUnsafeAddress(address), address).toBe(true);
		for (const address of [
			'https://example.org/javascript:',
			'/data:x/',
			'mailto:a@example.org',
			'#javascript',
		])
			expect(isUnsafeAddress(address), address).toBe(false);
	});

	test('leaves documents outside content/ alone', () => {
		expect(pageProblems('<script>{"x"}</script>', { root, file: 'src/other.mdx' })).toEqual([]);
	});

	test('speaks French to the office', () => {
		expect(
			pageProblems('<iframe />', { root, file: 'content/docs/essai.mdx', lang: 'fr' }).map(
				formatProblem
			)
		).toEqual([
			'content/docs/essai.mdx:1: <iframe>: <iframe> n’est pas permis dans les pages : il exécuterait du code, chargerait une autre page ou modifierait la page',
		]);
	});
});

describe('what a page’s frontmatter may hold', () => {
	const check = (frontmatter: unknown) =>
		frontmatterProblems(frontmatter, { file: 'content/docs/essai.mdx' }).map(
			(problem) => `${problem.field}: ${problem.message}`
		);

	test('text, links to pages and sites, icons by name', () => {
		expect(
			check({
				title: 'Accueil <3',
				hero: {
					title: 'L’international à Mines Alès',
					tagline: 'Partir & revenir',
					actions: [{ text: 'Étudier', link: '/etudier-a-l-etranger/', icon: 'right-arrow' }],
				},
				editUrl: false,
			})
		).toEqual([]);
	});

	test('no <head> tags, no markup where Starlight writes HTML, no handler, no unsafe address', () => {
		expect(
			check({
				head: [{ tag: 'script', content: 'alert(1)' }],
				banner: { content: '<img src=x onerror=alert(1)>' },
				hero: {
					title: 'Bienvenue <script>alert(1)</script>',
					tagline: '<b>x</b>',
					image: { html: '<svg onload="alert(1)"></svg>' },
					actions: [
						{ text: 'x', link: 'javascript:alert(1)', attrs: { onclick: 'alert(1)', style: 'x' } },
					],
				},
				editUrl: ' data:text/html,x',
			})
		).toEqual([
			'head: custom <head> tags are not allowed in pages: they would add scripts, styles or redirections to the page',
			'banner.content: Starlight writes this field as HTML: write text only, without tags (<…>)',
			'hero.title: Starlight writes this field as HTML: write text only, without tags (<…>)',
			'hero.tagline: Starlight writes this field as HTML: write text only, without tags (<…>)',
			'hero.image.html: raw HTML is not allowed in pages: use an image file or an icon name',
			'hero.actions.0.link: address "javascript:alert(1)" in hero.actions.0.link is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)',
			'hero.actions.0.attrs.onclick: the attribute onclick is not allowed in pages: pages run no script and keep the site’s styles',
			'hero.actions.0.attrs.style: the attribute style is not allowed in pages: pages run no script and keep the site’s styles',
			'editUrl: address " data:text/html,x" in editUrl is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)',
		]);
	});
});

describe('the content check’s compilation of pages', () => {
	// Found by the property tests (tests/properties/content.ts): these pages make Sätteri, the
	// native compiler, abort the whole process instead of reporting an error.
	test('reports a page the compiler crashes on, and goes on with the next pages', () => {
		const result = pagesProblems(
			[
				{ file: 'content/docs/a.mdx', text: '<Steps><Aside e=""></Aside>\n\n2. </Steps>' },
				{ file: 'content/docs/b.mdx', text: '<iframe />' },
				{
					file: 'content/docs/c.mdx',
					text: '<Steps>\n   <Aside type="caution" title="é">\n1. **Choisir**\n   </Aside>\n\n2. **Être**\n</Steps>',
				},
				{ file: 'content/docs/d.mdx', text: 'Une { accolade.' },
				{ file: 'content/docs/e.mdx', text: 'Tout va bien.' },
			],
			{ root }
		);
		expect(result.map((problem) => `${problem.file}: ${problem.field}`)).toEqual([
			'content/docs/a.mdx: (MDX)',
			'content/docs/b.mdx: <iframe>',
			'content/docs/c.mdx: (MDX)',
			'content/docs/d.mdx: (MDX)',
		]);
		expect(result[0]!.message).toMatch(/^the page compiler \(Sätteri\) crashed on this page/);
		expect(result[2]!.message).toBe(result[0]!.message);
		expect(result[3]!.message).toMatch(
			/^not valid MDX at line 1, column 5: Unexpected end of file/
		);
	}, 60_000);
});
