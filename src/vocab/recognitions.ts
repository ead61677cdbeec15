import type { Bilingual } from './locales.ts';

/**
 * Vocabularies of the recognised courses and of the returnee reports: the part of the academic
 * year a course or a stay takes, what a recognition rests on, the kinds of housing.
 */

/** The part of the academic year a course is taught in, or a stay lasts. */
export const terms = ['autumn', 'spring', 'full-year'] as const;
export type Term = (typeof terms)[number];
export const termLabels: Readonly<Record<Term, Bilingual>> = {
	autumn: { fr: 'Semestre d’automne', en: 'Autumn term' },
	spring: { fr: 'Semestre de printemps', en: 'Spring term' },
	'full-year': { fr: 'Année entière', en: 'Full year' },
};

/** What a recognition decision rests on. */
export const recognitionBases = ['learning-agreement', 'jury'] as const;
export type RecognitionBasis = (typeof recognitionBases)[number];
export const recognitionBasisLabels: Readonly<Record<RecognitionBasis, Bilingual>> = {
	'learning-agreement': { fr: 'Contrat d’études (learning agreement)', en: 'Learning agreement' },
	jury: { fr: 'Jury', en: 'Jury' },
};

/** Kinds of housing of a stay. */
export const housingKinds = [
	'university-residence',
	'private-residence',
	'shared-flat',
	'flat',
	'host-family',
	'other',
] as const;
export type HousingKind = (typeof housingKinds)[number];
export const housingKindLabels: Readonly<Record<HousingKind, Bilingual>> = {
	'university-residence': { fr: 'Résidence universitaire', en: 'University residence' },
	'private-residence': { fr: 'Résidence privée', en: 'Private residence' },
	'shared-flat': { fr: 'Colocation', en: 'Shared flat' },
	flat: { fr: 'Logement individuel', en: 'Own flat' },
	'host-family': { fr: 'Famille d’accueil', en: 'Host family' },
	other: { fr: 'Autre', en: 'Other' },
};

/** How long a recognition decision stays valid when it does not say, in years. */
export const defaultValidityYears = 5;
