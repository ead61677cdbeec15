import type { Source } from '../../schemas/common.ts';
import type { Lang } from '../../vocab/locales.ts';
import { sourceKindLabels } from '../../vocab/sources.ts';
import { formatDate, localize } from '../i18n.ts';
import type { Translate } from './values.ts';
import { isoDate } from '../dates.ts';

/**
 * Where a page's facts come from and how fresh they are, said honestly: the day the sources
 * were consulted, the dates of the documents themselves where known, and the day the office
 * confirmed the entry — three different things, never shown one as another. Then the sources,
 * each with its title and publisher (not a raw address), third-party ones labelled as such.
 */

/** The provenance of a page. */
export interface Provenance {
	sources: readonly Source[];
	consulted: Date;
	confirmed?: Date | undefined;
}

/** One source as the page lists it. */
export interface SourceView {
	href: string;
	title: string;
	/** Language of the title, when it is not the page's. */
	lang?: string | undefined;
	publisher: string;
	date?: string | undefined;
	/** "source tierce" for a third-party source; nothing for the others. */
	caution?: string | undefined;
}

/** The provenance block of a page, in its language. */
export interface ProvenanceView {
	consulted: { datetime: string; text: string };
	/**
	 * The years of the dated sources, saying how many are dated when not all are: « Sources datées
	 * de 2014 à 2025 », « 3 sources datées sur 8, de 2014 à 2018 ». Undated sources never widen or
	 * narrow the range, and none dated says nothing.
	 */
	documents?: string | undefined;
	/** What separates `documents` from `consulted` on the line. */
	separator: string;
	confirmed?: { datetime: string; text: string } | undefined;
	/** "Sources (3)". */
	heading: string;
	sources: SourceView[];
}

const monthYear: Record<Lang, Intl.DateTimeFormat> = {
	fr: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
	en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * A document's date as precisely as it is known.
 * @example documentDate('2014-07', 'fr') // 'juillet 2014'
 */
export function documentDate(date: string, lang: Lang): string {
	const [year, month, day] = date.split('-').map(Number);
	if (month === undefined) return String(year);
	const utc = new Date(Date.UTC(year!, month - 1, day ?? 1));
	return day === undefined ? monthYear[lang].format(utc) : formatDate(utc, lang);
}

/** The provenance block of a page. */
export function provenanceView(provenance: Provenance, lang: Lang, t: Translate): ProvenanceView {
	const dated = provenance.sources.filter((source) => source.date !== undefined);
	const years = [...new Set(dated.map((source) => source.date!.slice(0, 4)))].sort();
	const range =
		years.length === 1
			? t('site.year', { year: years[0] })
			: t('site.yearRange', { from: years[0], to: years.at(-1) });
	const documents =
		dated.length === 0
			? undefined
			: dated.length === provenance.sources.length
				? t('site.sourcesDated', { years: range })
				: t('site.someSourcesDated', {
						count: dated.length,
						total: provenance.sources.length,
						years: range,
					});
	const day = formatDate(provenance.consulted, lang);
	return {
		// After the documents' years, the consultation day carries on the sentence.
		consulted: {
			datetime: isoDate(provenance.consulted),
			text: documents
				? t('site.consultedAfter', { date: day })
				: t('site.consulted', { date: day }),
		},
		documents,
		separator: t('site.semicolon'),
		confirmed: provenance.confirmed && {
			datetime: isoDate(provenance.confirmed),
			text: t('site.confirmed', { date: formatDate(provenance.confirmed, lang) }),
		},
		heading: t('site.sourcesCount', { count: provenance.sources.length }),
		sources: provenance.sources.map((source) => ({
			href: source.url,
			title: source.title,
			lang: source.lang === lang ? undefined : source.lang,
			publisher: localize(source.publisher, lang),
			date: source.date && documentDate(source.date, lang),
			caution: source.kind === 'third-party' ? sourceKindLabels['third-party'][lang] : undefined,
		})),
	};
}

/**
 * The provenance of a page listing several entries: every source once (by address), consulted no
 * later than the oldest consultation, confirmed only if every entry is (as of the oldest
 * confirmation).
 */
export function combinedProvenance(
	entries: readonly {
		data: { sources: readonly Source[]; consulted: Date; confirmed?: Date | undefined };
	}[]
): Provenance {
	const sources = new Map<string, Source>();
	for (const entry of entries)
		for (const source of entry.data.sources)
			if (!sources.has(source.url)) sources.set(source.url, source);
	const oldest = (dates: Date[]) => new Date(Math.min(...dates.map((date) => date.getTime())));
	const confirmations = entries.map((entry) => entry.data.confirmed);
	return {
		sources: [...sources.values()],
		consulted: oldest(entries.map((entry) => entry.data.consulted)),
		confirmed:
			confirmations.length > 0 && confirmations.every((date) => date !== undefined)
				? oldest(confirmations as Date[])
				: undefined,
	};
}
