import type { Lang } from '../../vocab/locales.ts';
import { localize } from '../i18n.ts';
import { sections } from '../routes.ts';
import { foreignParts } from '../foreign.ts';
import type { Contact, SiteData } from '../resolve.ts';
import { entryNamedByPage } from './common.ts';
import type { Part } from './values.ts';

/** A contact of the office as its card shows it. */
export interface ContactView {
	/** Fragment id of the card, for links to it. */
	anchor: string;
	role: string;
	person?: string | undefined;
	description: Part[];
	email?: string | undefined;
	/** The phone number as written in France (`+33 4 66 78 51 60`) and as dialled (`+33466785160`). */
	phone?: { display: string; dial: string } | undefined;
	url?: string | undefined;
}

/** A French number in E.164 form, written the French way: `+33 4 66 78 51 60`. */
export function displayPhone(phone: string): string {
	return phone.replace(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/, '+33 $1 $2 $3 $4 $5');
}

/** The contact's card in one language. */
export function contactView(contact: Contact, lang: Lang): ContactView {
	const { data } = contact;
	return {
		anchor: sections.contact(contact.id),
		role: localize(data.role, lang),
		person: data.person,
		description: foreignParts(localize(data.description, lang), lang),
		email: data.email,
		phone: data.phone ? { display: displayPhone(data.phone), dial: data.phone } : undefined,
		url: data.url,
	};
}

/**
 * What `<Contact id="…" />` shows on a written page: the card of the contact `id`, or a
 * `ContentError` naming the page's file (`page`) when there is no such contact.
 */
export function pageContactView(
	site: Pick<SiteData, 'contactById'>,
	{ id, page }: { id: string; page: string },
	lang: Lang
): ContactView {
	const contact = entryNamedByPage(site.contactById, id, {
		page,
		component: 'Contact',
		what: 'contact',
		folder: 'contacts',
	});
	return contactView(contact, lang);
}
