import { axeViolations } from './axe';
import { expect, test } from './fixtures';

test.describe('budget estimate', () => {
	test('computes from the data for ?pays=se&mois=5, and updates on input', async ({ page }) => {
		await page.goto('budget/?pays=se&mois=5');
		await expect(page.getByLabel('Pays de destination')).toHaveValue('se');
		await expect(page.getByLabel('Durée (mois)')).toHaveValue('5');
		const result = page.locator('[data-budget-result]');
		// Sweden is in group 1; the monthly amounts of the call are not on the site yet, and the page
		// says so; the inclusion top-up is computed.
		await expect(result).toContainText('Groupe 1 (coût de la vie élevé)');
		await expect(result).toContainText(/250\s€ par mois × 5 mois = 1\s250\s€/);
		// The Swedish cost-of-living reference, with its source and year.
		const cost = page.locator('[data-budget-cost="se"]');
		await expect(cost).toBeVisible();
		await expect(cost.getByRole('link', { name: /2025/ })).toHaveAttribute(
			'href',
			/migrationsverket\.se/
		);

		await page.getByLabel('Durée (mois)').fill('10');
		await expect(page).toHaveURL(/\?pays=se&mois=10$/);
		await expect(result).toContainText(/250\s€ par mois × 10 mois = 2\s500\s€/);

		await page.getByLabel('Pays de destination').selectOption('jp');
		await expect(page).toHaveURL(/\?pays=jp&mois=10$/);
		await expect(result).toContainText('hors des groupes de pays');
		await expect(cost).toBeHidden();
		await expect(
			page.getByText('ne donne pas encore de repère sur le coût de la vie')
		).toBeVisible();
	});

	test('in English, with the same inputs in the URL', async ({ page }) => {
		await page.goto('en/budget/?pays=cz&mois=4');
		const result = page.locator('[data-budget-result]');
		await expect(result).toContainText('Group 3 (lower living costs)');
		await expect(result).toContainText(/€250 a month × 4 months = €1,000/);
		await expect(
			page.getByRole('heading', { name: 'Mouv’Occitanie (Occitanie Region)' })
		).toBeVisible();
	});

	test('is usable by keyboard', async ({ page }) => {
		await page.goto('budget/');
		const country = page.getByLabel('Pays de destination');
		await country.focus();
		await country.selectOption('it');
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Durée (mois)')).toBeFocused();
		await page.keyboard.type('6');
		await expect(page).toHaveURL(/\?pays=it&mois=6$/);
		await expect(page.locator('[data-budget-result]')).toContainText('Groupe 2');
	});

	test.describe('on a phone (390 px)', () => {
		test.use({ viewport: { width: 390, height: 844 } });
		test('the form and the result fit the screen', async ({ page }) => {
			await page.goto('budget/?pays=se&mois=5');
			await expect(page.locator('[data-budget-result]')).toContainText('Groupe 1');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
		});
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test.describe(`${colorScheme} theme`, () => {
			test.use({ colorScheme });
			for (const path of ['budget/?pays=se&mois=5', 'en/budget/?pays=jp&mois=3']) {
				test(`/${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
					await expect(page.locator('[data-budget]')).toBeVisible();
					expect(await axeViolations(page)).toEqual([]);
				});
			}
		});
	}
});

test.describe('budget without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('says what it needs; the grants and their sources stay readable', async ({ page }) => {
		await page.goto('budget/?pays=se&mois=5');
		await expect(page.getByText('Le calcul se fait dans le navigateur')).toBeVisible();
		await expect(page.getByLabel('Pays de destination')).toBeHidden();
		await expect(
			page.getByRole('heading', { name: 'Bourse Erasmus+ (période d’études)' })
		).toBeVisible();
		await expect(page.getByText('ne sont pas encore sur le site')).toBeVisible();
	});
});
