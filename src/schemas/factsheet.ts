import { z } from 'astro/zod';
import {
	choice,
	labelled,
	linkSchema,
	localizedSchema,
	provenanceLabels,
	provenanceShape,
	reference,
	textSchema,
	urlSchema,
} from './common.ts';
import { expected, oneOf } from './messages.ts';
import { calendarEntrySchema } from './partner.ts';

/**
 * The school's own factsheet for partner institutions, in the structure of the Erasmus Without
 * Paper Mobility Factsheet API (`factsheet-response/factsheet`, v1.2): one file,
 * `content/factsheet/mines-ales.yaml`. Published as `/data/factsheet.json` and as the page
 * `/fiche-ecole/`. Every element a source does not give is left out (EWP makes several of them
 * mandatory; the published file then says they are to be confirmed).
 * @see https://github.com/erasmus-without-paper/ewp-specs-api-factsheet
 */

/** Where partner offices and students find information on one subject (EWP `InformationEntry`). */
const informationSchema = labelled(
	z.strictObject({
		/** The office contact who answers (a file of `content/contacts/`): its e-mail and phone are used. */
		contact: reference('contacts', {
			en: 'the id of a contact such as "head-of-office"',
			fr: 'l’identifiant d’un contact tel que « head-of-office »',
		}).optional(),
		/** Web pages with the information (EWP `website-url`), each with what it is in both languages. */
		websites: z.array(linkSchema).optional(),
		/** What the reader should know, in both languages. */
		description: localizedSchema.optional(),
	}),
	{
		contact: { label: { fr: 'Contact', en: 'Contact' } },
		websites: { label: { fr: 'Pages web', en: 'Web pages' } },
		description: { label: { fr: 'Description', en: 'Description' } },
	}
);

const weeksSchema = z
	.int({ error: expected({ en: 'a whole number of weeks', fr: 'un nombre entier de semaines' }) })
	.positive()
	.max(52);

export const factsheetSchema = labelled(
	z.strictObject({
		/** SCHAC identifier of the institution (EWP `hei-id`), when known. */
		heiId: textSchema({
			en: 'a SCHAC identifier such as "example.edu"',
			fr: 'un identifiant SCHAC tel que « example.edu »',
		}).optional(),
		/** Name of the institution in both languages. */
		name: localizedSchema,
		/** Deadlines for partners' nominations and students' applications (EWP `calendar`). */
		calendar: labelled(
			z.strictObject({
				/** When partners must nominate their students. */
				studentNominations: calendarEntrySchema.optional(),
				/** When nominated students must apply. */
				studentApplications: calendarEntrySchema.optional(),
			}),
			{
				studentNominations: { label: { fr: 'Nominations', en: 'Nominations' } },
				studentApplications: { label: { fr: 'Candidatures', en: 'Applications' } },
			}
		).optional(),
		/** How to apply (EWP `application-info`). */
		applicationInfo: informationSchema.optional(),
		/** Documents or conditions required (EWP `additional-requirement`). */
		additionalRequirements: z
			.array(
				labelled(
					z.strictObject({
						/** One of EWP's names (Motivation letter, Transcript of Records, Language certificate, Reference letter, Portfolio, CV, Other document) or another. */
						name: textSchema({ en: 'a requirement name', fr: 'le nom d’une pièce demandée' }),
						/** Details in both languages. */
						details: localizedSchema.optional(),
						/** Web page about it. */
						websiteUrl: urlSchema.optional(),
					}),
					{
						name: { label: { fr: 'Pièce ou condition (nom EWP)', en: 'Requirement (EWP name)' } },
						details: { label: { fr: 'Précisions', en: 'Details' } },
						websiteUrl: { label: { fr: 'Page web', en: 'Web page' } },
					}
				)
			)
			.optional(),
		/** Weeks within which the school decides on an application (EWP `decision-weeks-limit`). */
		decisionWeeksLimit: weeksSchema.optional(),
		/** Weeks within which the school issues the Transcript of Records (EWP `tor-weeks-limit`). */
		torWeeksLimit: weeksSchema.optional(),
		/** Support for students with special needs (EWP `accessibility`). */
		accessibility: z
			.array(
				labelled(
					z.strictObject({
						/** `infrastructure` (a building, a room) or `service` (a person, a scheme). */
						type: choice(
							['infrastructure', 'service'],
							{
								infrastructure: { fr: 'Équipement (bâtiment, salle)', en: 'Infrastructure' },
								service: { fr: 'Service (personne, dispositif)', en: 'Service' },
							},
							oneOf(['infrastructure', 'service'])
						),
						/** What it is, in both languages. */
						name: localizedSchema,
						/** Where to find out more. */
						information: informationSchema,
					}),
					{
						type: { label: { fr: 'Type', en: 'Type' } },
						name: { label: { fr: 'Nom', en: 'Name' } },
						information: { label: { fr: 'Informations', en: 'Information' } },
					}
				)
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
				labelled(
					z.strictObject({
						/** Type, in English as EWP expects (e.g. "Tuition fees", "Recognition process"). */
						type: textSchema({ en: 'a type of information', fr: 'un type d’information' }),
						/** The heading readers see, in both languages (`Frais de scolarité`). */
						title: localizedSchema,
						/** The information. */
						info: informationSchema,
					}),
					{
						type: { label: { fr: 'Type (en anglais, nom EWP)', en: 'Type (EWP name)' } },
						title: { label: { fr: 'Titre affiché', en: 'Heading' } },
						info: { label: { fr: 'Informations', en: 'Information' } },
					}
				)
			)
			.default([]),
		...provenanceShape,
	}),
	{
		heiId: { label: { fr: 'Identifiant SCHAC', en: 'SCHAC identifier' }, todo: true },
		name: { label: { fr: 'Nom', en: 'Name' } },
		calendar: { label: { fr: 'Calendrier', en: 'Calendar' }, todo: true },
		applicationInfo: { label: { fr: 'Candidature', en: 'Application' }, todo: true },
		additionalRequirements: {
			label: { fr: 'Pièces et conditions demandées', en: 'Additional requirements' },
			todo: true,
		},
		decisionWeeksLimit: {
			label: { fr: 'Délai de décision (semaines)', en: 'Decision within (weeks)' },
			todo: true,
		},
		torWeeksLimit: {
			label: { fr: 'Délai du relevé de notes (semaines)', en: 'Transcript within (weeks)' },
			todo: true,
		},
		accessibility: { label: { fr: 'Accessibilité', en: 'Accessibility' }, todo: true },
		housingInfo: { label: { fr: 'Logement', en: 'Housing' }, todo: true },
		visaInfo: { label: { fr: 'Visa', en: 'Visa' }, todo: true },
		insuranceInfo: { label: { fr: 'Assurance', en: 'Insurance' }, todo: true },
		additionalInfo: { label: { fr: 'Autres informations', en: 'Additional information' } },
		...provenanceLabels,
	}
);
export type FactsheetData = z.infer<typeof factsheetSchema>;
