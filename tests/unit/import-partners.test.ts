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
			`sheet sources, row ${source.row} (test-errors), column date (cell ${source.cell('date')}): expected the date of the document: a year ("2014"), a month ("2014-07") or a day ("2014-07-01"), got "2014-02-30"`,
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
		expect(formatImportResult(result, 'fr')).toBe(
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
