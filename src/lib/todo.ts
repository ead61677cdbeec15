import type { FactKind } from '../schemas/common.ts';
import type { FactsheetData } from '../schemas/factsheet.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { dataCollections, type DataCollectionName } from './collections.ts';
import { ewpFactsheetGaps } from './exporters/ewp-factsheet-xml.ts';
import { partnerName } from './i18n.ts';
import type { Entry, RawCollections } from './resolve.ts';
import { schemaTree, type SchemaNode } from './schema-tree.ts';
import { isoDate } from './dates.ts';

/**
 * The content's to-do list: for each entry, the facts still absent, in two lists by whose fact
 * each is (`fact` in the schemas' `field()`): « À rechercher », public facts a government's or
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
	/** Whose review is stale: the office's confirmation, or the reading of the sources. */
	staleFact?: FactKind | undefined;
	/** A partner the site presents to students (one whose partnership has not ended). */
	presented?: boolean | undefined;
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

/**
 * The factsheet's list, with what the EWP file (`/data/factsheet.xml`) lacks to be published,
 * named « Fiche EWP › … »; a field the schema lists and the EWP list details is listed once.
 */
function withEwpGaps(
	missing: MissingField[],
	factsheet: FactsheetData,
	raw: RawCollections
): MissingField[] {
	const contacts = new Map(raw.contacts.map((contact) => [contact.id, contact.data]));
	const gaps = ewpFactsheetGaps(factsheet, (id) => contacts.get(id)).map((gap): MissingField => ({
		path: gap.path,
		label: { fr: `Fiche EWP › ${gap.label.fr}`, en: `EWP factsheet › ${gap.label.en}` },
		fact: 'office',
	}));
	const covered = (path: string) =>
		gaps.some((gap) => gap.path === path || gap.path.startsWith(`${path}.`));
	return [...missing.filter((field) => !covered(field.path)), ...gaps];
}

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
			const schemaMissing = missingIn(tree, entry.data, [], undefined);
			const missing =
				definition.name === 'factsheet'
					? withEwpGaps(schemaMissing, entry.data as FactsheetData, raw)
					: schemaMissing;
			const reviewed = entry.data.confirmed ?? entry.data.consulted;
			const stale = reviewed && reviewed < limit ? reviewed : undefined;
			if (missing.length === 0 && !stale) return [];
			const staleFact: FactKind | undefined = stale
				? entry.data.confirmed
					? 'office'
					: 'public'
				: undefined;
			const name =
				definition.name === 'partners'
					? partnerName((entry.data as { name: { en: string } }).name, 'fr')
					: nameOf(entry.data, definition.nameField);
			return [
				{
					collection: definition.name,
					id: entry.id,
					file: entry.filePath ?? `${definition.folder}/${entry.id}.yaml`,
					name: name ?? entry.id,
					...(definition.name === 'partners'
						? { presented: (entry.data as { status?: string }).status !== 'ended' }
						: {}),
					missing,
					stale,
					staleFact,
				},
			];
		});
	});
}

/**
 * What readers of a presented partner's page need first, in this order: the places for Alès
 * students, the partner's deadlines, the language level it requires, whom to contact. A missing
 * field's rank in that order, or undefined for any other field.
 */
export function readerPriority(path: string): number | undefined {
	const key = path.replace(/\.\d+\./g, '.*.');
	if (key === 'agreements' || key === 'agreements.*.mobilitiesPerYear') return 0;
	if (key === 'calendar' || key.startsWith('calendar.')) return 1;
	if (key === 'agreements.*.languages') return 2;
	if (key === 'contacts') return 3;
	return undefined;
}

/** The sections of the work plan, in the order readers need their facts. */
export type TodoSectionName = 'readers' | 'countries' | 'rest';

export const todoSectionTitles: Readonly<Record<TodoSectionName, Bilingual>> = {
	readers: {
		fr: 'Partenaires : places, dates limites, langue, contact',
		en: 'Partners: places, deadlines, language, contact',
	},
	countries: { fr: 'Pays', en: 'Countries' },
	rest: { fr: 'Le reste', en: 'Everything else' },
};

/** An entry in a section of the plan: the facts of one kind it lacks there. */
export interface TodoPlanEntry {
	collection: DataCollectionName;
	id: string;
	name: string;
	fields: MissingField[];
	/** The date of a review more than a year old, to do again. */
	stale?: Date | undefined;
}

/** A section of one part of the plan, with the number of facts it asks for. */
export interface TodoSection {
	name: TodoSectionName;
	title: Bilingual;
	entries: TodoPlanEntry[];
	/** Facts missing in the section, plus reviews to do again. */
	count: number;
}

