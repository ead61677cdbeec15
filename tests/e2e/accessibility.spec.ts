import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

/**
 * Every page of the site, in both locales, scanned with axe-core for WCAG 2.0 and 2.1 A and AA
 * (RGAA builds on them), colour contrast included, in the light theme; the dark theme, which only
 * changes colours, on one page of each template (every page of a collection is made by the same
 * template, in both locales). The scan also runs the watch of fixtures.ts: no console error, no CSP
 * violation, no request to another origin.
 */
// Every page of the build (the sitemap needs SITE_URL, which the root build is made without).
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
// Starlight writes the French 404 page as 404.html and the English one as en/404/index.html.
const paths = readdirSync(dist, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && entry.name === 'index.html')
	.map((entry) => relative(dist, entry.parentPath).split('\\').join('/'))
	.map((dir) => (dir === '' ? '' : `${dir}/`))
	.filter((path) => !path.startsWith('admin/'))
	.concat('404.html')
	.sort();

/**
 * The template of a page: a page of a collection (`partenaires/kagawa/`) is its folder with `*`
 * (`partenaires/*`), any other page is its own.
 */
const templateOf = (path: string) => {
	const parts = path.replace(/^en\//, '').split('/').filter(Boolean);
	return parts.length > 1 ? `${parts[0]}/*` : (parts[0] ?? '');
};
/** The first page of each template. */
const samplePaths = paths.filter(
	(path, index) => paths.findIndex((other) => templateOf(other) === templateOf(path)) === index
);

/**
 * The light theme's scans, in groups of about twenty pages: the pages of a collection's template
 * (`pays/*`) in one locale, and the site's other pages in one locale.
 */
const groups = new Map<string, string[]>();
for (const path of paths) {
	const template = templateOf(path);
	const locale = path.startsWith('en/') ? 'English' : 'French';
	const key = `${locale} pages ${template.endsWith('/*') ? `of /${template}` : 'of their own template'}`;
	groups.set(key, [...(groups.get(key) ?? []), path]);
}

test('the build has the pages of both locales', () => {
	expect(paths.length).toBeGreaterThan(20);
	expect(paths.filter((path) => path.startsWith('en/')).length).toBe(
		paths.filter((path) => !path.startsWith('en/')).length
	);
	// The dark theme's sample has a page of every template: a partner, a country, a programme.
	for (const template of ['partenaires/*', 'pays/*', 'programmes/*', 'guides/*', ''])
		expect(samplePaths.filter((path) => templateOf(path) === template)).toHaveLength(1);
});

/**
 * The pages of one test are opened one after the other in the same browser page: axe-core is
 * then compiled once for them all, and a page costs its load and its scan (about 0.3 s instead
 * of 2 s in a page of its own). The test names every page at fault with its violations.
 */
for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });
		const scans =
			colorScheme === 'light'
				? [...groups]
				: [['one page of each template, French or English', samplePaths] as const];
		for (const [group, pages] of scans) {
			test(`${group} (${pages.length}): no WCAG 2.1 AA violation`, async ({ page }) => {
				const faults: Record<string, string[]> = {};
				for (const path of pages) {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
					const violations = await axeViolations(page);
					if (violations.length > 0) faults[`/${path}`] = violations;
				}
				expect(faults).toEqual({});
			});
		}
	});
}
