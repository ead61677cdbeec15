import { otherLang, type Lang } from '../../vocab/locales.ts';
import { compareText, localize } from '../i18n.ts';
import { renderMarkdown } from '../markdown.ts';
import { pageHref, routes, withFragment } from '../routes.ts';
import type { GlossaryTerm } from '../resolve.ts';
import type { TocHeading } from './values.ts';

/** A term of the glossary as its page shows it. */
export interface GlossaryEntryView {
	id: string;
	term: string;
	/** The term in the other language, when it differs. */
	translation?: { text: string; lang: Lang } | undefined;
	expansion?: string | undefined;
	definition: string;
	aliases: string[];
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
			definition: renderMarkdown(localize(term.data.definition, lang)).html,
			aliases: term.data.aliases,
		}));
	const headings: TocHeading[] = entries.map((entry) => ({
		depth: 2,
		slug: entry.id,
		text: entry.term,
	}));
	return { entries, headings };
}

/** A link to a term of the glossary, as `<Term>` shows it. */
export function termLink(term: GlossaryTerm, lang: Lang) {
	return {
		href: pageHref(lang, withFragment(routes.glossary(), term.id)),
		text: localize(term.data.term, lang),
		title: term.data.expansion && localize(term.data.expansion, lang),
	};
}
