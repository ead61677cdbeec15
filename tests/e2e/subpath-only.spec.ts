import { expect, test } from './fixtures';

/** What only matters when the site is served under a sub-path (/international/). */
test.describe('sub-path hosting', () => {
	test('every link and asset of the home page stays under the base path', async ({
		page,
		baseURL,
	}) => {
		await page.goto('');
		const base = new URL(baseURL!).pathname;
		const urls = await page
			.locator('a[href^="/"], link[href^="/"], script[src^="/"], img[src^="/"]')
			.evaluateAll((elements) =>
				elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
			);
		expect(urls.length).toBeGreaterThan(20);
		expect(urls.filter((url) => !url.startsWith(base))).toEqual([]);
	});

	test('the exports give addresses under the base path', async ({ request, baseURL }) => {
		const dataset = (await (await request.get('data/partners.json')).json()) as {
			partners: { pages: { en: string } }[];
		};
		expect(
			new URL(dataset.partners[0]!.pages.en).pathname.startsWith(new URL(baseURL!).pathname)
		).toBe(true);
	});

	test('the server root leads to the site', async ({ page, baseURL }) => {
		await page.goto(new URL('/', baseURL).href);
		await expect(page).toHaveURL(baseURL!);
	});
});
