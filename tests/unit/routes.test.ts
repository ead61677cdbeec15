import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	absoluteUrl,
	dataFiles,
	fileHref,
	inEveryLanguage,
	langFromLocale,
	localePath,
	localizedPaths,
	pageHref,
	routeParam,
	routes,
	withBase,
	withFragment,
} from '../../src/lib/routes';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = `${root}src/pages/`;

describe('route table', () => {
	test('gives back the id a page’s path was built with, and nothing for another path', () => {
		expect(routeParam(routes.partner, routes.partner('kagawa'))).toBe('kagawa');
		expect(
			routeParam((id) => localePath('en', routes.partner(id)), '/en/partenaires/kagawa/')
		).toBe('kagawa');
		expect(routeParam(routes.partner, '/partenaires/')).toBeUndefined();
		expect(routeParam(routes.partner, '/partenaires/kagawa/plan/')).toBeUndefined();
		expect(routeParam(routes.partner, '/pays/jp/')).toBeUndefined();
	});

	test.each([
		['/', 'fr', routes.partner('kagawa'), '/partenaires/kagawa/'],
		['/', 'en', routes.partner('kagawa'), '/en/partenaires/kagawa/'],
		['/international/', 'fr', routes.country('jp'), '/international/pays/jp/'],
		['/international/', 'en', routes.country('jp'), '/international/en/pays/jp/'],
		['/international', 'en', routes.home(), '/international/en/'],
		['/', 'fr', routes.home(), '/'],
		[
			'/international/',
			'fr',
			withFragment(routes.glossary(), 'pfe'),
			'/international/glossaire/#pfe',
		],
	])('base %s, %s: %s → %s', (base, lang, path, expected) => {
		expect(pageHref(lang as 'fr' | 'en', path, base)).toBe(expected);
	});

	test('data files are the same in every language and take the base path', () => {
		expect(fileHref(dataFiles.partnersCsv(), '/')).toBe('/data/partners.csv');
		expect(fileHref(dataFiles.partnerIcs('kagawa'), '/international/')).toBe(
			'/international/data/partners/kagawa.ics'
		);
	});

	test('every path ends with a slash or a file extension (trailingSlash: always)', () => {
		for (const route of Object.values(routes)) expect(route('x')).toMatch(/\/$/);
		for (const file of Object.values(dataFiles)) expect(file('x')).toMatch(/\.\w+$/);
	});

	test('withBase leaves other links alone and never adds the base twice', () => {
		expect(withBase('/en/', '/international/')).toBe('/international/en/');
		expect(withBase('/international/en/', '/international/')).toBe('/international/en/');
		expect(withBase('https://example.org/a/', '/international/')).toBe('https://example.org/a/');
		expect(withBase('//cdn.example.org/a.js', '/international/')).toBe('//cdn.example.org/a.js');
		expect(withBase('mailto:a@example.org', '/international/')).toBe('mailto:a@example.org');
		expect(withBase('#top', '/international/')).toBe('#top');
		expect(withBase('/pays/', '/')).toBe('/pays/');
		expect(localePath('en', 'pays/')).toBe('/en/pays/');
	});

	test('absolute URLs only when the origin is known', () => {
		expect(absoluteUrl(new URL('https://example.org'), '/international/en/')).toBe(
			'https://example.org/international/en/'
		);
		expect(absoluteUrl(undefined, '/international/en/')).toBe('/international/en/');
	});

	test('static paths: French at the root, English under en/', () => {
		expect(inEveryLanguage()).toEqual([
			{ params: { lang: undefined }, props: { lang: 'fr' } },
			{ params: { lang: 'en' }, props: { lang: 'en' } },
		]);
		expect(localizedPaths(() => [{ params: { id: 'a' }, props: { n: 1 } }])[1]).toEqual({
			params: { id: 'a', lang: 'en' },
			props: { n: 1, lang: 'en' },
		});
		expect(langFromLocale(undefined)).toBe('fr');
		expect(langFromLocale('en')).toBe('en');
	});

	test('every route of the table has its page (generated or written), and every data file its route', () => {
		for (const [name, route] of Object.entries(routes)) {
			const path = route('[id]').replace(/\/$/, '');
			const candidates = [
				`src/pages/[...lang]${path}.astro`,
				`src/pages/[...lang]${path}/index.astro`,
				`src/pages/[...lang]${path.replace('[id]', '[code]')}.astro`,
				// Written pages of content/docs/ (the home page is its index.mdx).
				`content/docs${path || '/index'}.mdx`,
			];
			expect(
				candidates.some((file) => existsSync(root + file)),
				`${name}: ${candidates.join(' or ')}`
			).toBe(true);
		}
		for (const [name, file] of Object.entries(dataFiles)) {
			const route = `${file('[id]').slice(1)}.ts`;
			expect(existsSync(pages + route), `${name}: src/pages/${route}`).toBe(true);
		}
	});
});
