import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { partnersWorkbook } from '../../src/lib/exporters/workbook';
import { contentIds } from '../fixtures/content';
import { syntheticPartners } from '../fixtures/synthetic-partners';
import { projectRoot, TemporaryProject } from './project';

/**
 * The first partners will arrive as a spreadsheet: a workbook of 200 synthetic partners is
 * imported with `npm run import:partners` into a temporary copy of the project, which must then
 * build, with a page and a workbook row for each of them. Importing it again changes nothing.
 */

const count = 200;
const project = new TemporaryProject('import');
afterAll(() => project.remove());

/** Runs the import command in the copy, as the office would. */
function importFile(file: string, ...args: string[]) {
	const result = spawnSync(
		join(projectRoot, 'node_modules/.bin/node'),
		['src/scripts/import-partners.ts', file, ...args],
		{
			cwd: project.root,
			encoding: 'utf8',
			env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
		}
	);
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe(`a workbook of ${count} partners`, () => {
	const synthetic = syntheticPartners({
		count,
		countries: contentIds('countries'),
		programmes: contentIds('programmes'),
		seed: 7,
	});
	const file = join(project.root, 'partenaires-a-importer.xlsx');

	test('imports into new partner files, and the site builds with them', async () => {
		await partnersWorkbook([...synthetic].map(([id, data]) => ({ id, data }))).xlsx.writeFile(file);
		const dry = importFile(file, '--dry-run');
		expect(dry.output).toContain(`would create ${count} partners, update 0`);
		expect(readdirSync(join(project.root, 'content/partners'))).toHaveLength(
			contentIds('partners').length
		);

		const imported = importFile(file);
		expect(imported.code, imported.output).toBe(0);
		expect(imported.output).toContain(
			`partenaires-a-importer.xlsx: ${count} partners created, 0 updated`
		);
		expect(existsSync(join(project.root, 'content/partners/test-partner-0200.yaml'))).toBe(true);

		const built = await project.build();
		expect(built.code, built.output.slice(-3000)).toBe(0);
		expect(project.has('dist/partenaires/test-partner-0001/index.html')).toBe(true);
		expect(project.has('dist/en/partenaires/test-partner-0200/index.html')).toBe(true);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			new Uint8Array(readFileSync(join(project.root, 'dist/data/partners.xlsx'))).buffer
		);
		expect(workbook.getWorksheet('partners')!.actualRowCount).toBe(
			count + contentIds('partners').length + 1
		);
	});

	test('imported a second time, changes no file', () => {
		const before = readdirSync(join(project.root, 'content/partners')).map((name) =>
			readFileSync(join(project.root, 'content/partners', name), 'utf8')
		);
		const again = importFile(file);
		expect(again.code, again.output).toBe(0);
		expect(again.output).toContain('0 partners created, 0 updated');
		expect(
			readdirSync(join(project.root, 'content/partners')).map((name) =>
				readFileSync(join(project.root, 'content/partners', name), 'utf8')
			)
		).toEqual(before);
	});
});
