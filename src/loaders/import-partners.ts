import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { Workbook, type CellValue } from '@cj-tech-master/excelts';
import { partners as partnerCollection } from '../lib/collections.ts';
import { restoreCell, unreadCellMessage } from '../lib/exporters/cells.ts';
import {
	CellFormatError,
	decodeCell,
	entryCollections,
	entrySheets,
	idHeader,
	partnerSheetName,
	partnerSheets,
	readMeSheetName,
	type CellContent,
	type Column,
	type SheetModel,
} from '../lib/exporters/workbook.ts';
import type { Problem } from '../lib/problems.ts';
import { unknownReferences } from '../lib/resolve.ts';
import { schemaTree } from '../lib/schema-tree.ts';
import { describeInput, inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { deleteAt, getAt, isRecord, setAt } from '../lib/paths.ts';
import { importEntries, isEntryTable } from './import-entries.ts';
import { readContent, yamlFiles } from './read-content.ts';
import { fieldLabel, formatStaffProblem, labelsOf, withoutPaths } from './staff-problems.ts';
import { validateData } from '../lib/validate.ts';
import { parseYaml } from '../lib/yaml.ts';
import { patchYaml, yamlText } from '../lib/yaml-edit.ts';
import { isoDate } from '../lib/dates.ts';

/**
 * `npm run import:partners`: creates and updates `content/partners/*.yaml` from a spreadsheet —
 * the workbook `/data/partners.xlsx` (sheets `partners`, `agreements`, `contacts`, `sources`, see
 * `src/lib/exporters/workbook.ts`), or a CSV file of its `partners` sheet (the site's own
 * `partners.csv` is one).
 *
 * Every row is turned into the data of its partner's file and validated exactly as the build
 * validates the files (`readContent` on the files as they would be written, then the references
 * between collections). On any error nothing is written, and each error is reported at its
 * sheet, row and column with what was expected. Otherwise the files that change are written —
 * new ones in the order of the schema, existing ones changed only where their data changed, with
 * their comments (`src/lib/yaml-edit.ts`) — all to temporary files first, then renamed into place.
 *
 * What the workbook does not hold stays as it is: a missing column leaves its field, a partner
 * not in the workbook is not touched, no file is ever deleted. A partner's rows in `agreements`
 * (`contacts`, `sources`) replace its list when the sheet is there and the partner has a row on the
 * `partners` sheet or on that sheet; the items are matched by position, so that fields with no
 * column are kept.
 */

/** Where a value is in the spreadsheet. */
export interface CellAddress {
	/** Name of the sheet (the file name for a CSV file). */
	sheet: string;
	/** Row number as the spreadsheet shows it (the header is row 1). */
	row: number;
	/** The column, as its header reads, and its number (1 = A). */
	column?: { header: string; index: number } | undefined;
}

/** A problem found by the import, in the spreadsheet or in a content file. */
export interface ImportProblem {
	/** Its cell or row in the spreadsheet, when it comes from there. */
	at?: CellAddress | undefined;
	/** The partner's id, when known. */
	partner?: string | undefined;
	/** Below the cell: the item of a list (`item 2, cefr`), or a field with no column. */
	detail?: (string | number)[] | undefined;
	/** A problem of a content file the spreadsheet does not hold (another partner, a country). */
	file?: Problem | undefined;
	/** What was expected and what was found, in the chosen language. */
	message: string;
}

/** What an import did, or would do in a dry run. */
export interface ImportResult {
	/** Name of the spreadsheet file. */
	source: string;
	problems: ImportProblem[];
	created: { id: string; file: string }[];
	updated: { id: string; file: string; changed: string[] }[];
	unchanged: string[];
	/** Whether files were written (false on errors and in a dry run). */
	written: boolean;
	/**
	 * Why the file was not read at all (not a workbook, empty, missing…), as one sentence saying
	 * what to do, in the chosen language; then `problems` is empty and nothing is written.
	 */
	refusal?: string | undefined;
	/** Files of the sheets `recognitions` and `reports` created or updated (`./import-entries.ts`). */
	entries?: { created: string[]; updated: string[] } | undefined;
}

/** The content of a cell as read, before it is decoded for its column. */
export type RawCell = CellContent | { formula: string } | { error: string };

/** A sheet as read: its name, its header row and its rows. */
export interface Table {
	sheet: string;
	/** Headers by column number (1 = A). */
	headers: Map<number, string>;
	rows: { row: number; cells: Map<number, RawCell> }[];
	/**
	 * `sheet`: a sheet of a workbook, named after what it holds; `csv`: a CSV file of the
	 * `partners` sheet.
	 */
	format: 'sheet' | 'csv';
}

// Reading spreadsheets ------------------------------------------------------------------------

/** The text of a cell value that holds text (rich text, a hyperlink's text). */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		if ('richText' in value)
			return (value.richText as { text: string }[]).map((part) => part.text).join('');
		if ('text' in value) return textOf(value.text);
	}
	return undefined;
}

/**
 * What a cell of an .xlsx file holds. A formula is never run nor its cached result used: it is
 * reported, so that what is imported is what was typed.
 */
function readCell(value: CellValue): RawCell {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return value;
	if (value instanceof Date) return isoDate(value);
	if ('formula' in value || 'sharedFormula' in value) {
		const formula = (value as { formula?: string; sharedFormula?: string }).formula;
		return { formula: `=${formula ?? (value as { sharedFormula: string }).sharedFormula}` };
	}
	if ('error' in value) return { error: String(value.error) };
	return textOf(value);
}

