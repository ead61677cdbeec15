/**
 * The site's languages. French is the source language (served at the root); English is its
 * faithful translation (served under `/en/` with the same paths).
 */
export const langs = ['fr', 'en'] as const;
export type Lang = (typeof langs)[number];

/** The name of each language in itself, as the language picker shows it. */
export const langNames: Readonly<Record<Lang, string>> = { fr: 'Français', en: 'English' };

/** A text in each language of the site: labels of vocabularies, messages for editors. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** The other language of the site: English for French, French for English. */
export function otherLang(lang: Lang): Lang {
	return lang === 'fr' ? 'en' : 'fr';
}
