import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { partners as partnerCollection } from '../../src/lib/collections';
import { formulaTriggers, restoreCell } from '../../src/lib/exporters/cells';
import {
	decodeCell,
	encodeCell,
	partnerSheets,
	partnersXlsx,
	readMeSheetName,
	type Column,
} from '../../src/lib/exporters/workbook';
import { schemaTree, type SchemaNode } from '../../src/lib/schema-tree';
import { readWorkbook } from '../../src/loaders/import-partners';
import { realContent } from '../fixtures/content';

/**
 * The partner workbook (`/data/partners.xlsx`): columns derived from the schema, the cell
 * conventions, the read-me, and cells that never run as formulas.
 */

const tree = schemaTree(partnerCollection.schema);
const sheets = partnerSheets(tree);
const content = realContent();
const references = {
	countries: content.countries.map((entry) => ({ id: entry.id, label: entry.data.name })),
	programmes: content.programmes.map((entry) => ({ id: entry.id, label: entry.data.name })),
};

/** Paths of the leaves of a schema tree (`agreements.*.languages.*.cefr`). */
function leaves(node: SchemaNode, path: string[] = []): string[] {
	if (node.kind === 'object')
		return node.fields.flatMap((field) => leaves(field.node, [...path, field.key]));
	if (node.kind === 'array' && node.item.kind === 'object')
		return leaves(node.item, [...path, '*']);
	return [path.join('.')];
}

/** Paths of the leaves the workbook's columns hold. */
function columnLeaves(): string[] {
	return sheets.flatMap((sheet) =>
		sheet.columns
			.filter((column) => column.field)
			.flatMap((column) => {
				const base = [...(sheet.list ? [sheet.list.key, '*'] : []), ...column.path];
				return column.codec.kind === 'records'
					? column.codec.parts.map((part) => [...base, '*', ...part.path].join('.'))
					: [base.join('.')];
			})
	);
}

const load = async (bytes: Uint8Array) => {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
	return workbook;
};

const headers = (worksheet: ExcelJS.Worksheet) =>
	(worksheet.getRow(1).values as unknown[]).slice(1) as string[];

describe('the workbook’s columns', () => {
	test('hold every field of the partner schema, each once', () => {
		expect(columnLeaves().sort()).toEqual(leaves(tree).sort());
	});

	test('are the fields’ paths, with lists of records on sheets of their own', () => {
		expect(sheets.map((sheet) => sheet.name)).toEqual([
			'partners',
			'agreements',
			'contacts',
			'sources',
		]);
		const partnerHeaders = sheets[0]!.columns.map((column) => column.header);
		expect(partnerHeaders.slice(0, 5)).toEqual([
			'id',
			'name.native',
			'name.nativeLang',
			'name.en',
			'name.fr',
		]);
		expect(partnerHeaders).toContain('cityFr');
		expect(partnerHeaders).toContain('calendar.studentNominations.autumnTerm');
		expect(sheets[1]!.columns.map((column) => column.header)).toContain('subjectAreas');
		const languages = sheets[1]!.columns.find((column) => column.header === 'languages')!;
		expect(languages.codec.kind).toBe('records');
		// A source is a record with a bilingual publisher: one column per part.
		expect(sheets[3]!.columns.map((column) => column.header)).toEqual([
			'id',
			'url',
			'title',
			'lang',
			'publisher.fr',
			'publisher.en',
			'date',
			'kind',
		]);
	});
});

describe('cells', () => {
	const column = (sheet: string, header: string): Column =>
		sheets
			.find((candidate) => candidate.name === sheet)!
			.columns.find((candidate) => candidate.header === header)!;
	const languages = column('agreements', 'languages');
	const subjectAreas = column('agreements', 'subjectAreas');
	const eqfLevels = column('agreements', 'eqfLevels');
	const instructionLanguages = column('agreements', 'instructionLanguages');

	test('write lists with ; and records with : in the order of their fields', () => {
		expect(
			encodeCell(languages, {
				languages: [
					{ language: 'en', cefr: 'B2' },
					{ language: 'fr', cefr: 'B1' },
				],
			})
		).toBe('en:B2;fr:B1');
		expect(
			encodeCell(subjectAreas, {
				subjectAreas: [
					{ iscedFCode: '07', clarification: { fr: 'matériaux : avancés', en: 'materials' } },
					{ iscedFCode: '0713' },
				],
			})
		).toBe('07:matériaux \\: avancés:materials;0713');
		expect(encodeCell(eqfLevels, { eqfLevels: [6, 7] })).toBe('6;7');
		expect(decodeCell(eqfLevels, '6; 7')).toEqual([6, 7]);
		expect(decodeCell(languages, 'en:B2;fr:B1')).toEqual([
			{ language: 'en', cefr: 'B2' },
			{ language: 'fr', cefr: 'B1' },
		]);
	});

	test('read back what they wrote, whatever the text', () => {
		const text = fc
			.string({ unit: fc.constantFrom('a', ' ', ';', ':', '\\', 'é', '='), minLength: 1 })
			.filter((value) => value.trim() === value && value !== '');
		fc.assert(
			fc.property(
				fc.array(fc.tuple(text, text, text), { minLength: 1 }),
				fc.array(text, { minLength: 1 }),
				(areas, languages) => {
					const record = {
						subjectAreas: areas.map(([iscedFCode, fr, en]) => ({
							iscedFCode,
							clarification: { fr, en },
						})),
						instructionLanguages: languages,
					};
					expect(decodeCell(subjectAreas, encodeCell(subjectAreas, record))).toEqual(
						record.subjectAreas
					);
					expect(
						decodeCell(instructionLanguages, encodeCell(instructionLanguages, record))
					).toEqual(record.instructionLanguages);
				}
			),
			{ numRuns: 500 }
		);
	});

	test('refuse a record with more parts than fields', () => {
		expect(() => decodeCell(languages, 'en:B2:extra')).toThrow(
			'expected items written language:cefr (2 parts at most), got "en:B2:extra" with 3 parts'
		);
	});
});

