import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { fallbackMessage, inLanguage } from '../../schemas/messages.ts';
import type { Bilingual, Lang } from '../../vocab/locales.ts';
import {
	partners as partnerCollection,
	recognitions as recognitionCollection,
	reports as reportCollection,
} from '../collections.ts';
import { schemaTree, type FieldNode, type SchemaNode } from '../schema-tree.ts';
import { getAt, setAt } from '../paths.ts';
import { neutralizeCell, neutralizedCell } from './cells.ts';
import { isoDate } from '../dates.ts';

/**
 * The partner list as a spreadsheet (`/data/partners.xlsx`), in the very terms of the data files,
 * so that the workbook and `content/partners/*.yaml` speak the same language and
 * `npm run import:partners` can read it back:
 *
 * - sheet `partners`: one row per partner; the column headers are the fields' paths in the YAML
 *   files (`id`, `name.en`, `calendar.studentNominations.autumnTerm`…);
 * - one sheet per list of records of a partner (`agreements`, `contacts`, `sources`): one row
 *   per item, tied to its partner by the `id` column, in the order of the file;
 * - sheets `recognitions` and `reports` (the courses already recognised and the returnee reports),
 *   when the workbook is given them: one row per entry, `id` being the name of its file;
 * - sheet `Lisez-moi`: every column explained in French and English, with the values it allows.
 *
 * Everything is derived from the partner schema (`schemaTree`): a new field becomes a column, with
 * its line in the read-me, by itself. How values sit in cells:
 *
 * - an empty cell is an absent field;
 * - a list of values is one cell, values separated by `;` (`6;7`);
 * - a list of small records (inside an agreement: `subjectAreas`, `languages`) is one cell, items
 *   separated by `;` and the parts of an item separated by `:` in the order of its fields
 *   (`en:B2;fr:B1`, `07:matériaux avancés:advanced materials`); trailing empty parts may be left
 *   out;
 * - a `;`, `:` or `\` that belongs to a value is written `\;`, `\:` or `\\`;
 * - text that would start a formula gets a leading `'` (`./cells.ts`).
 *
 * This module is pure (data in, workbook out); reading a workbook back is
 * `src/loaders/import-partners.ts`.
 * @see https://github.com/exceljs/exceljs#readme
 */

/** How a column's cell holds its value. */
export type Codec =
	| { kind: 'scalar'; node: SchemaNode }
	/** A list of values in one cell, separated by `;`. */
	| { kind: 'list'; item: SchemaNode }
	/** A list of records in one cell: items separated by `;`, their parts by `:`. */
	| { kind: 'records'; parts: Part[] };

/** One part of a record written in a cell (`language` and `cefr` of `en:B2`). */
export interface Part {
	/** Path of the part in the record, e.g. `['clarification', 'fr']`. */
	path: string[];
	field: FieldNode;
}

/** A column of a sheet. */
export interface Column {
	/** Its header: the field's path in the record of the sheet, dotted (`name.en`, `notes.fr`). */
	header: string;
	/** The same path, split. */
	path: string[];
	/** The field, for its schema; undefined for the `id` column. */
	field: FieldNode | undefined;
	/** What editors call it: the labels of the field and of the groups it is in. */
	label: Bilingual;
	codec: Codec;
	/** `always`, `with-group` (when its object is given at all, e.g. `coordinates.lat`) or `no`. */
	required: 'always' | 'with-group' | 'no';
}

/** A sheet of the workbook and the records its rows hold. */
export interface SheetModel {
	/** Name of the sheet: `partners`, or the list field it holds (`agreements`, `contacts`). */
	name: string;
	/** For a list sheet: the list field of the partner. */
	list?: FieldNode | undefined;
	/** The columns, `id` first. */
	columns: Column[];
}

/** Name of the partner sheet. */
export const partnerSheetName = 'partners';
/** Name of the read-me sheet. */
export const readMeSheetName = 'Lisez-moi';
/** Header of the column that names the partner (its file name). */
export const idHeader = 'id';

const idColumn: Column = {
	header: idHeader,
	path: [],
	field: undefined,
	label: {
		fr: 'Identifiant du partenaire (nom de son fichier)',
		en: 'Partner id (name of its file)',
	},
	codec: { kind: 'scalar', node: { kind: 'string', patterns: [] } },
	required: 'always',
};

