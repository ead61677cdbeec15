import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, inject, test } from 'vitest';
import { recognitionFiles, reportFiles } from '../fixtures/recognitions';
import { fixturesBuilt } from './fixtures-build';

/**
 * A copy of the project with the fixtures' recognised courses and returnee reports (the real
 * content has none), built: they show on the partner pages, on `/reconnaissances/` in both
 * languages, in the JSON and CSV exports and in the workbook. The copy and its build are those of
 * `fixtures-build.ts`, shared with the import and the payloads.
 */

const { root } = inject('fixturesBuild');
const { code, output } = await fixturesBuilt(root);

const page = (path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
const file = (path: string) => readFileSync(join(root, 'dist', path));
/** The text of a page, tags and extra spaces removed. */
const text = (html: string) =>
	html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&#x27;/g, '’')
		.replace(/\s+/g, ' ');

describe('a build with recognised courses and returnee reports', () => {
	test('succeeds', () => {
		expect(code, output.slice(-3000)).toBe(0);
	});

	test('the partner page lists valid and expired courses, then reports latest first with medians', () => {
		const html = page('partenaires/kagawa');
		expect(html).toContain('id="cours-reconnus"');
		expect(html).toContain('id="retours"');
		const words = text(html);
		expect(words).toContain('熱力学フィクスチャ');
		expect(words).toContain('Valable jusqu’au 31 août 2029');
		expect(words).toContain('Décisions expirées');
		expect(words).toContain('Expirée depuis le 14 janvier 2020');
		expect(words).toContain('Loyer médian');
		expect(words).toMatch(/35\s000\sJPY|35\s000 ¥|35 000/);
		// Latest first; a name only with consent.
		const periods = [...words.matchAll(/(\d{4}\/\d{4}) — Semestre/g)].map((match) => match[1]);
		expect(periods).toEqual(['2024/2025', '2023/2024', '2022/2023']);
		expect(words).toContain('Camille Fixture');
		// English advice on the French page is marked as English.
		expect(html).toMatch(/<p lang="en"[^>]*>Fixture advice written in English only\.<\/p>/);
		// Both sections are in the table of contents.
		expect(html).toMatch(/href="#cours-reconnus"/);
		expect(html).toMatch(/href="#retours"/);
	});

	test('the English partner page says the same in English', () => {
		const words = text(page('en/partenaires/kagawa'));
		expect(words).toContain('Courses already recognised');
		expect(words).toContain('Valid until 31 August 2029');
		expect(words).toContain('Median monthly budget');
		expect(words).toContain('Returnee reports');
	});

	test('a partner with no report says so', () => {
		const words = text(page('partenaires/ifsul'));
		expect(words).toContain(
			'Aucun retour d’expérience n’est encore publié pour cet établissement.'
		);
		expect(words).toContain('Materiais de teste');
	});

	test('/reconnaissances/ lists every course with its filters, in both languages', () => {
		for (const [path, any] of [
			['reconnaissances', 'Aucun cours reconnu'],
			['en/reconnaissances', 'No recognised course'],
		] as const) {
			const html = page(path);
			expect(html.match(/<tr[^>]*data-recognition=/g)).toHaveLength(3);
			expect(html).toContain('name="partner"');
			expect(html).toContain('name="country"');
			expect(html).toContain('name="subject"');
			expect(html).toContain('name="valid"');
			expect(html).toMatch(/data-valid="0"/);
			expect(text(html)).not.toContain(any);
		}
	});

	test('the JSON and CSV exports hold the courses, listed on the open-data page', () => {
		const json = JSON.parse(file('data/recognitions.json').toString('utf8'));
		expect(json.recognitions.map((entry: { id: string }) => entry.id).sort()).toEqual(
			Object.keys(recognitionFiles).sort()
		);
		const rows = parse(file('data/recognitions.csv').toString('utf8').slice(1), {
			columns: true,
		}) as Record<string, string>[];
		expect(rows).toHaveLength(3);
		expect(rows.find((row) => row['id'] === 'kagawa-fixture-old')?.['valid']).toBe('false');
		for (const path of ['donnees-ouvertes', 'en/donnees-ouvertes']) {
			const html = page(path);
			expect(html).toContain('/data/recognitions.json');
			expect(html).toContain('/data/recognitions.csv');
		}
	});

	test('the workbook has a sheet of each, one row per entry', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file('data/partners.xlsx') as unknown as ArrayBuffer);
		expect(workbook.getWorksheet('recognitions')!.actualRowCount).toBe(
			1 + Object.keys(recognitionFiles).length
		);
		expect(workbook.getWorksheet('reports')!.actualRowCount).toBe(
			1 + Object.keys(reportFiles).length
		);
	});
});
