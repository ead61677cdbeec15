import type { Lang } from './locales.ts';

/**
 * Languages, by their two-letter ISO 639-1 codes (`en`, `pt`, `ja`): the code list and the names
 * come from the platform's CLDR data (`Intl.DisplayNames`), so no list is kept here.
 * @see https://www.iso.org/iso-639-language-code
 */
const languageNames: Record<Lang, Intl.DisplayNames> = {
	fr: new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' }),
	en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
};

/**
 * Every two-letter ISO 639-1 code the platform can name, in alphabetical order: the list the web
 * editor offers.
 */
export const languageCodes: readonly string[] = Array.from({ length: 26 * 26 }, (_, index) =>
	String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26))
).filter((code) => languageNames.en.of(code) !== undefined);

const known = new Set(languageCodes);

/** Whether `code` is a two-letter ISO 639-1 language code known to the platform (`en`, `pt`). */
export function isLanguageCode(code: string): boolean {
	return known.has(code);
}

/**
 * Name of a language in one of the site's languages.
 * @example languageName('pt', 'fr') // 'portugais'
 */
export function languageName(code: string, lang: Lang): string {
	return languageNames[lang].of(code) ?? code;
}