const isObject = (node: SchemaNode): node is Extract<SchemaNode, { kind: 'object' }> =>
	node.kind === 'object';

/** The leaves of a record (its scalar fields, objects flattened), for a `records` cell. */
function partsOf(node: SchemaNode, prefix: string[] = []): Part[] {
	if (!isObject(node)) throw new Error(`cannot write ${prefix.join('.')} in a cell`);
	return node.fields.flatMap((field) => {
		const path = [...prefix, field.key];
		if (isObject(field.node)) return partsOf(field.node, path);
		if (field.node.kind === 'array')
			throw new Error(
				`a list inside a list of records (${path.join('.')}) has no cell convention: give it a sheet`
			);
		return [{ path, field }];
	});
}

/** The labels of a group and of one of its fields, as one label. */
const within = (group: Bilingual | undefined, label: Bilingual): Bilingual =>
	group ? { fr: `${group.fr} — ${label.fr}`, en: `${group.en} — ${label.en}` } : label;

/** Columns of the fields of an object, flattened; lists of records at the top go to `sheets`. */
function columnsOf(
	node: SchemaNode,
	prefix: string[],
	{
		group,
		groupLabel,
		sheets,
	}: { group: Column['required']; groupLabel?: Bilingual | undefined; sheets?: SheetModel[] }
): Column[] {
	if (!isObject(node)) return [];
	return node.fields.flatMap((field): Column[] => {
		const path = [...prefix, field.key];
		const label = within(groupLabel, field.label);
		const required: Column['required'] = field.optional
			? 'no'
			: group === 'always'
				? 'always'
				: 'with-group';
		const header = path.join('.');
		if (isObject(field.node))
			return columnsOf(field.node, path, {
				group: field.optional || group !== 'always' ? 'with-group' : 'always',
				groupLabel: label,
			});
		if (field.node.kind === 'array') {
			const item = field.node.item;
			if (!isObject(item))
				return [{ header, path, field, label, codec: { kind: 'list', item }, required }];
			if (sheets) {
				sheets.push({
					name: field.key,
					list: field,
					columns: [idColumn, ...columnsOf(item, [], { group: 'always' })],
				});
				return [];
			}
			return [
				{ header, path, field, label, codec: { kind: 'records', parts: partsOf(item) }, required },
			];
		}
		return [{ header, path, field, label, codec: { kind: 'scalar', node: field.node }, required }];
	});
}

/**
 * The sheets of the partner workbook and their columns, read off the partner schema: the
 * partner sheet first, then one sheet per list of records (`agreements`, `contacts`, `sources`).
 */
export function partnerSheets(
	tree: SchemaNode = schemaTree(partnerCollection.schema)
): SheetModel[] {
	const lists: SheetModel[] = [];
	const columns = columnsOf(tree, [], { group: 'always', sheets: lists });
	return [{ name: partnerSheetName, columns: [idColumn, ...columns] }, ...lists];
}

/**
 * The sheets of the collections whose entries are one row each, beside the partners: the
 * courses already recognised and the returnee reports. Lists of records in them (the courses of a
 * report, the sources) are written in one cell each.
 */
export const entryCollections = [recognitionCollection, reportCollection] as const;

/** The sheets of `entryCollections`, named after their collection. */
export function entrySheets(): SheetModel[] {
	return entryCollections.map((definition) => ({
		name: definition.name,
		columns: [
			{
				...idColumn,
				label: {
					fr: `Identifiant (${definition.labels.singular.fr.toLowerCase()} : nom de son fichier)`,
					en: `Id (${definition.labels.singular.en.toLowerCase()}: name of its file)`,
				},
			},
			...columnsOf(schemaTree(definition.schema), [], { group: 'always' }),
		],
	}));
}

/** The sheet of one of `entryCollections`. */
export function entrySheet(name: (typeof entryCollections)[number]['name']): SheetModel {
	return entrySheets().find((sheet) => sheet.name === name)!;
}

/**
 * A sheet as CSV for spreadsheets: its headers, then its rows, cells as the workbook writes them
 * (lists in one cell separated by `;`, a text that would start a formula after a `'`). UTF-8
 * with a byte-order mark so that Excel reads accents correctly.
 */
