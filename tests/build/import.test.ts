import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, test } from 'vitest';
import { contentIds } from '../fixtures/content';
import { fixturesBuilt, importedCount as count, importFile } from './fixtures-build';
import { payloads } from './payloads';

/**
 * The first partners will arrive as a spreadsheet: a workbook of 200 synthetic partners is
 * imported with `npm run import:partners` into a temporary copy of the project, which must then
 * build, with a page and a workbook row for each of them. Importing it again changes nothing.
 * The copy, its import and its build are those of `fixtures-build.ts`, shared with the payloads
 * and the recognised courses.
 */

const { root, dryRun, imported } = inject('fixturesBuild');
const build = await fixturesBuilt(root);
const has = (path: string) => existsSync(join(root, path));

describe(`a workbook of ${count} partners`, () => {
	test('imports into new partner files, and the site builds with them', async () => {
		expect(dryRun.output).toContain(`would create ${count} partners, update 0`);
		expect(dryRun.partnerFiles).toBe(contentIds('partners').length);

		expect(imported.code, imported.output).toBe(0);
		expect(imported.output).toContain(
			`partenaires-a-importer.xlsx: ${count} partners created, 0 updated`
		);
		expect(has('content/partners/test-partner-0200.yaml')).toBe(true);

		expect(build.code, build.output.slice(-3000)).toBe(0);
		expect(has('dist/partenaires/test-partner-0001/index.html')).toBe(true);
		expect(has('dist/en/partenaires/test-partner-0200/index.html')).toBe(true);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			new Uint8Array(readFileSync(join(root, 'dist/data/partners.xlsx'))).buffer
		);
		// The imported partners, the real ones and those carrying the payloads, under a header row.
		expect(workbook.getWorksheet('partners')!.actualRowCount).toBe(
			count + contentIds('partners').length + payloads.length + 1
		);
	});

	test('imported a second time, changes no file', () => {
		const partnerFiles = () =>
			readdirSync(join(root, 'content/partners')).map((name) =>
				readFileSync(join(root, 'content/partners', name), 'utf8')
			);
		const before = partnerFiles();
		const again = importFile(root);
		expect(again.code, again.output).toBe(0);
		expect(again.output).toContain('0 partners created, 0 updated');
		expect(partnerFiles()).toEqual(before);
	});
});
