import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { Workbook } from '@cj-tech-master/excelts';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test, vi } from 'vitest';
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
import {
	entryName,
	formatStaffProblem,
	formatStaffProblemList,
} from '../../src/loaders/staff-problems';
import { officeLang, systemLang } from '../../src/loaders/system-lang';
import { realContent, root, scratchContent } from '../fixtures/content';

/**
 * `npm run import:partners`: each case imports a spreadsheet into a throw-away copy of the
 * content under tests/.tmp/ and compares the partner files byte for byte.
 */

const projectRoot = fileURLToPath(root);
const scratch = scratchContent('import');
afterAll(() => scratch.removeAll());
const copy = () => scratch.copy();

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

/**
 * Adds a row to a sheet, by header; returns the row's number and the address of a cell of it by
 * header (`F10`).
 */
function add(book: ExcelJS.Workbook, sheet: string, values: Record<string, ExcelJS.CellValue>) {
	const worksheet = book.getWorksheet(sheet)!;
	const headers = (worksheet.getRow(1).values as unknown[]).slice(1) as string[];
	const row = worksheet.addRow(headers.map((header) => values[header] ?? null));
	return {
		row: row.number,
		cell: (header: string) => row.getCell(headers.indexOf(header) + 1).address,
	};
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

/** The problems as developers read them (`--details`: headers and field paths). */
const lines = (result: ImportResult, lang: 'en' | 'fr' = 'en') =>
	result.problems.map((problem) => formatImportProblem(problem, lang, true));

// Reading a workbook takes a few seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

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
		writeFileSync(file, partnersCsv(resolveSiteData(content).partners));
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
			'name.nativeLang': 'pt',
			'name.en': 'Test University',
			country: 'br',
			city: 'Pelotas',
			cityFr: 'Pelotas (Brésil)',
			'coordinates.lat': -31.77,
			'coordinates.lon': -52.34,
			'summary.fr': 'Établissement fictif créé pour les tests.',
			'summary.en': 'Fictitious institution created for tests.',
			consulted: '2026-11-30',
		});
		add(book, 'sources', {
			id: 'test-nouveau',
			url: 'https://example.org/test-partners/1',
			title: 'Página de teste',
			lang: 'pt',
			'publisher.fr': 'Université de test',
			'publisher.en': 'Test University',
			date: '2026-05',
			kind: 'partner',
		});
		add(book, 'sources', {
			id: 'test-nouveau',
			url: 'https://example.org/test-partners/2',
			title: 'Second test page',
			lang: 'en',
			'publisher.fr': 'Éditeur de test',
			'publisher.en': 'Test publisher',
			date: 2014,
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
			sources: [
				{
					url: 'https://example.org/test-partners/1',
					title: 'Página de teste',
					lang: 'pt',
					publisher: { fr: 'Université de test', en: 'Test University' },
					date: '2026-05',
					kind: 'partner',
				},
				{
					url: 'https://example.org/test-partners/2',
					title: 'Second test page',
					lang: 'en',
					publisher: { fr: 'Éditeur de test', en: 'Test publisher' },
					date: '2014',
				},
			],
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
			'cityFr',
			'coordinates',
			'agreements',
			'contacts',
			'summary',
			'sources',
			'consulted',
		]);
		// Everything else is untouched.
		for (const [name, bytes] of realFiles)
			expect(readFileSync(join(dir, 'content/partners', name), 'utf8')).toBe(bytes);
	});

	test('updates a field, keeping the file’s comments and every other line', async () => {
		const book = workbook();
		set(book, 'partners', 'bauman', 'city', 'Moskva');
		set(book, 'agreements', 'sapienza', 'programme', 'imt');
		// A date typed in a cell formatted as text or number is stored as its day number.
		set(book, 'partners', 'sapienza', 'confirmed', 46356);
		const sapienza = content.partners.find((entry) => entry.id === 'sapienza')!.data;
		const publisher = sapienza.sources[0]!.publisher;
		set(book, 'sources', 'sapienza', 'publisher.en', 'ErasmusWiz (a student project)');
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([]);
		expect(result.updated).toEqual([
			{ id: 'bauman', file: 'content/partners/bauman.yaml', changed: ['city'] },
			{
				id: 'sapienza',
				file: 'content/partners/sapienza.yaml',
				changed: ['agreements.0.programme', 'sources.0.publisher.en', 'confirmed'],
			},
		]);
		expect(readFileSync(join(dir, 'content/partners/bauman.yaml'), 'utf8')).toBe(
			realFiles.get('bauman.yaml')!.replace('\ncity: Moscow\n', '\ncity: Moskva\n')
		);
		const consulted = /\nconsulted: .*\n/.exec(realFiles.get('sapienza.yaml')!)![0];
		expect(readFileSync(join(dir, 'content/partners/sapienza.yaml'), 'utf8')).toBe(
			realFiles
				.get('sapienza.yaml')!
				.replace('programme: erasmus-plus\n', 'programme: imt\n')
				.replace(`en: '${publisher.en}'`, `en: 'ErasmusWiz (a student project)'`)
				.replace(consulted, `${consulted}confirmed: 2026-11-30\n`)
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
		const country = set(book, 'partners', 'bauman', 'country', 'zz');
		const date = set(book, 'partners', 'kagawa', 'consulted', '2026-02-30');
		const city = set(book, 'partners', 'njust', 'city', { formula: 'A7&"!"', result: 'njust!' });
		const cefr = set(book, 'agreements', 'sapienza', 'languages', 'it:B3');
		const { dir, result } = await run(book);
		expect(result.written).toBe(false);
		const row = (cell: string) => cell.replace(/^[A-Z]+/, '');
		expect(lines(result)).toEqual([
			`sheet partners, row ${row(country)} (bauman), column country (cell ${country}): unknown country "zz": there is no file content/countries/zz.yaml; the allowed values are listed on sheet Lisez-moi`,
			`sheet partners, row ${row(date)} (kagawa), column consulted (cell ${date}): expected a date written YYYY-MM-DD, got "2026-02-30": that day does not exist`,
			`sheet partners, row ${row(city)} (njust), column city (cell ${city}): expected a value, got a formula (=A7&"!"): the import never runs formulas; type the value, or paste "values only"`,
			`sheet agreements, row ${row(cefr)} (sapienza), column languages (cell ${cefr}), item 1, part cefr: expected one of A1…C2, got "B3"`,
		]);
		expect(snapshot(dir)).toEqual(realFiles);
		expect(formatImportResult(result, 'en').split('\n')[0]).toBe(
			'Nothing was written: 4 errors in partners.xlsx:'
		);
	});

	test('reports an unknown country of a partner that has other errors too', async () => {
		const book = workbook();
		const partner = add(book, 'partners', {
			id: 'test-errors',
			'name.native': 'Test',
			'name.nativeLang': 'en',
			'name.en': 'Test',
			country: 'xx',
			'summary.fr': 'Essai.',
			'summary.en': 'Test.',
			consulted: '2026-13-01',
		});
		const source = add(book, 'sources', {
			id: 'test-errors',
			url: 'https://example.org/test',
			title: 'Test',
			lang: 'en',
			'publisher.fr': 'Test',
			'publisher.en': 'Test',
			date: '2014-02-30',
		});
		const agreement = add(book, 'agreements', {
			id: 'test-errors',
			kind: 'study',
			programme: 'nowhere',
		});
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([
			`sheet partners, row ${partner.row} (test-errors), column country (cell ${partner.cell('country')}): unknown country "xx": there is no file content/countries/xx.yaml; the allowed values are listed on sheet Lisez-moi`,
			`sheet partners, row ${partner.row} (test-errors), column consulted (cell ${partner.cell('consulted')}): expected a date written YYYY-MM-DD, got "2026-13-01": that day does not exist`,
			`sheet agreements, row ${agreement.row} (test-errors), column programme (cell ${agreement.cell('programme')}): unknown programme "nowhere": there is no file content/programmes/nowhere.yaml; the allowed values are listed on sheet Lisez-moi`,
			`sheet sources, row ${source.row} (test-errors), column date (cell ${source.cell('date')}): expected the date of the document: a year ("2014"), a month ("2014-07") or a day ("2014-07-01"), got "2014-02-30": that day does not exist`,
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('says where the rows of a list go when a new partner has none', async () => {
		const book = workbook();
		const partner = add(book, 'partners', {
			id: 'test-sans-source',
			'name.native': 'Test',
			'name.nativeLang': 'en',
			'name.en': 'Test',
			country: 'jp',
			'summary.fr': 'Essai.',
			'summary.en': 'Test.',
			consulted: '2026-11-30',
		});
		const { dir, result } = await run(book, { lang: 'fr' });
		expect(lines(result, 'fr')).toEqual([
			`feuille partners, ligne ${partner.row} (test-sans-source), champ sources : attendu : une liste de sources ; trouvé : rien ; ajoutez ses lignes dans la feuille sources, avec « test-sans-source » dans la colonne id`,
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('reports them in French', async () => {
		const book = workbook();
		const cefr = set(book, 'agreements', 'sapienza', 'languages', 'it:B3');
		const eqf = set(book, 'agreements', 'sapienza', 'eqfLevels', '7;9');
		const row = cefr.replace(/^[A-Z]+/, '');
		const { result } = await run(book, { lang: 'fr' });
		// For the office: the cell and the column as the editor's form names it.
		expect(formatImportResult(result, 'fr')).toBe(
			[
				'Rien n’a été écrit : 2 erreurs dans partners.xlsx :',
				`1. feuille agreements, ligne ${row} (sapienza), cellule ${eqf} « Niveaux d’études (CEC) », élément 2 : attendu : l’une des valeurs 6, 7, 8 ; trouvé : 9`,
				`2. feuille agreements, ligne ${row} (sapienza), cellule ${cefr} « Niveaux de langue requis », élément 1, Niveau (CECRL) : attendu : l’un des niveaux A1…C2 ; trouvé : « B3 »`,
			].join('\n')
		);
		// For developers (--details): the column's header and the path inside the cell.
		expect(formatImportResult(result, 'fr', false, true)).toBe(
			[
				'Rien n’a été écrit : 2 erreurs dans partners.xlsx :',
				`1. feuille agreements, ligne ${row} (sapienza), colonne eqfLevels (cellule ${eqf}), élément 2 : attendu : l’une des valeurs 6, 7, 8 ; trouvé : 9`,
				`2. feuille agreements, ligne ${row} (sapienza), colonne languages (cellule ${cefr}), élément 1, partie cefr : attendu : l’un des niveaux A1…C2 ; trouvé : « B3 »`,
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
		const partners = book.getWorksheet('partners')!;
		const unknown = partners.getRow(1).getCell(partners.columnCount + 1);
		unknown.value = 'ville';
		book.addWorksheet('Feuil1').addRow(['id']);
		const { row } = add(book, 'agreements', { kind: 'study' });
		const { result } = await run(book);
		expect(lines(result)).toEqual([
			expect.stringMatching(
				new RegExp(
					`^sheet partners, row 1, column ville \\(cell ${unknown.address}\\): unknown column "ville": expected one of the columns of sheet partners \\(id, name\\.native, `
				)
			),
			`sheet agreements, row ${row}, column id (cell A${row}): expected the id of the partner (the name of its file, e.g. "kagawa"), got nothing`,
			'sheet Feuil1, row 1: unknown sheet "Feuil1": expected "partners", "agreements", "contacts", "sources" or "Lisez-moi"',
		]);
	});
});

describe('import of conflicting rows', () => {
	test('refuses two values for one field of one partner', async () => {
		const book = workbook();
		const first = add(book, 'partners', { id: 'kagawa', abbreviation: 'KU' });
		const second = add(book, 'partners', { id: 'kagawa', abbreviation: 'KGW' });
		const { dir, result } = await run(book);
		expect(lines(result)).toEqual([
			`sheet partners, row ${second.row} (kagawa), column abbreviation (cell ${second.cell('abbreviation')}): conflicting values for partner "kagawa": "KGW" here, "KU" on row ${first.row}; one partner has one value`,
		]);
		expect(snapshot(dir)).toEqual(realFiles);
	});

	test('refuses a partner named two ways in the rows of partners.csv', async () => {
		const dir = copy();
		const site = resolveSiteData(content);
		const ifsul = site.partners.find((partner) => partner.id === 'ifsul')!;
		const csv = partnersCsv([ifsul, ifsul]).split('\r\n');
		csv[2] = csv[2]!.replace(
			',pt,Instituto Federal Sul-rio-grandense,',
			',pt,IF Sul-rio-grandense,'
		);
		const file = join(dir, 'partners.csv');
		writeFileSync(file, csv.join('\r\n'));
		const result = await importPartners(file, { root: dir });
		expect(lines(result)).toEqual([
			'sheet partners.csv, row 3 (ifsul), column name.en (cell D3): conflicting values for partner "ifsul": "IF Sul-rio-grandense" here, "Instituto Federal Sul-rio-grandense" on row 2; one partner has one value',
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
			'name.nativeLang': 'en',
			'name.en': 'Test',
			country: 'jp',
			'summary.fr': 'Essai.',
			'summary.en': 'Test.',
			consulted: '2026-11-30',
		});
		add(book, 'sources', {
			id: 'test-essai',
			url: 'https://example.org/test',
			title: 'Test',
			lang: 'en',
			'publisher.fr': 'Test',
			'publisher.en': 'Test',
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

describe('workbooks saved by other programs (tests/fixtures/workbooks/, made by make.sh)', () => {
	const fixtures = join(projectRoot, 'tests/fixtures/workbooks');
	const dir = copy();
	const outcome = ({ problems, refusal, created, updated, unchanged, written }: ImportResult) => ({
		problems: problems.map((problem) => formatImportProblem(problem, 'en', true)),
		refusal,
		created,
		updated,
		unchanged,
		written,
	});
	const dryRun = (name: string) =>
		importPartners(join(fixtures, name), { root: dir, dryRun: true });

	test.each([
		['LibreOffice Calc', 'libreoffice.xlsx'],
		['openpyxl, unchanged', 'openpyxl.xlsx'],
		[
			'openpyxl, with a note, dates as day numbers, inline strings and empty trailing rows',
			'openpyxl-edited.xlsx',
		],
	])('%s: imports as the site’s own export does (%s)', async (_, name) => {
		const exported = outcome(await dryRun('export.xlsx'));
		expect(exported.problems, 'run sh tests/fixtures/workbooks/make.sh again').toEqual([]);
		expect(outcome(await dryRun(name))).toEqual(exported);
	});

	test('the edited workbook holds what it is meant to', async () => {
		// exceljs 4.4 cannot read it (exceljs issue #2797): the import's reader can.
		const read = new Workbook();
		await read.xlsx.load(readFileSync(join(fixtures, 'openpyxl-edited.xlsx')));
		const partners = read.getWorksheet('partners')!;
		const header = (partners.getRow(1).values as unknown[]).slice(1);
		const column = (name: string) => header.indexOf(name) + 1;
		expect(partners.getRow(2).getCell(column('city')).note).toBeTruthy();
		expect(partners.getRow(2).getCell(column('consulted')).value).toBeInstanceOf(Date);
		expect(typeof partners.getRow(3).getCell(column('consulted')).value).toBe('number');
		expect(partners.rowCount).toBeGreaterThan(content.partners.length + 1);
	});

	test('imported for real, the LibreOffice and openpyxl workbooks write what the export writes', async () => {
		const written = async (name: string) => {
			const target = copy();
			const result = await importPartners(join(fixtures, name), { root: target });
			expect(result.problems.map((problem) => formatImportProblem(problem, 'en', true))).toEqual(
				[]
			);
			return snapshot(target);
		};
		const exported = await written('export.xlsx');
		expect(await written('libreoffice.xlsx')).toEqual(exported);
		expect(await written('openpyxl-edited.xlsx')).toEqual(exported);
	});
});

describe('files the import cannot read: one French sentence, nothing written', () => {
	const fixtures = join(projectRoot, 'tests/fixtures/workbooks');
	const refused = async (file: string) => {
		const dir = copy();
		const result = await importPartners(file, { root: dir, lang: 'fr' });
		expect(result.problems).toEqual([]);
		expect(result.written).toBe(false);
		expect(snapshot(dir)).toEqual(realFiles);
		return formatImportResult(result, 'fr');
	};
	const startFromExport =
		'partez du classeur partners.xlsx de la page « Données ouvertes » du site, puis relancez l’import';
	const saveAsXlsx =
		'ouvrez-le dans votre tableur, enregistrez-le au format « Classeur Excel (.xlsx) », puis relancez l’import avec ce fichier';

	test('random bytes named .xlsx', async () => {
		const file = join(copy(), 'partenaires.xlsx');
		writeFileSync(
			file,
			Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251)
		);
		expect(await refused(file)).toBe(
			`Le fichier « partenaires.xlsx » n’est pas un classeur Excel (.xlsx) : ${startFromExport} (un fichier qui s’ouvre dans votre tableur peut aussi y être enregistré au format « Classeur Excel (.xlsx) »).`
		);
	});

	test('a Word document renamed .xlsx', async () => {
		expect(await refused(join(fixtures, 'letter-docx.xlsx'))).toBe(
			`Le fichier « letter-docx.xlsx » est un document Word, pas un classeur : ${startFromExport}.`
		);
	});

	test('an OpenDocument spreadsheet (.ods)', async () => {
		expect(await refused(join(fixtures, 'partners.ods'))).toBe(
			`Le fichier « partners.ods » est un classeur OpenDocument (.ods), que l’import ne lit pas : ${saveAsXlsx}.`
		);
	});

	test('an Excel 97-2003 or password-protected workbook', async () => {
		const file = join(copy(), 'partners.xls');
		writeFileSync(file, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
		expect(await refused(file)).toBe(
			`Le fichier « partners.xls » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe, que l’import ne lit pas : retirez le mot de passe s’il y en a un, ${saveAsXlsx}.`
		);
	});

	test('an empty file', async () => {
		const file = join(copy(), 'partners.xlsx');
		writeFileSync(file, '');
		expect(await refused(file)).toBe(
			`Le fichier « partners.xlsx » est vide (0 octet) : enregistrez de nouveau le classeur depuis votre tableur, ou ${startFromExport}.`
		);
	});

	test('a workbook without the partner sheets', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Feuil1').addRow(['id', 'city']).commit();
		book.getWorksheet('Feuil1')!.addRow(['kagawa', 'Takamatsu']);
		const file = join(copy(), 'classeur.xlsx');
		await book.xlsx.writeFile(file);
		expect(await refused(file)).toBe(
			`Le classeur « classeur.xlsx » n’a pas de feuille « partners » (ni aucune des feuilles « agreements », « contacts », « sources ») : ${startFromExport}.`
		);
	});

	test('a file that does not exist', async () => {
		const file = join(copy(), 'absent.xlsx');
		expect(await refused(file)).toBe(
			`Le fichier « ${file} » est introuvable : vérifiez son nom et son dossier (glissez le fichier dans le terminal pour écrire son chemin exact), puis relancez l’import.`
		);
	});

	test('a CSV file not written in UTF-8', async () => {
		const file = join(copy(), 'partenaires.csv');
		writeFileSync(file, Buffer.from('id;city\nkagawa;Tr\xe8s\n', 'latin1'));
		expect(await refused(file)).toBe(
			`Le fichier « partenaires.csv » n’est pas écrit en UTF-8 (accents illisibles) : enregistrez-le de nouveau au format « CSV UTF-8 », ou ${saveAsXlsx}.`
		);
	});

	test('a damaged workbook (a download cut short)', async () => {
		const file = join(copy(), 'partners.xlsx');
		const whole = readFileSync(join(fixtures, 'export.xlsx'));
		writeFileSync(file, whole.subarray(0, whole.length - 600));
		expect(await refused(file)).toBe(
			`Le fichier « partners.xlsx » est un classeur que l’import n’arrive pas à lire (fichier abîmé ou incomplet) : ${saveAsXlsx}.`
		);
	});

	test('a CSV file with a quote not closed', async () => {
		const file = join(copy(), 'partenaires.csv');
		writeFileSync(file, 'id;city\nkagawa;"Taka\nmatsu\n');
		expect(await refused(file)).toBe(
			`Le fichier « partenaires.csv » n’est pas un CSV lisible (guillemets mal fermés ou colonnes mal séparées, vers la ligne 3) : ${saveAsXlsx}.`
		);
	});

	test('the command prints the sentence alone, in French under C.UTF-8, and exits with 1', () => {
		const dir = copy();
		const file = join(dir, 'partenaires.xlsx');
		writeFileSync(file, 'not a workbook');
		const command = spawnSync(
			join(projectRoot, 'node_modules/.bin/node'),
			['src/scripts/import-partners.ts', file],
			{
				cwd: projectRoot,
				encoding: 'utf8',
				env: { ...process.env, CONTENT_ROOT: dir, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
			}
		);
		expect(command.status).toBe(1);
		expect(`${command.stdout}${command.stderr}`.trim()).toBe(
			`Le fichier « partenaires.xlsx » n’est pas un classeur Excel (.xlsx) : ${startFromExport} (un fichier qui s’ouvre dans votre tableur peut aussi y être enregistré au format « Classeur Excel (.xlsx) »).`
		);
		expect(snapshot(dir)).toEqual(realFiles);
	});
});

describe('the language of the office’s commands', () => {
	test.each([
		[{}, 'fr'],
		[{ LANG: 'C.UTF-8' }, 'fr'],
		[{ LANG: 'POSIX' }, 'fr'],
		[{ LANG: 'fr_FR.UTF-8' }, 'fr'],
		[{ LANG: 'en_GB.UTF-8' }, 'en'],
		[{ LANG: 'en_US' }, 'en'],
		[{ LANG: 'fr_FR.UTF-8', LC_ALL: 'en_IE.UTF-8' }, 'en'],
		[{ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, 'en'],
		[{ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }, 'fr'],
		[{ LANG: 'de_DE.UTF-8' }, 'fr'],
	])('%o → %s', (env, lang) => {
		expect(officeLang(env)).toBe(lang);
	});

	test('the build keeps English unless the locale is French', () => {
		expect(systemLang({ LANG: 'C.UTF-8' })).toBe('en');
		expect(systemLang({})).toBe('en');
		expect(systemLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
	});
});

describe('problems of content files, as the office’s commands print them', () => {
	const dir = copy();
	mkdirSync(join(dir, 'content/docs/en/guides'), { recursive: true });
	writeFileSync(
		join(dir, 'content/partners/test-noms.yaml'),
		'name:\n  native: Universidade de Teste\n  fr: Université d’essai\n  en: Test University\ncountry: sp\n'
	);
	writeFileSync(
		join(dir, 'content/docs/en/guides/test.mdx'),
		'---\ntitle: Housing\n---\n\nText.\n'
	);
	const problems = [
		{
			file: 'content/partners/test-noms.yaml',
			line: 14,
			field: 'sources.1.date',
			message: 'attendu : une date ; trouvé : « 2026-02-30 »',
		},
		{
			file: 'content/partners/test-noms.yaml',
			line: 3,
			field: 'sources',
			message: '2 source(s) sans la date du document (sources.0, sources.2)',
			severity: 'warning' as const,
		},
		{ file: 'content/countries/zz.yaml', field: '(file name)', message: 'attendu : un code' },
		{
			file: 'content/partners/test-noms.yaml',
			line: 5,
			field: 'country',
			message: 'pays inconnu « sp » : il n’y a pas de fichier content/countries/sp.yaml',
		},
		{
			file: 'content/docs/en/guides/test.mdx',
			line: 5,
			field: '(MDX)',
			message: 'balise non fermée',
		},
	];
	const names = (file: string) => entryName(dir, file, 'fr');

	test('name the entry and the field as the editor’s form does, never a path', () => {
		expect(formatStaffProblemList(problems, 'fr', names)).toBe(
			[
				'4 erreurs et 1 avertissement dans le contenu :',
				'1. Partenaire « Université d’essai », Sources 2 › Date du document : attendu : une date ; trouvé : « 2026-02-30 »',
				'2. (avertissement) Partenaire « Université d’essai », Sources : 2 source(s) sans la date du document (Sources 1, Sources 3)',
				'3. Pays « zz », Identifiant (nom du fichier) : attendu : un code',
				'4. Partenaire « Université d’essai », Pays : pays inconnu « sp » : le site n’a aucune fiche « sp » parmi les pays',
				'5. Page « Housing » (version anglaise), Texte de la page : balise non fermée',
			].join('\n')
		);
	});

	test('with --details, the file, line and field path follow', () => {
		expect(formatStaffProblem(problems[0]!, 'fr', names(problems[0]!.file), true)).toBe(
			'Partenaire « Université d’essai », Sources 2 › Date du document : attendu : une date ; trouvé : « 2026-02-30 » [content/partners/test-noms.yaml:14: sources.1.date]'
		);
	});

	test('a page’s header fields by the form’s names', () => {
		const page = { file: 'content/docs/en/guides/test.mdx', field: 'audience', message: 'x' };
		expect(formatStaffProblem(page, 'fr', names(page.file))).toBe(
			'Page « Housing » (version anglaise), Public : x'
		);
	});

	test('in English, the English names', () => {
		expect(formatStaffProblem(problems[0]!, 'en', entryName(dir, problems[0]!.file, 'en'))).toMatch(
			/^Partner "Test University", Sources 2 › /
		);
	});
});