export function sheetCsv(headers: readonly string[], rows: readonly CellContent[][]): string {
	return (
		'\uFEFF' +
		stringify([[...headers], ...rows], {
			record_delimiter: '\r\n',
			cast: { boolean: String },
			quoted_match: neutralizedCell,
		})
	);
}

// Cells ----------------------------------------------------------------------------------------

/** What a cell holds once read: text, a number, true or false, or nothing. */
export type CellContent = string | number | boolean | undefined;

/** Escapes the separators of list cells inside one value. */
const escapeValue = (text: string, separators: string) =>
	text.replace(new RegExp(`[\\\\${separators}]`, 'g'), (character) => `\\${character}`);

/** One value as text, for a list cell. */
function scalarText(value: unknown): string {
	if (value instanceof Date) return isoDate(value);
	return String(value);
}

/**
 * Splits a cell on a separator that is not escaped, and unescapes the pieces.
 * @example splitEscaped('a\\;b;c', ';') // ['a;b', 'c']
 */
export function splitEscaped(text: string, separator: string): string[] {
	const pieces: string[] = [];
	let current = '';
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character === '\\' && index + 1 < text.length) {
			current += text[++index];
		} else if (character === separator) {
			pieces.push(current);
			current = '';
		} else current += character;
	}
	pieces.push(current);
	return pieces;
}

/** Splits without unescaping (to split items before their parts). */
function splitKeepingEscapes(text: string, separator: string): string[] {
	const pieces: string[] = [];
	let current = '';
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character === '\\' && index + 1 < text.length) {
			current += character + text[++index];
		} else if (character === separator) {
			pieces.push(current);
			current = '';
		} else current += character;
	}
	pieces.push(current);
	return pieces;
}

/**
 * The content of a column's cell for a record (a partner, an agreement), before neutralisation:
 * numbers stay numbers, dates are written `YYYY-MM-DD`, lists are joined.
 */
export function encodeCell(column: Column, record: unknown): CellContent {
	const value = getAt(record, column.path);
	if (value === undefined || value === null) return undefined;
	switch (column.codec.kind) {
		case 'scalar':
			if (value instanceof Date) return isoDate(value);
			return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
		case 'list': {
			const items = value as unknown[];
			return items.length === 0
				? undefined
				: items.map((item) => escapeValue(scalarText(item), ';')).join(';');
		}
		case 'records': {
			const { parts } = column.codec;
			const items = value as unknown[];
			if (items.length === 0) return undefined;
			return items
				.map((item) => {
					const texts = parts.map((part) => {
						const partValue = getAt(item, part.path);
						return partValue === undefined ? '' : escapeValue(scalarText(partValue), ';:');
					});
					while (texts.length > 1 && texts.at(-1) === '') texts.pop();
					return texts.join(':');
				})
				.join(';');
		}
	}
}

const numeric = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * Day 0 of Excel's dates (30 December 1899, in the 1900 date system that Excel and LibreOffice
 * use by default), and the day after the last one (31 December 9999): a date typed in a cell
 * formatted as text or as a number is stored as its day number (46356 for 2026-11-30).
 */
const excelEpoch = Date.UTC(1899, 11, 30);
const excelDayLimit = 2_958_466;

/** Whether values of a node are numbers (a number, or an enumeration of numbers). */
const takesNumbers = (node: SchemaNode) =>
	node.kind === 'number' ||
	(node.kind === 'enum' &&
		node.values.length > 0 &&
		node.values.every((value) => typeof value === 'number'));

/**
 * One value of a cell as the data file would hold it, for its schema node: a number where a
 * number is expected (`5,5` as well as `5.5`), `true`/`false` for yes-or-no fields, a date
 * `YYYY-MM-DD` for a day number where a date is expected, text otherwise. A value of the wrong kind is handed on as it is, for the schema to say what it
 * expected.
 */
export function decodeValue(node: SchemaNode, content: CellContent): unknown {
	if (content === undefined) return undefined;
	if (typeof content === 'string') {
		const text = content.trim();
		if (text === '') return undefined;
		if (takesNumbers(node) && numeric.test(text)) return Number(text.replace(',', '.'));
		if (node.kind === 'boolean') {
			if (/^(?:true|vrai|oui|yes)$/i.test(text)) return true;
			if (/^(?:false|faux|non|no)$/i.test(text)) return false;
		}
		return text;
	}
	if (typeof content === 'number') {
		if (node.kind === 'date' && Number.isInteger(content) && content > 0 && content < excelDayLimit)
			return isoDate(new Date(excelEpoch + content * 86_400_000));
		return takesNumbers(node) || node.kind === 'unknown' ? content : String(content);
	}
	return node.kind === 'boolean' ? content : String(content);
}

