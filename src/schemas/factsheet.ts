import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { describeInput, localizedSchema, provenanceShape, textSchema, urlSchema } from './common';
import { monthDaySchema } from './partner';

/**
 * The school's own factsheet for partner institutions, in the structure of the Erasmus Without
 * Paper Mobility Factsheet API (`factsheet-response/factsheet`, v1.2): one file,
 * `content/factsheet/mines-ales.yaml`. Published as `/data/factsheet.json` and as the page
 * `/fiche-ecole/`. Every element a source does not give is left out (EWP makes several of them
 * mandatory; the published file then says they are to be confirmed).
 * @see https://github.com/erasmus-without-paper/ewp-specs-api-factsheet
 */

/** Where partner offices and students find information on one subject (EWP `InformationEntry`). */
const informationSchema = z.strictObject({
	/** The office contact who answers (a file of `content/contacts/`): its e-mail and phone are used. */
	contact: reference('contacts').optional(),
	/** Web pages with the information (EWP `website-url`). */
	websiteUrls: z.array(urlSchema).optional(),
	/** What the reader should know, in both languages. */
	description: localizedSchema.optional(),
});

const calendarEntrySchema = z.strictObject({
	/** Deadline for the autumn term, `MM-DD`. */
	autumnTerm: monthDaySchema.optional(),
	/** Deadline for the spring term, `MM-DD`. */
	springTerm: monthDaySchema.optional(),
});

const weeksSchema = z
	.int({ error: (issue) => `expected a whole number of weeks, got ${describeInput(issue.input)}` })
	.positive()
	.max(52);

export const factsheetSchema = z.strictObject({
	/** SCHAC identifier of the institution (EWP `hei-id`), when known. */
	heiId: textSchema('a SCHAC identifier such as "example.edu"').optional(),
	/** Name of the institution in both languages. */
	name: localizedSchema,
	/** Deadlines for partners' nominations and students' applications (EWP `calendar`). */
	calendar: z
		.strictObject({
			/** When partners must nominate their students. */
			studentNominations: calendarEntrySchema.optional(),
			/** When nominated students must apply. */
			studentApplications: calendarEntrySchema.optional(),
		})
		.optional(),
	/** How to apply (EWP `application-info`). */
	applicationInfo: informationSchema.optional(),
	/** Documents or conditions required (EWP `additional-requirement`). */
	additionalRequirements: z
		.array(
			z.strictObject({
				/** One of EWP's names (Motivation letter, Transcript of Records, Language certificate, Reference letter, Portfolio, CV, Other document) or another. */
				name: textSchema('a requirement name'),
				/** Details in both languages. */
				details: localizedSchema.optional(),
				/** Web page about it. */
				websiteUrl: urlSchema.optional(),
			})
		)
		.optional(),
	/** Weeks within which the school decides on an application (EWP `decision-weeks-limit`). */
	decisionWeeksLimit: weeksSchema.optional(),
	/** Weeks within which the school issues the Transcript of Records (EWP `tor-weeks-limit`). */
	torWeeksLimit: weeksSchema.optional(),
	/** Support for students with special needs (EWP `accessibility`). */
	accessibility: z
		.array(
			z.strictObject({
				/** `infrastructure` (a building, a room) or `service` (a person, a scheme). */
				type: z.enum(['infrastructure', 'service']),
				/** What it is, in both languages. */
				name: localizedSchema,
				/** Where to find out more. */
				information: informationSchema,
			})
		)
		.optional(),
	/** Housing (EWP `housing-info`). */
	housingInfo: informationSchema.optional(),
	/** Visas (EWP `visa-info`). */
	visaInfo: informationSchema.optional(),
	/** Insurance (EWP `insurance-info`). */
	insuranceInfo: informationSchema.optional(),
	/** Other information (EWP `additional-info`): a type such as "Tuition fees", and the information. */
	additionalInfo: z
		.array(
			z.strictObject({
				/** Type, in English as EWP expects (e.g. "Tuition fees", "Recognition process"). */
				type: textSchema('a type of information'),
				/** The information. */
				info: informationSchema,
			})
		)
		.default([]),
	...provenanceShape,
});
export type FactsheetData = z.infer<typeof factsheetSchema>;
