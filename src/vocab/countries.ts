import type { Bilingual } from './locales.ts';

/** World regions used by the partner finder. */
export const regions = ['europe', 'asia', 'americas', 'africa', 'oceania'] as const;
export type Region = (typeof regions)[number];

/** What each region is called. */
export const regionLabels: Readonly<Record<Region, Bilingual>> = {
	europe: { fr: 'Europe', en: 'Europe' },
	asia: { fr: 'Asie', en: 'Asia' },
	americas: { fr: 'Amériques', en: 'Americas' },
	africa: { fr: 'Afrique', en: 'Africa' },
	oceania: { fr: 'Océanie', en: 'Oceania' },
};

/**
 * Regions of the partner finder: the geographic regions, with Europe split by what matters to a
 * student (Erasmus+ and the right to stay): the EU and the EEA on one side, the rest of Europe
 * on the other.
 */
export const finderRegions = [
	'eu-eea',
	'europe-other',
	'asia',
	'americas',
	'africa',
	'oceania',
] as const;
export type FinderRegion = (typeof finderRegions)[number];

/** What each region of the finder is called. */
export const finderRegionLabels: Readonly<Record<FinderRegion, Bilingual>> = {
	'eu-eea': { fr: 'Union européenne et EEE', en: 'EU and EEA' },
	'europe-other': { fr: 'Europe hors UE et EEE', en: 'Europe outside the EU and EEA' },
	asia: regionLabels.asia,
	americas: regionLabels.americas,
	africa: regionLabels.africa,
	oceania: regionLabels.oceania,
};

/** The finder's region of a country. */
export function finderRegion(country: { region: Region; eu: boolean; eea: boolean }): FinderRegion {
	if (country.region !== 'europe') return country.region;
	return country.eu || country.eea ? 'eu-eea' : 'europe-other';
}

/** What a citizen of the European Union must do to stay more than three months. */
export const longStayRequirements = ['none', 'registration', 'visa'] as const;
export type LongStayRequirement = (typeof longStayRequirements)[number];

/** What each requirement is called. */
export const longStayRequirementLabels: Readonly<Record<LongStayRequirement, Bilingual>> = {
	none: { fr: 'Aucune démarche obligatoire', en: 'No compulsory formality' },
	registration: { fr: 'Enregistrement obligatoire', en: 'Registration required' },
	visa: { fr: 'Visa ou titre de séjour', en: 'Visa or residence permit' },
};

/**
 * The services an emergency number can be for: `general` is one number for all emergencies (112
 * in the EU), the others where the numbers differ.
 */
export const emergencyServices = ['general', 'police', 'ambulance', 'fire'] as const;
export type EmergencyService = (typeof emergencyServices)[number];

/** Levels of the French government's travel advice (France Diplomatie, « Conseils aux voyageurs »). */
export const travelAdviceLevels = [
	'vigilance-normale',
	'vigilance-renforcee',
	'deconseille-sauf-raison-imperative',
	'formellement-deconseille',
] as const;
export type TravelAdviceLevel = (typeof travelAdviceLevels)[number];

/** What each level of travel advice is called on France Diplomatie's maps. */
export const travelAdviceLevelLabels: Readonly<Record<TravelAdviceLevel, Bilingual>> = {
	'vigilance-normale': { fr: 'Vigilance normale', en: 'Normal vigilance' },
	'vigilance-renforcee': { fr: 'Vigilance renforcée', en: 'Increased vigilance' },
	'deconseille-sauf-raison-imperative': {
		fr: 'Déconseillé sauf raison impérative',
		en: 'Advised against unless essential',
	},
	'formellement-deconseille': { fr: 'Formellement déconseillé', en: 'Advised against all travel' },
};

/** Erasmus+ grant groups of countries for student mobility (1 = higher living costs … 3 = lower). */
export const grantGroups = [1, 2, 3] as const;

/** What each grant group is called. */
export const grantGroupLabels: Readonly<Record<(typeof grantGroups)[number], Bilingual>> = {
	1: { fr: 'Groupe 1 (coût de la vie élevé)', en: 'Group 1 (higher living costs)' },
	2: { fr: 'Groupe 2 (coût de la vie moyen)', en: 'Group 2 (medium living costs)' },
	3: { fr: 'Groupe 3 (coût de la vie plus faible)', en: 'Group 3 (lower living costs)' },
};
