import { expect, test } from './fixtures';

test.describe('keyboard-only use', () => {
	test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
		await page.goto('partenaires/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Aller au contenu' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#_top$/);
	});

	test('Ctrl+K opens the search, typing searches, Escape closes it and gives focus back', async ({
		page,
	}) => {
		await page.goto('en/');
		// Pagefind's interface loads once the page is idle; then the shortcut opens a ready dialog.
		await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
		await page.keyboard.press('Control+k');
		const dialog = page.locator('dialog[open]');
		await expect(dialog).toBeVisible();
		await expect(dialog.locator('.pagefind-ui__search-input')).toBeFocused();
		await page.keyboard.type('Erasmus');
		await expect(dialog.locator('li.pagefind-ui__result').first()).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.locator('dialog[open]')).toHaveCount(0);
	});

	test('the sidebar links can be reached and followed with Tab and Enter', async ({ page }) => {
		await page.goto('en/contacts/');
		const link = page.locator('#starlight__sidebar').getByRole('link', { name: 'Country guides' });
		await expect(link).toBeVisible();
		for (
			let presses = 0;
			presses < 60 && !(await link.evaluate((element) => element === document.activeElement));
			presses++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/en\/pays\/$/);
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 375, height: 740 } });

		test('the menu button opens the navigation and Escape closes it', async ({ page }) => {
			await page.goto('en/contacts/');
			const toggle = page.getByRole('button', { name: 'Menu' });
			const sidebar = page.locator('#starlight__sidebar');
			const isOpen = () => sidebar.evaluate((element) => element.matches(':popover-open'));
			await expect(toggle).toBeVisible();
			await toggle.focus();
			await page.keyboard.press('Enter');
			await expect.poll(isOpen).toBe(true);
			const link = sidebar.getByRole('link', { name: 'Find a partner' });
			await expect(link).toBeVisible();
			await page.keyboard.press('Tab');
			await expect(sidebar.locator(':focus')).toHaveCount(1);
			await page.keyboard.press('Escape');
			await expect.poll(isOpen).toBe(false);
		});
	});
});