/**
 * A spreadsheet the import cannot read at all (an empty file, a document of another kind, a
 * workbook without the partner sheets): what is wrong and what to do, in one sentence in each
 * language. The command prints that sentence alone; nothing is written.
 */
export class UnreadableFileError extends Error {
	readonly text: Bilingual;

	constructor(text: Bilingual) {
		super(text.en);
		this.name = 'UnreadableFileError';
		this.text = text;
	}
}

/** What to do with a file saved in another format, as one clause in each language. */
const saveAsXlsx: Bilingual = {
	fr: 'ouvrez-le dans votre tableur, enregistrez-le au format « Classeur Excel (.xlsx) », puis relancez l’import avec ce fichier',
	en: 'open it in your spreadsheet program, save it as an "Excel Workbook (.xlsx)", then run the import again with that file',
};
const startFromExport: Bilingual = {
	fr: 'partez du classeur partners.xlsx de la page « Données ouvertes » du site, puis relancez l’import',
	en: 'start from the workbook partners.xlsx of the site’s "Open data" page, then run the import again',
};

/** Whether the bytes of a zip archive name one of its files (names are stored as they are). */
const zipHolds = (bytes: Uint8Array, name: string) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1');

/**
 * Why a file is not an .xlsx workbook, from its first bytes and the names in its archive, or
 * undefined when it looks like one. An .xlsx file is a zip archive holding `xl/workbook.xml`.
 */
export function notAWorkbook(bytes: Uint8Array, name: string): Bilingual | undefined {
	const quoted = { fr: `Le fichier « ${name} »`, en: `The file "${name}"` };
	if (bytes.length === 0)
		return {
			fr: `${quoted.fr} est vide (0 octet) : enregistrez de nouveau le classeur depuis votre tableur, ou ${startFromExport.fr}.`,
			en: `${quoted.en} is empty (0 bytes): save the workbook again from your spreadsheet program, or ${startFromExport.en}.`,
		};
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	// The compound-file signature of Office 97-2003 files, and of password-protected workbooks.
	const isCompound = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every(
		(byte, index) => bytes[index] === byte
	);
	if (isCompound)
		return {
			fr: `${quoted.fr} est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe, que l’import ne lit pas : retirez le mot de passe s’il y en a un, ${saveAsXlsx.fr}.`,
			en: `${quoted.en} is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which the import cannot read: remove the password if there is one, ${saveAsXlsx.en}.`,
		};
	if (isZip && zipHolds(bytes, 'application/vnd.oasis.opendocument.spreadsheet'))
		return {
			fr: `${quoted.fr} est un classeur OpenDocument (.ods), que l’import ne lit pas : ${saveAsXlsx.fr}.`,
			en: `${quoted.en} is an OpenDocument spreadsheet (.ods), which the import cannot read: ${saveAsXlsx.en}.`,
		};
	if (isZip && zipHolds(bytes, 'word/document.xml'))
		return {
			fr: `${quoted.fr} est un document Word, pas un classeur : ${startFromExport.fr}.`,
			en: `${quoted.en} is a Word document, not a workbook: ${startFromExport.en}.`,
		};
	if (!isZip || !zipHolds(bytes, 'xl/workbook.xml'))
		return {
			fr: `${quoted.fr} n’est pas un classeur Excel (.xlsx) : ${startFromExport.fr} (un fichier qui s’ouvre dans votre tableur peut aussi y être enregistré au format « Classeur Excel (.xlsx) »).`,
			en: `${quoted.en} is not an Excel workbook (.xlsx): ${startFromExport.en} (a file your spreadsheet program opens can also be saved there as an "Excel Workbook (.xlsx)").`,
		};
	return undefined;
}

/**
 * The sheets of an .xlsx workbook (the read-me left aside), read with ExcelTS, a maintained fork
 * of exceljs: exceljs 4.4 stops on the notes of workbooks saved by openpyxl, WPS or Excel
 * (exceljs issue #2797). Empty rows (trailing rows with only a format, a cell holding spaces)
 * are left out. A file that is not a workbook, or that cannot be read, is an
 * `UnreadableFileError`.
 */
export async function readWorkbook(data: Uint8Array, name = 'partners.xlsx'): Promise<Table[]> {
	const refused = notAWorkbook(data, name);
	if (refused) throw new UnreadableFileError(refused);
	const workbook = new Workbook();
	try {
		await workbook.xlsx.load(data);
	} catch {
		throw new UnreadableFileError({
			fr: `Le fichier « ${name} » est un classeur que l’import n’arrive pas à lire (fichier abîmé ou incomplet) : ${saveAsXlsx.fr}.`,
			en: `The file "${name}" is a workbook the import cannot read (damaged or incomplete): ${saveAsXlsx.en}.`,
		});
	}
	return workbook.worksheets
		.filter((worksheet) => worksheet.name !== readMeSheetName)
		.map((worksheet) => {
			const headers = new Map<number, string>();
			worksheet.getRow(1).eachCell((cell, index) => {
				const text = readCell(cell.value);
				if (text !== undefined) headers.set(index, String(typeof text === 'object' ? '' : text));
			});
			const rows: Table['rows'] = [];
			worksheet.eachRow((row, number) => {
				if (number === 1) return;
				const cells = new Map<number, RawCell>();
				row.eachCell((cell, index) => {
					const content = readCell(cell.value);
					if (content !== undefined && !(typeof content === 'string' && content.trim() === ''))
						cells.set(index, content);
				});
				if (cells.size > 0) rows.push({ row: number, cells });
			});
			return { sheet: worksheet.name, headers, rows, format: 'sheet' as const };
		});
}

