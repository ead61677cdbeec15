import { test as base, expect, type Page } from '@playwright/test';

/** What a page did that a reader should never see: console errors, uncaught errors, foreign requests. */
export interface PageWatch {
	errors: string[];
	foreignRequests: string[];
	/** Console errors a test expects (e.g. the 404 status of an error page it opens on purpose). */
	allow: RegExp[];
}

/**
 * Playwright's `test`, where every page is watched: a console error (CSP violations included),
 * an uncaught exception or a request to another origin than the site's fails the test.
 */
export const test = base.extend<{ watch: PageWatch }>({
	watch: [
		async ({ page, baseURL }, use) => {
			const watch: PageWatch = { errors: [], foreignRequests: [], allow: [] };
			const origin = new URL(baseURL!).origin;
			page.on('console', (message) => {
				if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
			});
			page.on('pageerror', (error) => watch.errors.push(`page error: ${error.message}`));
			page.on('request', (request) => {
				const url = request.url();
				if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url))
					watch.foreignRequests.push(url);
			});
			await use(watch);
			expect(watch.foreignRequests, 'requests to other origins').toEqual([]);
			expect(
				watch.errors.filter((error) => !watch.allow.some((pattern) => pattern.test(error))),
				'console errors'
			).toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };

/**
 * Opens the search dialog with the button (unless it is open: a test can type several queries
 * in one page) and types a query; waits until Pagefind says what it found for this query
 * ("3 résultats pour visa", "No results for visa"), so that the results are not those of the
 * query before.
 */
export async function search(page: Page, query: string) {
	const dialog = page.locator('dialog[open]');
	if (!(await dialog.isVisible())) {
		const button = page.locator('site-search button[data-open-modal]').first();
		await expect(button).toBeEnabled();
		await button.click();
	}
	await dialog.locator('.pagefind-ui__search-input').fill(query);
	const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await expect(dialog.locator('.pagefind-ui__message')).toHaveText(
		new RegExp(`(?:pour|for) ${escaped}$`)
	);
	return dialog.locator('li.pagefind-ui__result');
}
