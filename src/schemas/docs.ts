import { z } from 'astro/zod';
import { audienceLabels, audiences, pageTypeLabels, pageTypes } from '../vocab/pages.ts';
import { choice, labelled, provenanceLabels, provenanceShape, textSchema } from './common.ts';
import { expectedOnly, oneOf } from './messages.ts';

/**
 * Fields added to Starlight's frontmatter for the pages of `content/docs/`.
 * @see https://starlight.astro.build/reference/frontmatter/#customize-frontmatter-schema
 */
export const docsExtension = labelled(
	z.object({
		/** Who the page is for. */
		audience: z
			.array(choice(audiences, audienceLabels, oneOf(audiences)))
			.min(1, { error: expectedOnly({ en: 'at least one audience', fr: 'au moins un public' }) }),
		/**
		 * What kind of page it is, shown in search results and used as a search filter: `guide`
		 * (reference) or `procedure` (steps to follow) for written pages; generated pages use
		 * `partner`, `country` and `programme`.
		 */
		type: choice(pageTypes, pageTypeLabels, oneOf(pageTypes)).default('guide'),
		/**
		 * Words readers type to find what this page answers, in the page's language, when the page
		 * itself uses other words or uses them too rarely to come first (`visa`, `titre de séjour`):
		 * the search weighs them like a title. Never shown.
		 */
		searchTerms: z
			.array(textSchema({ en: 'a search term', fr: 'un terme de recherche' }))
			.optional(),
		/** ISO 3166-1 alpha-2 code (lower case) of the country the page is about, for the search filter. */
		country: z
			.string()
			.regex(/^[a-z]{2}$/)
			.optional(),
		...provenanceShape,
	}),
	{
		audience: { label: { fr: 'Public', en: 'Audience' } },
		type: { label: { fr: 'Type de page', en: 'Page type' } },
		searchTerms: { label: { fr: 'Termes de recherche', en: 'Search terms' } },
		country: { label: { fr: 'Pays (code)', en: 'Country (code)' } },
		...provenanceLabels,
	}
);
