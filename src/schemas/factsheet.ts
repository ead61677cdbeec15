import { z } from 'astro/zod';
import {
	choice,
	field,
	linkSchema,
	localizedSchema,
	provenanceShape,
	reference,
	textSchema,
	urlSchema,
} from './common.ts';
import { expected, oneOf } from './messages.ts';
import { calendarSchema } from './partner.ts';

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
const informationSchema = z.strictObject({
	contact: field(
		reference('contacts', {
			en: 'the id of a contact such as "head-of-office"',
			fr: 'l’identifiant d’un contact tel que « head-of-office »',
		}).optional(),
		{
			label: { fr: 'Contact', en: 'Contact' },
			fact: 'office',
			detail: true,
			hint: 'Le contact du service qui répond : son adresse électronique et son téléphone sont repris.',
			description:
				'The office contact who answers (a file of `content/contacts/`): its e-mail and phone are used.',
		}
	),
	websites: field(z.array(linkSchema).optional(), {
		label: { fr: 'Pages web', en: 'Web pages' },
		fact: 'office',
		detail: true,
		hint: 'Les pages web qui donnent l’information, chacune avec son libellé en français et en anglais.',
		description:
			'Web pages with the information (EWP `website-url`), each with what it is in both languages.',
	}),
	description: field(localizedSchema.optional(), {
		label: { fr: 'Description', en: 'Description' },
		fact: 'office',
		detail: true,
		hint: 'Ce que le lecteur doit savoir, en français et en anglais.',
		description: 'What the reader should know, in both languages.',
	}),
});

const weeksSchema = z
	.int({ error: expected({ en: 'a whole number of weeks', fr: 'un nombre entier de semaines' }) })
	.positive()
	.max(52);