/** A cell's value that cannot be read as its column expects. */
export class CellFormatError extends Error {
	/** The message in each language. */
	readonly text: Bilingual;

	constructor(text: Bilingual) {
		super(text.en);
		this.name = 'CellFormatError';
		this.text = text;
	}
}

/** How the parts of a record cell are written, e.g. `language:cefr`. */
export const partsPattern = (parts: readonly Part[]) =>
	parts.map((part) => part.path.join('.')).join(':');

/**
 * The value of a column's cell as the data file would hold it (undefined for an empty cell),
 * or a `CellFormatError` for a record cell with too many parts.
 * @example decodeCell(languagesColumn, 'en:B2;fr:B1') // [{ language: 'en', cefr: 'B2' }, { language: 'fr', cefr: 'B1' }]
 */
export function decodeCell(column: Column, content: CellContent): unknown {
	const { codec } = column;
	if (codec.kind === 'scalar') return decodeValue(codec.node, content);
	if (content === undefined || (typeof content === 'string' && content.trim() === ''))
		return undefined;
	const text = typeof content === 'string' ? content : String(content);
	if (codec.kind === 'list')
		return splitEscaped(text, ';')
			.filter((item) => item.trim() !== '')
			.map((item) => decodeValue(codec.item, item));
	return splitKeepingEscapes(text, ';')
		.filter((item) => item.trim() !== '')
		.map((item) => {
			const texts = splitEscaped(item, ':');
			if (texts.length > codec.parts.length)
				throw new CellFormatError({
					en: `expected items written ${partsPattern(codec.parts)} (${codec.parts.length} parts at most), got "${item}" with ${texts.length} parts; write \\: for a colon inside a value`,
					fr: `attendu : des éléments écrits ${partsPattern(codec.parts)} (${codec.parts.length} parties au plus) ; trouvé : « ${item} », en ${texts.length} parties — écrivez \\: pour un deux-points dans une valeur`,
				});
			const record: Record<string, unknown> = {};
			codec.parts.forEach((part, index) => {
				const value = decodeValue(part.field.node, texts[index]);
				if (value !== undefined) setAt(record, part.path, value);
			});
			return record;
		});
}

// The workbook ---------------------------------------------------------------------------------

/** A partner as the workbook writes it: its id and its data (validated or as in the file). */
export interface PartnerRecord {
	id: string;
	data: Record<string, unknown> | object;
}

/** Entries another collection offers to a reference column (countries, programmes), for the read-me. */
export type ReferenceValues = Record<string, { id: string; label: Bilingual }[]>;

/** Rows of each sheet, as cell contents in the order of its columns (neutralised). */
export function sheetRows(sheet: SheetModel, partners: readonly PartnerRecord[]): CellContent[][] {
	const cells = (record: unknown, id: string) =>
		sheet.columns.map((column) => {
			const content = column.field === undefined ? id : encodeCell(column, record);
			return typeof content === 'string' ? neutralizeCell(content) : content;
		});
	if (!sheet.list) return partners.map((partner) => cells(partner.data, partner.id));
	const key = sheet.list.key;
	return partners.flatMap((partner) =>
		(((partner.data as Record<string, unknown>)[key] as unknown[] | undefined) ?? []).map((item) =>
			cells(item, partner.id)
		)
	);
}

const sentinel = '\u0000';

/** What `expectation` needs of a schema. */
interface Parser {
	safeParse(
		value: unknown,
		options: unknown
	): { success: boolean; error?: { issues: { message: string }[] } };
}

/**
 * What a field expects, in the schema's own words (the start of the message a wrong value
 * gets), or undefined when any text will do.
 */
