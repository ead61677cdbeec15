import type { FactKind } from '../../schemas/common.ts';
import type { TFunction } from 'i18next';

/**
 * What views hand to components: structured values, never HTML strings. A component renders a
 * value part by part and Astro escapes every text; the only HTML a view carries is Markdown
 * prose rendered and sanitised by the one pipeline (`src/lib/markdown.ts`), in `html` parts.
 */

/** One piece of a value. */
export type Part =
	/**
	 * Text, escaped when rendered; `lang` when it is not in the page's language; `muted` for a
	 * secondary detail (codes for partner offices).
	 */
	| {
			text: string;
			lang?: string | undefined;
			strong?: boolean | undefined;
			muted?: boolean | undefined;
	  }
	/** A link; `external` for another site (gets `rel="noopener"`). */
	| { href: string; text: string; external?: boolean | undefined; lang?: string | undefined }
	/** A code, such as an Erasmus code. */
	| { code: string }
	/** Markdown prose, rendered and sanitised by `src/lib/markdown.ts`. */
	| { html: string };

/** A value shown on a page: lines of parts (lines are separated by line breaks). */
export type Value = Part[][];

/**
 * A labelled fact. Without a value it is unknown: left out when it is a public fact (the default:
 * to be looked up), named in the page's one "ask the office" box when it is an office fact.
 */
export interface Fact {
	label: string;
	value?: Value | undefined;
	/** Whose fact it is (`FieldMeta.fact` in the schemas); `public` when not said. */
	kind?: FactKind | undefined;
}

/** The labels of the office facts a list lacks, for the page's `<AskOffice>` box. */
export const officeFactsMissing = (facts: readonly Fact[]): string[] =>
	facts.filter((fact) => fact.kind === 'office' && !fact.value).map((fact) => fact.label);

/** A heading of the page's table of contents. */
export interface TocHeading {
	depth: number;
	slug: string;
	text: string;
}

/** A link with its text. */
export interface Link {
	href: string;
	text: string;
	external?: boolean | undefined;
	lang?: string | undefined;
}

/**
 * The site's UI strings in the page's language: i18next's `t` of Starlight's namespace, which
 * `Astro.locals.t` is in components and an i18next instance over `src/content/i18n/` in tests.
 * Its keys are those of `src/content/i18n/` (Starlight types them from the i18n collection); a
 * key with plural forms (`finder.count_one`, `finder.count_other`) is used without its suffix.
 */
export type Translate = TFunction<'starlight', undefined>;

/**
 * The lines of a value that are present, or `undefined` when none is: a fact with only unknown
 * parts is an unknown fact.
 */
export function lines(
	...candidates: (Part[] | false | undefined | null | '' | 0)[]
): Value | undefined {
	const present = candidates.filter(
		(line): line is Part[] => Array.isArray(line) && line.length > 0
	);
	return present.length > 0 ? present : undefined;
}

/** The host name of a URL, as the text of a link to it. */
export const hostname = (url: string): string => new URL(url).hostname;
