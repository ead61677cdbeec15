import type { Localized } from '../schemas/common.ts';
import type { Lang } from '../vocab/locales.ts';

export type { Lang };

/**
 * The text of a bilingual field in the reader's language.
 * @example localize({ fr: 'Japon', en: 'Japan' }, 'en') // 'Japan'
 */
export function localize(text: Localized, lang: Lang): string {
	return text[lang];
}

/** Whether a name is written in the Latin script (letters with or without accents, no other script). */
export function isLatinScript(text: string): boolean {
	return (
		/\p{Script=Latin}/u.test(text) &&
		!/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text)
	);
}

/**
 * A partner's name as readers of a language know it. On French pages: its French name when a
 * source gives one, else its official name when that is written in the Latin script (« Universidade
 * de Lisboa »), else its English name; on English pages, its English name.
 * @example partnerName({ native: 'Politecnico di Milano', en: 'Polytechnic University of Milan' }, 'fr') // 'Politecnico di Milano'
 * @example partnerName({ native: '香川大学', en: 'Kagawa University' }, 'fr') // 'Kagawa University'
 */
export function partnerName(
	name: { en: string; fr?: string | undefined; native?: string | undefined },
	lang: Lang
): string {
	if (lang === 'en') return name.en;
	if (name.fr) return name.fr;
	return name.native && isLatinScript(name.native) ? name.native : name.en;
}

/**
 * The language of the name `partnerName()` gives when it is not the page's own (the official name
 * in Italian or Portuguese, or the English name, on a French page), for its `lang` attribute.
 */
export function partnerNameLang(
	name: {
		en: string;
		fr?: string | undefined;
		native?: string | undefined;
		nativeLang?: string | undefined;
	},
	lang: Lang
): string | undefined {
	const shown = partnerName(name, lang);
	if (lang === 'en' || shown === name.fr) return undefined;
	if (shown === name.native) return name.nativeLang === lang ? undefined : name.nativeLang;
	return 'en';
}

interface Formatters {
	date: Intl.DateTimeFormat;
	monthDay: Intl.DateTimeFormat;
	collator: Intl.Collator;
	currency: Intl.DisplayNames;
	list: Intl.ListFormat;
}

/**
 * Intl formatters, made once per language: making one is costly, and a build formats thousands
 * of dates, names and lists.
 */
const formatters: Record<Lang, Formatters> = {
	fr: makeFormatters('fr', 'fr-FR'),
	en: makeFormatters('en', 'en-GB'),
};

function makeFormatters(lang: Lang, locale: string): Formatters {
	return {
		date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
		monthDay: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
		collator: new Intl.Collator(lang, { sensitivity: 'base' }),
		currency: new Intl.DisplayNames([lang], { type: 'currency' }),
		list: new Intl.ListFormat(lang, { type: 'conjunction' }),
	};
}

/**
 * A date as readers of each language write it.
 * @example formatDate(new Date('2026-11-23'), 'fr') // '23 novembre 2026'
 */
export function formatDate(date: Date, lang: Lang): string {
	return formatters[lang].date.format(date);
}

/**
 * A recurring day of the year (`MM-DD`) in words.
 * @example formatMonthDay('04-15', 'en') // '15 April'
 */
export function formatMonthDay(monthDay: string, lang: Lang): string {
	const [month, day] = monthDay.split('-').map(Number);
	return formatters[lang].monthDay.format(new Date(Date.UTC(2024, (month ?? 1) - 1, day ?? 1)));
}

/**
 * A list in words, as each language joins it.
 * @example formatList(['A', 'B', 'C'], 'fr') // 'A, B et C'
 */
export function formatList(items: string[], lang: Lang): string {
	return formatters[lang].list.format(items);
}

/** Sorts by a text key the way readers of `lang` expect (accents and case aside). */
export function compareText(lang: Lang): (a: string, b: string) => number {
	return formatters[lang].collator.compare;
}

/**
 * Name of a currency from its ISO 4217 code.
 * @example currencyName('SEK', 'fr') // 'couronne suédoise'
 */
export function currencyName(code: string, lang: Lang): string {
	return formatters[lang].currency.of(code) ?? code;
}
