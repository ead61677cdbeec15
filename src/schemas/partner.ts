import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { iscedCodes } from '../lib/isced';
import { cefrLevels, eqfLevels, isLanguageCode } from '../lib/levels';
import {
	describeInput,
	emailSchema,
	enumError,
	localizedSchema,
	phoneSchema,
	provenanceShape,
	textSchema,
	urlSchema,
} from './common';

/**
 * Partner fact sheets. One YAML file per partner institution in `content/partners/`; the file
 * name is the partner's id and its URL (`kagawa.yaml` → `/partenaires/kagawa/`).
 *
 * Field names follow the Erasmus Without Paper (EWP) specifications where they exist, in
 * camelCase: Institutions API (`name`, `abbreviation`, `website-url`, `course-catalogue-url`,
 * `other-id type="erasmus"`), Mobility Factsheet API (`calendar/student-nominations`,
 * `housing-info`…) and IIAs API (`mobilities-per-year`, `recommended-language-skill`,
 * `subject-area/isced-f-code`, `eqf-level`, `receiving-first-academic-year-id`…).
 *
 * Every fact that a source may not give is optional: an unknown fact is left out, and the page
 * says it is to be confirmed with the office.
 */

/** Kinds of mobility an agreement covers. */
export const agreementKinds = ['study', 'internship', 'double-degree', 'staff'] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** Status of the partnership. */
export const partnerStatuses = ['active', 'suspended', 'ended'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

/**
 * A day of the year written `MM-DD` (EWP `xs:gMonthDay`, written `--MM-DD` there), for deadlines
 * that recur every year.
 */
export const monthDaySchema = z
	.string({
		error: (issue) =>
			`expected a day of the year written "MM-DD" (e.g. "04-15"), got ${describeInput(issue.input)}`,
	})
	.refine(
		(value) => {
			const match = /^(\d{2})-(\d{2})$/.exec(value);
			if (!match) return false;
			const [month, day] = [Number(match[1]), Number(match[2])];
			// 2024 is a leap year, so 02-29 is allowed.
			const date = new Date(Date.UTC(2024, month - 1, day));
			return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
		},
		{
			error: (issue) =>
				`expected a day of the year written "MM-DD" (e.g. "04-15"), got ${describeInput(issue.input)}`,
		}
	);

/** An academic year written `2025/2026` (EWP `academic-year-id`). */
export const academicYearSchema = z
	.string({
		error: (issue) =>
			`expected an academic year such as "2025/2026", got ${describeInput(issue.input)}`,
	})
	.refine(
		(value) => {
			const match = /^(\d{4})\/(\d{4})$/.exec(value);
			return match !== null && Number(match[2]) === Number(match[1]) + 1;
		},
		{
			error: (issue) =>
				`expected an academic year such as "2025/2026" (two consecutive years), got ${describeInput(issue.input)}`,
		}
	);

/** Autumn and spring deadlines of one kind (EWP `CalendarEntry`). */
const calendarEntrySchema = z.strictObject({
	/** Deadline for the autumn term (first semester), `MM-DD`. */
	autumnTerm: monthDaySchema.optional(),
	/** Deadline for the spring term (second semester), `MM-DD`. */
	springTerm: monthDaySchema.optional(),
});

/** Where to find information on one subject (EWP `InformationEntry`); every part is optional. */
const informationEntrySchema = z.strictObject({
	/** Web page with the information. */
	websiteUrl: urlSchema.optional(),
	/** E-mail address to write to. */
	email: emailSchema.optional(),
	/** Phone number in E.164 form. */
	phoneNumber: phoneSchema.optional(),
});

/** A required language skill (EWP `recommended-language-skill`). */
const languageSkillSchema = z.strictObject({
	/** ISO 639-1 code of the language, e.g. `en`, `pt`, `ja`. */
	language: z
		.string({
			error: (issue) =>
				`expected a two-letter ISO 639-1 language code such as "en", got ${describeInput(issue.input)}`,
		})
		.refine(isLanguageCode, {
			error: (issue) =>
				`expected a two-letter ISO 639-1 language code such as "en", got ${describeInput(issue.input)}`,
		}),
	/** Minimum CEFR level required, from `A1` to `C2`. */
	cefr: z.enum(cefrLevels, {
		error: (issue) => `expected one of A1…C2, got ${describeInput(issue.input)}`,
	}),
});

/** A field of study (EWP `subject-area`). */
const subjectAreaSchema = z.strictObject({
	/** ISCED-F 2013 code: a broad (2 digits), narrow (3) or detailed (4) field, listed in `src/lib/isced.ts`. */
	iscedFCode: z.enum(iscedCodes, {
		error: (issue) =>
			`expected an ISCED-F code listed in src/lib/isced.ts such as "07" or "0713", got ${describeInput(issue.input)}`,
	}),
	/** What the field covers in this agreement, when the code alone is too broad (EWP `isced-clarification`). */
	clarification: localizedSchema.optional(),
});

/** One agreement with the partner (one cooperation condition of an EWP inter-institutional agreement). */
export const agreementSchema = z.strictObject({
	/** What the agreement allows: study exchange, internship, double degree or staff mobility. */
	kind: z.enum(agreementKinds, { error: enumError(agreementKinds) }),
	/** The programme that frames or funds it (a file of `content/programmes/`), when known. */
	programme: reference('programmes').optional(),
	/** Fields of study covered (ISCED-F). */
	subjectAreas: z.array(subjectAreaSchema).optional(),
	/** Levels of study (EQF): 6 bachelor's, 7 master's / engineering degree, 8 doctorate. */
	eqfLevels: z
		.array(
			z.union(
				eqfLevels.map((level) => z.literal(level)),
				{ error: enumError(eqfLevels) }
			)
		)
		.optional(),
	/** Number of students who may go each year (EWP `mobilities-per-year`). */
	mobilitiesPerYear: z
		.int({
			error: (issue) => `expected a whole number of places, got ${describeInput(issue.input)}`,
		})
		.positive({ error: 'expected a positive number of places' })
		.optional(),
	/** Length of one mobility in months. */
	monthsPerMobility: z
		.number({ error: (issue) => `expected a number of months, got ${describeInput(issue.input)}` })
		.positive({ error: 'expected a positive number of months' })
		.max(60, { error: 'expected at most 60 months' })
		.optional(),
	/** Languages of instruction at the partner for this agreement (ISO 639-1 codes). */
	instructionLanguages: z.array(languageSkillSchema.shape.language).optional(),
	/** Language skills required (EWP `recommended-language-skill`). */
	languages: z.array(languageSkillSchema).optional(),
	/** First academic year of the agreement (EWP `receiving-first-academic-year-id`). */
	firstAcademicYear: academicYearSchema.optional(),
	/** Last academic year of the agreement (EWP `receiving-last-academic-year-id`). */
	lastAcademicYear: academicYearSchema.optional(),
	/** Anything else the sources say about this agreement, in both languages. */
	notes: localizedSchema.optional(),
});
export type AgreementData = z.infer<typeof agreementSchema>;

/** A contact person or office at the partner (EWP `Contact`). */
const partnerContactSchema = z.strictObject({
	/** Name of the person or of the office. */
	name: textSchema('a name'),
	/** What they do, in both languages (EWP `role-description`). */
	role: localizedSchema.optional(),
	/** E-mail address. */
	email: emailSchema.optional(),
	/** Phone number in E.164 form. */
	phoneNumber: phoneSchema.optional(),
});

/** A partner institution, before cross-field checks (extended by the export schema). */
export const partnerObjectSchema = z.strictObject({
	/** Official name (EWP `name`, multilingual). */
	name: z.strictObject({
		/** Name in the institution's own language and script. */
		native: textSchema('the name in the native language'),
		/** Name in English. */
		en: textSchema('the English name'),
		/** Name in French, when a source gives one. */
		fr: textSchema('the French name').optional(),
	}),
	/** Usual abbreviation (EWP `abbreviation`), e.g. `IFSul`. */
	abbreviation: textSchema('an abbreviation').optional(),
	/** Country: the id of a file in `content/countries/` (ISO 3166-1 alpha-2 code, lower case). */
	country: reference('countries'),
	/** City of the campus the agreement concerns. */
	city: textSchema('a city').optional(),
	/** Position of the campus on the map. Without it the map places the partner at its country. */
	coordinates: z
		.strictObject({
			/** Latitude in degrees (-90 to 90). */
			lat: z.number().min(-90).max(90),
			/** Longitude in degrees (-180 to 180). */
			lon: z.number().min(-180).max(180),
		})
		.optional(),
	/** Institution's website (EWP `website-url`). */
	websiteUrl: urlSchema.optional(),
	/** Course catalogue (EWP `course-catalogue-url`). */
	courseCatalogueUrl: urlSchema.optional(),
	/**
	 * Erasmus code (EWP `other-id type="erasmus"`), e.g. `D  BERLIN01`: a country prefix of 1 to
	 * 3 letters padded with spaces to 3 characters, the city and a two-digit number.
	 */
	erasmusCode: z
		.string()
		.regex(/^(?:[A-Z] {2}|[A-Z]{2} |[A-Z]{3})[A-Z][A-Z-]*\d{2,3}$/, {
			error: (issue) =>
				`expected an Erasmus code such as "D  BERLIN01" or "IRLDUBLIN02", got ${describeInput(issue.input)}`,
		})
		.optional(),
	/** Agreements with the partner. */
	agreements: z.array(agreementSchema).default([]),
	/** Deadlines for incoming students' nominations and applications (EWP factsheet `calendar`). */
	calendar: z
		.strictObject({
			/** When the sending school must nominate its students. */
			studentNominations: calendarEntrySchema.optional(),
			/** When nominated students must apply. */
			studentApplications: calendarEntrySchema.optional(),
		})
		.optional(),
	/** Contacts at the partner. */
	contacts: z.array(partnerContactSchema).optional(),
	/** Where incoming students find housing information (EWP `housing-info`). */
	housingInfo: informationEntrySchema.optional(),
	/** Where to find visa information (EWP `visa-info`). */
	visaInfo: informationEntrySchema.optional(),
	/** Where to find insurance information (EWP `insurance-info`). */
	insuranceInfo: informationEntrySchema.optional(),
	/** A short presentation of the partnership, in French and in English. */
	summary: localizedSchema,
	/** Status of the partnership. Absent when no current source confirms it. */
	status: z.enum(partnerStatuses, { error: enumError(partnerStatuses) }).optional(),
	...provenanceShape,
});

/** A partner institution. */
export const partnerSchema = partnerObjectSchema.superRefine((partner, context) => {
	partner.agreements.forEach((agreement, index) => {
		if (
			agreement.firstAcademicYear &&
			agreement.lastAcademicYear &&
			agreement.firstAcademicYear > agreement.lastAcademicYear
		) {
			context.addIssue({
				code: 'custom',
				path: ['agreements', index, 'lastAcademicYear'],
				message: `expected an academic year not before firstAcademicYear (${agreement.firstAcademicYear}), got "${agreement.lastAcademicYear}"`,
			});
		}
	});
});
export type PartnerData = z.infer<typeof partnerSchema>;
