import { expect, test } from './fixtures';

/**
 * The language switch leads to the same page in the other language. With JavaScript it is
 * Starlight's picker; without, a plain link, at every width (on a phone Starlight shows its
 * picker only in the menu, which a script opens), and no inert picker or search button shows.
 */
const pages = [
	{ from: 'partenaires/kagawa/', to: 'en/partenaires/kagawa/', link: 'English' },
	{ from: 'en/pays/jp/', to: 'pays/jp/', link: 'Français' },
	{ from: '', to: 'en/', link: 'English' },
];

for (const width of [1280, 390]) {
	test.describe(`without JavaScript, ${width} px wide`, () => {
		test.use({ javaScriptEnabled: false, viewport: { width, height: 800 } });

		for (const { from, to, link } of pages) {
			test(`/${from} links to /${to}`, async ({ page, baseURL }) => {
				await page.goto(from);
				const header = page.locator('header.header');
				const switchLink = header.getByRole('link', { name: link, exact: true });
				await expect(switchLink).toBeVisible();
				await expect(switchLink).toHaveAttribute('lang', link === 'English' ? 'en' : 'fr');
				// The pickers that need a script do not show.
				await expect(header.locator('starlight-lang-select select')).toBeHidden();
				await expect(header.locator('starlight-theme-select select')).toBeHidden();
				await expect(header.locator('site-search button[data-open-modal]')).toBeHidden();
				await switchLink.click();
				await expect(page).toHaveURL(new URL(to, baseURL).href);
				await expect(page.locator('html')).toHaveAttribute(
					'lang',
					link === 'English' ? 'en' : 'fr'
				);
			});
		}
	});
}

test.describe('with JavaScript', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('shows Starlight’s picker, not the link, and the picker changes the language', async ({
		page,
		baseURL,
	}) => {
		await page.goto('partenaires/kagawa/');
		const header = page.locator('header.header');
		await expect(header.getByRole('link', { name: 'English', exact: true })).toBeHidden();
		const select = header.locator('starlight-lang-select select');
		await expect(select).toBeVisible();
		await expect(select.locator('option[lang="en"]')).toHaveText('English');
		await select.selectOption({ label: 'English' });
		await expect(page).toHaveURL(new URL('en/partenaires/kagawa/', baseURL).href);
	});
});
