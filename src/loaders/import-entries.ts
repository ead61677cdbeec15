import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { restoreCell, unreadCellMessage } from '../lib/exporters/cells.ts';
import {
	CellFormatError,
	decodeCell,
	entryCollections,
	entrySheets,
	idHeader,
	readMeSheetName,
	type Column,
} from '../lib/exporters/workbook.ts';
import { deleteAt, getAt, setAt } from '../lib/paths.ts';
import type { Problem } from '../lib/problems.ts';
import { unknownReferences } from '../lib/resolve.ts';
import { schemaTree } from '../lib/schema-tree.ts';
import { say } from '../schemas/messages.ts';
import type { Lang } from '../vocab/locales.ts';
import type { CellAddress, ImportProblem, Table } from './import-partners.ts';
import { readContent, yamlFiles } from './read-content.ts';
import { parseYaml } from '../lib/yaml.ts';
import { patchYaml, yamlText } from '../lib/yaml-edit.ts';

/**
 * The sheets `recognitions` and `reports` of the partner workbook, imported beside the partners
 * by `npm run import:partners`: one row per entry, `id` naming its file
 * (`content/recognitions/<id>.yaml`). A row creates the file, or replaces in it the fields the
 * sheet has a column for (an empty cell removes the field); an entry with no row is not touched
 * and no file is deleted. Every row is validated as the build validates the files, with the
 * partners as the import would leave them; each problem is reported at its sheet, row and column.
 * The caller writes the files only when no sheet has a problem.
 */

/** Names of the sheets this module reads. */
export const entrySheetNames: ReadonlySet<string> = new Set(
	entryCollections.map(({ name }) => name)
);

/** Whether a table is one of the sheets this module reads. */
export const isEntryTable = (table: Table) =>
	table.format === 'sheet' && entrySheetNames.has(table.sheet);

/** What the import of these sheets would do. */
export interface EntriesImport {
	problems: ImportProblem[];
	/** Files to write, relative to the root. */
	files: { file: string; text: string }[];
	created: string[];
	updated: string[];
}

/** One entry as a row says it. */
interface Draft {
	collection: (typeof entryCollections)[number];
	id: string;
	at: CellAddress;
	/** Cell of each column, by header. */
	cells: Map<string, { column: Column; value: unknown; at: CellAddress }>;
}

/**
 * Imports the sheets `recognitions` and `reports` (see the module's comment). `partners` holds
 * the partner files as the import would leave them, by id, so that an entry may name a partner
 * created by the same workbook.
 */
