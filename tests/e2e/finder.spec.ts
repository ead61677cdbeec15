import { expect, test } from './fixtures';

interface Dataset {
	partners: {
		id: string;
		name: { native: string; en: string; fr?: string };
		abbreviation?: string;
		city?: string;
		country: string;
		agreements: { kind?: string; programme?: string; eqfLevels?: number[] }[];
	}[];
}

/**
 * The published dataset, reduced to what the finder and the maps present: institutions with at
 * least one agreement (the others keep their sheet and appear on their country's page).
 */
async function dataset(request: import('@playwright/test').APIRequestContext): Promise<Dataset> {
	const response = await request.get('data/partners.json');
	expect(response.ok()).toBe(true);
	const { partners } = (await response.json()) as Dataset;
	const presented = partners.filter((partner) => partner.agreements.length > 0);
	expect(presented.length).toBeGreaterThan(0);
	expect(presented.length).toBeLessThan(partners.length);
	return { partners: presented };
}

test.describe('partner finder with JavaScript', () => {
	test('filters by kind of mobility and country, with a count, and keeps the state in the URL', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		await page.goto('partenaires/');
		const rows = page.locator('.finder-body [role="row"]:not([hidden])');
		const count = page.locator('[data-finder-count]');
		await expect(rows).toHaveCount(partners.length);
		await expect(page.getByText('Filtrez la liste par pays')).toBeVisible();
		await expect(count).toHaveText(
			new RegExp(`^${partners.length} partenaires? sur ${partners.length}$`)
		);

		// An agreement whose kind the sources do not give has none.
		const kind = partners
			.flatMap((partner) => partner.agreements.map((agreement) => agreement.kind))
			.find((kind): kind is string => Boolean(kind))!;
		const withKind = partners.filter((partner) =>
			partner.agreements.some((agreement) => agreement.kind === kind)
		);
		await page.getByLabel('Type de mobilité').selectOption(kind);
		await expect(rows).toHaveCount(withKind.length);
		await expect(count).toContainText(`${withKind.length} partenaire`);
		await expect(page).toHaveURL(new RegExp(`\\?kind=${kind}$`));

		const country = withKind[0]!.country;
		await page.getByLabel('Pays', { exact: true }).selectOption(country);
		const both = withKind.filter((partner) => partner.country === country);
		await expect(rows).toHaveCount(both.length);
		await expect(page).toHaveURL(new RegExp(`\\?country=${country}&kind=${kind}$`));

		// Back and forward walk through the filter states.
		await page.goBack();
		await expect(page).toHaveURL(new RegExp(`\\?kind=${kind}$`));
		await expect(rows).toHaveCount(withKind.length);
		await expect(page.getByLabel('Pays', { exact: true })).toHaveValue('');
		await page.goForward();
		await expect(rows).toHaveCount(both.length);
		await expect(page.getByLabel('Pays', { exact: true })).toHaveValue(country);
	});

	test('filters by level of study, kept in the URL, and the map follows', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		// The levels of an agreement; a double degree with none given is at master's level (EQF 7).
		const levels = (agreement: Dataset['partners'][number]['agreements'][number]) =>
			agreement.eqfLevels ?? (agreement.kind === 'double-degree' ? [7] : []);
		await page.goto('partenaires/');
		const select = page.getByLabel('Niveau d’études');
		await expect(select.locator('option[value="7"]')).toHaveText(
			'Niveau master (diplôme d’ingénieur)'
		);
		await select.selectOption('7');
		await expect(page).toHaveURL(/\?level=7$/);
		const atLevel = partners.filter((partner) =>
			partner.agreements.some((agreement) => levels(agreement).includes(7))
		);
		expect(atLevel.length).toBeGreaterThan(0);
		expect(atLevel.length).toBeLessThan(partners.length);
		const rows = page.locator('.finder-body [role="row"]:not([hidden])');
		await expect(rows).toHaveCount(atLevel.length);
		for (const partner of atLevel) {
			await expect(rows.locator(`a[href$="/partenaires/${partner.id}/"]`)).toHaveCount(1);
		}
		await expect(page.locator('[data-finder-count]')).toHaveText(
			`${atLevel.length} partenaire${atLevel.length > 1 ? 's' : ''} sur ${partners.length}`
		);
		// The markers of the partners left out hide; the others stay.
		const markers = page.locator('.partner-map [data-map-marker]');
		await expect(
			page.locator('.partner-map [data-map-marker]:not([data-filtered-out])')
		).toHaveCount(atLevel.length);
		await expect(markers).toHaveCount(partners.length);
		for (const partner of atLevel) {
			await expect(
				page.locator(`.partner-map [data-map-marker="${partner.id}"]`)
			).not.toHaveAttribute('data-filtered-out');
		}

		// The link reproduces the view, in the other language too.
		await page.goto('en/partenaires/?level=7');
		await expect(page.getByLabel('Level of study')).toHaveValue('7');
		await expect(page.getByLabel('Level of study').locator('option[value="7"]')).toHaveText(
			'Master’s level (engineering degree)'
		);
		await expect(page.locator('.finder-body [role="row"]:not([hidden])')).toHaveCount(
			atLevel.length
		);
	});

	test('a shared link reproduces the view; an impossible search says so and resets', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		const first = partners[0]!;
		await page.goto(`partenaires/?country=${first.country}`);
		await expect(page.getByLabel('Pays', { exact: true })).toHaveValue(first.country);
		await expect(page.locator('.finder-body [role="row"]:not([hidden])')).toHaveCount(
			partners.filter((partner) => partner.country === first.country).length
		);

		await page.getByLabel('Nom ou ville').fill('zzzz aucun partenaire');
		await expect(page.locator('.finder-body [role="row"]:not([hidden])')).toHaveCount(0);
		await expect(page.locator('[data-finder-empty]')).toBeVisible();
		await expect(page.locator('[data-finder-count]')).toHaveText(
			`0 partenaire sur ${partners.length}`
		);

		await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
		await expect(page.locator('.finder-body [role="row"]:not([hidden])')).toHaveCount(
			partners.length
		);
		await expect(page.locator('[data-finder-empty]')).toBeHidden();
		await expect(page).toHaveURL(/\/partenaires\/$/);
	});

	test('free text finds partners by their name in any script, abbreviation or city', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		await page.goto('partenaires/');
		const visible = page.locator('.finder-body [role="row"]:not([hidden])');
		const search = page.getByLabel('Nom ou ville');
		for (const partner of partners) {
			// The native name (in its own script), then the abbreviation or the city.
			for (const query of [partner.name.native, partner.abbreviation ?? partner.city].filter(
				(text): text is string => Boolean(text)
			)) {
				await search.fill(query);
				await expect(page).toHaveURL(/[?&]q=/);
				await expect(
					visible.filter({ has: page.locator(`a[href$="/partenaires/${partner.id}/"]`) }),
					query
				).toHaveCount(1);
				const expected = partners.filter((candidate) =>
					[
						candidate.name.native,
						candidate.name.en,
						candidate.name.fr,
						candidate.abbreviation,
						candidate.city,
					]
						.filter(Boolean)
						.join(' ')
						.toLowerCase()
						.normalize('NFD')
						.replace(/\p{M}/gu, '')
						.includes(query.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''))
				);
				await expect(visible, query).toHaveCount(expected.length);
			}
		}
	});

	test('is usable with the keyboard, and announces the count politely', async ({ page }) => {
		await page.goto('en/partenaires/');
		await expect(page.locator('[data-finder-count]')).toHaveAttribute('role', 'status');
		await page.getByLabel('Name or city').focus();
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Country', { exact: true })).toBeFocused();
		for (const label of ['Country', 'World region', 'Programme', 'Kind of mobility']) {
			await expect(page.getByLabel(label, { exact: true })).toBeVisible();
		}
		// A filter is offered only when it can narrow the list: it has a value besides "all".
		for (const select of await page.locator('.finder-filters select').all()) {
			await expect(select.locator('option:not([value=""])')).not.toHaveCount(0);
		}
	});

	test('works in English too', async ({ page, request }) => {
		const { partners } = await dataset(request);
		await page.goto('en/partenaires/');
		await expect(page.locator('[data-finder-count]')).toHaveText(
			new RegExp(`^${partners.length} partners? of ${partners.length}$`)
		);
		await page.getByLabel('World region').selectOption({ index: 1 });
		await expect(page).toHaveURL(/\?region=/);
	});
});