export const factsheetSchema = z.strictObject({
	heiId: field(
		textSchema({
			en: 'a SCHAC identifier such as "example.edu"',
			fr: 'un identifiant SCHAC tel que « example.edu »',
		}).optional(),
		{
			label: { fr: 'Identifiant SCHAC', en: 'SCHAC identifier' },
			fact: 'office',
			hint: 'L’identifiant SCHAC de l’École (utilisé par Erasmus Without Paper), s’il est connu ; nécessaire, avec le calendrier, les délais et les contacts, à la publication de la fiche EWP (/data/factsheet.xml).',
			description:
				'SCHAC identifier of the institution (EWP `hei-id`), when known; required, with the calendar, the weeks limits and the contacts, for `/data/factsheet.xml` to be published.',
		}
	),
	name: field(localizedSchema, {
		label: { fr: 'Nom', en: 'Name' },
		hint: 'Le nom de l’établissement, en français et en anglais.',
		description: 'Name of the institution in both languages.',
	}),
	calendar: field(
		calendarSchema('office', {
			nominations: {
				hint: 'Quand les partenaires doivent nommer leurs étudiants.',
				description: 'When partners must nominate their students.',
			},
			applications: {
				hint: 'Quand les étudiants nommés doivent déposer leur candidature.',
				description: 'When nominated students must apply.',
			},
		}).optional(),
		{
			label: { fr: 'Calendrier', en: 'Calendar' },
			fact: 'office',
			hint: 'Les dates limites de nomination par les partenaires et de candidature des étudiants.',
			description:
				"Deadlines for partners' nominations and students' applications (EWP `calendar`).",
		}
	),
	applicationInfo: field(informationSchema.optional(), {
		label: { fr: 'Candidature', en: 'Application' },
		fact: 'office',
		hint: 'Comment candidater.',
		description: 'How to apply (EWP `application-info`).',
	}),
	additionalRequirements: field(
		z
			.array(
				z.strictObject({
					name: field(textSchema({ en: 'a requirement name', fr: 'le nom d’une pièce demandée' }), {
						label: { fr: 'Pièce ou condition (nom EWP)', en: 'Requirement (EWP name)' },
						hint: 'L’un des noms d’Erasmus Without Paper (Motivation letter, Transcript of Records, Language certificate, Reference letter, Portfolio, CV, Other document) ou un autre.',
						description:
							"One of EWP's names (Motivation letter, Transcript of Records, Language certificate, Reference letter, Portfolio, CV, Other document) or another.",
					}),
					details: field(localizedSchema.optional(), {
						label: { fr: 'Précisions', en: 'Details' },
						fact: 'office',
						detail: true,
						hint: 'Les précisions, en français et en anglais.',
						description: 'Details in both languages.',
					}),
					websiteUrl: field(urlSchema.optional(), {
						label: { fr: 'Page web', en: 'Web page' },
						fact: 'office',
						detail: true,
						hint: 'La page web qui en parle.',
						description: 'Web page about it.',
					}),
				})
			)
			.optional(),
		{
			label: { fr: 'Pièces et conditions demandées', en: 'Required documents and conditions' },
			fact: 'office',
			hint: 'Les pièces ou conditions demandées aux candidats.',
			description: 'Documents or conditions required (EWP `additional-requirement`).',
		}
	),
	decisionWeeksLimit: field(weeksSchema.optional(), {
		label: { fr: 'Délai de décision (semaines)', en: 'Decision within (weeks)' },
		fact: 'office',
		hint: 'Le nombre de semaines dans lequel l’École répond à une candidature.',
		description:
			'Weeks within which the school decides on an application (EWP `decision-weeks-limit`).',
	}),
	torWeeksLimit: field(weeksSchema.optional(), {
		label: { fr: 'Délai du relevé de notes (semaines)', en: 'Transcript within (weeks)' },
		fact: 'office',
		hint: 'Le nombre de semaines dans lequel l’École délivre le relevé de notes (Transcript of Records).',
		description:
			'Weeks within which the school issues the Transcript of Records (EWP `tor-weeks-limit`).',
	}),
	accessibility: field(
		z
			.array(
				z.strictObject({
					type: field(
						choice(
							['infrastructure', 'service'],
							{
								infrastructure: { fr: 'Équipement (bâtiment, salle)', en: 'Infrastructure' },
								service: { fr: 'Service (personne, dispositif)', en: 'Service' },
							},
							oneOf(['infrastructure', 'service'])
						),
						{
							label: { fr: 'Type', en: 'Type' },
							hint: 'Un équipement (un bâtiment, une salle) ou un service (une personne, un dispositif).',
							description:
								'`infrastructure` (a building, a room) or `service` (a person, a scheme).',
						}
					),
					name: field(localizedSchema, {
						label: { fr: 'Nom', en: 'Name' },
						hint: 'Ce que c’est, en français et en anglais.',
						description: 'What it is, in both languages.',
					}),
					information: field(informationSchema, {
						label: { fr: 'Informations', en: 'Information' },
						hint: 'Où en savoir plus.',
						description: 'Where to find out more.',
					}),
				})
			)
			.optional(),
		{
			label: { fr: 'Accessibilité', en: 'Accessibility' },
			fact: 'office',
			hint: 'L’accompagnement des étudiants à besoins particuliers.',
			description: 'Support for students with special needs (EWP `accessibility`).',
		}
	),
	housingInfo: field(informationSchema.optional(), {
		label: { fr: 'Logement', en: 'Housing' },
		fact: 'office',
		hint: 'Le logement.',
		description: 'Housing (EWP `housing-info`).',
	}),
	visaInfo: field(informationSchema.optional(), {
		label: { fr: 'Visa', en: 'Visa' },
		fact: 'office',
		hint: 'Les visas.',
		description: 'Visas (EWP `visa-info`).',
	}),
	insuranceInfo: field(informationSchema.optional(), {
		label: { fr: 'Assurance', en: 'Insurance' },
		fact: 'office',
		hint: 'L’assurance.',
		description: 'Insurance (EWP `insurance-info`).',
	}),
	additionalInfo: field(
		z
			.array(
				z.strictObject({
					type: field(textSchema({ en: 'a type of information', fr: 'un type d’information' }), {
						label: { fr: 'Type (en anglais, nom EWP)', en: 'Type (EWP name)' },
						hint: 'Le type, en anglais comme le demande Erasmus Without Paper (Tuition fees, Recognition process).',
						description:
							'Type, in English as EWP expects (e.g. "Tuition fees", "Recognition process").',
					}),
					title: field(localizedSchema, {
						label: { fr: 'Titre affiché', en: 'Heading' },
						hint: 'Le titre que voient les lecteurs, en français et en anglais (Frais de scolarité).',
						description: 'The heading readers see, in both languages (`Frais de scolarité`).',
					}),
					info: field(informationSchema, {
						label: { fr: 'Informations', en: 'Information' },
						hint: 'L’information.',
						description: 'The information.',
					}),
				})
			)
			.default([]),
		{
			label: { fr: 'Autres informations', en: 'Additional information' },
			fact: 'office',
			detail: true,
			hint: 'Les autres informations : un type (par exemple « Tuition fees ») et l’information.',
			description:
				'Other information (EWP `additional-info`): a type such as "Tuition fees", and the information.',
		}
	),
	...provenanceShape,
});
export type FactsheetData = z.infer<typeof factsheetSchema>;
