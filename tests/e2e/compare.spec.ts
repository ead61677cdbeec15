import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: 'Partenaires comparés' });

test.describe('shortlist and comparison', () => {
	test('two partners added from their pages survive a reload and are compared side by side', async ({
		page,
	}) => {
		await page.goto('partenaires/kagawa/');
		const add = page.getByRole('button', { name: 'Ajouter à ma sélection' });
		await expect(add).toBeVisible();
		await add.click();
		await expect(page.getByRole('button', { name: 'Retirer de ma sélection' })).toBeVisible();

		await page.goto('partenaires/sapienza/');
		await page.getByRole('button', { name: 'Ajouter à ma sélection' }).click();
		await page.reload();
		await expect(page.getByRole('button', { name: 'Retirer de ma sélection' })).toBeVisible();
		const link = page.getByRole('link', { name: 'Comparer ma sélection (2 partenaires)' });
		await expect(link).toBeVisible();
		await expect(link).toHaveAttribute('href', /\/partenaires\/comparer\/\?p=kagawa,sapienza$/);

		await link.click();
		await expect(page).toHaveURL(/\/partenaires\/comparer\/\?p=kagawa,sapienza$/);
		const headers = table(page).locator('thead th');
		await expect(headers).toHaveCount(3);
		await expect(headers.nth(1)).toContainText('Université de Kagawa');
		await expect(headers.nth(2)).toContainText('Sapienza');
		const placesRow = table(page).getByRole('row', { name: /^Places/ });
		await expect(placesRow.getByRole('cell').first()).toHaveText('non communiqué');
		const countryRow = table(page).getByRole('row', { name: /^Pays/ });
		await expect(countryRow.getByRole('cell')).toHaveText(['Japon', 'Italie']);
		const recognitions = table(page).getByRole('row', { name: /^Cours déjà reconnus/ });
		await expect(recognitions.getByRole('cell')).toHaveText([/^\d+$/, /^\d+$/]);
	});

	test('the shortlist is kept in localStorage, and no cookie is set', async ({ page, context }) => {
		await page.goto('partenaires/');
		const rowButton = page
			.locator('.finder-body [role="row"]')
			.filter({ hasText: 'Kagawa' })
			.getByRole('button', { name: /Ajouter à ma sélection/ });
		await rowButton.click();
		await expect(
			page.getByRole('link', { name: 'Comparer ma sélection (1 partenaire)' })
		).toBeVisible();
		const stored = await page.evaluate(() => localStorage.getItem('mines-ales:shortlist'));
		expect(JSON.parse(stored!)).toEqual(['kagawa']);
		expect(await context.cookies()).toEqual([]);
	});

	test('the URL shares the comparison, in both languages', async ({ page }) => {
		await page.goto('en/partenaires/comparer/?p=sapienza,kagawa');
		const headers = page.getByRole('table', { name: 'Partners compared' }).locator('thead th');
		await expect(headers).toHaveCount(3);
		await expect(headers.nth(1)).toContainText('Sapienza');
		await expect(headers.nth(2)).toContainText('Kagawa University');
		await expect(page.getByRole('link', { name: 'Address of this comparison' })).toHaveAttribute(
			'href',
			/\/en\/partenaires\/comparer\/\?p=sapienza,kagawa$/
		);
		// Removing a partner changes the address; the browser's back button restores it.
		await page.getByRole('button', { name: 'Remove Kagawa University' }).click();
		await expect(page).toHaveURL(/\?p=sapienza$/);
		await expect(page.getByText('Choose at least two partners to compare.')).toBeVisible();
		await page.goBack();
		await expect(headers).toHaveCount(3);
	});

	test('is usable by keyboard: choose a partner, add it, remove it', async ({ page }) => {
		await page.goto('partenaires/comparer/?p=kagawa');
		const select = page.getByLabel('Partenaire à ajouter');
		await select.focus();
		await select.selectOption('sapienza');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Ajouter à la comparaison' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\?p=kagawa,sapienza$/);
		const remove = page.getByRole('button', { name: /^Retirer Sapienza/ });
		await remove.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\?p=kagawa$/);
		// The table's region scrolls sideways and takes the focus, for keyboard scrolling.
		const region = page.getByRole('region', { name: 'Partenaires comparés' });
		await region.focus();
		await expect(region).toBeFocused();
	});

	test('caps the comparison at four partners', async ({ page }) => {
		await page.goto('partenaires/comparer/?p=kagawa,sapienza,njust,bauman,ifsul');
		await expect(table(page).locator('thead th')).toHaveCount(5);
		await expect(page.getByRole('button', { name: 'Ajouter à la comparaison' })).toBeDisabled();
	});

	test.describe('on a phone (390 px)', () => {
		test.use({ viewport: { width: 390, height: 844 } });

		test('the table scrolls sideways in its own region, and the page does not', async ({
			page,
		}) => {
			await page.goto('partenaires/comparer/?p=kagawa,sapienza,njust');
			const region = page.getByRole('region', { name: 'Partenaires comparés' });
			await expect(region).toBeVisible();
			const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
				scrollWidth: element.scrollWidth,
				clientWidth: element.clientWidth,
			}));
			expect(scrollWidth).toBeGreaterThan(clientWidth);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			await expect(region).toHaveAttribute('tabindex', '0');
		});

		test('the shortlist button fits on a partner page', async ({ page }) => {
			await page.goto('en/partenaires/kagawa/');
			const add = page.getByRole('button', { name: 'Add to my shortlist' });
			await expect(add).toBeVisible();
			const box = await add.boundingBox();
			expect(box!.x + box!.width).toBeLessThanOrEqual(390);
		});
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test.describe(`${colorScheme} theme`, () => {
			test.use({ colorScheme });
			for (const path of [
				'partenaires/comparer/?p=kagawa,sapienza',
				'en/partenaires/comparer/?p=kagawa,sapienza,njust',
			]) {
				test(`/${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
					await expect(page.locator('[data-compare] thead th')).not.toHaveCount(1);
					expect(await axeViolations(page)).toEqual([]);
				});
			}
		});
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the comparison says what it needs, and no shortlist button shows', async ({ page }) => {
		await page.goto('partenaires/comparer/?p=kagawa,sapienza');
		await expect(page.getByText('La comparaison se construit dans le navigateur')).toBeVisible();
		await expect(page.getByRole('table')).toHaveCount(0);
		await page.goto('partenaires/kagawa/');
		await expect(page.getByRole('button', { name: /sélection/ })).toHaveCount(0);
		await page.goto('en/partenaires/');
		await expect(page.getByRole('button', { name: /shortlist/ })).toHaveCount(0);
		await expect(page.getByRole('link', { name: /shortlist/ })).toHaveCount(0);
	});
});
