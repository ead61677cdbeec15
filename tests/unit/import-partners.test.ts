import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { dataCollections } from '../../src/lib/collections';
import { partnersCsv } from '../../src/lib/exporters/partners';
import { partnerSheets, partnersWorkbook, sheetRows } from '../../src/lib/exporters/workbook';
import { resolveSiteData } from '../../src/lib/resolve';
import {
	formatImportProblem,
	formatImportResult,
	importPartners,
	type ImportResult,
} from '../../src/loaders/import-partners';
import { readContent } from '../../src/loaders/read-content';
import { realContent, root } from '../fixtures/content';

/**
 * `npm run import:partners`: each case imports a spreadsheet into a throw-away copy of the
 * content under tests/.tmp/ and compares the partner files byte for byte.
 */

const projectRoot = fileURLToPath(root);
const scratch = join(projectRoot, 'tests/.tmp');
mkdirSync(scratch, { recursive: true });
const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the data collections of the project, to import into. */
function copy(): string {
	const dir = mkdtempSync(join(scratch, 'import-'));
	made.push(dir);
	for (const { folder } of dataCollections)
		cpSync(join(projectRoot, folder), join(dir, folder), { recursive: true });
	return dir;
}

/** Every file of a partner folder, name → bytes. */
const snapshot = (dir: string) =>
	new Map(
		readdirSync(join(dir, 'content/partners')).map((name) => [
			name,
			readFileSync(join(dir, 'content/partners', name), 'utf8'),
		])
	);
const realFiles = snapshot(projectRoot);

const content = realContent();
const references = {
	countries: content.countries.map((entry) => ({ id: entry.id, label: entry.data.name })),
	programmes: content.programmes.map((entry) => ({ id: entry.id, label: entry.data.name })),
};

/** The workbook of the real content, to edit. */
const workbook = () => partnersWorkbook(content.partners, { references });

/** Sets a cell, by sheet, row (id and position among the partner's rows) and header. */
function set(
	book: ExcelJS.Workbook,
	sheet: string,
	id: string,
	header: string,
	value: ExcelJS.CellValue
): string {
	const worksheet = book.getWorksheet(sheet)!;
	const headers = (worksheet.getRow(1).values as unknown[]).slice(1);
	const column = headers.indexOf(header) + 1;
	let found: ExcelJS.Row | undefined;
	worksheet.eachRow((row, number) => {
		if (!found && number > 1 && row.getCell(1).value === id) found = row;
	});
	found!.getCell(column).value = value;
	return found!.getCell(column).address;
}

/** Adds a row to a sheet, by header. */
function add(book: ExcelJS.Workbook, sheet: string, values: Record<string, ExcelJS.CellValue>) {
	const worksheet = book.getWorksheet(sheet)!;
	const headers = (worksheet.getRow(1).values as unknown[]).slice(1) as string[];
	worksheet.addRow(headers.map((header) => values[header] ?? null));
}

/** Imports a workbook (written to a file first) into a copy of the content. */
async function run(
	book: ExcelJS.Workbook,
	options: { dryRun?: boolean; lang?: 'en' | 'fr'; dir?: string } = {}
): Promise<{ dir: string; result: ImportResult }> {
	const dir = options.dir ?? copy();
	const file = join(dir, 'partners.xlsx');
	await book.xlsx.writeFile(file);
	const result = await importPartners(file, {
		root: dir,
		lang: options.lang,
		dryRun: options.dryRun,
	});
	return { dir, result };
}

const lines = (result: ImportResult, lang: 'en' | 'fr' = 'en') =>
	result.problems.map((problem) => formatImportProblem(problem, lang));