/** The separator of a CSV file, from its header line: `,`, `;` (French Excel) or a tab. */
function csvDelimiter(text: string): string {
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const counts = [',', ';', '\t'].map((delimiter) => ({
		delimiter,
		count: header.split(delimiter).length,
	}));
	return counts.sort((a, b) => b.count - a.count)[0]!.delimiter;
}

/** A CSV file (UTF-8, with or without byte-order mark) as one table named after the file. */
export function readCsv(text: string, name: string): Table {
	const records = parseCsv(text, {
		bom: true,
		delimiter: csvDelimiter(text),
		relax_column_count: true,
		skip_empty_lines: false,
	}) as string[][];
	const [header = [], ...body] = records;
	const headers = new Map<number, string>();
	header.forEach((text, index) => {
		if (text.trim() !== '') headers.set(index + 1, text);
	});
	const rows: Table['rows'] = [];
	body.forEach((record, index) => {
		const cells = new Map<number, RawCell>();
		record.forEach((text, column) => {
			if (text !== '') cells.set(column + 1, text);
		});
		if (cells.size > 0) rows.push({ row: index + 2, cells });
	});
	return { sheet: name, headers, rows, format: 'csv' };
}

// From rows to partners ------------------------------------------------------------------------

/** A column of a table, resolved: the sheet and column it fills. */
interface Target {
	sheet: SheetModel;
	column: Column;
}

interface FieldValue {
	column: Column;
	value: unknown;
	at: CellAddress;
}

/** One item of a list of a partner (an agreement, a contact), from one row. */
interface ItemDraft {
	at: CellAddress;
	fields: Map<string, FieldValue>;
}

/** What the spreadsheet says of one partner. */
interface PartnerDraft {
	id: string;
	/** Its first row (the id cell). */
	at: CellAddress;
	/** Whether it has a row on the partner sheet (then all its lists are the spreadsheet's). */
	listed: boolean;
	fields: Map<string, FieldValue>;
	lists: Map<string, ItemDraft[]>;
}

const columnLetters = (index: number): string => {
	let letters = '';
	for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26))
		letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
	return letters;
};

/** The cell reference of an address, e.g. `F3`. */
export const cellName = (at: CellAddress) =>
	at.column ? `${columnLetters(at.column.index)}${at.row}` : undefined;

const message = (text: Bilingual) => say(text);

/** Writes the fields of one row into a record (a partner's data, or one of its agreements). */
function applyFields(target: Record<string, unknown>, fields: Map<string, FieldValue>): void {
	for (const { column, value } of fields.values()) {
		const current = getAt(target, column.path);
		if (value === undefined) {
			// An empty cell is an absent field, or an empty list.
			if (!(Array.isArray(current) && current.length === 0)) deleteAt(target, column.path);
		} else setAt(target, column.path, value);
	}
}

/** Registers where each field of a row is, and each group of fields (at its first column). */
function locate(
	locations: Map<string, CellAddress>,
	prefix: (string | number)[],
	fields: Map<string, FieldValue>
): void {
	for (const { column, at } of fields.values()) {
		const path = [...prefix, ...column.path];
		locations.set(path.join('.'), at);
		for (let length = prefix.length + 1; length < path.length; length++) {
			const group = path.slice(0, length).join('.');
			if (!locations.has(group)) locations.set(group, at);
		}
	}
}

/** The plan of an import: the file of each partner, before and after. */
interface Plan {
	id: string;
	file: string;
	name: string;
	before: string | undefined;
	after: string;
	changed: string[];
	locations: Map<string, CellAddress>;
	at: CellAddress;
	/** The data of the file as it would be written. */
	data: Record<string, unknown>;
}

/** Options of an import. */
export interface ImportOptions {
	/** The project root (the folder holding `content/`). */
	root: string;
	/** Language of the messages. */
	lang?: Lang | undefined;
	/** Check everything, write nothing. */
	dryRun?: boolean | undefined;
}

/**
 * Imports tables read from a spreadsheet into the partner files under `root`. See the module's
 * comment for what it does; `importPartners` reads the file first.
 */
export function importTables(
	tables: Table[],
	source: string,
	{ root, lang = 'en', dryRun = false }: ImportOptions
): ImportResult {
	return inLanguage(lang, () => run(tables, source, root, lang, dryRun));
}

/**
 * What the rows say of each partner: its fields, and the items of its lists, each value with its
 * cell. Problems of headers and cells (unknown columns, formulas, conflicts) go to `problems`.
 */