export function expectation(
	schema: FieldNode['schema'],
	lang: Lang,
	probe: unknown = sentinel
): string | undefined {
	// zod writes a message when it is first read: read it in the chosen language.
	const message = inLanguage(lang, () => {
		const result = (schema as unknown as Parser).safeParse(probe, { error: fallbackMessage });
		return result.success ? undefined : result.error?.issues[0]?.message;
	});
	if (!message) return undefined;
	const [start, end] = lang === 'fr' ? ['attendu : ', ' ; trouvé : '] : ['expected ', ', got '];
	if (!message.startsWith(start)) return message;
	const cut = message.lastIndexOf(end);
	return message.slice(start.length, cut === -1 ? undefined : cut);
}

const kindDescriptions: Partial<Record<SchemaNode['kind'], Bilingual>> = {
	string: { fr: 'un texte', en: 'text' },
	number: { fr: 'un nombre', en: 'a number' },
	boolean: { fr: 'true ou false', en: 'true or false' },
};

/** What a column expects, in a language. */
function expectedText(column: Column, lang: Lang, references: ReferenceValues): string {
	if (!column.field)
		return lang === 'fr'
			? `${partnerCollection.idDescription.fr} (sans « .yaml »)`
			: `${partnerCollection.idDescription.en} (without ".yaml")`;
	const { codec, field } = column;
	const listed = (node: SchemaNode) =>
		node.kind === 'enum' || (node.kind === 'reference' && references[node.collection])
			? lang === 'fr'
				? ' — valeurs listées plus bas'
				: ' — values listed below'
			: '';
	const single = (schema: FieldNode['schema'], node: SchemaNode, probe?: unknown) =>
		(expectation(schema, lang, probe) ?? kindDescriptions[node.kind]?.[lang] ?? '') + listed(node);
	if (codec.kind === 'scalar') return single(field.schema, codec.node);
	if (codec.kind === 'list') {
		const item = expectation(field.schema, lang, [sentinel]);
		return (item ?? kindDescriptions[codec.item.kind]?.[lang] ?? '') + listed(codec.item);
	}
	return codec.parts
		.map((part) => `${part.path.join('.')} : ${single(part.field.schema, part.field.node)}`)
		.join(' ; ');
}

/** An example cut to a few words. */
const shorten = (text: string, length = 50) =>
	text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;

/** How a column's cell is written, in a language. */
function cellFormat(column: Column, lang: Lang, example: CellContent): string {
	const { codec } = column;
	const fr = lang === 'fr';
	const shown = example === undefined ? undefined : shorten(String(example));
	const sample = shown === undefined ? '' : fr ? ` (ex. ${shown})` : ` (e.g. ${shown})`;
	if (codec.kind === 'list')
		return (fr ? 'valeurs séparées par ;' : 'values separated by ;') + sample;
	if (codec.kind === 'records')
		return (
			(fr
				? `éléments séparés par ; ; chaque élément écrit ${partsPattern(codec.parts)}`
				: `items separated by ; each written ${partsPattern(codec.parts)}`) + sample
		);
	return shown === undefined ? '' : fr ? `ex. ${shown}` : `e.g. ${shown}`;
}

const requiredText: Record<Column['required'], string> = {
	always: 'oui / yes',
	'with-group': 'si le groupe est rempli / when its group is filled',
	no: 'non / no',
};

/** Names joined as a sentence says them: `a, b et c` / `a, b and c`. */
const enumerate = (names: readonly string[], and: string) =>
	names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;

