import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

/**
 * What the production nginx configuration (src/server/) adds: security headers, caching of
 * hashed assets only, compression, and each locale's 404 page.
 */
test.describe('nginx', () => {
	test('sends the security headers with every page', async ({ request }) => {
		for (const path of [
			'',
			'en/',
			'partenaires/',
			'data/partners.json',
			'page-qui-n-existe-pas/',
		]) {
			const response = await request.get(path);
			const headers = response.headers();
			expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
			expect(headers['content-security-policy'], path).not.toContain('unsafe-inline');
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['referrer-policy'], path).toBe('same-origin');
			expect(headers['permissions-policy'], path).toContain('camera=()');
			expect(headers['x-frame-options'], path).toBe('DENY');
		}
	});

	test('each page carries a CSP without unsafe-inline scripts, allowing Pagefind’s WebAssembly', async ({
		page,
	}) => {
		await page.goto('');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		const scriptSrc = /script-src([^;]*)/.exec(policy ?? '')?.[1] ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).toContain("'wasm-unsafe-eval'");
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(policy).toContain("object-src 'none'");
	});

	test('caches content-hashed assets for a year and revalidates the rest', async ({
		page,
		request,
	}) => {
		await page.goto('');
		const asset = await page
			.locator('link[rel="stylesheet"][href*="/_astro/"]')
			.first()
			.getAttribute('href');
		const cached = await request.get(new URL(asset!, page.url()).href);
		expect(cached.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
		const html = await request.get('');
		expect(html.headers()['cache-control']).toBe('no-cache');
		const data = await request.get('data/partners.json');
		expect(data.headers()['cache-control']).toBe('no-cache');
		expect(data.headers()['content-type']).toContain('application/json');
		expect((await request.get('data/deadlines.ics')).headers()['content-type']).toContain(
			'text/calendar'
		);
		expect((await request.get('data/partners.csv')).headers()['content-type']).toContain(
			'text/csv'
		);
	});

	test('serves the partner workbook from the open-data page: an .xlsx download that opens with exceljs', async ({
		page,
		request,
	}) => {
		await page.goto('donnees-ouvertes/');
		const link = page.getByRole('link', {
			name: 'Les partenaires, pour un tableur (Excel)',
			exact: true,
		});
		const href = await link.getAttribute('href');
		const response = await request.get(new URL(href!, page.url()).href);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		// Chromium, which displays no spreadsheet, saves it: what a reader gets by clicking.
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('partners.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile((await download.path())!);
		expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual([
			'Lisez-moi',
			'partners',
			'agreements',
		]);
		const partners = workbook.getWorksheet('partners')!;
		expect(partners.getRow(1).getCell(1).value).toBe('id');
		expect(partners.actualRowCount).toBeGreaterThan(1);
	});

	test('compresses text with gzip', async ({ request }) => {
		const response = await request.get('partenaires/', { headers: { 'Accept-Encoding': 'gzip' } });
		expect(response.headers()['content-encoding']).toBe('gzip');
	});

	test('answers an unknown French path with the French 404 page', async ({ page, watch }) => {
		watch.allow.push(/status of 404/);
		const response = await page.goto('page-qui-n-existe-pas/');
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.locator('h1')).toHaveText('Page introuvable');
	});

	test('answers an unknown English path with the English 404 page', async ({ page, watch }) => {
		watch.allow.push(/status of 404/);
		const response = await page.goto('en/no-such-page/');
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveText('Page not found');
	});

	test('redirects a path without its trailing slash', async ({ request }) => {
		const response = await request.get('partenaires', { maxRedirects: 0 });
		expect(response.status()).toBe(301);
		expect(response.headers()['location']).toMatch(/\/partenaires\/$/);
	});
});
