import type { Bilingual } from './locales.ts';

/**
 * Levels of study of the European Qualifications Framework (EQF), as used by Erasmus Without
 * Paper (`eqf-level`): 6 = bachelor's, 7 = master's (the French engineering degree), 8 = doctorate.
 */
export const eqfLevels = [6, 7, 8] as const;
export type EqfLevel = (typeof eqfLevels)[number];

/** What each EQF level is called for students, in each language. */
export const eqfLevelNames: Readonly<Record<EqfLevel, Bilingual>> = {
	6: { fr: 'Niveau licence (bachelor)', en: 'Bachelor’s level' },
	7: { fr: 'Niveau master (diplôme d’ingénieur)', en: 'Master’s level (engineering degree)' },
	8: { fr: 'Doctorat', en: 'Doctorate' },
};

/**
 * The level's code for partner offices, shown as a secondary detail: the EQF is « CEC » (cadre
 * européen des certifications) in French.
 * @example eqfCode(7, 'fr') // 'CEC 7'
 */
export function eqfCode(level: EqfLevel, lang: 'fr' | 'en'): string {
	return `${lang === 'fr' ? 'CEC' : 'EQF'} ${level}`;
}

/** Name and code of each EQF level, for editors. */
export const eqfLevelLabels: Readonly<Record<EqfLevel, Bilingual>> = Object.fromEntries(
	eqfLevels.map((level) => [
		level,
		{
			fr: `${eqfLevelNames[level].fr} — ${eqfCode(level, 'fr')}`,
			en: `${eqfLevelNames[level].en} — ${eqfCode(level, 'en')}`,
		},
	])
) as Record<EqfLevel, Bilingual>;

/** CEFR levels of language skill, from A1 (beginner) to C2 (mastery). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

/**
 * The Council of Europe's names of the CEFR levels, as the French and English versions of the
 * framework give them.
 * @see https://www.coe.int/en/web/common-european-framework-reference-languages/table-1-cefr-3.3-common-reference-levels-global-scale
 */
export const cefrLevelLabels: Readonly<Record<CefrLevel, Bilingual>> = {
	A1: { fr: 'A1 — découverte', en: 'A1 — breakthrough' },
	A2: { fr: 'A2 — survie', en: 'A2 — waystage' },
	B1: { fr: 'B1 — seuil', en: 'B1 — threshold' },
	B2: { fr: 'B2 — avancé', en: 'B2 — vantage' },
	C1: { fr: 'C1 — autonome', en: 'C1 — effective operational proficiency' },
	C2: { fr: 'C2 — maîtrise', en: 'C2 — mastery' },
};

/** Rank of a CEFR level (A1 = 1 … C2 = 6), to compare requirements. */
export function cefrRank(level: CefrLevel): number {
	return cefrLevels.indexOf(level) + 1;
}
