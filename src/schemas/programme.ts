import { z } from 'astro/zod';
import {
	agreementKindLabels,
	agreementKinds,
	programmeStatusLabels,
	programmeStatuses,
} from '../vocab/agreements.ts';
import {
	choice,
	labelled,
	linkSchema,
	localizedSchema,
	provenanceLabels,
	provenanceShape,
	reference,
	textSchema,
} from './common.ts';
import { expected, oneOf, say } from './messages.ts';

/**
 * A mobility programme or network (Erasmus+, UFA/DFH, BRAFITEC…). One YAML file per programme in
 * `content/programmes/`; partners' agreements reference it, and its page lists those partners.
 */
export const programmeSchema = labelled(
	z
		.strictObject({
			/**
			 * Full name in French and in English.
			 * @fr Le nom complet, en français et en anglais.
			 */
			name: localizedSchema,
			/** Usual abbreviation, e.g. `UFA/DFH`. @fr Le sigle usuel, par exemple UFA/DFH. */
			abbreviation: textSchema({ en: 'an abbreviation', fr: 'un sigle' }).optional(),
			/**
			 * `active`, or `ended` for a programme kept as history.
			 * @fr Actif, ou terminé pour un programme gardé pour mémoire.
			 */
			status: choice(programmeStatuses, programmeStatusLabels, oneOf(programmeStatuses)),
			/**
			 * Year in which the programme ended (required when `status` is `ended`).
			 * @fr L’année où le programme s’est terminé (obligatoire s’il est terminé).
			 */
			endedIn: z
				.int({ error: expected({ en: 'a year such as 2014', fr: 'une année telle que 2014' }) })
				.min(1950)
				.max(2100)
				.optional(),
			/**
			 * One or two sentences shown in lists and at the top of the page.
			 * @fr Une ou deux phrases, affichées dans les listes et en haut de la page.
			 */
			summary: localizedSchema,
			/**
			 * The page's text in Markdown, in both languages.
			 * @fr Le texte de la page, en Markdown, en français et en anglais.
			 */
			body: localizedSchema.optional(),
			/**
			 * For a page that gathers agreements of one kind rather than a programme (the double
			 * degrees): its partners are those with an agreement of this kind, and the finder does not
			 * offer it as a programme (the kind filter does the job).
			 * @fr Pour une page qui regroupe les accords d’un type plutôt qu’un programme (les
			 *   doubles diplômes) : ses partenaires sont ceux qui ont un accord de ce type. Vide pour
			 *   un programme.
			 */
			gathers: choice(agreementKinds, agreementKindLabels, oneOf(agreementKinds)).optional(),
			/**
			 * Contacts at the school for this programme (ids of `content/contacts/`).
			 * @fr Les contacts à l’École pour ce programme.
			 */
			contacts: z
				.array(
					reference('contacts', {
						en: 'the id of a contact such as "head-of-office"',
						fr: 'l’identifiant d’un contact tel que « head-of-office »',
					})
				)
				.default([]),
			/** Official links. @fr Les liens officiels. */
			links: z.array(linkSchema).default([]),
			/**
			 * Order in lists (smaller first).
			 * @fr La place dans les listes (les plus petits nombres d’abord).
			 */
			order: z
				.int({ error: expected({ en: 'a whole number', fr: 'un nombre entier' }) })
				.default(100),
			...provenanceShape,
		})
		.refine((programme) => programme.status !== 'ended' || programme.endedIn !== undefined, {
			path: ['endedIn'],
			error: () =>
				say({
					en: 'expected the year the programme ended, since status is "ended"',
					fr: 'attendu : l’année où le programme s’est terminé, puisque son statut est « ended »',
				}),
		}),
	{
		name: { label: { fr: 'Nom', en: 'Name' } },
		abbreviation: { label: { fr: 'Sigle', en: 'Abbreviation' }, fact: 'public', detail: true },
		status: { label: { fr: 'Statut', en: 'Status' } },
		endedIn: { label: { fr: 'Terminé en', en: 'Ended in' }, fact: 'public', detail: true },
		summary: { label: { fr: 'Résumé', en: 'Summary' } },
		body: {
			label: { fr: 'Texte de la page', en: 'Page text' },
			format: 'markdown',
			fact: 'public',
			detail: true,
		},
		gathers: {
			label: { fr: 'Rassemble les accords de type', en: 'Gathers the agreements of kind' },
			fact: 'office',
			detail: true,
		},
		contacts: { label: { fr: 'Contacts à l’École', en: 'Contacts at the school' }, fact: 'office' },
		links: { label: { fr: 'Liens', en: 'Links' }, fact: 'public', detail: true },
		order: {
			label: { fr: 'Ordre dans les listes', en: 'Order in lists' },
			fact: 'office',
			detail: true,
		},
		...provenanceLabels,
	}
);
export type ProgrammeData = z.infer<typeof programmeSchema>;
