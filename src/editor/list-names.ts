import { partnerName } from '../lib/i18n.ts';
import type { EditorFormat } from './formats.ts';

/**
 * A partner's name in the editor's list, as French lists name it (`partnerName()`): its French
 * name, else its official name when written in the Latin script, else its English name — a rule
 * Decap's summary templates cannot express. The format adds it to the entry as read
 * (`listNameField`), the collection's summary shows it, and it is never written nor checked.
 */

/** The entry's key that holds the name shown in the list. */
export const listNameField = '__nom';

/** The list name of an entry's data, when it names a partner (`name.native`, `name.en`). */
function listName(data: Record<string, unknown>): string | undefined {
	const name = data['name'] as Record<string, unknown> | undefined;
	if (typeof name !== 'object' || name === null || typeof name['en'] !== 'string') return undefined;
	if (typeof name['native'] !== 'string') return undefined;
	return partnerName(
		{
			en: name['en'],
			native: name['native'],
			fr: typeof name['fr'] === 'string' && name['fr'] ? name['fr'] : undefined,
		},
		'fr'
	);
}

/** The data without the list name. */
export function withoutListName<T extends Record<string, unknown>>(data: T): T {
	const { [listNameField]: _name, ...rest } = data;
	return rest as T;
}

/** A content format that adds the list name when it reads a file, and leaves it out when it writes one. */
export function withListName(format: EditorFormat): EditorFormat {
	return {
		fromFile(content) {
			const data = format.fromFile(content);
			const name = listName(data);
			return name === undefined ? data : { ...data, [listNameField]: name };
		},
		toFile(data, sortedKeys) {
			return format.toFile(withoutListName(data), sortedKeys);
		},
	};
}
