import type { Bilingual } from './locales.ts';

/**
 * Deadlines for incoming students, as the EWP Mobility Factsheet API names them
 * (`calendar/student-nominations`, `calendar/student-applications`), each for the autumn and the
 * spring term.
 * @see https://github.com/erasmus-without-paper/ewp-specs-api-factsheet
 */
export const deadlineKinds = ['studentNominations', 'studentApplications'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** The terms a deadline is set for. */
export const terms = ['autumnTerm', 'springTerm'] as const;
export type Term = (typeof terms)[number];

/** What each kind of deadline is called. */
export const deadlineKindLabels: Readonly<Record<DeadlineKind, Bilingual>> = {
	studentNominations: {
		fr: 'Nomination par l’établissement d’origine',
		en: 'Nomination by the home institution',
	},
	studentApplications: { fr: 'Candidature de l’étudiant', en: 'Student’s application' },
};

/** What each term is called. */
export const termLabels: Readonly<Record<Term, Bilingual>> = {
	autumnTerm: { fr: 'Semestre d’automne', en: 'Autumn term' },
	springTerm: { fr: 'Semestre de printemps', en: 'Spring term' },
};
