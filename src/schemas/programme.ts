import { z } from 'astro/zod';
import { reference } from 'astro:content';
import {
	describeInput,
	enumError,
	linkSchema,
	localizedSchema,
	provenanceShape,
	textSchema,
} from './common';

/** Whether a programme still runs. */
export const programmeStatuses = ['active', 'ended'] as const;

/**
 * A mobility programme or network (Erasmus+, UFA/DFH, BRAFITEC…). One YAML file per programme in
 * `content/programmes/`; partners' agreements reference it, and its page lists those partners.
 */
export const programmeSchema = z
	.strictObject({
		/** Full name in French and in English. */
		name: localizedSchema,
		/** Usual abbreviation, e.g. `UFA/DFH`. */
		abbreviation: textSchema('an abbreviation').optional(),
		/** `active`, or `ended` for a programme kept as history. */
		status: z.enum(programmeStatuses, { error: enumError(programmeStatuses) }),
		/** Year in which the programme ended (required when `status` is `ended`). */
		endedIn: z
			.int({ error: (issue) => `expected a year such as 2014, got ${describeInput(issue.input)}` })
			.min(1950)
			.max(2100)
			.optional(),
		/** One or two sentences shown in lists and at the top of the page. */
		summary: localizedSchema,
		/** The page's text in Markdown, in both languages. */
		body: localizedSchema.optional(),
		/** Contacts at the school for this programme (ids of `content/contacts/`). */
		contacts: z.array(reference('contacts')).default([]),
		/** Official links. */
		links: z.array(linkSchema).default([]),
		/** Order in lists (smaller first). */
		order: z.int().default(100),
		...provenanceShape,
	})
	.refine((programme) => programme.status !== 'ended' || programme.endedIn !== undefined, {
		path: ['endedIn'],
		error: 'expected the year the programme ended, since status is "ended"',
	});
export type ProgrammeData = z.infer<typeof programmeSchema>;
