import { expect, search, test } from './fixtures';

/**
 * What the personal-data page says the site does, checked in Chromium: no cookie, and nothing
 * kept in the browser but the theme (localStorage) and the sidebar state (sessionStorage), while a
 * reader browses, searches, filters and changes the theme. Requests to other origins already fail
 * every test (fixtures.ts). Also: the footer leads to the accessibility statement from any page.
 */
test('the site sets no cookie and keeps only the theme and the sidebar state', async ({
	page,
	context,
}) => {
	await page.goto('');
	await page.goto('erasmus/');
	await page.locator('starlight-theme-select select').first().selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('en/partenaires/');
	await page.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Japan' });
	await page.goto('en/guides/bourses/');
	await expect((await search(page, 'Erasmus')).first()).toBeVisible();
	await page.goto('donnees-personnelles/');

	expect(await context.cookies()).toEqual([]);
	const storage = await page.evaluate(() => ({
		local: Object.keys(localStorage),
		session: Object.keys(sessionStorage),
	}));
	expect(storage.local).toEqual(['starlight-theme']);
	expect(storage.session.filter((key) => key !== 'sl-sidebar-state')).toEqual([]);
});

for (const [start, name, heading] of [
	['glossaire/', 'Accessibilité : non conforme', 'Déclaration d’accessibilité'],
	['en/pays/jp/', 'Accessibility: not compliant', 'Accessibility statement'],
	['', 'Mentions légales', 'Mentions légales'],
	['en/', 'Personal data', 'Personal data'],
] as const) {
	test(`the footer of /${start} leads to “${heading}”`, async ({ page }) => {
		await page.goto(start);
		await page
			.getByRole('navigation', { name: /Informations légales|Legal information/ })
			.getByRole('link', { name })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	});
}