function collect(
	tables: Table[],
	sheets: SheetModel[],
	problems: ImportProblem[]
): { drafts: Map<string, PartnerDraft>; listsGiven: Set<string> } {
	const sheetByName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
	const partnerSheet = sheetByName.get(partnerSheetName)!;
	const drafts = new Map<string, PartnerDraft>();
	/** The lists whose sheet the spreadsheet has. */
	const listsGiven = new Set<string>();

	for (const table of tables) {
		// Resolve the headers into targets.
		const targets = new Map<number, Target>();
		const ownSheet = table.format === 'sheet' ? sheetByName.get(table.sheet) : partnerSheet;
		if (!ownSheet) {
			problems.push({
				at: { sheet: table.sheet, row: 1 },
				message: message({
					en: `unknown sheet "${table.sheet}": expected ${sheets.map((sheet) => `"${sheet.name}"`).join(', ')} or "${readMeSheetName}"`,
					fr: `feuille inconnue « ${table.sheet} » : attendu : ${sheets.map((sheet) => `« ${sheet.name} »`).join(', ')} ou « ${readMeSheetName} »`,
				}),
			});
			continue;
		}
		const seen = new Map<string, number>();
		for (const [index, rawHeader] of table.headers) {
			const header = rawHeader.trim();
			const at: CellAddress = { sheet: table.sheet, row: 1, column: { header, index } };
			let target: Target | undefined;
			const column = ownSheet.columns.find((candidate) => candidate.header === header);
			if (column) target = { sheet: ownSheet, column };
			if (!target) {
				const known = ownSheet.columns.map((column) => column.header);
				problems.push({
					at,
					message: message({
						en: `unknown column "${header}": expected one of the columns of sheet ${ownSheet.name} (${known.join(', ')}), as the sheet ${readMeSheetName} lists them`,
						fr: `colonne inconnue « ${header} » : attendu : l’une des colonnes de la feuille ${ownSheet.name} (${known.join(', ')}), telles que les liste la feuille ${readMeSheetName}`,
					}),
				});
				continue;
			}
			const key = `${target.sheet.name}:${target.column.header}`;
			const previous = seen.get(key);
			if (previous !== undefined) {
				problems.push({
					at,
					message: message({
						en: `column "${header}" appears twice (also column ${columnLetters(previous)}); keep only one`,
						fr: `la colonne « ${header} » apparaît deux fois (aussi en colonne ${columnLetters(previous)}) ; n’en gardez qu’une`,
					}),
				});
				continue;
			}
			seen.set(key, index);
			targets.set(index, target);
		}
		if (ownSheet !== partnerSheet) listsGiven.add(ownSheet.name);
		const idIndex = [...targets].find(
			([, target]) => target.column.header === idHeader && target.sheet === ownSheet
		)?.[0];
		if (idIndex === undefined) {
			problems.push({
				at: { sheet: table.sheet, row: 1 },
				message: message({
					en: `no column "${idHeader}": expected it, to tie each row to its partner's file`,
					fr: `pas de colonne « ${idHeader} » : attendu : cette colonne, qui relie chaque ligne au fichier de son partenaire`,
				}),
			});
			continue;
		}

		// Read the rows, the id first.
		const ordered = [...targets].sort(([a], [b]) => (a === idIndex ? -1 : b === idIndex ? 1 : 0));
		for (const { row, cells } of table.rows) {
			const address = (index: number): CellAddress => ({
				sheet: table.sheet,
				row,
				column: { header: table.headers.get(index)!.trim(), index },
			});
			const values = new Map<SheetModel, Map<string, FieldValue>>();
			let id: string | undefined;
			for (const [index, target] of ordered) {
				const at = address(index);
				const isId = index === idIndex;
				let raw = cells.get(index);
				if (raw !== null && typeof raw === 'object') {
					problems.push({
						at,
						partner: id,
						message: unreadCellMessage(raw),
					});
					if (isId) break;
					continue;
				}
				if (typeof raw === 'string') raw = restoreCell(raw);
				let value: unknown;
				try {
					value = decodeCell(target.column, raw);
				} catch (error) {
					if (!(error instanceof CellFormatError)) throw error;
					problems.push({ at, partner: id, message: say(error.text) });
					continue;
				}
				if (isId) {
					if (value === undefined) {
						problems.push({
							at,
							message: message({
								en: `expected the id of the partner (the name of its file, e.g. "kagawa"), got nothing`,
								fr: `attendu : l’identifiant du partenaire (le nom de son fichier, par exemple « kagawa ») ; trouvé : rien`,
							}),
						});
						break;
					}
					id = String(value);
					continue;
				}
				if (target.column.header === idHeader) continue;
				const fields = values.get(target.sheet) ?? new Map<string, FieldValue>();
				values.set(target.sheet, fields);
				fields.set(target.column.header, {
					column: target.column,
					value,
					at,
				});
			}
			if (id === undefined) continue;
			let draft = drafts.get(id);
			if (!draft) {
				draft = { id, at: address(idIndex), listed: false, fields: new Map(), lists: new Map() };
				drafts.set(id, draft);
			}
			for (const [sheet, fields] of values) {
				if (sheet === partnerSheet) {
					// A field's value is that of its filled cells, which must agree; empty everywhere, it
					// is absent.
					for (const [header, field] of fields) {
						const earlier = draft.fields.get(header);
						if (!earlier || earlier.value === undefined) draft.fields.set(header, field);
						else if (field.value !== undefined && !isDeepStrictEqual(earlier.value, field.value))
							problems.push({
								at: field.at,
								partner: id,
								message: message({
									en: `conflicting values for partner "${id}": ${quoted(field.value)} here, ${quoted(earlier.value)} on row ${earlier.at.row}; one partner has one value`,
									fr: `valeurs contradictoires pour le partenaire « ${id} » : ${quoted(field.value)} ici, ${quoted(earlier.value)} ligne ${earlier.at.row} ; un partenaire n’a qu’une valeur`,
								}),
							});
					}
				} else if ([...fields.values()].some((field) => field.value !== undefined)) {
					const items = draft.lists.get(sheet.name) ?? [];
					draft.lists.set(sheet.name, items);
					items.push({ at: { sheet: table.sheet, row }, fields });
				}
			}
			if (ownSheet === partnerSheet) draft.listed = true;
			else if (!draft.lists.has(ownSheet.name)) draft.lists.set(ownSheet.name, []);
		}
	}

	return { drafts, listsGiven };
}