test.describe('partner finder without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('lists every partner, linked to its fact sheet, and hides the inert filters', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		await page.goto('partenaires/');
		await expect(page.locator('.finder-body [role="row"]')).toHaveCount(partners.length);
		await expect(page.locator('[data-finder-form]')).toBeHidden();
		// No sentence invites readers to filter a list they cannot filter.
		await expect(page.getByText('Filtrez la liste')).toBeHidden();
		await expect(
			page.getByText('Les établissements avec lesquels Mines Alès coopère')
		).toBeVisible();
		for (const partner of partners) {
			await expect(
				page.locator(`.finder-table a[href$="/partenaires/${partner.id}/"]`)
			).toHaveCount(1);
		}
	});
});

test.describe('map of partners', () => {
	test('has a title, a description and one named link per partner, each to its fact sheet', async ({
		page,
		request,
	}) => {
		const { partners } = await dataset(request);
		await page.goto('partenaires/');
		const map = page.locator('.partner-map svg');
		await expect(map).toHaveAccessibleName('Carte des partenaires');
		await expect(map).toHaveAccessibleDescription(/chaque point mène à sa fiche/);
		const markers = map.locator('a');
		await expect(markers).toHaveCount(partners.length);
		for (const marker of await markers.all()) {
			await expect(marker).toHaveAccessibleName(/\S/);
		}
		const first = markers.first();
		const href = await first.getAttribute('href');
		await first.click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		await expect(page.locator('h1')).toBeVisible();
	});

	test('a country page maps that country’s partners only', async ({ page, request }) => {
		const { partners } = await dataset(request);
		const country = partners[0]!.country;
		await page.goto(`pays/${country}/`);
		await expect(page.locator('.partner-map svg a')).toHaveCount(
			partners.filter((partner) => partner.country === country).length
		);
	});
});
