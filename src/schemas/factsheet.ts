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
 * mandatory; the JSON file then says they are to be confirmed, and the EWP XML file,
 * `/data/factsheet.xml`, is not published until they are all given).
 * @see https://github.com/erasmus-without-paper/ewp-specs-api-factsheet
 */

/** Where partner offices and students find information on one subject (EWP `InformationEntry`). */
const informationSchema = labelled(
	z.strictObject({
		/**
		 * The office contact who answers (a file of `content/contacts/`): its e-mail and phone are
		 * used.
		 * @fr Le contact du service qui répond : son adresse électronique et son téléphone sont
		 *   repris.
		 */
		contact: reference('contacts', {
			en: 'the id of a contact such as "head-of-office"',
			fr: 'l’identifiant d’un contact tel que « head-of-office »',
		}).optional(),
		/**
		 * Web pages with the information (EWP `website-url`), each with what it is in both
		 * languages.
		 * @fr Les pages web qui donnent l’information, chacune avec son libellé en français et en
		 *   anglais.
		 */
		websites: z.array(linkSchema).optional(),
		/**
		 * What the reader should know, in both languages.
		 * @fr Ce que le lecteur doit savoir, en français et en anglais.
		 */
		description: localizedSchema.optional(),
	}),
	{
		contact: { label: { fr: 'Contact', en: 'Contact' }, fact: 'office', detail: true },
		websites: { label: { fr: 'Pages web', en: 'Web pages' }, fact: 'office', detail: true },
		description: {
			label: { fr: 'Description', en: 'Description' },
			fact: 'office',
			detail: true,
		},
	}
);

const weeksSchema = z
	.int({ error: expected({ en: 'a whole number of weeks', fr: 'un nombre entier de semaines' }) })
	.positive()
	.max(52);

