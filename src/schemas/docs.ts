import { z } from 'astro/zod';
import { enumError, provenanceShape } from './common';

/** Readers a page is written for. */
export const audiences = ['outgoing', 'incoming', 'partner', 'staff'] as const;
export type Audience = (typeof audiences)[number];

/** Content types shown in search results and used as a search filter. */
export const pageTypes = ['partner', 'country', 'programme', 'guide', 'procedure'] as const;
export type PageType = (typeof pageTypes)[number];

/**
 * Fields added to Starlight's frontmatter for the pages of `content/docs/`.
 * @see https://starlight.astro.build/reference/frontmatter/#customize-frontmatter-schema
 */
export const docsExtension = z.object({
	/** Who the page is for. */
	audience: z
		.array(z.enum(audiences, { error: enumError(audiences) }))
		.min(1, { error: 'expected at least one audience' }),
	/**
	 * What kind of page it is, shown in search results and used as a search filter: `guide`
	 * (reference) or `procedure` (steps to follow) for written pages; generated pages use
	 * `partner`, `country` and `programme`.
	 */
	type: z.enum(pageTypes, { error: enumError(pageTypes) }).default('guide'),
	/** ISO 3166-1 alpha-2 code (lower case) of the country the page is about, for the search filter. */
	country: z
		.string()
		.regex(/^[a-z]{2}$/)
		.optional(),
	...provenanceShape,
});
