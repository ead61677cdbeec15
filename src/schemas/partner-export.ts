import { z } from 'astro/zod';
import { agreementSchema, partnerObjectSchema } from './partner.ts';

/**
 * The published form of the partner data (`/data/partners.json`, `/data/partners/<id>.json`):
 * the fields of the data files, with references written as ids, dates as `YYYY-MM-DD` and the
 * pages' addresses added. Its JSON Schema (`/data/partners.schema.json`) is generated from this
 * schema, with the descriptions below.
 */

/** Version of the published data format; raise the major number on a breaking change. */
export const DATASET_VERSION = '2.0.0';

const descriptions: Record<string, string> = {
	id: 'Identifier of the partner (the name of its data file), stable across versions.',
	pages: 'Addresses of the partner’s fact sheet on this site, in French and in English.',
	name: 'Official name (EWP `name`): `native` in the institution’s own language, `en` in English, `fr` in French when a source gives one.',
	abbreviation: 'Usual abbreviation (EWP `abbreviation`).',
	country: 'ISO 3166-1 alpha-2 code of the country, lower case.',
	city: 'City of the campus the agreements concern, as English speakers write it.',
	cityFr: 'The city as French speakers write it, when it differs.',
	coordinates: 'Position of the campus in degrees (WGS 84).',
	websiteUrl: 'Institution’s website (EWP `website-url`).',
	courseCatalogueUrl: 'Course catalogue (EWP `course-catalogue-url`).',
	erasmusCode: 'Erasmus code (EWP `other-id type="erasmus"`).',
	agreements: 'Agreements with the partner, one per cooperation condition (EWP IIA).',
	calendar:
		'Deadlines for incoming students, as MM-DD (EWP factsheet `calendar`; written --MM-DD there).',
	contacts: 'Contacts at the partner (EWP `contact`).',
	housingInfo: 'Housing information at the partner (EWP `housing-info`).',
	visaInfo: 'Visa information at the partner (EWP `visa-info`).',
	insuranceInfo: 'Insurance information at the partner (EWP `insurance-info`).',
	summary: 'Short presentation of the partnership, in French (`fr`) and English (`en`).',
	status: 'Status of the partnership; absent when no current source confirms it.',
	sources:
		'Public sources of the facts in this record: address, title (in its own language, `lang`), publisher, date of the document when known, and `kind` (official, partner, third-party).',
	consulted: 'Date on which the sources were consulted (YYYY-MM-DD).',
	confirmed:
		'Date on which the Service Pédagogie Internationale confirmed this record (YYYY-MM-DD); absent until it has.',
};

const agreementDescriptions: Record<string, string> = {
	kind: 'What the agreement allows: study, internship, double-degree or staff mobility.',
	programme: 'Identifier of the programme that frames it (see the site’s /programmes/ pages).',
	subjectAreas:
		'Fields of study (EWP `subject-area`): ISCED-F 2013 code and optional clarification.',
	eqfLevels: 'Levels of study (EWP `eqf-level`): 6 bachelor’s, 7 master’s, 8 doctorate.',
	mobilitiesPerYear: 'Places per year (EWP `mobilities-per-year`).',
	monthsPerMobility: 'Length of one mobility in months.',
	instructionLanguages: 'Languages of instruction (ISO 639-1).',
	languages:
		'Required language skills (EWP `recommended-language-skill`): ISO 639-1 language and CEFR level.',
	firstAcademicYear: 'First academic year (EWP `receiving-first-academic-year-id`).',
	lastAcademicYear: 'Last academic year (EWP `receiving-last-academic-year-id`).',
	notes: 'Other details, in French and English.',
};

const describeShape = <S extends z.core.$ZodShape>(shape: S, texts: Record<string, string>): S =>
	Object.fromEntries(
		Object.entries(shape).map(([key, schema]) => [
			key,
			texts[key] ? (schema as z.ZodType).describe(texts[key]) : schema,
		])
	) as S;

const dateString = z.iso.date();

/** One agreement as published. */
export const agreementExportSchema = z.strictObject(
	describeShape(
		{ ...agreementSchema.shape, programme: z.string().optional() },
		agreementDescriptions
	)
);

/** One partner as published. */
export const partnerExportSchema = z
	.strictObject(
		describeShape(
			{
				id: z.string(),
				pages: z.strictObject({ fr: z.string(), en: z.string() }),
				...partnerObjectSchema.shape,
				country: z.string().regex(/^[a-z]{2}$/),
				agreements: z.array(agreementExportSchema),
				consulted: dateString,
				confirmed: dateString.optional(),
			},
			descriptions
		)
	)
	.describe('A partner institution of École des Mines d’Alès (IMT Mines Alès).');
export type PartnerExport = z.infer<typeof partnerExportSchema>;

/** The whole dataset as published. */
export const datasetSchema = z
	.strictObject({
		version: z
			.literal(DATASET_VERSION)
			.describe('Version of the data format (semantic versioning).'),
		consulted: dateString.describe(
			'Most recent date on which the sources of a record were consulted (YYYY-MM-DD).'
		),
		source: z.string().describe('Site that publishes the data.'),
		partners: z.array(partnerExportSchema).describe('Every partner, by English name.'),
	})
	.describe(
		'Partner institutions of École des Mines d’Alès (IMT Mines Alès), published by its Service Pédagogie Internationale.'
	);
export type Dataset = z.infer<typeof datasetSchema>;

/** The JSON Schema of the dataset, generated from the zod schema. */
export function datasetJsonSchema(id: string): Record<string, unknown> {
	return {
		$id: id,
		...z.toJSONSchema(datasetSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
	};
}