export const factsheetSchema = labelled(
	z.strictObject({
		/**
		 * SCHAC identifier of the institution (EWP `hei-id`), when known; required, with the
		 * calendar, the weeks limits and the contacts, for `/data/factsheet.xml` to be published.
		 * @fr L’identifiant SCHAC de l’École (utilisé par Erasmus Without Paper), s’il est connu ;
		 *   nécessaire, avec le calendrier, les délais et les contacts, à la publication de la fiche
		 *   EWP (/data/factsheet.xml).
		 */
		heiId: textSchema({
			en: 'a SCHAC identifier such as "example.edu"',
			fr: 'un identifiant SCHAC tel que « example.edu »',
		}).optional(),
		/**
		 * Name of the institution in both languages.
		 * @fr Le nom de l’établissement, en français et en anglais.
		 */
		name: localizedSchema,
		/**
		 * Deadlines for partners' nominations and students' applications (EWP `calendar`).
		 * @fr Les dates limites de nomination par les partenaires et de candidature des étudiants.
		 */
		calendar: labelled(
			z.strictObject({
				/**
				 * When partners must nominate their students.
				 * @fr Quand les partenaires doivent nommer leurs étudiants.
				 */
				studentNominations: calendarEntrySchema.optional(),
				/**
				 * When nominated students must apply.
				 * @fr Quand les étudiants nommés doivent déposer leur candidature.
				 */
				studentApplications: calendarEntrySchema.optional(),
			}),
			{
				studentNominations: {
					label: { fr: 'Nominations', en: 'Nominations' },
					fact: 'office',
					detail: true,
				},
				studentApplications: {
					label: { fr: 'Candidatures', en: 'Applications' },
					fact: 'office',
					detail: true,
				},
			}
		).optional(),
		/** How to apply (EWP `application-info`). @fr Comment candidater. */
		applicationInfo: informationSchema.optional(),
		/**
		 * Documents or conditions required (EWP `additional-requirement`).
		 * @fr Les pièces ou conditions demandées aux candidats.
		 */
		additionalRequirements: z
			.array(
				labelled(
					z.strictObject({
						/**
						 * One of EWP's names (Motivation letter, Transcript of Records, Language
						 * certificate, Reference letter, Portfolio, CV, Other document) or another.
						 * @fr L’un des noms d’Erasmus Without Paper (Motivation letter, Transcript
						 *   of Records, Language certificate, Reference letter, Portfolio, CV, Other
						 *   document) ou un autre.
						 */
						name: textSchema({ en: 'a requirement name', fr: 'le nom d’une pièce demandée' }),
						/**
						 * Details in both languages.
						 * @fr Les précisions, en français et en anglais.
						 */
						details: localizedSchema.optional(),
						/** Web page about it. @fr La page web qui en parle. */
						websiteUrl: urlSchema.optional(),
					}),
					{
						name: { label: { fr: 'Pièce ou condition (nom EWP)', en: 'Requirement (EWP name)' } },
						details: { label: { fr: 'Précisions', en: 'Details' }, fact: 'office', detail: true },
						websiteUrl: { label: { fr: 'Page web', en: 'Web page' }, fact: 'office', detail: true },
					}
				)
			)
			.optional(),
		/**
		 * Weeks within which the school decides on an application (EWP `decision-weeks-limit`).
		 * @fr Le nombre de semaines dans lequel l’École répond à une candidature.
		 */
		decisionWeeksLimit: weeksSchema.optional(),
		/**
		 * Weeks within which the school issues the Transcript of Records (EWP `tor-weeks-limit`).
		 * @fr Le nombre de semaines dans lequel l’École délivre le relevé de notes (Transcript of
		 *   Records).
		 */
		torWeeksLimit: weeksSchema.optional(),
		/**
		 * Support for students with special needs (EWP `accessibility`).
		 * @fr L’accompagnement des étudiants à besoins particuliers.
		 */
		accessibility: z
			.array(
				labelled(
					z.strictObject({
						/**
						 * `infrastructure` (a building, a room) or `service` (a person, a scheme).
						 * @fr Un équipement (un bâtiment, une salle) ou un service (une personne,
						 *   un dispositif).
						 */
						type: choice(
							['infrastructure', 'service'],
							{
								infrastructure: { fr: 'Équipement (bâtiment, salle)', en: 'Infrastructure' },
								service: { fr: 'Service (personne, dispositif)', en: 'Service' },
							},
							oneOf(['infrastructure', 'service'])
						),
						/**
						 * What it is, in both languages.
						 * @fr Ce que c’est, en français et en anglais.
						 */
						name: localizedSchema,
						/** Where to find out more. @fr Où en savoir plus. */
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
		/** Housing (EWP `housing-info`). @fr Le logement. */
		housingInfo: informationSchema.optional(),
		/** Visas (EWP `visa-info`). @fr Les visas. */
		visaInfo: informationSchema.optional(),
		/** Insurance (EWP `insurance-info`). @fr L’assurance. */
		insuranceInfo: informationSchema.optional(),
		/**
		 * Other information (EWP `additional-info`): a type such as "Tuition fees", and the
		 * information.
		 * @fr Les autres informations : un type (par exemple « Tuition fees ») et l’information.
		 */
		additionalInfo: z
			.array(
				labelled(
					z.strictObject({
						/**
						 * Type, in English as EWP expects (e.g. "Tuition fees", "Recognition
						 * process").
						 * @fr Le type, en anglais comme le demande Erasmus Without Paper (Tuition
						 *   fees, Recognition process).
						 */
						type: textSchema({ en: 'a type of information', fr: 'un type d’information' }),
						/**
						 * The heading readers see, in both languages (`Frais de scolarité`).
						 * @fr Le titre que voient les lecteurs, en français et en anglais (Frais de
						 *   scolarité).
						 */
						title: localizedSchema,
						/** The information. @fr L’information. */
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
		heiId: { label: { fr: 'Identifiant SCHAC', en: 'SCHAC identifier' }, fact: 'office' },
		name: { label: { fr: 'Nom', en: 'Name' } },
		calendar: { label: { fr: 'Calendrier', en: 'Calendar' }, fact: 'office' },
		applicationInfo: { label: { fr: 'Candidature', en: 'Application' }, fact: 'office' },
		additionalRequirements: {
			label: { fr: 'Pièces et conditions demandées', en: 'Additional requirements' },
			fact: 'office',
		},
		decisionWeeksLimit: {
			label: { fr: 'Délai de décision (semaines)', en: 'Decision within (weeks)' },
			fact: 'office',
		},
		torWeeksLimit: {
			label: { fr: 'Délai du relevé de notes (semaines)', en: 'Transcript within (weeks)' },
			fact: 'office',
		},
		accessibility: { label: { fr: 'Accessibilité', en: 'Accessibility' }, fact: 'office' },
		housingInfo: { label: { fr: 'Logement', en: 'Housing' }, fact: 'office' },
		visaInfo: { label: { fr: 'Visa', en: 'Visa' }, fact: 'office' },
		insuranceInfo: { label: { fr: 'Assurance', en: 'Insurance' }, fact: 'office' },
		additionalInfo: {
			label: { fr: 'Autres informations', en: 'Additional information' },
			fact: 'office',
			detail: true,
		},
		...provenanceLabels,
	}
);
export type FactsheetData = z.infer<typeof factsheetSchema>;
