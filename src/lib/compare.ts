/**
 * The partner comparison's model, shared by the page, the shortlist buttons, their browser
 * scripts and the tests: what the comparison shows of a partner (computed at build time, in the
 * page's language, and carried as JSON like the finder's records), how the compared partners are
 * written in the URL (`?p=kagawa,sapienza`) and how the shortlist is kept in the browser
 * (`localStorage`, no account, no cookie). Pure functions, no DOM and no Astro.
 */

/** Fewest and most partners compared side by side. */
export const compareRange = { min: 2, max: 4 } as const;

/** What the comparison shows of one partner, ready to print in the page's language. */
export interface CompareRecord {
	id: string;
	name: string;
	/** Link to the partner's page. */
	href: string;
	country: string;
	city: string | null;
	programmes: string[];
	/** Kinds of agreement (study exchange, double degree…). */
	kinds: string[];
	/** EQF levels, named. */
	levels: string[];
	/** Languages of instruction. */
	languages: string[];
	/** Language requirements: language and CEFR level. */
	requirements: string[];
	/** Places per year, when the office has given them; `null` otherwise. */
	places: string | null;
	/** Deadlines, one line each (kind, term, day). */
	deadlines: string[];
	/** Courses already recognised at this partner. */
	recognitions: number;
	/** Median monthly rent from returnee reports, or that there are not enough of them yet. */
	medianRent: string;
	/** The Erasmus+ grant for the partner's country, as a sentence. */
	grant: string;
}

/** Id of the `<script type="application/json">` element that carries the comparison's records. */
export const compareRecordsElementId = 'compare-records';

/** Where the browser keeps the shortlist. */
export const shortlistKey = 'mines-ales:shortlist';

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids, in order, without repeats or malformed ones. */
function cleanIds(ids: readonly unknown[]): string[] {
	return [
		...new Set(ids.filter((id): id is string => typeof id === 'string' && idPattern.test(id))),
	];
}

/**
 * Reads the compared partners from a URL query string: `p`, ids separated by commas, at most
 * four, in order, each once.
 * @example parseCompareQuery('?p=kagawa,sapienza,kagawa') // ['kagawa', 'sapienza']
 */
export function parseCompareQuery(search: string): string[] {
	const value = new URLSearchParams(search).get('p') ?? '';
	return cleanIds(value.split(',').map((id) => id.trim())).slice(0, compareRange.max);
}

/**
 * Writes the compared partners as a URL query string (commas kept readable).
 * @example toCompareQuery(['kagawa', 'sapienza']) // '?p=kagawa,sapienza'
 */
export function toCompareQuery(ids: readonly string[]): string {
	const clean = cleanIds(ids).slice(0, compareRange.max);
	return clean.length > 0 ? `?p=${clean.join(',')}` : '';
}

/**
 * The shortlist stored in the browser, from what `localStorage` holds: a JSON list of ids.
 * Anything else (nothing, an old format, a hand-edited value) reads as an empty list.
 */
export function parseShortlist(stored: string | null): string[] {
	if (!stored) return [];
	try {
		const value: unknown = JSON.parse(stored);
		return Array.isArray(value) ? cleanIds(value) : [];
	} catch {
		return [];
	}
}

/** Adds a partner to the shortlist or removes it. */
export function toggleShortlist(list: readonly string[], id: string): string[] {
	return list.includes(id) ? list.filter((other) => other !== id) : [...list, id];
}

/** The records, in the page's order, as the page carries them (`<` escaped). */
export function writeCompareRecords(records: readonly CompareRecord[]): string {
	return JSON.stringify(records).replace(/</g, '\\u003c');
}

/** The records back from the page, by id. */
export function readCompareRecords(json: string): Map<string, CompareRecord> {
	const records = JSON.parse(json) as CompareRecord[];
	return new Map(records.map((record) => [record.id, record]));
}
