import type { Bilingual } from './locales.ts';

/** Readers a page is written for. */
export const audiences = ['outgoing', 'incoming', 'partner', 'staff'] as const;
export type Audience = (typeof audiences)[number];

/** What each audience is called. */
export const audienceLabels: Readonly<Record<Audience, Bilingual>> = {
	outgoing: { fr: 'Étudiants de Mines Alès qui partent', en: 'Mines Alès students going abroad' },
	incoming: { fr: 'Étudiants accueillis à Alès', en: 'Students coming to Alès' },
	partner: { fr: 'Établissements partenaires', en: 'Partner institutions' },
	staff: { fr: 'Personnels', en: 'Staff' },
};

/** Content types shown in search results and used as a search filter. */
export const pageTypes = ['partner', 'country', 'programme', 'guide', 'procedure'] as const;
export type PageType = (typeof pageTypes)[number];

/** What each content type is called in search results and filters. */
export const pageTypeLabels: Readonly<Record<PageType, Bilingual>> = {
	partner: { fr: 'Partenaire', en: 'Partner' },
	country: { fr: 'Pays', en: 'Country' },
	programme: { fr: 'Programme', en: 'Programme' },
	guide: { fr: 'Guide', en: 'Guide' },
	procedure: { fr: 'Démarche', en: 'Procedure' },
};
