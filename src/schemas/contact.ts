import { z } from 'astro/zod';
import {
	emailSchema,
	localizedSchema,
	phoneSchema,
	provenanceShape,
	textSchema,
	urlSchema,
} from './common';

/**
 * A role in the school's international office or around it (the head of the service, the
 * Erasmus administrative contact, the internship office, the student associations…). One YAML
 * file per role in `content/contacts/`; pages reference roles by id, so that an address is
 * typed once. A person, an e-mail address or a phone number is given only when a source gives it.
 */
export const contactSchema = z.strictObject({
	/** Name of the role in French and in English. */
	role: localizedSchema,
	/** Person holding the role, as named by the source. */
	person: textSchema('a person’s name').optional(),
	/** E-mail address. */
	email: emailSchema.optional(),
	/** Phone number in E.164 form (`+33466785160`). */
	phone: phoneSchema.optional(),
	/** Web page of the role or association. */
	url: urlSchema.optional(),
	/** What this contact does for the reader, in both languages. */
	description: localizedSchema,
	/** Order on the contacts page (smaller first). */
	order: z.int().default(100),
	...provenanceShape,
});
export type ContactData = z.infer<typeof contactSchema>;
