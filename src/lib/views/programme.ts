import type { Lang } from '../../vocab/locales.ts';
import { localize } from '../i18n.ts';
import { renderMarkdown, Slugger } from '../markdown.ts';
import { pageHref, routes } from '../routes.ts';
import type { Contact, Programme } from '../resolve.ts';
import { foreignParts } from '../foreign.ts';
import type { Link, Part, TocHeading, Translate } from './values.ts';

/** Everything a programme's page shows, in one language. */
export interface ProgrammePageView {
	title: string;
	description: string;
	lead: Part[];
	/** Said when the programme has ended. */
	ended?: string | undefined;
	body?: string | undefined;
	partners: { heading: TocHeading; empty: string };
	contacts: { heading: TocHeading; contacts: Contact[] } | undefined;
	links: { heading: TocHeading; links: Link[] } | undefined;
	headings: TocHeading[];
}

/** A programme's title in lists, with its end year when it has ended. */
export function programmeTitle(programme: Programme, lang: Lang, t: Translate): string {
	return (
		localize(programme.data.name, lang) +
		(programme.data.status === 'ended'
			? ` (${t('programme.status.ended', { year: programme.data.endedIn })})`
			: '')
	);
}

/** The programme's page in one language. */
export function programmePage(programme: Programme, lang: Lang, t: Translate): ProgrammePageView {
	const { data } = programme;
	const slugger = new Slugger();
	const heading = (slug: string, text: string): TocHeading => ({
		depth: 2,
		slug: slugger.slug(slug),
		text,
	});
	const partnersHeading = heading('partenaires', t('programme.partners'));
	const contactsHeading = heading('contacts', t('site.contacts'));
	const linksHeading = heading('liens', t('programme.links'));
	const body = data.body && renderMarkdown(localize(data.body, lang), { slugger, lang });
	const contacts =
		programme.contacts.length > 0
			? { heading: contactsHeading, contacts: programme.contacts }
			: undefined;
	const links =
		data.links.length > 0
			? {
					heading: linksHeading,
					links: data.links.map((link) => ({
						href: link.url,
						text: localize(link.label, lang),
						external: true,
					})),
				}
			: undefined;
	return {
		title: localize(data.name, lang),
		description: localize(data.summary, lang),
		lead: foreignParts(localize(data.summary, lang), lang),
		ended:
			data.status === 'ended' ? t('programme.status.ended', { year: data.endedIn }) : undefined,
		body: body ? body.html : undefined,
		partners: { heading: partnersHeading, empty: t('programme.noPartners') },
		contacts,
		links,
		headings: [
			...(body?.headings ?? []),
			partnersHeading,
			...(contacts ? [contacts.heading] : []),
			...(links ? [links.heading] : []),
		],
	};
}

/** The programme's card on the index of programmes. */
export function programmeCard(programme: Programme, lang: Lang, t: Translate) {
	return {
		title: programmeTitle(programme, lang, t),
		description: localize(programme.data.summary, lang),
		href: pageHref(lang, routes.programme(programme.id)),
	};
}