/** The read-me's paragraphs, French then English; the sheets they name come from the schema. */
function readMeParagraphs(sheets: readonly SheetModel[]): Bilingual[] {
	const lists = sheets.filter((sheet) => sheet.list);
	const names = lists.map((sheet) => sheet.name);
	const required = lists.filter((sheet) => {
		const node = sheet.list!.node;
		return node.kind === 'array' && (node.minItems ?? 0) > 0 && !sheet.list!.optional;
	});
	const kinds = (lang: Lang) =>
		enumerate(
			lists.map((sheet) => {
				const label = sheet.list!.label[lang].toLowerCase();
				return label === sheet.name ? sheet.name : `${sheet.name} (${label})`;
			}),
			lang === 'fr' ? 'et' : 'and'
		);
	return [
		{
			fr: 'Ce classeur est la liste des partenaires du site, telle que la décrivent les fichiers content/partners/<id>.yaml. Les en-têtes de colonnes sont les chemins des champs dans ces fichiers (name.en, calendar.studentNominations.autumnTerm…) ; la note de chaque en-tête et la liste plus bas donnent leur nom en clair.',
			en: 'This workbook is the partner list of the site, as the files content/partners/<id>.yaml describe it. The column headers are the paths of the fields in those files (name.en, calendar.studentNominations.autumnTerm…); the note of each header and the list below say what they are.',
		},
		{
			fr: `Feuille ${partnerSheetName} : une ligne par partenaire ; id est le nom de son fichier. Feuilles ${kinds('fr')} : une ligne par élément, rattachée à son partenaire par la colonne id, dans l’ordre du fichier.${required.map((sheet) => ` Chaque partenaire a au moins une ligne dans la feuille ${sheet.name}.`).join('')}`,
			en: `Sheet ${partnerSheetName}: one row per partner; id is the name of its file. Sheets ${kinds('en')}: one row per item, tied to its partner by the id column, in the order of the file.${required.map((sheet) => ` Every partner has at least one row on sheet ${sheet.name}.`).join('')}`,
		},
		{
			fr: 'Une cellule vide est un champ absent. Une liste de valeurs s’écrit dans une cellule, valeurs séparées par ; (6;7). Une liste d’éléments (subjectAreas, languages) aussi : éléments séparés par ;, parties d’un élément séparées par : dans l’ordre indiqué plus bas (en:B2;fr:B1 ; 07:matériaux avancés:advanced materials). Un ; ou un : qui fait partie d’une valeur s’écrit \\; ou \\:, une barre oblique inverse \\\\.',
			en: 'An empty cell is an absent field. A list of values is written in one cell, values separated by ; (6;7). So is a list of items (subjectAreas, languages): items separated by ;, the parts of an item separated by : in the order given below (en:B2;fr:B1; 07:matériaux avancés:advanced materials). A ; or : that belongs to a value is written \\; or \\:, a backslash \\\\.',
		},
		{
			fr: "Une valeur qui commence par =, +, - ou @ (un numéro de téléphone +33…) est écrite précédée d’une apostrophe ('+33…) : aucun tableur ne l’exécute comme une formule. L’import enlève cette apostrophe. L’import refuse les formules : saisissez des valeurs (ou collez « valeurs seulement »).",
			en: 'A value that starts with =, +, - or @ (a phone number +33…) is written after an apostrophe (\'+33…), so that no spreadsheet runs it as a formula. The import removes that apostrophe. The import refuses formulas: type values (or paste "values only").',
		},
		{
			fr: `Import : npm run import:partners -- partners.xlsx (ajoutez --dry-run pour tout vérifier sans rien écrire). Chaque ligne est validée comme les fichiers ; à la moindre erreur, rien n’est écrit et chaque erreur est donnée avec sa feuille, sa ligne, sa colonne et la valeur attendue. Une colonne absente laisse le champ tel quel ; un partenaire absent du classeur n’est pas modifié ; aucun fichier n’est jamais supprimé. Dans les feuilles ${enumerate(names, 'et')}, les lignes d’un partenaire remplacent sa liste.`,
			en: `Import: npm run import:partners -- partners.xlsx (add --dry-run to check everything without writing). Every row is validated as the files are; on any error nothing is written and every error is given with its sheet, row, column and the expected value. A missing column leaves its field as it is; a partner not in the workbook is not changed; no file is ever deleted. On sheets ${enumerate(names, 'and')}, the rows of a partner replace its list.`,
		},
		...(sheets.some((sheet) => sheet.name === recognitionCollection.name)
			? [
					{
						fr: `Feuilles ${entryCollections.map(({ name }) => name).join(' et ')} : une ligne par cours déjà reconnu et par retour d’expérience ; id est le nom de son fichier (content/recognitions/<id>.yaml, content/reports/<id>.yaml), partner l’identifiant de son partenaire. Une ligne crée le fichier ou remplace les champs dont la feuille a la colonne. Un retour n’est saisi qu’avec l’accord écrit de l’élève (consent : true) ; son nom, seulement s’il a accepté qu’il soit publié (nameConsent : true).`,
						en: `Sheets ${entryCollections.map(({ name }) => name).join(' and ')}: one row per course already recognised and per returnee report; id is the name of its file (content/recognitions/<id>.yaml, content/reports/<id>.yaml), partner the id of its partner. A row creates the file or replaces the fields the sheet has a column for. A report is entered only with the student’s written consent (consent: true); their name, only if they agreed to have it published (nameConsent: true).`,
					},
				]
			: []),
		{
			fr: `L’import lit aussi la feuille ${partnerSheetName} enregistrée en CSV (UTF-8, séparateur , ou ;), comme le fichier partners.csv du site : mêmes colonnes, mêmes règles d’écriture, une ligne par partenaire, sans accords. Un CSV met à jour des partenaires existants ; pour en créer un, utilisez ce classeur, qui a la place de ses sources.`,
			en: `The import also reads the ${partnerSheetName} sheet saved as CSV (UTF-8, separator , or ;), as the site’s partners.csv is: the same columns, the same cell rules, one row per partner, no agreements. A CSV updates existing partners; to create one, use this workbook, which has room for its sources.`,
		},
	];
}

