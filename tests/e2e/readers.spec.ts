import { expect, test } from './fixtures';

/**
 * What readers meet on the site, checked as they meet it: the map follows the
 * finder's filters, the filters fold on a phone so that results come first, the home page lets a
 * phone switch language, and the partner list says it is partial.
 */

interface Dataset {
	partners: { id: string; country: string; agreements: { kind?: string }[] }[];
}

test.describe('the finder and its map', () => {
	test('the map follows the filters, marker by marker, with the count', async ({
		page,
		request,
	}) => {
		const { partners } = (await (await request.get('data/partners.json')).json()) as Dataset;
		const presented = partners.filter((partner) => partner.agreements.length > 0);
		await page.goto('partenaires/');
		const markers = page.locator('.partner-map [data-map-marker]');
		const visibleMarkers = page.locator('.partner-map [data-map-marker]:not([data-filtered-out])');
		await expect(markers).toHaveCount(presented.length);
		await expect(visibleMarkers).toHaveCount(presented.length);

		await page.getByLabel('Pays', { exact: true }).selectOption('jp');
		const inJapan = presented.filter((partner) => partner.country === 'jp');
		await expect(visibleMarkers).toHaveCount(inJapan.length);
		for (const partner of inJapan)
			await expect(page.locator(`[data-map-marker="${partner.id}"]`)).toBeVisible();
		await expect(page.locator('[data-finder-count]')).toHaveText(
			`${inJapan.length} partenaire sur ${presented.length}`
		);
		// The other markers are hidden from sight and from the keyboard.
		const other = presented.find((partner) => partner.country !== 'jp')!;
		await expect(page.locator(`[data-map-marker="${other.id}"]`)).toBeHidden();

		await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
		await expect(visibleMarkers).toHaveCount(presented.length);
	});

	test('institutions with no agreement are not offered as partners', async ({ page, request }) => {
		const { partners } = (await (await request.get('data/partners.json')).json()) as Dataset;
		const withoutAgreement = partners.filter((partner) => partner.agreements.length === 0);
		expect(withoutAgreement.length).toBeGreaterThan(0);
		await page.goto('partenaires/');
		for (const partner of withoutAgreement)
			await expect(page.locator(`.finder-body a[href$="/partenaires/${partner.id}/"]`)).toHaveCount(
				0
			);
		// Their sheet is still there, reached from their country's page.
		const first = withoutAgreement[0]!;
		await page.goto(`pays/${first.country}/`);
		await expect(page.locator(`.partner-list a[href$="/partenaires/${first.id}/"]`)).toBeVisible();
	});

	test('says the list is partial and how to get the full one', async ({ page }) => {
		await page.goto('partenaires/');
		await expect(page.locator('.network-statement')).toContainText('environ 80');
		await expect(
			page.getByRole('link', {
				name: 'Demander la liste complète au Service Pédagogie Internationale',
			})
		).toHaveAttribute('href', /\/contacts\/$/);
		await page.goto('en/pays/de/');
		await expect(page.locator('.network-statement')).toContainText('about 80');
	});
});

test.describe('on a phone (390 px)', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the filters fold into one disclosure, and the first result shows in the first screen', async ({
		page,
	}) => {
		await page.goto('partenaires/');
		const disclosure = page.locator('[data-finder-disclosure]');
		await expect(disclosure).not.toHaveAttribute('open', /.*/);
		await expect(page.getByLabel('Pays', { exact: true })).toBeHidden();
		const summary = disclosure.locator('summary');
		await expect(summary).toHaveText('Filtres');
		const firstRow = page.locator('.finder-body [role="row"]').first();
		const box = await firstRow.boundingBox();
		expect(box!.y, 'first result within the first screen').toBeLessThan(844);

		await summary.click();
		await page.getByLabel('Type de mobilité').selectOption({ index: 1 });
		await expect(summary).toHaveText('Filtres (1 actif)');
	});

	test('the home page lets a phone switch language and theme', async ({ page }) => {
		await page.goto('');
		await page.getByRole('button', { name: 'Menu' }).click();
		const language = page.getByRole('combobox', { name: 'Sélectionner la langue' });
		await expect(language).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Sélectionner le thème' })).toBeVisible();
		await language.selectOption({ label: 'English' });
		await expect(page).toHaveURL(/\/en\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test('the country guides table reads as cards', async ({ page }) => {
		await page.goto('en/pays/');
		const table = page.locator('table').first();
		const box = await table.boundingBox();
		expect(box!.width).toBeLessThanOrEqual(390);
		// Each value is shown under its column's name (the table's head is for screen readers).
		const label = await page
			.locator('tbody td')
			.first()
			.evaluate((cell) => getComputedStyle(cell, '::before').content);
		expect(label).toContain('European Union');
		const row = await page.locator('tbody tr').first().boundingBox();
		expect(row!.height).toBeGreaterThan(80);
	});
});