export function importEntries(
	tables: readonly Table[],
	{ root, lang, partners }: { root: string; lang: Lang; partners?: Map<string, string> }
): EntriesImport {
	const problems: ImportProblem[] = [];
	const sheets = new Map(entrySheets().map((sheet) => [sheet.name, sheet]));
	const drafts: Draft[] = [];
	for (const table of tables) {
		const sheet = sheets.get(table.sheet)!;
		const collection = entryCollections.find(({ name }) => name === table.sheet)!;
		const columns = new Map<number, Column>();
		for (const [index, raw] of table.headers) {
			const header = raw.trim();
			const column = sheet.columns.find((candidate) => candidate.header === header);
			if (!column) {
				problems.push({
					at: { sheet: table.sheet, row: 1, column: { header, index } },
					message: say({
						en: `unknown column "${header}": expected one of the columns of sheet ${sheet.name} (${sheet.columns.map((c) => c.header).join(', ')}), as the sheet ${readMeSheetName} lists them`,
						fr: `colonne inconnue « ${header} » : attendu : l’une des colonnes de la feuille ${sheet.name} (${sheet.columns.map((c) => c.header).join(', ')}), telles que les liste la feuille ${readMeSheetName}`,
					}),
				});
				continue;
			}
			columns.set(index, column);
		}
		const idIndex = [...columns].find(([, column]) => column.header === idHeader)?.[0];
		if (idIndex === undefined) {
			if (table.rows.length > 0)
				problems.push({
					at: { sheet: table.sheet, row: 1 },
					message: say({
						en: `no column "${idHeader}": expected it, to name each row's file`,
						fr: `pas de colonne « ${idHeader} » : attendu : cette colonne, qui donne le nom du fichier de chaque ligne`,
					}),
				});
			continue;
		}
		const seen = new Map<string, number>();
		for (const { row, cells } of table.rows) {
			const address = (index: number): CellAddress => ({
				sheet: table.sheet,
				row,
				column: { header: table.headers.get(index)!.trim(), index },
			});
			const draft: Draft = { collection, id: '', at: address(idIndex), cells: new Map() };
			let broken = false;
			for (const [index, column] of columns) {
				const at = address(index);
				let raw = cells.get(index);
				if (raw !== null && typeof raw === 'object') {
					problems.push({
						at,
						message: unreadCellMessage(raw),
					});
					broken = true;
					continue;
				}
				if (typeof raw === 'string') raw = restoreCell(raw);
				try {
					const value = decodeCell(column, raw);
					if (index === idIndex) draft.id = value === undefined ? '' : String(value);
					else draft.cells.set(column.header, { column, value, at });
				} catch (error) {
					if (!(error instanceof CellFormatError)) throw error;
					problems.push({ at, message: say(error.text) });
					broken = true;
				}
			}
			if (draft.id === '') {
				problems.push({
					at: draft.at,
					message: say({
						en: `expected the id of the entry (the name of its file, e.g. "kagawa-thermodynamics"), got nothing`,
						fr: `attendu : l’identifiant de l’entrée (le nom de son fichier, par exemple « kagawa-thermodynamique ») ; trouvé : rien`,
					}),
				});
				continue;
			}
			const previous = seen.get(draft.id);
			if (previous !== undefined) {
				problems.push({
					at: draft.at,
					message: say({
						en: `id "${draft.id}" is already on row ${previous}: one row per entry`,
						fr: `l’identifiant « ${draft.id} » est déjà ligne ${previous} : une ligne par entrée`,
					}),
				});
				continue;
			}
			seen.set(draft.id, row);
			if (!broken) drafts.push(draft);
		}
	}

	// The files as they would be written.
	const plans: {
		draft: Draft;
		file: string;
		before?: string | undefined;
		after: string;
		data: Record<string, unknown>;
	}[] = [];
	const texts = new Map<string, Map<string, string>>();
	for (const collection of entryCollections) {
		const existing = new Map(
			yamlFiles(join(root, collection.folder)).map((file) => [file.id, file.name])
		);
		const override = new Map<string, string>();
		for (const [id, name] of existing)
			override.set(id, readFileSync(join(root, collection.folder, name), 'utf8'));
		const tree = schemaTree(collection.schema);
		for (const draft of drafts.filter((candidate) => candidate.collection === collection)) {
			const name = existing.get(draft.id) ?? `${draft.id}.yaml`;
			const file = `${collection.folder}/${name}`;
			const before = override.get(draft.id);
			let old: Record<string, unknown> = {};
			if (before !== undefined) {
				try {
					old = (parseYaml(before, file).data ?? {}) as Record<string, unknown>;
				} catch (error) {
					const fileProblems = (error as { problems?: Problem[] }).problems;
					if (!fileProblems) throw error;
					problems.push(
						...fileProblems.map((problem) => ({ file: problem, message: problem.message }))
					);
					continue;
				}
			}
			const next = structuredClone(old);
			for (const { column, value } of draft.cells.values())
				if (value === undefined) deleteAt(next, column.path);
				else setAt(next, column.path, value);
			const after =
				before === undefined
					? yamlText(tree, next)
					: isDeepStrictEqual(old, next)
						? before
						: patchYaml(before, next, tree, (path) =>
								isDeepStrictEqual(getAt(old, path), getAt(next, path))
							).text;
			override.set(draft.id, after);
			plans.push({ draft, file, before, after, data: next });
		}
		texts.set(collection.name, override);
	}

	// Validate them as the build does, with the partners as the import leaves them.
	const content = readContent(root, {
		lang,
		override: {
			...(partners ? { partners } : {}),
			...Object.fromEntries(texts),
		},
	});
	const planByFile = new Map(plans.map((plan) => [plan.file, plan]));
	const found = [...content.problems, ...unknownReferences(content.raw, content.locate)];
	for (const problem of found) {
		const plan = planByFile.get(problem.file);
		if (!plan) {
			// Another file's problem (a partner's) is the partner import's to report.
			if (entryCollections.some(({ folder }) => problem.file.startsWith(`${folder}/`)))
				problems.push({ file: problem, message: problem.message });
			continue;
		}
		const path = problem.field === '(file name)' ? [idHeader] : problem.field.split('.');
		let length = path.length;
		while (length > 0 && !plan.draft.cells.has(path.slice(0, length).join('.'))) length--;
		const cell =
			path[0] === idHeader
				? { at: plan.draft.at }
				: plan.draft.cells.get(path.slice(0, length).join('.'));
		const rest = path
			.slice(cell ? length : 0)
			.filter((part) => part !== idHeader)
			.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
		problems.push({
			at: cell?.at ?? { sheet: plan.draft.at.sheet, row: plan.draft.at.row },
			partner: plan.draft.id,
			detail:
				rest.length > 0 && !(problem.field.startsWith('(') && path[0] !== idHeader)
					? rest
					: undefined,
			message: problem.message,
		});
	}
	const changed = plans.filter((plan) => plan.before !== plan.after);
	return {
		problems,
		files: changed.map(({ file, after }) => ({ file, text: after })),
		created: changed.filter((plan) => plan.before === undefined).map((plan) => plan.file),
		updated: changed.filter((plan) => plan.before !== undefined).map((plan) => plan.file),
	};
}
