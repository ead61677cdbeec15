import { expect, test } from './fixtures';

test.describe('home page', () => {
	test('sends each French reader to their journey in one click', async ({ page }) => {
		for (const [name, path] of [
			['Étudier à l’étranger', 'etudier-a-l-etranger/'],
			['Stage à l’étranger', 'stage-a-l-etranger/'],
			['Venir étudier à Mines Alès', 'venir-etudier/'],
			['Trouver un partenaire', 'partenaires/'],
		] as const) {
			await page.goto('');
			await page.locator('main').getByRole('link', { name, exact: true }).first().click();
			await expect(page).toHaveURL(new RegExp(`/${path}$`));
			await expect(page.locator('h1')).toBeVisible();
		}
	});

	test('sends each English reader to their journey in one click', async ({ page }) => {
		for (const [name, path] of [
			['Study abroad', 'en/etudier-a-l-etranger/'],
			['Internship abroad', 'en/stage-a-l-etranger/'],
			['Study at Mines Alès', 'en/venir-etudier/'],
			['For partner institutions', 'en/etablissements-partenaires/'],
		] as const) {
			await page.goto('en/');
			await page.locator('main').getByRole('link', { name, exact: true }).first().click();
			await expect(page).toHaveURL(new RegExp(`/${path}$`));
		}
	});

	test('offers the search', async ({ page }) => {
		await page.goto('');
		await expect(page.getByRole('button', { name: 'Rechercher' })).toBeEnabled();
	});
});

test.describe('journeys in three clicks or fewer', () => {
	test('an outgoing student reaches a country guide and its partners', async ({ page }) => {
		await page.goto('');
		await page
			.locator('main')
			.getByRole('link', { name: /Guides pays/ })
			.first()
			.click(); // 1
		await page.getByRole('link', { name: 'Brésil', exact: true }).click(); // 2
		await expect(page).toHaveURL(/\/pays\/br\/$/);
		const partners = page.locator('#partenaires ~ ul.partner-list').first();
		await expect(
			partners.getByRole('link', { name: /Instituto Federal Sul-rio-grandense/ })
		).toBeVisible();
		await partners.getByRole('link').first().click(); // 3
		await expect(page).toHaveURL(/\/partenaires\/ifsul\/$/);
	});

	test('an English-speaking incoming student reaches housing and the office’s e-mail', async ({
		page,
	}) => {
		await page.goto('en/');
		await page
			.locator('main')
			.getByRole('link', { name: 'Study at Mines Alès', exact: true })
			.first()
			.click(); // 1
		await expect(page.locator('main a[href^="mailto:"]').first()).toBeVisible();
		await page
			.locator('main')
			.getByRole('link', { name: /housing/i })
			.first()
			.click(); // 2
		await expect(page).toHaveURL(/\/en\/guides\/logement\/$/);
		await expect(page.locator('h1')).toHaveText('Housing');
	});
});

test.describe('language picker', () => {
	for (const [from, to, language] of [
		['partenaires/kagawa/', 'en/partenaires/kagawa/', 'English'],
		['en/pays/de/', 'pays/de/', 'Français'],
		['en/guides/logement/', 'guides/logement/', 'Français'],
		['glossaire/', 'en/glossaire/', 'English'],
	] as const) {
		test(`keeps the page: /${from} → /${to}`, async ({ page, baseURL }) => {
			await page.goto(from);
			await page.locator('starlight-lang-select select').first().selectOption({ label: language });
			await expect(page).toHaveURL(new URL(to, baseURL).href);
			await expect(page.locator('html')).toHaveAttribute(
				'lang',
				language === 'English' ? 'en' : 'fr'
			);
		});
	}
});

test.describe('open data', () => {
	test('the finder leads to the open-data page, whose files download', async ({
		page,
		request,
	}) => {
		await page.goto('partenaires/');
		await page
			.getByRole('link', { name: 'Données ouvertes pour les établissements partenaires' })
			.click();
		await expect(page).toHaveURL(/\/donnees-ouvertes\/$/);
		await expect(page.locator('h1')).toHaveText('Données ouvertes');
		const files = {
			'Les établissements partenaires': /^\{/,
			'Le schéma des données': /"\$schema"/,
			'La feuille des partenaires, en CSV': /^\uFEFF?id,/,
			'Les dates limites, pour un agenda': /^BEGIN:VCALENDAR/,
			'La fiche de l’École': /^\{/,
		};
		for (const [name, start] of Object.entries(files)) {
			const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
			const response = await request.get(new URL(href!, page.url()).href);
			expect(response.ok(), name).toBe(true);
			expect(await response.text(), name).toMatch(start);
		}
		// Each partner's own files, whose addresses the page explains.
		const record = (await (await request.get('data/partners/kagawa.json')).json()) as {
			id: string;
		};
		expect(record.id).toBe('kagawa');
		expect(await (await request.get('data/partners/kagawa.ics')).text()).toMatch(
			/^BEGIN:VCALENDAR/
		);
	});

	test('the factsheet page presents the JSON factsheet', async ({ page, request }) => {
		await page.goto('en/fiche-ecole/');
		await expect(page.locator('h1')).toHaveText('The school’s factsheet for partner institutions');
		const href = await page.getByRole('link', { name: 'factsheet as JSON' }).getAttribute('href');
		const factsheet = (await (await request.get(new URL(href!, page.url()).href)).json()) as {
			'application-info': { email: string };
		};
		await expect(page.locator('#application-info ~ ul a[href^="mailto:"]').first()).toHaveText(
			factsheet['application-info'].email
		);
	});
});
