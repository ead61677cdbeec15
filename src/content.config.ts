import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { dataCollections, docs } from './lib/collections';
import { contentLoader } from './loaders/content-loader';
import { docsExtension } from './schemas/docs';
import { uiStringsSchema } from './schemas/ui-strings';

/**
 * Astro's collections, from the collection registry (`src/lib/collections.ts`): the data
 * collections (partners, countries, programmes, contacts, glossary, factsheet), read by the
 * generated pages, the finder, the map and the exports; the written pages; the UI strings.
 */
export const collections = {
	...Object.fromEntries(
		dataCollections.map(({ name, folder, schema, idPattern, idDescription }) => [
			name,
			defineCollection({
				loader: contentLoader({
					pattern: '*.{yaml,yml}',
					base: `./${folder}`,
					schema,
					idPattern,
					idDescription,
				}),
				schema,
			}),
		])
	),
	// Starlight pages (French at the root, English under en/): read by Starlight's routes.
	docs: defineCollection({
		loader: contentLoader({
			pattern: docs.pattern,
			base: `./${docs.folder}`,
			frontmatter: docsExtension,
		}),
		schema: docsSchema({ extend: docsExtension }),
	}),
	// UI strings: read by Starlight from this exact path, and by our components through Astro.locals.t().
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
};
