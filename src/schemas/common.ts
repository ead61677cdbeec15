import { z } from 'astro/zod';

/**
 * Building blocks shared by every collection schema.
 *
 * Messages are written for the office staff who edit the YAML files: each says what was
 * expected and, where useful, what was found (see `src/schemas/format-issues.ts`, which prefixes
 * them with the file and the field path).
 */

/** Describes a value found in a content file for an error message: `"B3"`, `42`, `nothing`. */
export function describeInput(input: unknown): string {
	if (input === undefined) return 'nothing';
	if (input === null) return 'null';
	if (input instanceof Date)
		return Number.isNaN(input.getTime()) ? 'an invalid date' : input.toISOString().slice(0, 10);
	if (typeof input === 'string') return JSON.stringify(input);
	if (typeof input === 'object') return Array.isArray(input) ? 'a list' : 'an object';
	return String(input);
}

/** A non-empty, trimmed piece of text. */
export const textSchema = (what = 'text') =>
	z
		.string({
			error: (issue) => `expected ${what}, got ${describeInput(issue.input)}`,
		})
		.trim()
		.min(1, { error: `expected ${what}, got an empty string` });

/**
 * Text given in both languages of the site. French is the source language; English is a faithful
 * translation. Both are required so that the two locales never drift apart.
 * @example
 * summary:
 *   fr: Université japonaise partenaire…
 *   en: Japanese partner university…
 */
export const localizedSchema = z.strictObject(
	{
		/** French text (source language). */
		fr: textSchema('French text'),
		/** English translation of the French text. */
		en: textSchema('English text'),
	},
	{
		error: (issue) =>
			`expected French and English text (fr: …, en: …), got ${describeInput(issue.input)}`,
	}
);
export type Localized = z.infer<typeof localizedSchema>;

/** An absolute http(s) URL. */
export const urlSchema = z.url({
	protocol: /^https?$/,
	error: (issue) => `expected an absolute http(s) URL, got ${describeInput(issue.input)}`,
});

/** An e-mail address. */
export const emailSchema = z.email({
	error: (issue) => `expected an e-mail address, got ${describeInput(issue.input)}`,
});

/**
 * A phone number in E.164 form: `+` then the country code and the number, digits only.
 * @example '+33466785160' // written +33 (0)4 66 78 51 60 in France
 */
export const phoneSchema = z
	.string({
		error: (issue) =>
			`expected a phone number such as "+33466785160", got ${describeInput(issue.input)}`,
	})
	.regex(/^\+[1-9]\d{6,14}$/, {
		error: (issue) =>
			`expected a phone number in E.164 form such as "+33466785160" (no spaces, no "(0)"), got ${describeInput(issue.input)}`,
	});

/**
 * A calendar date written `YYYY-MM-DD` in YAML. YAML parses such a value into a `Date`; a quoted
 * string is accepted too. Impossible dates (2025-02-30) are rejected.
 */
export const dateSchema = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
		if (!match) return value;
		const date = new Date(`${value}T00:00:00Z`);
		return date.toISOString().slice(0, 10) === value ? date : value;
	},
	z.date({
		error: (issue) => `expected a date written YYYY-MM-DD, got ${describeInput(issue.input)}`,
	})
);

/**
 * The list of public sources a page or an entry rests on (at least one). The school's own page
 * on the Erasmus programme counts as a source.
 */
export const sourcesSchema = z
	.array(urlSchema, {
		error: (issue) => `expected a list of source URLs, got ${describeInput(issue.input)}`,
	})
	.min(1, { error: 'expected at least one source URL' });

/** A link with a label in both languages. */
export const linkSchema = z.strictObject({
	/** What the link leads to, in French and English. */
	label: localizedSchema,
	/** Where it leads. */
	url: urlSchema,
});

/**
 * Freshness and provenance fields that every entry carries.
 */
export const provenanceShape = {
	/** Public sources of the facts in this entry (URLs). At least one. */
	sources: sourcesSchema,
	/** Date on which the office last checked this entry against its sources (YYYY-MM-DD). */
	lastReviewed: dateSchema,
};

/** The school's page on the European mobility programmes: the seed of the whole site. */
export const SEED_SOURCE = 'http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite';

/** Error message for an enumeration: `expected one of "A1", "A2", got "B3"`. */
export const enumError =
	(values: readonly (string | number)[]) =>
	(issue: { input?: unknown }): string =>
		`expected one of ${values.map((value) => JSON.stringify(value)).join(', ')}, got ${describeInput(issue.input)}`;

/** A yes/no field. */
export const booleanSchema = (what: string) =>
	z.boolean({
		error: (issue) => `expected true or false (${what}), got ${describeInput(issue.input)}`,
	});