/**
 * Values in the order a reader looks them up: codes made of digits (ISCED-F `0713`, `10`) sorted
 * as text, so that `10` comes after `09`; other values in the vocabulary's own order (`A1`…`C2`).
 */
const inReadingOrder = (values: readonly (string | number)[]) =>
	values.every((value) => typeof value === 'string' && /^\d+$/.test(value))
		? [...values].sort()
		: values;

/** Values of enumerations and references, by vocabulary, for the read-me. */
function vocabularies(
	sheets: readonly SheetModel[],
	references: ReferenceValues
): { columns: string[]; values: { value: string | number; label: Bilingual }[] }[] {
	const found = new Map<
		unknown,
		{ columns: string[]; values: { value: string | number; label: Bilingual }[] }
	>();
	const add = (
		key: unknown,
		name: string,
		values: () => { value: string | number; label: Bilingual }[]
	) => {
		const entry = found.get(key);
		if (entry) entry.columns.push(name);
		else found.set(key, { columns: [name], values: values() });
	};
	const visit = (node: SchemaNode, name: string) => {
		if (node.kind === 'enum')
			add(node.labels ?? node.values.join(), name, () =>
				inReadingOrder(node.values).map((value) => ({
					value,
					label: node.labels?.[String(value)] ?? { fr: String(value), en: String(value) },
				}))
			);
		else if (node.kind === 'reference' && references[node.collection])
			add(node.collection, name, () =>
				references[node.collection]!.map(({ id, label }) => ({ value: id, label }))
			);
	};
	for (const sheet of sheets)
		for (const column of sheet.columns) {
			const name = `${sheet.name} › ${column.header}`;
			const { codec } = column;
			if (codec.kind === 'scalar') visit(codec.node, name);
			else if (codec.kind === 'list') visit(codec.item, name);
			else
				for (const part of codec.parts) visit(part.field.node, `${name} (${part.path.join('.')})`);
		}
	return [...found.values()];
}

/** Columns whose values are text: formatted as text, so that the spreadsheet keeps `0713` or `09-15`. */
const isText = (column: Column) =>
	column.codec.kind !== 'scalar' ||
	!(takesNumbers(column.codec.node) || column.codec.node.kind === 'boolean');

/** The read-me's paragraphs span this many columns (A to F), about this many characters a line. */
const paragraphColumns = 6;
const paragraphLine = 150;

/** Width of a column, in characters. */
function width(column: Column): number {
	if (column.header === idHeader) return 22;
	if (
		/(?:^|\.)(?:fr|en|native)$/.test(column.header) &&
		/summary|notes|role|clarification/.test(column.header)
	)
		return 60;
	return Math.min(40, Math.max(12, column.header.length + 2));
}

/**
 * The partner list as an Excel workbook (exceljs): the data sheets, then the read-me. Text that
 * would start a formula is written with a protective quote; every cell is a value, never a
 * formula. Dates of the file (`created`, `modified`) are `date`, so that a build is reproducible.
 */
