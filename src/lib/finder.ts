/**
 * The partner finder's model, shared by the page (rendered at build time), its browser script
 * and the tests: what a partner record carries, what a reader can filter on, how a filter state
 * is written in the URL and which partners match it. The build writes the records
 * (`finderRecord()` in `src/lib/views/partner.ts`) into the page as JSON; the browser reads them
 * back with `readRecords()`. Pure functions, no DOM and no Astro.
 */

/** What the finder knows of one partner, flattened from its data file. */
export interface FinderRecord {
	/** Partner id (file name). */
	id: string;
	/** Text searched by the free-text filter: names, abbreviation, city (normalized). */
	text: string;
	/** ISO 3166-1 alpha-2 code, lower case. */
	country: string;
	/** World region of the country. */
	region: string;
	/** Programme ids of its agreements. */
	programmes: string[];
	/** Kinds of mobility of its agreements. */
	kinds: string[];
	/** EQF levels of its agreements. */
	levels: string[];
	/** ISCED-F broad fields (two digits) of its agreements. */
	subjects: string[];
	/** Languages of instruction (ISO 639-1). */
	languages: string[];
	/**
	 * Lowest CEFR level (1 = A1 … 6 = C2) that opens at least one of its agreements: for each
	 * agreement the highest level it requires, then the lowest of those. `0` when no agreement
	 * states a language requirement.
	 */
	cefr: number;
}

/** The filters a reader can set. Empty strings mean "any". */
export interface FinderState {
	q: string;
	country: string;
	region: string;
	programme: string;
	kind: string;
	level: string;
	subject: string;
	language: string;
	/** The reader's own CEFR level (1-6): partners requiring more are hidden. */
	cefr: string;
}

/** Filter names, in the order they appear in the URL query. */
export const finderKeys = [
	'q',
	'country',
	'region',
	'programme',
	'kind',
	'level',
	'subject',
	'language',
	'cefr',
] as const satisfies readonly (keyof FinderState)[];

/** The state with no filter set. */
export const emptyState: FinderState = Object.freeze({
	q: '',
	country: '',
	region: '',
	programme: '',
	kind: '',
	level: '',
	subject: '',
	language: '',
	cefr: '',
});

/**
 * Lower-cases text and strips accents, so that "universite" finds "Université".
 * @example normalizeText('Université de São Paulo') // 'universite de sao paulo'
 */
export function normalizeText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reads a filter state from a URL query string (`?country=jp&kind=study`). Unknown parameters
 * are ignored.
 */
export function parseQuery(search: string): FinderState {
	const params = new URLSearchParams(search);
	const state: FinderState = { ...emptyState };
	for (const key of finderKeys) state[key] = (params.get(key) ?? '').trim();
	return state;
}

/**
 * Writes a filter state as a URL query string with only the filters that are set, in a fixed
 * order, so that the same view always has the same URL. Empty when no filter is set.
 * @example toQuery({ ...emptyState, kind: 'study' }) // '?kind=study'
 */
export function toQuery(state: FinderState): string {
	const params = new URLSearchParams();
	for (const key of finderKeys) if (state[key]) params.set(key, state[key]);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether a partner matches every filter that is set. */
export function matches(record: FinderRecord, state: FinderState): boolean {
	if (state.country && record.country !== state.country) return false;
	if (state.region && record.region !== state.region) return false;
	if (state.programme && !record.programmes.includes(state.programme)) return false;
	if (state.kind && !record.kinds.includes(state.kind)) return false;
	if (state.level && !record.levels.includes(state.level)) return false;
	if (state.subject && !record.subjects.includes(state.subject)) return false;
	if (state.language && !record.languages.includes(state.language)) return false;
	if (state.cefr && record.cefr > Number(state.cefr)) return false;
	if (state.q) {
		const words = normalizeText(state.q).split(' ');
		if (!words.every((word) => record.text.includes(word))) return false;
	}
	return true;
}

/** The ids of the partners matching a state, in the order given. */
export function filterRecords(records: readonly FinderRecord[], state: FinderState): string[] {
	return records.filter((record) => matches(record, state)).map((record) => record.id);
}

/** Whether any filter is set. */
export function isFiltered(state: FinderState): boolean {
	return finderKeys.some((key) => state[key] !== '');
}

/** Id of the `<script type="application/json">` element that carries the finder's records. */
export const recordsElementId = 'finder-records';

/** The fields of a record, in the order the page carries them. */
const recordKeys = [
	'id',
	'text',
	'country',
	'region',
	'programmes',
	'kinds',
	'levels',
	'subjects',
	'languages',
	'cefr',
] as const satisfies readonly (keyof FinderRecord)[];
const listKeys = new Set<keyof FinderRecord>([
	'programmes',
	'kinds',
	'levels',
	'subjects',
	'languages',
]);

/**
 * The records as the page carries them: one column per field, named, lists as space-separated
 * text (values never contain spaces but `text`, which is not a list). Columns compress far better
 * than one object per partner, which keeps the finder's page within its budget for thousands of
 * partners. `<` is escaped so that no text can close the script element.
 * @example writeRecords([{ id: 'a', text: 'a', country: 'jp', …, kinds: ['study'], cefr: 0 }])
 * // '{"id":["a"],"text":["a"],"country":["jp"],…,"kinds":["study"],…,"cefr":[0]}'
 */
export function writeRecords(records: readonly FinderRecord[]): string {
	const columns = Object.fromEntries(
		recordKeys.map((key) => [
			key,
			records.map((record) => {
				const value = record[key];
				return Array.isArray(value) ? value.join(' ') : value;
			}),
		])
	);
	return JSON.stringify(columns).replace(/</g, '\\u003c');
}

/** The records back from the page's columns (the inverse of `writeRecords()`). */
export function readRecords(json: string): FinderRecord[] {
	const columns = JSON.parse(json) as Record<(typeof recordKeys)[number], (string | number)[]>;
	return columns.id.map((_, index) => {
		const record = Object.fromEntries(
			recordKeys.map((key) => {
				const value = columns[key][index];
				return [key, listKeys.has(key) ? String(value).split(' ').filter(Boolean) : value];
			})
		);
		return record as unknown as FinderRecord;
	});
}
