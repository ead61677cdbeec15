/**
 * Levels of study of the European Qualifications Framework (EQF), as used by Erasmus Without
 * Paper (`eqf-level`): 6 = bachelor's, 7 = master's (the French engineering degree), 8 = doctorate.
 */
export const eqfLevels = [6, 7, 8] as const;
export type EqfLevel = (typeof eqfLevels)[number];

/** CEFR levels of language skill, from A1 (beginner) to C2 (mastery). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

/** Rank of a CEFR level (A1 = 1 … C2 = 6), to compare requirements. */
export function cefrRank(level: CefrLevel): number {
	return cefrLevels.indexOf(level) + 1;
}

const languageNames = {
	fr: new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' }),
	en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
};

/** Whether `code` is a two-letter ISO 639-1 language code known to the platform (`en`, `pt`). */
export function isLanguageCode(code: string): boolean {
	return /^[a-z]{2}$/.test(code) && languageNames.en.of(code) !== undefined;
}

/**
 * Name of a language in one of the site's locales.
 * @example languageName('pt', 'fr') // 'portugais'
 */
export function languageName(code: string, lang: 'fr' | 'en'): string {
	return languageNames[lang].of(code) ?? code;
}
