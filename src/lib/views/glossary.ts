import { otherLang, type Lang } from '../../vocab/locales.ts';
import { compareText, localize } from '../i18n.ts';
import { renderMarkdown } from '../markdown.ts';
import { pageHref, routes, withFragment } from '../routes.ts';
import type { GlossaryTerm, SiteData } from '../resolve.ts';
import { foreignParts } from '../foreign.ts';
import { entryNamedByPage } from './common.ts';
import type { Part, TocHeading } from './values.ts';

/** A term of the glossary as its page shows it. */
export interface GlossaryEntryView {
	id: string;
	term: string;
	/** The term in the other language, when it differs. */
	translation?: { text: string; lang: Lang } | undefined;
	expansion?: string | undefined;
	definition: string;
	/** Other names, joined, foreign ones marked. */
	aliases?: Part[] | undefined;
}

/** The glossary in one language: terms in the reader's alphabetical order. */
export function glossaryPage(terms: readonly GlossaryTerm[], lang: Lang) {
	const other = otherLang(lang);
	const entries: GlossaryEntryView[] = [...terms]
		.sort((a, b) => compareText(lang)(localize(a.data.term, lang), localize(b.data.term, lang)))
		.map((term) => ({
			id: term.id,
			term: localize(term.data.term, lang),
			translation:
				localize(term.data.term, other) !== localize(term.data.term, lang)
					? { text: localize(term.data.term, other), lang: other }
					: undefined,
			expansion: term.data.expansion && localize(term.data.expansion, lang),
			definition: renderMarkdown(localize(term.data.definition, lang), { lang }).html,
			aliases:
				term.data.aliases.length > 0 ? foreignParts(term.data.aliases.join(', '), lang) : undefined,
		}));
	const headings: TocHeading[] = entries.map((entry) => ({
		depth: 2,
		slug: entry.id,
		text: entry.term,
	}));
	return { entries, headings };
}

/** Compares two spellings of a term: tags, case, apostrophes and spacing aside. */
const normalize = (text: string, lang: Lang) =>
	text
		.replace(/<[^>]*>/g, '')
		.replaceAll('’', "'")
		.replace(/\s+/g, ' ')
		.trim()
		.toLocaleLowerCase(lang);

/**
 * A link to a term of the glossary, as `<Term>` shows it. When the text shown (`shown`, the
 * page's own words) is the term in the other language, or `textLang` says so, `lang` is the
 * language of that text (RGAA criterion 8.7).
 */
export function termLink(
	term: GlossaryTerm,
	lang: Lang,
	{ shown, textLang }: { shown?: string | undefined; textLang?: string | undefined } = {}
) {
	const other = otherLang(lang);
	const otherTerm = localize(term.data.term, other);
	const inOther =
		shown !== undefined &&
		normalize(otherTerm, other) !== normalize(localize(term.data.term, lang), other) &&
		normalize(shown, other) === normalize(otherTerm, other);
	return {
		href: pageHref(lang, withFragment(routes.glossary(), term.id)),
		text: localize(term.data.term, lang),
		title: term.data.expansion && localize(term.data.expansion, lang),
		lang: textLang ?? (inOther ? other : undefined),
	};
}

/**
 * What `<Term id="…">` shows on a written page: the link to the term `id` (see `termLink()`), or
 * a `ContentError` naming the page's file (`page`) when the glossary has no such term.
 */
export function pageTermLink(
	site: Pick<SiteData, 'termById'>,
	{ id, page }: { id: string; page: string },
	lang: Lang,
	options: { shown?: string | undefined; textLang?: string | undefined } = {}
) {
	const term = entryNamedByPage(site.termById, id, {
		page,
		component: 'Term',
		what: 'glossary term',
		folder: 'glossary',
	});
	return termLink(term, lang, options);
}
