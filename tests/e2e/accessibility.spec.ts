import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * Every page of the sitemap, in both locales, scanned with axe-core for WCAG 2.0 and 2.1 A and AA
 * (RGAA builds on them), colour contrast included, in the light and the dark theme. The scan also
 * runs the watch of fixtures.ts: no console error, no CSP violation, no request to another origin.
 */
const sitemap = readFileSync(new URL('../../dist/sitemap-0.xml', import.meta.url), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
	new URL(match[1]!).pathname.replace(/^\//, '')
);

test('the sitemap lists the pages of both locales', () => {
	expect(paths.length).toBeGreaterThan(20);
	expect(paths.filter((path) => path.startsWith('en/')).length).toBe(
		paths.filter((path) => !path.startsWith('en/')).length
	);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });
		for (const path of paths) {
			test(`/${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
				const { violations } = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
					.analyze();
				expect(
					violations.map(
						(violation) =>
							`${violation.id}: ${violation.help} (${violation.nodes
								.map((node) => node.target.join(' '))
								.slice(0, 3)
								.join(' | ')})`
					)
				).toEqual([]);
			});
		}
	});
}
