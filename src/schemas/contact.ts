import { z } from 'astro/zod';
import {
	emailSchema,
	labelled,
	localizedSchema,
	phoneSchema,
	provenanceLabels,
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
export const contactSchema = labelled(
	z.strictObject({
		/**
		 * Name of the role in French and in English.
		 * @fr Le nom de la fonction, en français et en anglais.
		 */
		role: localizedSchema,
		/**
		 * Person holding the role, as named by the source.
		 * @fr La personne qui occupe la fonction, telle qu’une source la nomme.
		 */
		person: textSchema({ en: 'a person’s name', fr: 'le nom d’une personne' }).optional(),
		/** E-mail address. @fr L’adresse électronique. */
		email: emailSchema.optional(),
		/**
		 * Phone number in E.164 form (`+33466785160`).
		 * @fr Le numéro au format international, sans espaces : +33466785160.
		 */
		phone: phoneSchema.optional(),
		/**
		 * Web page of the role or association.
		 * @fr La page web de la fonction ou de l’association.
		 */
		url: urlSchema.optional(),
		/**
		 * What this contact does for the reader, in both languages.
		 * @fr Ce que ce contact fait pour le lecteur, en français et en anglais.
		 */
		description: localizedSchema,
		/**
		 * Order on the contacts page (smaller first).
		 * @fr La place sur la page Contacts (les plus petits nombres d’abord).
		 */
		order: z
			.int({ error: expected({ en: 'a whole number', fr: 'un nombre entier' }) })
			.default(100),
		...provenanceShape,
	}),
	{
		role: { label: { fr: 'Fonction', en: 'Role' } },
		person: { label: { fr: 'Personne', en: 'Person' }, fact: 'office' },
		email: { label: { fr: 'Courriel', en: 'E-mail' }, fact: 'office' },
		phone: { label: { fr: 'Téléphone', en: 'Phone' }, fact: 'office' },
		url: { label: { fr: 'Page web', en: 'Web page' }, fact: 'office', detail: true },
		description: { label: { fr: 'Description', en: 'Description' } },
		order: {
			label: { fr: 'Ordre sur la page Contacts', en: 'Order on the contacts page' },
			fact: 'office',
			detail: true,
		},
		...provenanceLabels,
	}
);
export type ContactData = z.infer<typeof contactSchema>;
