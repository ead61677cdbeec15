import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { entrySheets, partnersWorkbook, readMeSheetName } from '../../src/lib/exporters/workbook';
import { resolveSiteData } from '../../src/lib/resolve';
import {
	formatImportProblem,
	formatImportResult,
	importTables,
	readWorkbook,
} from '../../src/loaders/import-partners';
import { readContent } from '../../src/loaders/read-content';
import { root, scratchContent } from '../fixtures/content';
import { recognitionFiles, reportFiles } from '../fixtures/recognitions';

/**
 * The workbook's sheets `recognitions` and `reports`: written from the entries, read back by
 * `npm run import:partners` into a throw-away copy of the content under tests/.tmp/.
 */

const projectRoot = fileURLToPath(root);
const scratch = scratchContent('entries');
afterAll(() => scratch.removeAll());
const copy = () => scratch.copy();

const yamlIn = (dir: string, folder: string) =>
	existsSync(join(dir, folder))
		? readdirSync(join(dir, folder)).filter((name) => name.endsWith('.yaml'))
		: [];

const { raw } = readContent(projectRoot, {
	override: {
		recognitions: new Map(Object.entries(recognitionFiles)),
		reports: new Map(Object.entries(reportFiles)),
	},
});
const site = resolveSiteData(raw);
const realPartners = readContent(projectRoot).raw.partners;

