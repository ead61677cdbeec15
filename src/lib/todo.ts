import type { Bilingual, Lang } from '../vocab/locales.ts';
import { dataCollections, type DataCollectionName } from './collections.ts';
import type { Entry, RawCollections } from './resolve.ts';
import { schemaTree, type SchemaNode } from './schema-tree.ts';

/**
 * The office's to-do list: for each entry, the facts readers need that only the office can give
 * (fields marked `todo` in the schemas: deadlines, places, contacts, the Erasmus code…) and that
 * are still absent, plus the entries whose review is more than a year old. The site shows each of
 * these as something to ask the office; this list is where the office finds them all.
 */

/** A fact missing from an entry. */
export interface MissingField {
	/** Path of the field in the file, e.g. `agreements.0.mobilitiesPerYear`. */
	path: string;
	/** Its name for editors, with its parents' (`Accords 1 › Places par an`). */
	label: Bilingual;
}

/** One entry on the list. */
export interface TodoEntry {
	collection: DataCollectionName;
	id: string;
	file: string;
	/** What the entry is called (its name, role or term). */
	name: string;
	missing: MissingField[];
	/** When it was last confirmed (or its sources consulted), if that is more than `staleAfterMonths` ago. */
	stale?: Date | undefined;
}

/** Entries reviewed longer ago than this are on the list. */
export const staleAfterMonths = 12;

const isAbsent = (value: unknown) =>
	value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** The absent `todo` fields of a value described by `node`, with their paths and labels. */
function missingIn(
	node: SchemaNode,
	data: unknown,
	path: (string | number)[],
	label: Bilingual | undefined
): MissingField[] {
	if (node.kind === 'object') {
		const record = (data ?? {}) as Record<string, unknown>;
		return node.fields.flatMap((field) => {
			const value = record[field.key];
			const fieldLabel = label
				? { fr: `${label.fr} › ${field.label.fr}`, en: `${label.en} › ${field.label.en}` }
				: field.label;
			const fieldPath = [...path, field.key];
			if (field.todo && isAbsent(value)) return [{ path: fieldPath.join('.'), label: fieldLabel }];
			return isAbsent(value) ? [] : missingIn(field.node, value, fieldPath, fieldLabel);
		});
	}
	if (node.kind === 'array' && Array.isArray(data))
		return data.flatMap((item, index) =>
			missingIn(
				node.item,
				item,
				[...path, index],
				label && { fr: `${label.fr} ${index + 1}`, en: `${label.en} ${index + 1}` }
			)
		);
	return [];
}

const nameOf = (data: unknown, field: readonly string[]): string | undefined => {
	let value: unknown = data;
	for (const key of field) value = (value as Record<string, unknown> | undefined)?.[key];
	return typeof value === 'string' ? value : undefined;
};

/** The to-do list of the content, entries with nothing to do left out, in the registry's order. */
export function todoList(raw: RawCollections, { today = new Date() }: { today?: Date } = {}) {
	const limit = new Date(today);
	limit.setUTCMonth(limit.getUTCMonth() - staleAfterMonths);
	const byName = raw as unknown as Record<
		DataCollectionName,
		Entry<{ consulted?: Date; confirmed?: Date }>[]
	>;
	return dataCollections.flatMap((definition) => {
		const tree = schemaTree(definition.schema);
		return byName[definition.name].flatMap((entry): TodoEntry[] => {
			const missing = missingIn(tree, entry.data, [], undefined);
			const reviewed = entry.data.confirmed ?? entry.data.consulted;
			const stale = reviewed && reviewed < limit ? reviewed : undefined;
			if (missing.length === 0 && !stale) return [];
			return [
				{
					collection: definition.name,
					id: entry.id,
					file: entry.filePath ?? `${definition.folder}/${entry.id}.yaml`,
					name: nameOf(entry.data, definition.nameField) ?? entry.id,
					missing,
					stale,
				},
			];
		});
	});
}

/** The to-do list as plain text, one entry per paragraph, for `check:content -- --todo`. */
export function formatTodoList(
	entries: readonly TodoEntry[],
	lang: Lang,
	editorUrl?: (entry: TodoEntry) => string
): string {
	return entries
		.map((entry) =>
			[
				`${entry.name} — ${entry.file}${editorUrl ? ` — ${editorUrl(entry)}` : ''}`,
				...entry.missing.map((field) => `  - ${field.label[lang]} (${field.path})`),
				...(entry.stale
					? [
							lang === 'fr'
								? `  - vérifiée pour la dernière fois le ${entry.stale.toISOString().slice(0, 10)} : à revérifier`
								: `  - last checked on ${entry.stale.toISOString().slice(0, 10)}: to check again`,
						]
					: []),
			].join('\n')
		)
		.join('\n\n');
}
