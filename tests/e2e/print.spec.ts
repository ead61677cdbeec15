import { expect, test } from './fixtures';

/** Pages in a PDF, counted from its page objects. */
const pageCount = (pdf: Buffer) =>
	(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test.describe('printing a fact sheet', () => {
	test('fits one A4 page without the site’s navigation', async ({ page, request }) => {
		const { partners } = (await (await request.get('data/partners.json')).json()) as {
			partners: { id: string }[];
		};
		for (const lang of ['', 'en/']) {
			for (const { id } of partners) {
				await page.goto(`${lang}partenaires/${id}/`);
				await page.emulateMedia({ media: 'print' });
				await expect(page.locator('header.header')).toBeHidden();
				await expect(page.locator('#starlight__sidebar')).toBeHidden();
				await expect(page.locator('h1')).toBeVisible();
				const pdf = await page.pdf({ format: 'A4', printBackground: false });
				expect(pageCount(pdf), `${lang}partenaires/${id}/`).toBe(1);
				await page.emulateMedia({ media: 'screen' });
			}
		}
	});
});
