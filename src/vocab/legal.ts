import type { Bilingual } from './locales.ts';

/**
 * The three conformance statuses of the RGAA, as the statement and the footer mention
 * (« Accessibilité : totalement / partiellement / non conforme »).
 * @see https://accessibilite.numerique.gouv.fr/obligations/mentions-et-pages-obligatoires/
 */
export const accessibilityStatuses = ['compliant', 'partially-compliant', 'non-compliant'] as const;
export type AccessibilityStatus = (typeof accessibilityStatuses)[number];

/** What each status is called, as the law words it. */
export const accessibilityStatusLabels: Readonly<Record<AccessibilityStatus, Bilingual>> = {
	compliant: { fr: 'totalement conforme', en: 'fully compliant' },
	'partially-compliant': { fr: 'partiellement conforme', en: 'partially compliant' },
	'non-compliant': { fr: 'non conforme', en: 'not compliant' },
};
