import { collection, dataCollections } from './collections.ts';
import { referencesIn, schemaTree } from './schema-tree.ts';

/**
 * What links to an entry of a data collection: the other entries whose references name it (a
 * partner's country, an agreement's programme, a programme's contacts…, found by walking each
 * collection's schema as `unknownReferences` does), and the written pages that name it (a
 * `<Contact id="…">`, a `<Term id="…">`, a link to its page). The web editor asks this before it
 * deletes an entry (`src/editor/guarded-delete.ts`): an entry something still links to is not
 * deleted, since the site would no longer build. Pure: the caller reads the files its own way.
 */

/** Components of `src/components/` that name an entry of a collection by id. */
export const componentReferences = [
	{ component: 'Term', collection: 'glossary', folder: 'content/glossary' },
	{ component: 'Contact', collection: 'contacts', folder: 'content/contacts' },
] as const;

/** An entry of a data collection, as read from its file. */
export interface ReadEntry {
	collection: string;
	id: string;
	data: unknown;
}

/** A written page: its path relative to the project root and its text. */
export interface ReadPage {
	path: string;
	text: string;
}

/** Something that links to the entry: what it is, in French, for the office. */
export interface Link {
	kind: 'entry' | 'page';
	/** « Partenaire « Kagawa University » », « Page content/docs/erasmus.mdx ». */
	label: string;
	/** The linking entry's collection and id, or the page's path. */
	collection?: string;
	id?: string;
	path?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name of an entry, as the editor's lists show it (the collection's `nameField`). */
export function entryName(collectionName: string, id: string, data: unknown): string {
	const definition = collection(collectionName);
	let value: unknown = data;
	for (const key of definition?.nameField ?? []) value = (value as Record<string, unknown>)?.[key];
	return typeof value === 'string' && value.trim() ? value.trim() : id;
}

/**
 * Every entry and page that links to an entry, at most once each, entries first.
 * @example linksTo({ collection: 'countries', id: 'jp' }, entries, pages)
 * // [{ kind: 'entry', label: 'Partenaire « Kagawa University »', collection: 'partners', id: 'kagawa' }]
 */
export function linksTo(
	target: { collection: string; id: string },
	entries: readonly ReadEntry[],
	pages: readonly ReadPage[]
): Link[] {
	const links: Link[] = [];
	for (const definition of dataCollections) {
		const tree = schemaTree(definition.schema);
		for (const entry of entries) {
			if (entry.collection !== definition.name) continue;
			if (entry.collection === target.collection && entry.id === target.id) continue;
			const named = referencesIn(tree, entry.data).some(
				(reference) => reference.collection === target.collection && reference.id === target.id
			);
			if (named)
				links.push({
					kind: 'entry',
					label: `${definition.labels.singular.fr} « ${entryName(definition.name, entry.id, entry.data)} »`,
					collection: definition.name,
					id: entry.id,
				});
		}
	}
	const patterns: RegExp[] = componentReferences
		.filter((reference) => reference.collection === target.collection)
		.map(
			({ component }) => new RegExp(`<${component}\\s[^>]*?id=["']${escape(target.id)}["']`, 'u')
		);
	const page = collection(target.collection)?.page?.(target.id);
	// A link to the entry's page, in either language (`/partenaires/kagawa/`, `/en/partenaires/kagawa`).
	if (page) patterns.push(new RegExp(`${escape(page.replace(/\/$/, ''))}(?=[/)#?"'\\s]|$)`, 'u'));
	for (const { path, text } of pages)
		if (patterns.some((pattern) => pattern.test(text)))
			links.push({ kind: 'page', label: `Page ${path}`, path });
	return links;
}

/**
 * Whether what the office typed is the entry's name: the same words, whatever the case and the
 * spaces around them.
 */
export function sameName(typed: string, name: string): boolean {
	const normal = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
	return normal(typed) !== '' && normal(typed) === normal(name);
}
