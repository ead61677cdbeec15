import type { Bilingual } from './locales.ts';

/**
 * The school's page on the European mobility programmes (the 2014-2020 Erasmus+ charter and
 * Erasmus Policy Statement): the seed of the whole site and the source of the pages that list
 * entries (the finder, the country and programme indexes), whose facts come from the entries'
 * own sources.
 */
export const SEED_SOURCE = {
	url: 'http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite',
	title: 'Les programmes européens de mobilité',
	lang: 'fr',
	publisher: { fr: 'École des Mines d’Alès', en: 'École des Mines d’Alès' },
	date: '2014',
	kind: 'official',
} as const;

/** How far a source can be trusted, as readers should know it. */
export const sourceKinds = ['official', 'partner', 'third-party'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/**
 * What each kind of source is called: an official body about its own rules, a partner about
 * itself, or a third party (press, mirrors, document-sharing sites, other institutions' help
 * pages), which readers should take with care.
 */
export const sourceKindLabels: Readonly<Record<SourceKind, Bilingual>> = {
	official: { fr: 'source officielle', en: 'official source' },
	partner: { fr: 'publiée par le partenaire', en: 'published by the partner' },
	'third-party': { fr: 'source tierce', en: 'third-party source' },
};

/**
 * How many partners the school has around the world, according to the seed (« l’Ecole s’appuie
 * sur 80 partenaires à travers le monde », 2014 Erasmus Policy Statement): said with the number
 * of partners the site presents, so that readers know the list is partial.
 */
export const SEED_PARTNER_COUNT = 80;
