import { z } from 'astro/zod';
import { audienceLabels, audiences, pageTypeLabels, pageTypes } from '../vocab/pages.ts';
import { choice, field, provenanceShape, textSchema } from './common.ts';
import { expectedOnly, oneOf } from './messages.ts';

/**
 * Fields added to Starlight's frontmatter for the pages of `content/docs/`.
 * @see https://starlight.astro.build/reference/frontmatter/#customize-frontmatter-schema
 */
export const docsExtension = z.object({
	audience: field(
		z
			.array(choice(audiences, audienceLabels, oneOf(audiences)))
			.min(1, { error: expectedOnly({ en: 'at least one audience', fr: 'au moins un public' }) }),
		{
			label: { fr: 'Public', en: 'Audience' },
			hint: 'À qui s’adresse la page.',
			description: 'Who the page is for.',
		}
	),
	type: field(choice(pageTypes, pageTypeLabels, oneOf(pageTypes)).default('guide'), {
		label: { fr: 'Type de page', en: 'Page type' },
		hint: 'Le genre de page, affiché dans les résultats de recherche et proposé comme filtre : guide (référence) ou procédure (étapes à suivre).',
		description:
			'What kind of page it is, shown in search results and used as a search filter: `guide` (reference) or `procedure` (steps to follow) for written pages; generated pages use `partner`, `country` and `programme`.',
	}),
	searchTerms: field(
		z.array(textSchema({ en: 'a search term', fr: 'un terme de recherche' })).optional(),
		{
			label: { fr: 'Termes de recherche', en: 'Search terms' },
			hint: 'Les mots que les lecteurs tapent pour trouver ce que la page explique, quand elle emploie d’autres mots (visa, titre de séjour) : la recherche les compte comme un titre. Jamais affichés ; dans la langue de chaque version.',
			description:
				"Words readers type to find what this page answers, in the page's language, when the page itself uses other words or uses them too rarely to come first (`visa`, `titre de séjour`): the search weighs them like a title. Never shown.",
		}
	),
	country: field(
		z
			.string()
			.regex(/^[a-z]{2}$/)
			.optional(),
		{
			label: { fr: 'Pays (code)', en: 'Country (code)' },
			hint: 'Le code du pays dont parle la page, en deux lettres minuscules (de, jp), pour le filtre de la recherche.',
			description:
				'ISO 3166-1 alpha-2 code (lower case) of the country the page is about, for the search filter.',
		}
	),
	...provenanceShape,
});

/**
 * What `check:content` and the web editor check of a written page's frontmatter: Starlight's
 * title, and the fields above (Starlight's other fields are checked by the build).
 */
export const docsFrontmatterSchema = docsExtension.extend({
	title: textSchema({ en: 'a title', fr: 'un titre' }),
});
