/**
 * The filters of the recognised courses' page (`/reconnaissances/`), shared by the page, its
 * browser script and the tests: what a row carries (as `data-*` attributes of its table row),
 * how the filter state is written in the URL (`?country=jp&valid=1`) and which rows match it.
 * Pure functions, no DOM and no Astro. Without JavaScript the page is the full table.
 */

/** What a row of the table is filtered on. */
export interface RecognitionRecord {
	/** Partner id. */
	partner: string;
	/** Country id (ISO 3166-1 alpha-2, lower case). */
	country: string;
	/** ISCED-F broad field (two digits) of the course; empty when unknown. */
	subject: string;
	/** Whether the decision still holds. */
	valid: boolean;
}

/** The filters a reader can set; empty strings mean "any". */
export interface RecognitionState {
	partner: string;
	country: string;
	subject: string;
	/** `1`: only the decisions that still hold. */
	valid: string;
}

/** Filter names, in the order they appear in the URL query. */
export const recognitionKeys = [
	'partner',
	'country',
	'subject',
	'valid',
] as const satisfies readonly (keyof RecognitionState)[];

/** The state with no filter set. */
export const noFilter: RecognitionState = Object.freeze({
	partner: '',
	country: '',
	subject: '',
	valid: '',
});

/** Reads a filter state from a URL query string; unknown parameters are ignored. */
export function parseRecognitionQuery(search: string): RecognitionState {
	const params = new URLSearchParams(search);
	const state: RecognitionState = { ...noFilter };
	for (const key of recognitionKeys) state[key] = (params.get(key) ?? '').trim();
	return state;
}

/**
 * Writes a filter state as a URL query string with only the filters that are set, in a fixed
 * order. Empty when no filter is set.
 * @example recognitionQuery({ ...noFilter, valid: '1' }) // '?valid=1'
 */
export function recognitionQuery(state: RecognitionState): string {
	const params = new URLSearchParams();
	for (const key of recognitionKeys) if (state[key]) params.set(key, state[key]);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether a row matches every filter that is set. */
export function matchesRecognition(record: RecognitionRecord, state: RecognitionState): boolean {
	if (state.partner && record.partner !== state.partner) return false;
	if (state.country && record.country !== state.country) return false;
	if (state.subject && record.subject !== state.subject) return false;
	if (state.valid && !record.valid) return false;
	return true;
}
