import { z } from 'astro/zod';
import {
	emailSchema,
	field,
	localizedSchema,
	phoneSchema,
	provenanceShape,
	textSchema,
	urlSchema,
} from './common.ts';
import { expected } from './messages.ts';

/**
 * A role in the school's international office or around it (the head of the service, the
 * Erasmus administrative contact, the internship office, the student associations…). One YAML
 * file per role in `content/contacts/`; pages reference roles by id, so that an address is
 * typed once. A person, an e-mail address or a phone number is given only when a source gives it.
 */
export const contactSchema = z.strictObject({
	role: field(localizedSchema, {
		label: { fr: 'Fonction', en: 'Role' },
		hint: 'Le nom de la fonction, en français et en anglais.',
		description: 'Name of the role in French and in English.',
	}),
	person: field(textSchema({ en: 'a person’s name', fr: 'le nom d’une personne' }).optional(), {
		label: { fr: 'Personne', en: 'Person' },
		fact: 'office',
		hint: 'La personne qui occupe la fonction, telle qu’une source la nomme.',
		description: 'Person holding the role, as named by the source.',
	}),
	email: field(emailSchema.optional(), {
		label: { fr: 'Courriel', en: 'E-mail' },
		fact: 'office',
		hint: 'L’adresse électronique.',
		description: 'E-mail address.',
	}),
	phone: field(phoneSchema.optional(), {
		label: { fr: 'Téléphone', en: 'Phone' },
		fact: 'office',
		hint: 'Le numéro au format international, sans espaces : +33466785160.',
		description: 'Phone number in E.164 form (`+33466785160`).',
	}),
	url: field(urlSchema.optional(), {
		label: { fr: 'Page web', en: 'Web page' },
		fact: 'office',
		detail: true,
		hint: 'La page web de la fonction ou de l’association.',
		description: 'Web page of the role or association.',
	}),
	description: field(localizedSchema, {
		label: { fr: 'Description', en: 'Description' },
		hint: 'Ce que ce contact fait pour le lecteur, en français et en anglais.',
		description: 'What this contact does for the reader, in both languages.',
	}),
	order: field(
		z.int({ error: expected({ en: 'a whole number', fr: 'un nombre entier' }) }).default(100),
		{
			label: { fr: 'Ordre sur la page Contacts', en: 'Order on the contacts page' },
			fact: 'office',
			detail: true,
			hint: 'La place sur la page Contacts (les plus petits nombres d’abord).',
			description: 'Order on the contacts page (smaller first).',
		}
	),
	...provenanceShape,
});
export type ContactData = z.infer<typeof contactSchema>;