/** One part of the plan: the facts of one kind (to look up, or to be confirmed by the office). */
export interface TodoPart {
	fact: FactKind;
	title: Bilingual;
	sections: TodoSection[];
	count: number;
}

const sectionOf = (entry: TodoEntry, field: MissingField): TodoSectionName => {
	if (
		entry.collection === 'partners' &&
		entry.presented &&
		readerPriority(field.path) !== undefined
	)
		return 'readers';
	if (entry.collection === 'countries') return 'countries';
	return 'rest';
};

/**
 * The to-do list as a work plan: two parts, the facts to look up in public sources (« À
 * rechercher ») and those only the office can confirm (« À confirmer par le Service »); in each,
 * first what readers of the presented partners need first (places, deadlines, language level,
 * contact: entries in that order of need, partners by name), then the countries' facts, then the
 * rest; each section with its count, the stale reviews with the facts of their kind.
 */
export function todoPlan(entries: readonly TodoEntry[]): TodoPart[] {
	const collator = new Intl.Collator('fr', { sensitivity: 'base' });
	const sectionNames = Object.keys(todoSectionTitles) as TodoSectionName[];
	const collectionOrder = dataCollections.map((definition) => definition.name);
	return (['public', 'office'] as const).map((fact) => {
		const sections = sectionNames.map((name): TodoSection => {
			const inSection = entries.flatMap((entry): TodoPlanEntry[] => {
				const fields = missingOfKind(entry, fact).filter(
					(field) => sectionOf(entry, field) === name
				);
				const stale =
					name === (entry.collection === 'countries' ? 'countries' : 'rest') &&
					entry.staleFact === fact
						? entry.stale
						: undefined;
				if (fields.length === 0 && !stale) return [];
				if (name === 'readers')
					fields.sort((a, b) => (readerPriority(a.path) ?? 9) - (readerPriority(b.path) ?? 9));
				return [{ collection: entry.collection, id: entry.id, name: entry.name, fields, stale }];
			});
			// What readers need first: the entries lacking the most needed fact first, then by name;
			// elsewhere, collection by collection (the registry's order), by name.
			const first = (entry: TodoPlanEntry) =>
				name === 'readers'
					? Math.min(...entry.fields.map((field) => readerPriority(field.path) ?? 9))
					: collectionOrder.indexOf(entry.collection);
			inSection.sort((a, b) => first(a) - first(b) || collator.compare(a.name, b.name));
			return {
				name,
				title: todoSectionTitles[name],
				entries: inSection,
				count: inSection.reduce(
					(sum, entry) => sum + entry.fields.length + (entry.stale ? 1 : 0),
					0
				),
			};
		});
		return {
			fact,
			title: factListTitles[fact],
			sections: sections.filter((section) => section.entries.length > 0),
			count: sections.reduce((sum, section) => sum + section.count, 0),
		};
	});
}

/** A field's name as the form shows it; a date's label ending in "le" gets its "…". */
export const fieldName = (field: MissingField, lang: Lang) =>
	lang === 'fr' ? field.label.fr.replace(/ le$/, ' le …') : field.label.en.replace(/ on$/, ' on …');

/** "Last checked on …: to check again", for an entry whose review is stale. */
export const staleLine = (date: Date, lang: Lang) =>
	lang === 'fr'
		? `Vérifiée pour la dernière fois le ${isoDate(date)} : à revérifier`
		: `Last checked on ${isoDate(date)}: to check again`;

/**
 * The to-do list as plain text, for `check:content -- --todo`: the plan's two parts, their
 * sections with their counts, each entry with its facts named as the form names them (no file
 * or field paths), and the link that opens it in the editor when one is given.
 */
export function formatTodoList(
	entries: readonly TodoEntry[],
	lang: Lang,
	editorUrl?: (entry: { collection: DataCollectionName; id: string }) => string
): string {
	const colon = lang === 'fr' ? ' :' : ':';
	return todoPlan(entries)
		.filter((part) => part.sections.length > 0)
		.map((part) =>
			[
				`${part.title[lang].toUpperCase()} (${part.count})`,
				...part.sections.map((section) =>
					[
						`\n${section.title[lang]} (${section.count})${colon}`,
						...section.entries.flatMap((entry) => [
							`  ${entry.name}${editorUrl ? ` — ${editorUrl(entry)}` : ''}`,
							...entry.fields.map((field) => `    - ${fieldName(field, lang)}`),
							...(entry.stale ? [`    - ${staleLine(entry.stale, lang)}`] : []),
						]),
					].join('\n')
				),
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
