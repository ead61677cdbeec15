/**
 * The budget estimate's model, shared by the page (rendered at build time), its browser script
 * and the tests: how the inputs are written in the URL (`?pays=se&mois=5`, as the finder keeps
 * its filters) and how the Erasmus+ grant is computed from the amounts the build read in
 * `content/grants/erasmus-plus.yaml`. Pure functions, no DOM and no Astro.
 */

/** The reader's inputs: a destination country (ISO code, lower case) and a number of months. */
export interface BudgetState {
	pays: string;
	mois: number | undefined;
}

/** Shortest and longest Erasmus+ study period, in months. */
export const monthRange = { min: 2, max: 12 } as const;

/** What the browser needs of one country to compute its estimate. */
export interface BudgetCountry {
	/**
	 * Erasmus+ country group (1-3); `0` for a country outside the groups (a third country not
	 * associated to the programme); `-1` when the site does not know.
	 */
	group: number;
	/** Monthly amount of its group for the current call, in euros, when the site has it. */
	monthly?: number | undefined;
}

/** What the browser computes from, as the build writes it in the page. */
export interface BudgetRecords {
	countries: Record<string, BudgetCountry>;
	/** Monthly top-ups (euros) in the order the page lists them. */
	topUps: number[];
}

/** Id of the `<script type="application/json">` element that carries the budget's records. */
export const budgetRecordsElementId = 'budget-records';

/**
 * Reads the inputs from a URL query string. A number of months outside 1-12 or not a whole
 * number is dropped; the country code is kept as written (the page ignores an unknown one).
 * @example parseBudgetQuery('?pays=se&mois=5') // { pays: 'se', mois: 5 }
 */
export function parseBudgetQuery(search: string): BudgetState {
	const params = new URLSearchParams(search);
	const pays = (params.get('pays') ?? '').trim().toLowerCase();
	const raw = (params.get('mois') ?? '').trim();
	const months = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
	return {
		pays: /^[a-z]{2}$/.test(pays) ? pays : '',
		mois: months >= 1 && months <= monthRange.max ? months : undefined,
	};
}

/**
 * Writes the inputs as a URL query string, only those that are set, in a fixed order.
 * @example toBudgetQuery({ pays: 'se', mois: 5 }) // '?pays=se&mois=5'
 */
export function toBudgetQuery(state: BudgetState): string {
	const params = new URLSearchParams();
	if (state.pays) params.set('pays', state.pays);
	if (state.mois !== undefined) params.set('mois', String(state.mois));
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The estimate for one country and a number of months. */
export type BudgetEstimate =
	| { kind: 'none' }
	/** The site does not know whether the country takes part in Erasmus+. */
	| { kind: 'unknown' }
	/** The country is outside the Erasmus+ groups (a third country not associated). */
	| { kind: 'other-rules' }
	/** In a group whose amount the site does not have. */
	| { kind: 'group'; group: number; months: number; topUps: number[] }
	| {
			kind: 'amount';
			group: number;
			months: number;
			monthly: number;
			total: number;
			/** Each top-up over the whole stay, in the order of `records.topUps`. */
			topUps: number[];
	  };

/**
 * The Erasmus+ grant for a stay: the group's monthly amount times the months, and each monthly
 * top-up over the same months (a top-up is only for the students it names). Nothing when the
 * country or the months are missing.
 * @example estimate({ countries: { se: { group: 1, monthly: 400 } }, topUps: [250] }, { pays: 'se', mois: 5 })
 * // { kind: 'amount', group: 1, months: 5, monthly: 400, total: 2000, topUps: [1250] }
 */
export function estimate(records: BudgetRecords, state: BudgetState): BudgetEstimate {
	const country = records.countries[state.pays];
	if (!country || state.mois === undefined) return { kind: 'none' };
	if (country.group === 0) return { kind: 'other-rules' };
	if (country.group < 0) return { kind: 'unknown' };
	const months = state.mois;
	const topUps = records.topUps.map((amount) => amount * months);
	if (country.monthly === undefined) return { kind: 'group', group: country.group, months, topUps };
	return {
		kind: 'amount',
		group: country.group,
		months,
		monthly: country.monthly,
		total: country.monthly * months,
		topUps,
	};
}

/** The records as the page carries them (`<` escaped so that no text closes the element). */
export function writeBudgetRecords(records: BudgetRecords): string {
	return JSON.stringify(records).replace(/</g, '\\u003c');
}

/** The records back from the page. */
export function readBudgetRecords(json: string): BudgetRecords {
	return JSON.parse(json) as BudgetRecords;
}