function run(
	tables: Table[],
	source: string,
	root: string,
	lang: Lang,
	dryRun: boolean
): ImportResult {
	const problems: ImportProblem[] = [];
	const result = (extra: Partial<ImportResult> = {}): ImportResult => ({
		source,
		problems: sortProblems(problems, tables),
		created: [],
		updated: [],
		unchanged: [],
		written: false,
		...extra,
	});
	const tree = schemaTree(partnerCollection.schema);
	const sheets = partnerSheets(tree);
	const { drafts, listsGiven } = collect(
		tables.filter((table) => !isEntryTable(table)),
		sheets,
		problems
	);

	// The files as they would be written.
	const folder = partnerCollection.folder;
	const existing = new Map(yamlFiles(join(root, folder)).map((file) => [file.id, file.name]));
	const plans: Plan[] = [];
	for (const draft of drafts.values()) {
		const name = existing.get(draft.id) ?? `${draft.id}.yaml`;
		const file = `${folder}/${name}`;
		const before = existing.has(draft.id) ? readFileSync(join(root, file), 'utf8') : undefined;
		let old: Record<string, unknown> = {};
		if (before !== undefined) {
			try {
				old = (parseYaml(before, file).data ?? {}) as Record<string, unknown>;
			} catch (error) {
				const fileProblems = (error as { problems?: Problem[] }).problems;
				if (!fileProblems) throw error;
				problems.push(
					...fileProblems.map((problem) => ({
						file: problem,
						partner: draft.id,
						message: problem.message,
					}))
				);
				continue;
			}
		} else if (!draft.listed) {
			const first = [...draft.lists.values()].flat()[0]?.at ?? draft.at;
			problems.push({
				at: { ...first, column: draft.at.column },
				partner: draft.id,
				message: message({
					en: `unknown partner "${draft.id}": the site has no partner "${draft.id}" and sheet ${partnerSheetName} has no row for it; add its row there`,
					fr: `partenaire inconnu « ${draft.id} » : le site n’a pas de partenaire « ${draft.id} » et la feuille ${partnerSheetName} n’a pas de ligne pour lui ; ajoutez-la`,
				}),
			});
			continue;
		}
		const next = structuredClone(old);
		const locations = new Map<string, CellAddress>([
			['', { sheet: draft.at.sheet, row: draft.at.row }],
			[idHeader, draft.at],
		]);
		applyFields(next, draft.fields);
		locate(locations, [], draft.fields);
		for (const sheet of sheets) {
			if (!sheet.list || !listsGiven.has(sheet.name)) continue;
			const items = draft.lists.get(sheet.name);
			if (!draft.listed && items === undefined) continue;
			const key = sheet.list.key;
			const current = Array.isArray(next[key]) ? (next[key] as unknown[]) : [];
			const list = (items ?? []).map((item, index) => {
				const record = isRecord(current[index]) ? structuredClone(current[index]) : {};
				applyFields(record as Record<string, unknown>, item.fields);
				locations.set(`${key}.${index}`, item.at);
				locate(locations, [key, index], item.fields);
				return record;
			});
			if (list.length > 0) next[key] = list;
			else if (next[key] === undefined) continue;
			else if (sheet.list.defaultValue !== undefined || !sheet.list.optional) next[key] = [];
			else delete next[key];
		}
		let after: string;
		let changed: string[] = [];
		if (before === undefined) after = yamlText(tree, next);
		else if (isDeepStrictEqual(old, next)) after = before;
		else {
			const oldValid = validateData(partnerCollection.schema, old, file);
			const newValid = validateData(partnerCollection.schema, next, file);
			const [left, right] =
				oldValid.ok && newValid.ok ? [oldValid.data, newValid.data] : [old, next];
			const same = (path: readonly (string | number)[]) =>
				isDeepStrictEqual(getAt(left, path), getAt(right, path));
			if (same([])) after = before;
			else ({ text: after, changed } = patchYaml(before, next, tree, same));
		}
		plans.push({
			id: draft.id,
			file,
			name,
			before,
			after,
			changed,
			locations,
			at: draft.at,
			data: next,
		});
	}

	// Validate every partner file as it would be, with the build's own checks.
	const planById = new Map(plans.map((plan) => [plan.id, plan]));
	const texts = new Map<string, string>();
	for (const [id, name] of existing)
		texts.set(id, planById.get(id)?.after ?? readFileSync(join(root, folder, name), 'utf8'));
	for (const plan of plans) texts.set(plan.id, plan.after);
	const content = readContent(root, { lang, override: { partners: texts } });
	// A cell already reported (a formula, a conflict) is not reported again for what it lacks.
	const cellKey = (at: CellAddress) => `${at.sheet}\u0000${at.row}\u0000${at.column?.index}`;
	const reported = new Set(
		problems.flatMap((problem) => (problem.at ? [cellKey(problem.at)] : []))
	);
	// readContent leaves out a file with problems, so that its references are not checked: check
	// those of the spreadsheet's files too, for every error to be reported at once.
	const valid = new Set(content.raw.partners.map((entry) => entry.id));
	const invalid = plans
		.filter((plan) => !valid.has(plan.id))
		.map((plan) => ({ id: plan.id, filePath: plan.file, data: plan.data }));
	const invalidFiles = new Set(invalid.map((entry) => entry.filePath));
	const references = [
		...unknownReferences(content.raw, content.locate),
		...unknownReferences({ ...content.raw, partners: invalid as never }).filter((problem) =>
			invalidFiles.has(problem.file)
		),
	];
	const found = [...content.problems, ...references];
	const listSheets = new Set(sheets.flatMap((sheet) => (sheet.list ? [sheet.name] : [])));
	/**
	 * What to do, for the office, where the build's message speaks of files: an unknown code
	 * points to the read-me's list of allowed values; a list the partner lacks (no source), to the
	 * sheet where its rows go.
	 */
	function hint(problem: Problem, rest: (string | number)[], id: string): string {
		if (references.includes(problem))
			return message({
				en: `; the allowed values are listed on sheet ${readMeSheetName}`,
				fr: ` ; les valeurs admises sont listées dans la feuille ${readMeSheetName}`,
			});
		const list = rest.length === 1 ? String(rest[0]) : undefined;
		if (list !== undefined && listSheets.has(list))
			return message({
				en: `; add its rows to sheet ${list}, with "${id}" in column ${idHeader}`,
				fr: ` ; ajoutez ses lignes dans la feuille ${list}, avec « ${id} » dans la colonne ${idHeader}`,
			});
		return '';
	}
	for (const problem of found) {
		const id = new RegExp(`^${folder}/(.+)\\.ya?ml$`).exec(problem.file)?.[1];
		const plan = id === undefined ? undefined : planById.get(id);
		if (!plan) {
			problems.push({ file: problem, message: problem.message });
			continue;
		}
		const path =
			problem.field === '(file name)'
				? [idHeader]
				: problem.field.startsWith('(') || problem.field === ''
					? []
					: problem.field.split('.');
		let length = path.length;
		while (length > 0 && !plan.locations.has(path.slice(0, length).join('.'))) length--;
		const at = plan.locations.get(path.slice(0, length).join('.'))!;
		const rest = path.slice(length).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
		if (at.column && reported.has(cellKey(at))) continue;
		problems.push({
			at,
			partner: plan.id,
			detail: rest.length > 0 ? rest : undefined,
			message: problem.message + hint(problem, rest, plan.id),
		});
	}
	// The sheets of recognised courses and returnee reports, with the partners as they would be.
	const entryTables = tables.filter(isEntryTable);
	const entries =
		entryTables.length > 0
			? importEntries(entryTables, { root, lang, partners: texts })
			: undefined;
	if (entries) problems.push(...entries.problems);
	const created = plans.filter((plan) => plan.before === undefined);
	const updated = plans.filter((plan) => plan.before !== undefined && plan.before !== plan.after);
	const touched = new Set([...created, ...updated].map((plan) => plan.id));
	const outcome = {
		created: created.map(({ id, file }) => ({ id, file })),
		updated: updated.map(({ id, file, changed }) => ({ id, file, changed })),
		unchanged: [...existing.keys()].filter((id) => !touched.has(id)),
		entries: entries && { created: entries.created, updated: entries.updated },
	};
	if (problems.length > 0) return result();
	if (dryRun) return result(outcome);
	const files = [
		...[...created, ...updated].map((plan) => ({ file: plan.file, text: plan.after })),
		...(entries?.files ?? []),
	];
	writeAll(root, files);
	return result({ ...outcome, written: files.length > 0 });
}