describe('import of an unchanged export', () => {
	test('changes no file (workbook)', async () => {
		const { dir, result } = await run(workbook());
		expect(lines(result)).toEqual([]);
		expect(result.created).toEqual([]);
		expect(result.updated).toEqual([]);
		expect(result.unchanged).toHaveLength(realFiles.size);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('changes no file (the site’s partners.csv)', async () => {
		const dir = copy();
		const file = join(dir, 'partners.csv');
		writeFileSync(file, partnersCsv(resolveSiteData(content).partners, undefined));
		const result = await importPartners(file, { root: dir });
		expect(lines(result)).toEqual([]);
		expect(result.unchanged).toHaveLength(realFiles.size);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('changes no file (a CSV with the columns of the partners sheet, French separator)', async () => {
		const dir = copy();
		const file = join(dir, 'partenaires.csv');
		const sheet = partnerSheets()[0]!;
		writeFileSync(
			file,
			stringify(sheetRows(sheet, content.partners), {
				header: true,
				columns: sheet.columns.map((column) => column.header),
				delimiter: ';',
				bom: true,
			})
		);
		const result = await importPartners(file, { root: dir });
		expect(lines(result)).toEqual([]);
		expect(snapshot(dir)).toEqual(realFiles);
	});
});

describe('import of changes', () => {
	test('creates a new partner with its agreements, in a file that passes the content check', async () => {
		const book = workbook();
		add(book, 'partners', {
			id: 'test-nouveau',
			'name.native': 'Universidade de Teste',
			'name.en': 'Test University',
			country: 'br',
			city: 'Pelotas',
			'coordinates.lat': -31.77,
			'coordinates.lon': -52.34,
			'summary.fr': 'Établissement fictif créé pour les tests.',
			'summary.en': 'Fictitious institution created for tests.',
			sources: 'https://example.org/test-partners/1;https://example.org/test-partners/2',
			lastReviewed: '2026-11-30',
		});
		add(book, 'agreements', {
			id: 'test-nouveau',
			kind: 'study',
			programme: 'brafitec',
			subjectAreas: '0713;07:matériaux avancés:advanced materials',
			eqfLevels: '6;7',
			languages: 'fr:B1;pt:B2',
		});
		add(book, 'agreements', { id: 'test-nouveau', kind: 'internship', monthsPerMobility: '5,5' });
		add(book, 'contacts', {
			id: 'test-nouveau',
			name: 'Bureau des relations internationales',
			phoneNumber: "'+5553000000",
		});
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([]);
		expect(result.created).toEqual([
			{ id: 'test-nouveau', file: 'content/partners/test-nouveau.yaml' },
		]);
		expect(result.updated).toEqual([]);
		const check = readContent(dir);
		expect(check.problems).toEqual([]);
		const entry = check.raw.partners.find((partner) => partner.id === 'test-nouveau')!;
		expect(entry.data).toMatchObject({
			country: 'br',
			coordinates: { lat: -31.77, lon: -52.34 },
			agreements: [
				{
					kind: 'study',
					programme: 'brafitec',
					subjectAreas: [
						{ iscedFCode: '0713' },
						{
							iscedFCode: '07',
							clarification: { fr: 'matériaux avancés', en: 'advanced materials' },
						},
					],
					eqfLevels: [6, 7],
					languages: [
						{ language: 'fr', cefr: 'B1' },
						{ language: 'pt', cefr: 'B2' },
					],
				},
				{ kind: 'internship', monthsPerMobility: 5.5 },
			],
			contacts: [{ name: 'Bureau des relations internationales', phoneNumber: '+5553000000' }],
		});
		const text = readFileSync(join(dir, 'content/partners/test-nouveau.yaml'), 'utf8');
		expect(
			text
				.split('\n')
				.filter((line) => /^\w/.test(line))
				.map((line) => line.split(':')[0])
		).toEqual([
			'name',
			'country',
			'city',
			'coordinates',
			'agreements',
			'contacts',
			'summary',
			'sources',
			'lastReviewed',
		]);
		// Everything else is untouched.
		for (const [name, bytes] of realFiles)
			expect(readFileSync(join(dir, 'content/partners', name), 'utf8')).toBe(bytes);
	});

	test('updates a field, keeping the file’s comments and every other line', async () => {
		const book = workbook();
		set(book, 'partners', 'bauman', 'city', 'Moskva');
		set(book, 'agreements', 'sapienza', 'mobilitiesPerYear', 3);
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([]);
		expect(result.updated).toEqual([
			{ id: 'bauman', file: 'content/partners/bauman.yaml', changed: ['city'] },
			{
				id: 'sapienza',
				file: 'content/partners/sapienza.yaml',
				changed: ['agreements.0.mobilitiesPerYear'],
			},
		]);
		expect(readFileSync(join(dir, 'content/partners/bauman.yaml'), 'utf8')).toBe(
			realFiles.get('bauman.yaml')!.replace('\ncity: Moscow\n', '\ncity: Moskva\n')
		);
		expect(readFileSync(join(dir, 'content/partners/sapienza.yaml'), 'utf8')).toBe(
			realFiles.get('sapienza.yaml')!.replace('mobilitiesPerYear: 2\n', 'mobilitiesPerYear: 3\n')
		);
		expect(
			readdirSync(join(dir, 'content/partners')).filter((name) => name.startsWith('.'))
		).toEqual([]);
	});

	test('removes a partner’s agreements when its rows are gone, and a field when its cell is emptied', async () => {
		const book = workbook();
		const agreements = book.getWorksheet('agreements')!;
		agreements.spliceRows(3, 1); // ifsul's only agreement
		set(book, 'partners', 'kagawa', 'name.fr', null);
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([]);
		expect(result.updated.map((entry) => [entry.id, entry.changed])).toEqual([
			['ifsul', ['agreements']],
			['kagawa', ['name.fr']],
		]);
		expect(readFileSync(join(dir, 'content/partners/ifsul.yaml'), 'utf8')).toContain(
			'\nagreements: []\n'
		);
	});
});

describe('import of bad cells', () => {
	test('reports every error at its sheet, row and column, and writes nothing', async () => {
		const book = workbook();
		set(book, 'partners', 'bauman', 'country', 'zz');
		set(book, 'partners', 'kagawa', 'lastReviewed', '2026-02-30');
		set(book, 'partners', 'njust', 'city', { formula: 'A7&"!"', result: 'njust!' });
		set(book, 'agreements', 'sapienza', 'languages', 'it:B3');
		const { dir, result } = await run(book);
		expect(result.written).toBe(false);
		expect(lines(result)).toEqual([
			'sheet partners, row 2 (bauman), column country (cell F2): unknown country "zz": there is no file content/countries/zz.yaml',
			'sheet partners, row 6 (kagawa), column lastReviewed (cell AD6): expected a date written YYYY-MM-DD, got "2026-02-30": that day does not exist',
			'sheet partners, row 7 (njust), column city (cell G7): expected a value, got a formula (=A7&"!"): the import never runs formulas; type the value, or paste "values only"',
			'sheet agreements, row 6 (sapienza), column languages (cell I6), item 1, cefr: expected one of A1…C2, got "B3"',
		]);
		expect(snapshot(dir)).toEqual(realFiles);
		expect(formatImportResult(result, 'en').split('\n')[0]).toBe(
			'Nothing was written: 4 errors in partners.xlsx:'
		);
	});

	test('reports an unknown country of a partner that has other errors too', async () => {
		const book = workbook();
		add(book, 'partners', {
			id: 'test-errors',
			'name.native': 'Test',
			'name.en': 'Test',
			country: 'xx',
			'summary.fr': 'Essai.',
			'summary.en': 'Test.',
			sources: 'https://example.org/test',
			lastReviewed: '2026-13-01',
		});
		add(book, 'agreements', { id: 'test-errors', kind: 'study', programme: 'nowhere' });
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([
			'sheet partners, row 10 (test-errors), column country (cell F10): unknown country "xx": there is no file content/countries/xx.yaml',
			'sheet partners, row 10 (test-errors), column lastReviewed (cell AD10): expected a date written YYYY-MM-DD, got "2026-13-01": that day does not exist',
			'sheet agreements, row 8 (test-errors), column programme (cell C8): unknown programme "nowhere": there is no file content/programmes/nowhere.yaml',
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('reports them in French', async () => {
		const book = workbook();
		set(book, 'agreements', 'sapienza', 'languages', 'it:B3');
		set(book, 'agreements', 'sapienza', 'eqfLevels', '7;9');
		const { result } = await run(book, { lang: 'fr' });
		expect(formatImportResult(result, 'fr')).toBe(
			[
				'Rien n’a été écrit : 2 erreurs dans partners.xlsx :',
				'1. feuille agreements, ligne 6 (sapienza), colonne eqfLevels (cellule E6), élément 2 : attendu : l’une des valeurs 6, 7, 8 ; trouvé : 9',
				'2. feuille agreements, ligne 6 (sapienza), colonne languages (cellule I6), élément 1, cefr : attendu : l’un des niveaux A1…C2 ; trouvé : « B3 »',
			].join('\n')
		);
	});

	test('reads text that looks like a formula as text, and a negative number as a number', async () => {
		const book = workbook();
		set(book, 'partners', 'bauman', 'coordinates.lon', -47.9);
		set(book, 'partners', 'bauman', 'abbreviation', "'=BMSTU");
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([]);
		const text = readFileSync(join(dir, 'content/partners/bauman.yaml'), 'utf8');
		expect(text).toContain('coordinates: { lat: 55.75222, lon: -47.9 }');
		expect(text).toContain('\nabbreviation: =BMSTU\n');
	});

	test('reports an unknown column, an unknown sheet and a row without id', async () => {
		const book = workbook();
		book.getWorksheet('partners')!.getCell('AF1').value = 'ville';
		book.addWorksheet('Feuil1').addRow(['id']);
		add(book, 'agreements', { kind: 'study' });
		const { result } = await run(book);
		expect(lines(result)).toEqual([
			expect.stringMatching(
				/^sheet partners, row 1, column ville \(cell AF1\): unknown column "ville": expected one of the columns of sheet partners \(id, name\.native, /
			),
			'sheet agreements, row 8, column id (cell A8): expected the id of the partner (the name of its file, e.g. "kagawa"), got nothing',
			'sheet Feuil1, row 1: unknown sheet "Feuil1": expected "partners", "agreements", "contacts" or "Lisez-moi"',
		]);
	});
});

describe('import of conflicting rows', () => {
	test('refuses two values for one field of one partner', async () => {
		const book = workbook();
		add(book, 'partners', { id: 'kagawa', city: 'Takamatsu' });
		add(book, 'partners', { id: 'kagawa', city: 'Kagawa' });
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([
			'sheet partners, row 11 (kagawa), column city (cell G11): conflicting values for partner "kagawa": "Kagawa" here, "Takamatsu" on row 10; one partner has one value',
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('refuses a partner named two ways in the rows of partners.csv', async () => {
		const dir = copy();
		const site = resolveSiteData(content);
		const ifsul = site.partners.find((partner) => partner.id === 'ifsul')!;
		const twice = { ...ifsul, agreements: [...ifsul.agreements, ...ifsul.agreements] };
		const csv = partnersCsv([twice], undefined).split('\r\n');
		csv[2] = csv[2]!.replace('Instituto Federal Sul-rio-grandense', 'IF Sul-rio-grandense');
		const file = join(dir, 'partners.csv');
		writeFileSync(file, csv.join('\r\n'));
		const result = await importPartners(file, { root: dir });
		expect(lines(result)).toEqual([
			'sheet partners.csv, row 3 (ifsul), column name_en (cell B3): conflicting values for partner "ifsul": "IF Sul-rio-grandense" here, "Instituto Federal Sul-rio-grandense" on row 2; one partner has one value',
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});
});

describe('--dry-run', () => {
	test('reports what would change and writes nothing', async () => {
		const book = workbook();
		set(book, 'partners', 'bauman', 'city', 'Moskva');
		add(book, 'partners', {
			id: 'test-essai',
			'name.native': 'Test',
			'name.en': 'Test',
			country: 'jp',
			'summary.fr': 'Essai.',
			'summary.en': 'Test.',
			sources: 'https://example.org/test',
			lastReviewed: '2026-11-30',
		});
		const { dir, result } = await run(book, { dryRun: true });
		expect(result.written).toBe(false);
		expect(formatImportResult(result, 'en', true)).toBe(
			[
				`Dry run: nothing was written. partners.xlsx would create 1 partner, update 1 and leave ${realFiles.size - 1} unchanged.`,
				'  + content/partners/test-essai.yaml',
				'  ~ content/partners/bauman.yaml (city)',
			].join('\n')
		);
		expect(snapshot(dir)).toEqual(realFiles);
	});
});
