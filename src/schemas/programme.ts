import { z } from 'astro/zod';
import {
	agreementKindLabels,
	agreementKinds,
	programmeStatusLabels,
	programmeStatuses,
} from '../vocab/agreements.ts';
import {
	choice,
	field,
	linkSchema,
	localizedSchema,
	provenanceShape,
	reference,
	textSchema,
} from './common.ts';
import { expected, oneOf, say } from './messages.ts';

/**
 * A mobility programme or network (Erasmus+, UFA/DFH, BRAFITEC…). One YAML file per programme in
 * `content/programmes/`; partners' agreements reference it, and its page lists those partners.
 */
export const programmeSchema = z
	.strictObject({
		name: field(localizedSchema, {
			label: { fr: 'Nom', en: 'Name' },
			hint: 'Le nom complet, en français et en anglais.',
			description: 'Full name in French and in English.',
		}),
		abbreviation: field(textSchema({ en: 'an abbreviation', fr: 'un sigle' }).optional(), {
			label: { fr: 'Sigle', en: 'Abbreviation' },
			fact: 'public',
			detail: true,
			hint: 'Le sigle usuel, par exemple UFA/DFH.',
			description: 'Usual abbreviation, e.g. `UFA/DFH`.',
		}),
		status: field(choice(programmeStatuses, programmeStatusLabels, oneOf(programmeStatuses)), {
			label: { fr: 'Statut', en: 'Status' },
			hint: 'Actif, ou terminé pour un programme gardé pour mémoire.',
			description: '`active`, or `ended` for a programme kept as history.',
		}),
		endedIn: field(
			z
				.int({ error: expected({ en: 'a year such as 2014', fr: 'une année telle que 2014' }) })
				.min(1950)
				.max(2100)
				.optional(),
			{
				label: { fr: 'Terminé en', en: 'Ended in' },
				fact: 'public',
				detail: true,
				hint: 'L’année où le programme s’est terminé (obligatoire s’il est terminé).',
				description: 'Year in which the programme ended (required when `status` is `ended`).',
			}
		),
		summary: field(localizedSchema, {
			label: { fr: 'Résumé', en: 'Summary' },
			hint: 'Une ou deux phrases, affichées dans les listes et en haut de la page.',
			description: 'One or two sentences shown in lists and at the top of the page.',
		}),
		body: field(localizedSchema.optional(), {
			label: { fr: 'Texte de la page', en: 'Page text' },
			format: 'markdown',
			fact: 'public',
			detail: true,
			hint: 'Le texte de la page, en Markdown, en français et en anglais.',
			description: "The page's text in Markdown, in both languages.",
		}),
		gathers: field(choice(agreementKinds, agreementKindLabels, oneOf(agreementKinds)).optional(), {
			label: { fr: 'Rassemble les accords de type', en: 'Gathers the agreements of kind' },
			fact: 'office',
			detail: true,
			hint: 'Pour une page qui regroupe les accords d’un type plutôt qu’un programme (les doubles diplômes) : ses partenaires sont ceux qui ont un accord de ce type. Vide pour un programme.',
			description:
				'For a page that gathers agreements of one kind rather than a programme (the double degrees): its partners are those with an agreement of this kind, and the finder does not offer it as a programme (the kind filter does the job).',
		}),
		contacts: field(
			z
				.array(
					reference('contacts', {
						en: 'the id of a contact such as "head-of-office"',
						fr: 'l’identifiant d’un contact tel que « head-of-office »',
					})
				)
				.default([]),
			{
				label: { fr: 'Contacts à l’École', en: 'Contacts at the school' },
				fact: 'office',
				hint: 'Les contacts à l’École pour ce programme.',
				description: 'Contacts at the school for this programme (ids of `content/contacts/`).',
			}
		),
		links: field(z.array(linkSchema).default([]), {
			label: { fr: 'Liens', en: 'Links' },
			fact: 'public',
			detail: true,
			hint: 'Les liens officiels.',
			description: 'Official links.',
		}),
		order: field(
			z.int({ error: expected({ en: 'a whole number', fr: 'un nombre entier' }) }).default(100),
			{
				label: { fr: 'Ordre dans les listes', en: 'Order in lists' },
				fact: 'office',
				detail: true,
				hint: 'La place dans les listes (les plus petits nombres d’abord).',
				description: 'Order in lists (smaller first).',
			}
		),
		...provenanceShape,
	})
	.refine((programme) => programme.status !== 'ended' || programme.endedIn !== undefined, {
		path: ['endedIn'],
		error: () =>
			say({
				en: 'expected the year the programme ended, since status is "ended"',
				fr: 'attendu : l’année où le programme s’est terminé, puisque son statut est « ended »',
			}),
	});
export type ProgrammeData = z.infer<typeof programmeSchema>;