async function tablesOf(workbook: ExcelJS.Workbook) {
	return readWorkbook(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

describe('the workbook’s entry sheets', { timeout: 60_000 }, () => {
	const workbook = partnersWorkbook(realPartners, {
		entries: { recognitions: site.recognitions, reports: site.reports },
	});

	test('come after the partner sheets, one row per entry, headed by the fields’ paths', () => {
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names.slice(-2)).toEqual(['recognitions', 'reports']);
		const recognitions = workbook.getWorksheet('recognitions')!;
		expect(recognitions.actualRowCount).toBe(1 + Object.keys(recognitionFiles).length);
		const headers = (recognitions.getRow(1).values as unknown[]).slice(1);
		expect(headers).toContain('course.subjectArea');
		expect(headers).toContain('decision.validUntil');
		const reports = workbook.getWorksheet('reports')!;
		expect((reports.getRow(1).values as unknown[]).slice(1)).toEqual(
			entrySheets()[1]!.columns.map((column) => column.header)
		);
	});

	test('are explained in the read-me', () => {
		const readMe = workbook.getWorksheet(readMeSheetName)!;
		const text: string[] = [];
		readMe.eachRow((row) => text.push((row.values as unknown[]).join(' ')));
		expect(text.some((line) => line.includes('Feuilles recognitions et reports'))).toBe(true);
		expect(text.some((line) => /reports.*consent.*Accord pour publier/.test(line))).toBe(true);
	});

	test('are not written without entries (the partner workbook alone)', () => {
		const alone = partnersWorkbook(realPartners);
		expect(alone.worksheets.map((sheet) => sheet.name)).not.toContain('recognitions');
	});

	test('read back, create every entry; a dry run writes nothing', async () => {
		const dir = copy();
		const tables = await tablesOf(workbook);
		const dry = importTables(tables, 'partners.xlsx', { root: dir, lang: 'fr', dryRun: true });
		expect(dry.problems.map((problem) => formatImportProblem(problem, 'fr'))).toEqual([]);
		expect(dry.entries?.created).toHaveLength(
			Object.keys(recognitionFiles).length + Object.keys(reportFiles).length
		);
		expect(yamlIn(dir, 'content/recognitions')).toEqual([]);
		expect(formatImportResult(dry, 'fr', true)).toMatch(
			/Cours reconnus et retours d’expérience : 6 fichiers créés, 0 modifié\./
		);

		const done = importTables(tables, 'partners.xlsx', { root: dir, lang: 'fr' });
		expect(done.written).toBe(true);
		expect(yamlIn(dir, 'content/recognitions').sort()).toEqual(
			Object.keys(recognitionFiles)
				.map((id) => `${id}.yaml`)
				.sort()
		);
		const reread = readContent(dir);
		expect(reread.problems).toEqual([]);
		expect(
			resolveSiteData(reread.raw)
				.recognitions.map((entry) => entry.id)
				.sort()
		).toEqual(site.recognitions.map((entry) => entry.id).sort());
		expect(
			reread.raw.reports?.find((entry) => entry.id === 'kagawa-fixture-2024-autumn')?.data
		).toEqual(site.reports.find((entry) => entry.id === 'kagawa-fixture-2024-autumn')?.data);

		// Imported again, nothing changes.
		const again = importTables(await tablesOf(workbook), 'partners.xlsx', {
			root: dir,
			lang: 'fr',
		});
		expect(again.entries).toEqual({ created: [], updated: [] });
	});

	test('reports every error in French at its sheet, row and column, and writes nothing', async () => {
		const dir = copy();
		const broken = partnersWorkbook(realPartners, {
			entries: { recognitions: site.recognitions, reports: site.reports },
		});
		const sheet = broken.getWorksheet('recognitions')!;
		const headers = (sheet.getRow(1).values as unknown[]).map(String);
		const column = (header: string) => headers.indexOf(header);
		sheet.getRow(2).getCell(column('decision.basis')).value = 'committee';
		sheet.getRow(3).getCell(column('partner')).value = 'nowhere';
		const reports = broken.getWorksheet('reports')!;
		const reportHeaders = (reports.getRow(1).values as unknown[]).map(String);
		reports.getRow(2).getCell(reportHeaders.indexOf('consent')).value = false;
		reports.getRow(2).getCell(reportHeaders.indexOf('nameConsent')).value = false;

		const result = importTables(await tablesOf(broken), 'partners.xlsx', { root: dir, lang: 'fr' });
		expect(result.written).toBe(false);
		expect(yamlIn(dir, 'content/recognitions')).toEqual([]);
		expect(yamlIn(dir, 'content/reports')).toEqual([]);
		const lines = result.problems.map((problem) => formatImportProblem(problem, 'fr'));
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(
			/^feuille recognitions, ligne 2 \(ifsul-fixture-materials\), cellule [A-Z]+2 « Décision — Fondement » : attendu : l’une des valeurs/
		);
		expect(lines[1]).toMatch(
			/^feuille recognitions, ligne 3 \(kagawa-fixture-old\), cellule [A-Z]+3 « Partenaire » : partenaire inconnu « nowhere »/
		);
		expect(lines[2]).toMatch(
			/^feuille reports, ligne 2 \(kagawa-fixture-2024-autumn\), cellule [A-Z]+2 « Accord pour publier » : attendu : consent: true/
		);
		expect(lines[3]).toMatch(
			/^feuille reports, ligne 2 \(kagawa-fixture-2024-autumn\), cellule [A-Z]+2 « Nom de l’élève » : attendu : aucun nom, puisque nameConsent n’est pas true/
		);
		expect(formatImportResult(result, 'fr')).toMatch(/^Rien n’a été écrit : 4 erreurs/);
		// Cells are named as the editor's form and the header's note name their column, in the
		// reader's language; the column's path only with --details, for developers.
		expect(formatImportProblem(result.problems[0]!, 'en')).toMatch(
			/^sheet recognitions, row 2 \(ifsul-fixture-materials\), cell [A-Z]+2 "Decision — Basis": /
		);
		expect(formatImportProblem(result.problems[3]!, 'en')).toMatch(
			/, cell [A-Z]+2 "Student’s name": /
		);
		expect(formatImportProblem(result.problems[0]!, 'fr', true)).toMatch(
			/, colonne decision\.basis \(cellule [A-Z]+2\) : /
		);
		for (const line of lines) expect(line).not.toMatch(/« [a-z]+\.[a-zA-Z.]+ »/);
	});

	test('names an unknown column and a row without id', async () => {
		const dir = copy();
		const workbook = partnersWorkbook(realPartners, {
			entries: { recognitions: site.recognitions, reports: [] },
		});
		const sheet = workbook.getWorksheet('recognitions')!;
		const last = sheet.getRow(1).cellCount + 1;
		sheet.getRow(1).getCell(last).value = 'course.hours';
		sheet.getRow(2).getCell(1).value = null;
		const result = importTables(await tablesOf(workbook), 'partners.xlsx', {
			root: dir,
			lang: 'fr',
		});
		const lines = result.problems.map((problem) => formatImportProblem(problem, 'fr'));
		expect(lines[0]).toMatch(
			/^feuille recognitions, ligne 1, cellule [A-Z]+1 « course\.hours » : colonne inconnue « course\.hours » : attendu : l’une des colonnes de la feuille recognitions/
		);
		expect(lines[1]).toMatch(
			/^feuille recognitions, ligne 2, cellule A2 « Identifiant \(cours reconnu : nom de son fichier\) » : attendu : l’identifiant de l’entrée/
		);
		expect(result.written).toBe(false);
	});
});