/** Problems in the order of the spreadsheet: sheet, row, column; those of other files last. */
function sortProblems(problems: ImportProblem[], tables: Table[]): ImportProblem[] {
	const sheetIndex = (problem: ImportProblem) =>
		problem.at ? tables.findIndex((table) => table.sheet === problem.at!.sheet) : tables.length;
	return problems
		.map((problem, index) => ({ problem, index }))
		.sort(
			(a, b) =>
				sheetIndex(a.problem) - sheetIndex(b.problem) ||
				(a.problem.at?.row ?? 0) - (b.problem.at?.row ?? 0) ||
				(a.problem.at?.column?.index ?? 0) - (b.problem.at?.column?.index ?? 0) ||
				a.index - b.index
		)
		.map(({ problem }) => problem);
}

/** A value as a message quotes it: a list as its cell reads, long text cut short. */
function quoted(value: unknown): string {
	const text = Array.isArray(value)
		? value.map((item) => (isRecord(item) ? Object.values(item).join(':') : String(item))).join(';')
		: value;
	return describeInput(
		typeof text === 'string' && text.length > 60 ? `${text.slice(0, 60)}…` : text
	);
}

/**
 * Writes files so that an interrupted import leaves each file whole: every file is first written
 * to a temporary file beside it (ignored by the loaders: its name starts with a dot), then all
 * are renamed into place. A failed write removes the temporary files and changes nothing.
 */