describe('partners.xlsx', async () => {
	const bytes = await partnersXlsx(content.partners, { references });
	const workbook = await load(bytes);

	test('has the read-me first, then a sheet per kind of record, headed by the fields’ paths', () => {
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			readMeSheetName,
			'partners',
			'agreements',
			'contacts',
			'sources',
		]);
		for (const sheet of sheets)
			expect(headers(workbook.getWorksheet(sheet.name)!)).toEqual(
				sheet.columns.map((column) => column.header)
			);
		const partnerSheet = workbook.getWorksheet('partners')!;
		expect(partnerSheet.actualRowCount).toBe(content.partners.length + 1);
		const agreements = content.partners.reduce(
			(sum, entry) => sum + entry.data.agreements.length,
			0
		);
		expect(workbook.getWorksheet('agreements')!.actualRowCount).toBe(agreements + 1);
	});

	test('explains every column in French and English, with the values it allows', () => {
		const readMe = workbook.getWorksheet(readMeSheetName)!;
		const rows = Array.from(readMe.getSheetValues(), (row) =>
			Array.isArray(row) ? Array.from(row.slice(1), (cell) => String(cell ?? '')) : []
		);
		for (const sheet of sheets)
			for (const column of sheet.columns) {
				const row = rows.find((cells) => cells[0] === sheet.name && cells[1] === column.header);
				expect(row, `${sheet.name} › ${column.header}`).toBeDefined();
				expect(row![2]).toBe(column.label.fr);
				expect(row![3]).toBe(column.label.en);
			}
		const cefr = rows.find((cells) => cells[0] === 'agreements' && cells[1] === 'languages')!;
		expect(cefr[5]).toContain('cefr : l’un des niveaux A1…C2');
		expect(cefr[6]).toContain('cefr : one of A1…C2');
		expect(cefr[8]).toContain('items separated by ; each written language:cefr');
		const date = rows.find((cells) => cells[0] === 'partners' && cells[1] === 'consulted')!;
		expect(date.slice(5, 7)).toEqual(['une date écrite AAAA-MM-JJ', 'a date written YYYY-MM-DD']);
		expect(rows).toContainEqual(['', 'B2', 'B2 — avancé', 'B2 — vantage']);
		expect(rows).toContainEqual(['', 'jp', 'Japon', 'Japan']);
	});

	test('writes numbers as numbers and text columns formatted as text', () => {
		const sheet = workbook.getWorksheet('partners')!;
		const header = headers(sheet);
		const kagawa = sheet
			.getRows(2, sheet.rowCount - 1)!
			.find((row) => row.getCell(1).value === 'bauman')!;
		const lat = kagawa.getCell(header.indexOf('coordinates.lat') + 1);
		expect(lat.type).toBe(ExcelJS.ValueType.Number);
		expect(sheet.getColumn(header.indexOf('country') + 1).numFmt).toBe('@');
	});
});

describe('partners.xlsx against formula injection', () => {
	const base = content.partners.find((entry) => entry.id === 'bauman')!;
	const payload = (trigger: string) => `${trigger}cmd|' /C calc'!A0`;

	test.each(formulaTriggers.map((trigger) => [JSON.stringify(trigger), trigger]))(
		'writes a text starting with %s as a quoted text cell, never a formula, and reads it back',
		async (_name, trigger) => {
			const data = {
				...base.data,
				city: payload(trigger),
				coordinates: { lat: -15.79, lon: -47.9 },
				contacts: [{ name: `${trigger}Office`, phoneNumber: '+33466785160' }],
			};
			const workbook = await load(await partnersXlsx([{ id: 'bauman', data }]));
			for (const sheet of workbook.worksheets)
				sheet.eachRow((row) =>
					row.eachCell((cell) =>
						expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)
					)
				);
			const partners = workbook.getWorksheet('partners')!;
			const header = headers(partners);
			const city = partners.getRow(2).getCell(header.indexOf('city') + 1);
			expect(city.type).toBe(ExcelJS.ValueType.String);
			// XML reads a carriage return as a line feed (which is quoted too).
			const written = payload(trigger).replace('\r', '\n');
			expect(city.value).toBe(`'${written}`);
			expect(partners.getRow(2).getCell(header.indexOf('coordinates.lon') + 1).value).toBe(-47.9);
			const tables = await readWorkbook(await partnersXlsx([{ id: 'bauman', data }]));
			const cityCell = tables
				.find((table) => table.sheet === 'partners')!
				.rows[0]!.cells.get(header.indexOf('city') + 1);
			expect(restoreCell(cityCell as string)).toBe(written);
			const contactCells = tables.find((table) => table.sheet === 'contacts')!.rows[0]!.cells;
			expect([...contactCells.values()].map((cell) => restoreCell(String(cell)))).toEqual([
				'bauman',
				`${trigger}Office`.replace('\r', '\n'),
				'+33466785160',
			]);
		}
	);
});
