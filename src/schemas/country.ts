import { z } from 'astro/zod';
import {
	booleanSchema,
	dateSchema,
	describeInput,
	enumError,
	linkSchema,
	localizedSchema,
	provenanceShape,
	urlSchema,
} from './common';

/** World regions used by the partner finder. */
export const regions = ['europe', 'asia', 'americas', 'africa', 'oceania'] as const;
export type Region = (typeof regions)[number];

/** What a citizen of the European Union must do to stay more than three months. */
export const longStayRequirements = ['none', 'registration', 'visa'] as const;

/** Levels of the French government's travel advice (France Diplomatie, « Conseils aux voyageurs »). */
export const travelAdviceLevels = [
	'vigilance-normale',
	'vigilance-renforcee',
	'deconseille-sauf-raison-imperative',
	'formellement-deconseille',
] as const;

/**
 * A country guide. One YAML file per country in `content/countries/`, named after the country's
 * ISO 3166-1 alpha-2 code in lower case (`de.yaml`, `jp.yaml`); that code is the entry's id and
 * what partner files reference.
 */
export const countrySchema = z.strictObject({
	/** Usual short name of the country in French and in English (ISO 3166 short names). */
	name: localizedSchema,
	/** World region, used by the partner finder's region filter. */
	region: z.enum(regions, { error: enumError(regions) }),
	/** Member of the European Union. */
	eu: booleanSchema('member of the EU'),
	/** Member of the European Economic Area (EU + Iceland, Liechtenstein, Norway). */
	eea: booleanSchema('member of the EEA'),
	/** Part of the Schengen area. */
	schengen: booleanSchema('part of the Schengen area'),
	/**
	 * Currency in use. The name is derived from the ISO 4217 code in each language.
	 * Absent when no source gives it.
	 */
	currency: z
		.strictObject({
			/** ISO 4217 code, e.g. `EUR`, `SEK`. */
			code: z.string().regex(/^[A-Z]{3}$/, {
				error: (issue) =>
					`expected an ISO 4217 currency code such as "EUR", got ${describeInput(issue.input)}`,
			}),
			/** Date from which this currency is in use, when it changed recently. */
			since: dateSchema.optional(),
			/** What changed and when, in both languages (e.g. Bulgaria's switch to the euro). */
			note: localizedSchema.optional(),
		})
		.optional(),
	/** Place of the country in the Erasmus+ programme (2021-2027). Absent when unknown. */
	erasmus: z
		.strictObject({
			/**
			 * `true` for EU member states and third countries associated to the programme, `false`
			 * for third countries not associated to it.
			 */
			programmeCountry: booleanSchema('EU member or country associated to Erasmus+'),
			/** Grant country group for student mobility (1 = higher living costs … 3 = lower). */
			grantGroup: z
				.union([z.literal(1), z.literal(2), z.literal(3)], { error: enumError([1, 2, 3]) })
				.optional(),
			/** What the reader should know about Erasmus+ with this country. */
			note: localizedSchema.optional(),
		})
		.optional(),
	/** What a citizen of the European Union must do to stay more than three months. */
	longStay: z
		.strictObject({
			/** `none`: nothing to do; `registration`: register with an authority; `visa`: a visa or permit is needed. */
			requirement: z.enum(longStayRequirements, { error: enumError(longStayRequirements) }),
			/** The steps, in both languages. */
			summary: localizedSchema,
			/** Official page describing the procedure. */
			officialUrl: urlSchema.optional(),
		})
		.optional(),
	/** Health cover for a student insured in France. */
	healthCover: z.strictObject({
		/** Whether the European Health Insurance Card (CEAM in France) is valid in this country. */
		ehic: booleanSchema('the European Health Insurance Card applies'),
		/** What to do, in both languages. */
		summary: localizedSchema,
	}),
	/** Emergency telephone number, when a source gives it. */
	emergencyNumber: z
		.string()
		.regex(/^\d{2,4}$/, {
			error: (issue) =>
				`expected an emergency number of 2 to 4 digits, got ${describeInput(issue.input)}`,
		})
		.optional(),
	/** Current advice of the French Ministry for Europe and Foreign Affairs, where a source gives it. */
	travelAdvice: z
		.strictObject({
			/** Level of the advice for the whole country. */
			level: z.enum(travelAdviceLevels, { error: enumError(travelAdviceLevels) }),
			/** What the advice says, in both languages. */
			summary: localizedSchema,
			/** The France Diplomatie page. */
			url: urlSchema,
			/** Date of the version of the page that was read. */
			asOf: dateSchema,
		})
		.optional(),
	/** Official links (portals, immigration offices). */
	officialLinks: z.array(linkSchema).default([]),
	/** Studying in this country: prose in Markdown, in both languages. */
	study: localizedSchema.optional(),
	/** Internships in this country: prose in Markdown, in both languages. */
	internship: localizedSchema.optional(),
	...provenanceShape,
});
export type CountryData = z.infer<typeof countrySchema>;