export function partnersWorkbook(
	partners: readonly PartnerRecord[],
	{
		references = {},
		date = new Date(0),
		entries,
	}: {
		references?: ReferenceValues;
		date?: Date;
		/** Entries of the sheets `recognitions` and `reports`, by collection; without, no such sheets. */
		entries?: Partial<Record<string, readonly PartnerRecord[]>>;
	} = {}
): ExcelJS.Workbook {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'IMT Mines Alès — Service Pédagogie Internationale';
	workbook.created = date;
	workbook.modified = date;
	const sheets = [...partnerSheets(), ...(entries ? entrySheets() : [])];
	const readMeSheet = workbook.addWorksheet(readMeSheetName);
	const examples = new Map<Column, CellContent>();
	for (const sheet of sheets) {
		const worksheet = workbook.addWorksheet(sheet.name, {
			views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
		});
		worksheet.columns = sheet.columns.map((column) => ({
			header: column.header,
			key: column.header,
			width: width(column),
			...(isText(column) ? { style: { numFmt: '@' } } : {}),
		}));
		const header = worksheet.getRow(1);
		header.font = { bold: true };
		sheet.columns.forEach((column, index) => {
			header.getCell(index + 1).note = `${column.label.fr}\n${column.label.en}`;
		});
		const rows = sheetRows(
			sheet,
			sheet.list || sheet.name === partnerSheetName ? partners : (entries?.[sheet.name] ?? [])
		);
		for (const row of rows) {
			worksheet.addRow(row.map((content) => content ?? null));
			sheet.columns.forEach((column, index) => {
				if (!examples.has(column) && row[index] !== undefined && column.header !== idHeader)
					examples.set(column, row[index]);
			});
		}
		worksheet.autoFilter = {
			from: { row: 1, column: 1 },
			to: { row: 1, column: sheet.columns.length },
		};
	}

	// The read-me: paragraphs, one line per column, then the allowed values.
	readMeSheet.columns = [
		{ width: 14 },
		{ width: 36 },
		{ width: 30 },
		{ width: 30 },
		{ width: 16 },
		{ width: 60 },
		{ width: 60 },
		{ width: 40 },
		{ width: 40 },
	];
	readMeSheet.addRow(['Lisez-moi — Read me']).font = { bold: true, size: 14 };
	readMeSheet.addRow([]);
	// A paragraph spans the first six columns, wrapped: a spreadsheet does not fit the height of
	// merged cells to their text, so it is set from the text's length.
	const paragraphRow = (text: string) => {
		const row = readMeSheet.addRow([text]);
		readMeSheet.mergeCells(row.number, 1, row.number, paragraphColumns);
		row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
		row.height = 15 * Math.ceil(text.length / paragraphLine);
		return row;
	};
	for (const paragraph of readMeParagraphs(sheets)) {
		paragraphRow(paragraph.fr);
		paragraphRow(paragraph.en).font = { italic: true };
	}
	readMeSheet.addRow([]);
	readMeSheet.addRow([
		'Feuille / Sheet',
		'Colonne / Column',
		'Libellé',
		'Label',
		'Obligatoire / Required',
		'Valeur attendue',
		'Expected value',
		'Écriture dans la cellule',
		'How the cell is written',
	]).font = { bold: true };
	for (const sheet of sheets)
		for (const column of sheet.columns) {
			const example = examples.get(column);
			readMeSheet.addRow(
				[
					sheet.name,
					column.header,
					column.label.fr,
					column.label.en,
					requiredText[column.required],
					expectedText(column, 'fr', references),
					expectedText(column, 'en', references),
					cellFormat(column, 'fr', example),
					cellFormat(column, 'en', example),
				].map((text) => (typeof text === 'string' ? neutralizeCell(text) : text))
			).alignment = { wrapText: true, vertical: 'top' };
		}
	readMeSheet.addRow([]);
	readMeSheet.addRow(['Valeurs admises / Allowed values']).font = { bold: true, size: 12 };
	for (const vocabulary of vocabularies(sheets, references)) {
		readMeSheet.addRow([]);
		readMeSheet.addRow(['', vocabulary.columns.join(', ')]).font = { bold: true };
		readMeSheet.addRow(['', 'Valeur / Value', 'Libellé', 'Label']).font = { italic: true };
		for (const { value, label } of vocabulary.values)
			readMeSheet.addRow(['', value, neutralizeCell(label.fr), neutralizeCell(label.en)]);
	}
	return workbook;
}

/** The workbook as the bytes of an `.xlsx` file. */
export async function partnersXlsx(
	partners: readonly PartnerRecord[],
	options?: Parameters<typeof partnersWorkbook>[1]
): Promise<Uint8Array<ArrayBuffer>> {
	const buffer = await partnersWorkbook(partners, options).xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
