import type { FactKind } from '../schemas/common.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { dataCollections, type DataCollectionName } from './collections.ts';
import type { Entry, RawCollections } from './resolve.ts';
import { schemaTree, type SchemaNode } from './schema-tree.ts';

/**
 * The content's to-do list: for each entry, the facts still absent, in two lists by whose fact
 * each is (`fact` in the schemas' `labelled()`): « À rechercher », public facts a government's or
 * the partner's own pages publish (pages leave them out until someone looks them up), and « À
 * confirmer par le Service », facts only the office can give (pages name them in their one "ask
 * the office" box); plus the entries whose review is more than a year old.
 */

/** A fact missing from an entry. */
export interface MissingField {
	/** Path of the field in the file, e.g. `agreements.0.mobilitiesPerYear`. */
	path: string;
	/** Its name for editors, with its parents' (`Accords 1 › Places par an`). */
	label: Bilingual;
	/** Whose fact it is: to look up in public sources, or to be given by the office. */
	fact: FactKind;
}

/** The two lists of an entry, as the to-do page and the command line name them. */
export const factListTitles: Readonly<Record<FactKind, Bilingual>> = {
	public: { fr: 'À rechercher', en: 'To look up' },
	office: { fr: 'À confirmer par le Service', en: 'To be confirmed by the office' },
};

/** The missing facts of an entry of one kind. */
export const missingOfKind = (entry: TodoEntry, fact: FactKind): MissingField[] =>
	entry.missing.filter((field) => field.fact === fact);

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

/**
 * The absent fields of a value described by `node` that declare a kind (details aside), with their
 * paths and labels. An absent field is listed once, not its own fields.
 */
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
			if (isAbsent(value))
				return field.fact && !field.detail
					? [{ path: fieldPath.join('.'), label: fieldLabel, fact: field.fact }]
					: [];
			return missingIn(field.node, value, fieldPath, fieldLabel);
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
		return (byName[definition.name] ?? []).flatMap((entry): TodoEntry[] => {
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

/**
 * The to-do list as plain text, one entry per paragraph, for `check:content -- --todo`: its
 * facts to look up, then those to be confirmed by the office, each list with its count.
 */
export function formatTodoList(
	entries: readonly TodoEntry[],
	lang: Lang,
	editorUrl?: (entry: TodoEntry) => string
): string {
	const colon = lang === 'fr' ? ' :' : ':';
	return entries
		.map((entry) =>
			[
				`${entry.name} — ${entry.file}${editorUrl ? ` — ${editorUrl(entry)}` : ''}`,
				...(['public', 'office'] as const).flatMap((fact) => {
					const fields = missingOfKind(entry, fact);
					if (fields.length === 0) return [];
					return [
						`  ${factListTitles[fact][lang]} (${fields.length})${colon}`,
						...fields.map((field) => `    - ${field.label[lang]} (${field.path})`),
					];
				}),
				...(entry.stale
					? [
							lang === 'fr'
								? `  Vérifiée pour la dernière fois le ${entry.stale.toISOString().slice(0, 10)} : à revérifier`
								: `  Last checked on ${entry.stale.toISOString().slice(0, 10)}: to check again`,
						]
					: []),
			].join('\n')
		)
		.join('\n\n');
}

/** How many facts the list holds of each kind. */
export function todoCounts(entries: readonly TodoEntry[]): Record<FactKind, number> {
	return {
		public: entries.reduce((sum, entry) => sum + missingOfKind(entry, 'public').length, 0),
		office: entries.reduce((sum, entry) => sum + missingOfKind(entry, 'office').length, 0),
	};
}