function writeAll(root: string, files: { file: string; text: string }[]): void {
	const suffix = `.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
	const staged = files.map(({ file, text }) => {
		const target = join(root, file);
		const temporary = join(target, '..', `.${basename(target)}${suffix}`);
		return { target, temporary, text };
	});
	try {
		for (const { temporary, text } of staged) writeFileSync(temporary, text);
	} catch (error) {
		for (const { temporary } of staged) rmSync(temporary, { force: true });
		throw error;
	}
	for (const { temporary, target } of staged) renameSync(temporary, target);
}

/** The result of an import that did not start: the file itself is refused. */
const refusal = (source: string, text: Bilingual, lang: Lang): ImportResult => ({
	source,
	problems: [],
	refusal: text[lang],
	created: [],
	updated: [],
	unchanged: [],
	written: false,
});

/** Why a file cannot be read at all (missing, a folder, not allowed), or undefined. */
function fileError(error: unknown, file: string): Bilingual | undefined {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT')
		return {
			fr: `Le fichier « ${file} » est introuvable : vérifiez son nom et son dossier (glissez le fichier dans le terminal pour écrire son chemin exact), puis relancez l’import.`,
			en: `The file "${file}" does not exist: check its name and folder (drag the file into the terminal to type its exact path), then run the import again.`,
		};
	if (code === 'EISDIR')
		return {
			fr: `« ${file} » est un dossier, pas un fichier : donnez le chemin du classeur lui-même (par exemple …/partners.xlsx), puis relancez l’import.`,
			en: `"${file}" is a folder, not a file: give the path of the workbook itself (e.g. …/partners.xlsx), then run the import again.`,
		};
	if (code === 'EACCES' || code === 'EPERM')
		return {
			fr: `Le fichier « ${file} » ne peut pas être lu (accès refusé) : fermez-le dans votre tableur ou copiez-le dans votre dossier personnel, puis relancez l’import.`,
			en: `The file "${file}" cannot be read (permission denied): close it in your spreadsheet program or copy it to your home folder, then run the import again.`,
		};
	return undefined;
}

/**
 * Reads a spreadsheet (`.xlsx` or `.csv`) and imports it (see `importTables`). A file the import
 * cannot read at all — missing, empty, of another format (.ods, .xls, a Word document, random
 * bytes), a workbook without any of the sheets `partners`, `agreements`, `contacts` or `sources`
 * — gives a result whose `refusal` says, in one sentence, what is wrong and what to do; nothing
 * is written.
 * @example await importPartners('partners.xlsx', { root: process.cwd(), dryRun: true })
 */
export async function importPartners(file: string, options: ImportOptions): Promise<ImportResult> {
	const lang = options.lang ?? 'en';
	const extension = extname(file).toLowerCase();
	const name = basename(file);
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		const text = fileError(error, file);
		if (text) return refusal(name, text, lang);
		throw error;
	}
	if (extension === '.csv') {
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return refusal(
				name,
				{
					fr: `Le fichier « ${name} » n’est pas écrit en UTF-8 (accents illisibles) : enregistrez-le de nouveau au format « CSV UTF-8 », ou ${saveAsXlsx.fr}.`,
					en: `The file "${name}" is not written in UTF-8 (its accents cannot be read): save it again as "CSV UTF-8", or ${saveAsXlsx.en}.`,
				},
				lang
			);
		}
		let table: Table;
		try {
			table = readCsv(text, name);
		} catch (error) {
			// csv-parse's errors (a quote not closed…) name the line where reading stopped.
			const line = (error as { lines?: unknown }).lines;
			const where = typeof line === 'number' ? line : undefined;
			return refusal(
				name,
				{
					fr: `Le fichier « ${name} » n’est pas un CSV lisible (guillemets mal fermés ou colonnes mal séparées${where ? `, vers la ligne ${where}` : ''}) : ${saveAsXlsx.fr}.`,
					en: `The file "${name}" is not a readable CSV file (quotes not closed or columns badly separated${where ? `, near line ${where}` : ''}): ${saveAsXlsx.en}.`,
				},
				lang
			);
		}
		return importTables([table], name, options);
	}
	let tables: Table[];
	try {
		tables = await readWorkbook(bytes, name);
	} catch (error) {
		if (error instanceof UnreadableFileError) return refusal(name, error.text, lang);
		throw error;
	}
	const known = new Set(partnerSheets().map((sheet) => sheet.name));
	if (!tables.some((table) => known.has(table.sheet)))
		return refusal(
			name,
			{
				fr: `Le classeur « ${name} » n’a pas de feuille « ${partnerSheetName} » (ni aucune des feuilles ${[
					...known,
				]
					.filter((sheet) => sheet !== partnerSheetName)
					.map((sheet) => `« ${sheet} »`)
					.join(', ')}) : ${startFromExport.fr}.`,
				en: `The workbook "${name}" has no sheet "${partnerSheetName}" (nor any of the sheets ${[
					...known,
				]
					.filter((sheet) => sheet !== partnerSheetName)
					.map((sheet) => `"${sheet}"`)
					.join(', ')}): ${startFromExport.en}.`,
			},
			lang
		);
	return importTables(tables, name, options);
}

// Reports --------------------------------------------------------------------------------------

/** A column of the workbook by its sheet and header: a partner sheet's or an entry sheet's. */
const findColumn = (sheetName: string, header: string): Column | undefined =>
	[...partnerSheets(), ...entrySheets()]
		.find((sheet) => sheet.name === sheetName)
		?.columns.find((column) => column.header === header);

/** The schema of a sheet's rows: an entry collection's for its sheet, the partners' otherwise. */
const sheetSchema = (sheetName: string | undefined) =>
	(entryCollections.find(({ name }) => name === sheetName) ?? partnerCollection).schema;

/** The form's name of one part of the items of a cell (`cefr` of `languages` → « Niveau (CECRL) »). */
function partLabel(column: Column | undefined, path: (string | number)[], lang: Lang) {
	if (column?.codec.kind !== 'records') return undefined;
	return column.codec.parts.find((part) => part.path.join('.') === path.join('.'))?.field.label[
		lang
	];
}

/**
 * One problem on one line: its sheet, row and cell with the name the editor's form gives its
 * column (« Niveaux de langue requis »), then the message. With `details` (for developers), the
 * column's header and the path of the field instead: `column languages (cell I5), item 2, part
 * cefr`, and a content file's path, line and field.
 * @example formatImportProblem(problem, 'en', true)
 * // 'sheet agreements, row 5 (kagawa), column languages (cell I5), item 2, part cefr: expected one of A1…C2, got "B3"'
 */
export function formatImportProblem(problem: ImportProblem, lang: Lang, details = false): string {
	const fr = lang === 'fr';
	if (problem.file) {
		if (!details) return formatStaffProblem(problem.file, lang, undefined);
		const { file, line, field } = problem.file;
		return `${file}${line ? `:${line}` : ''}: ${field}${fr ? ' : ' : ': '}${problem.message}`;
	}
	const parts: string[] = [];
	const at = problem.at;
	const detail = problem.detail ?? [];
	const index = typeof detail[0] === 'number' ? (detail[0] as number) : undefined;
	const rest = index === undefined ? detail : detail.slice(1);
	if (at) {
		parts.push(`${fr ? 'feuille' : 'sheet'} ${at.sheet}`);
		parts.push(
			`${fr ? 'ligne' : 'row'} ${at.row}${problem.partner && at.row > 1 ? ` (${problem.partner})` : ''}`
		);
		if (at.column && details)
			parts.push(
				`${fr ? 'colonne' : 'column'} ${at.column.header} (${fr ? 'cellule' : 'cell'} ${cellName(at)})`
			);
		else if (at.column) {
			// The cell, and its column as the form names it; in a cell of items, the item and its part.
			const column = findColumn(at.sheet, at.column.header);
			const label = column?.label[lang] ?? at.column.header;
			parts.push(
				`${fr ? 'cellule' : 'cell'} ${cellName(at)} ${fr ? `« ${label} »` : `"${label}"`}`
			);
			if (index !== undefined) parts.push(`${fr ? 'élément' : 'item'} ${index + 1}`);
			if (rest.length > 0) parts.push(partLabel(column, rest, lang) ?? rest.join('.'));
			return `${parts.join(', ')}${fr ? ' : ' : ': '}${withoutPaths(problem.message, lang)}`;
		}
	}
	if (detail.length > 0) {
		if (index !== undefined) parts.push(`${fr ? 'élément' : 'item'} ${index + 1}`);
		// In a cell of items (`en:B2;it:B3`), the part of the item; elsewhere, the field.
		if (rest.length > 0) {
			const field = details
				? undefined
				: fieldLabel(labelsOf(sheetSchema(at?.sheet)), rest.join('.'), lang);
			parts.push(
				field
					? field
					: at?.column && index !== undefined
						? `${fr ? 'partie' : 'part'} ${rest.join('.')}`
						: at?.column || index !== undefined
							? rest.join('.')
							: `${fr ? 'champ' : 'field'} ${rest.join('.')}`
			);
		}
	}
	return `${parts.join(', ')}${fr ? ' : ' : ': '}${problem.message}`;
}

/** What an import did, as the command prints it. */
export function formatImportResult(
	result: ImportResult,
	lang: Lang,
	dryRun = false,
	details = false
): string {
	const fr = lang === 'fr';
	if (result.refusal !== undefined) return result.refusal;
	// French uses the singular for 0 and 1, English for 1 only.
	const count = (n: number, one: string, many: string) =>
		`${n} ${(fr ? n > 1 : n !== 1) ? many : one}`;
	if (result.problems.length > 0) {
		const width = String(result.problems.length).length;
		return [
			fr
				? `Rien n’a été écrit : ${count(result.problems.length, 'erreur', 'erreurs')} dans ${result.source} :`
				: `Nothing was written: ${count(result.problems.length, 'error', 'errors')} in ${result.source}:`,
			...result.problems.map(
				(problem, index) =>
					`${String(index + 1).padStart(width)}. ${formatImportProblem(problem, lang, details)}`
			),
		].join('\n');
	}
	const lines = [
		dryRun
			? fr
				? `Essai (--dry-run), rien n’a été écrit. ${result.source} créerait ${count(result.created.length, 'partenaire', 'partenaires')}, en modifierait ${result.updated.length} et en laisserait ${result.unchanged.length} inchangés.`
				: `Dry run: nothing was written. ${result.source} would create ${count(result.created.length, 'partner', 'partners')}, update ${result.updated.length} and leave ${result.unchanged.length} unchanged.`
			: fr
				? `${result.source} : ${count(result.created.length, 'partenaire créé', 'partenaires créés')}, ${count(result.updated.length, 'modifié', 'modifiés')}, ${count(result.unchanged.length, 'inchangé', 'inchangés')}.`
				: `${result.source}: ${count(result.created.length, 'partner created', 'partners created')}, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
	];
	// Every file up to a screenful; beyond, the first ones and how many more.
	const listed = (items: string[], limit = 50) =>
		items.length <= limit
			? items
			: [
					...items.slice(0, limit - 1),
					fr
						? `  … et ${items.length - limit + 1} autres`
						: `  … and ${items.length - limit + 1} more`,
				];
	lines.push(...listed(result.created.map(({ file }) => `  + ${file}`)));
	lines.push(
		...listed(result.updated.map(({ file, changed }) => `  ~ ${file} (${changed.join(', ')})`))
	);
	if (result.entries) {
		const { created, updated } = result.entries;
		lines.push(
			fr
				? `Cours reconnus et retours d’expérience : ${count(created.length, 'fichier créé', 'fichiers créés')}, ${count(updated.length, 'modifié', 'modifiés')}.`
				: `Recognised courses and returnee reports: ${count(created.length, 'file created', 'files created')}, ${updated.length} updated.`,
			...listed(created.map((file) => `  + ${file}`)),
			...listed(updated.map((file) => `  ~ ${file}`))
		);
	}
	return lines.join('\n');
}
