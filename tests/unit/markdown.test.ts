import { describe, expect, test } from 'vitest';
import { renderInlineMarkdown, renderMarkdown, Slugger } from '../../src/lib/markdown';

describe('the Markdown pipeline', () => {
	test('adds the base path to root-relative links only', () => {
		const { html } = renderMarkdown(
			'[a](/guides/logement/) [b](https://example.org/) [c](#ici) [d](mailto:a@example.org)',
			{ base: '/international/' }
		);
		expect(html).toContain('href="/international/guides/logement/"');
		expect(html).toContain('href="https://example.org/"');
		expect(html).toContain('href="#ici"');
		expect(html).toContain('href="mailto:a@example.org"');
		expect(renderMarkdown('[a](/pays/)', { base: '/' }).html).toContain('href="/pays/"');
	});

	test('gives headings ids that stay unique across the pieces of prose of a page', () => {
		const slugger = new Slugger();
		const first = renderMarkdown('## Se loger\n\nTexte.', { slugger });
		const second = renderMarkdown('## Se loger\n\n### Étudier à Tōkyō', { slugger });
		expect(first.headings).toEqual([{ depth: 2, slug: 'se-loger', text: 'Se loger' }]);
		expect(second.headings.map((heading) => heading.slug)).toEqual([
			'se-loger-1',
			'étudier-à-tōkyō',
		]);
		expect(second.html).toContain('<h2 id="se-loger-1">');
	});

	test('uses smart punctuation and GitHub tables, as Astro renders pages', () => {
		const { html } = renderMarkdown('L\'École "ouverte"...\n\n| a | b |\n|---|---|\n| 1 | 2 |');
		expect(html).toContain('L’École “ouverte”…');
		expect(html).toContain('<table>');
	});

	test('removes scripts, event handlers, frames, forms, styles and javascript: links', () => {
		const { html } = renderMarkdown(
			[
				'<script>alert(1)</script>',
				'<img src=x onerror="alert(1)">',
				'<iframe src="https://evil.example"></iframe>',
				'<form action="https://evil.example"><input name="q"></form>',
				'<style>body{display:none}</style>',
				'[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>)',
				'<a href="https://example.org" onclick="alert(1)">ok</a>',
				'<svg><script>alert(1)</script></svg>',
			].join('\n\n')
		);
		expect(html).not.toMatch(
			/<script|onerror|onclick|<iframe|<form|<input|<style|<svg|javascript:|data:text/i
		);
		expect(html).toContain('<a href="https://example.org">ok</a>');
	});

	test('renders a short string without its paragraph', () => {
		expect(renderInlineMarkdown('Voir *la page*.')).toBe('Voir <em>la page</em>.');
	});
});
