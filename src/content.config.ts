import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { contentLoader } from './lib/content-loader';
import { contactSchema } from './schemas/contact';
import { countrySchema } from './schemas/country';
import { docsExtension } from './schemas/docs';
import { factsheetSchema } from './schemas/factsheet';
import { glossarySchema } from './schemas/glossary';
import { legalSchema } from './schemas/legal';
import { partnerSchema } from './schemas/partner';
import { programmeSchema } from './schemas/programme';
import { uiStringsSchema } from './schemas/ui-strings';

export const collections = {
	// Starlight pages (French at the root, English under en/): read by Starlight's routes.
	docs: defineCollection({
		loader: contentLoader({ pattern: '**/[^_]*.{md,mdx}', base: './content/docs' }),
		schema: docsSchema({ extend: docsExtension }),
	}),
	// UI strings: read by Starlight from this exact path, and by our components through Astro.locals.t().
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	// Partner fact sheets: read by the partner pages, the finder, the map and the /data/ exports.
	partners: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/partners',
			idPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		}),
		schema: partnerSchema,
	}),
	// Country guides: read by the country pages and, through references, by partner pages.
	countries: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/countries',
			idPattern: /^[a-z]{2}$/,
			idDescription: 'an ISO 3166-1 alpha-2 code in lower case, e.g. "de.yaml"',
		}),
		schema: countrySchema,
	}),
	// Programmes (Erasmus+, UFA/DFH, BRAFITEC…): read by programme pages and partner agreements.
	programmes: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/programmes',
			idPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		}),
		schema: programmeSchema,
	}),
	// The office's roles and addresses: read by every page that shows a contact.
	contacts: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/contacts',
			idPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		}),
		schema: contactSchema,
	}),
	// The school's EWP factsheet for partner offices: read by /fiche-ecole/ and /data/factsheet.json.
	factsheet: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/factsheet',
			idPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		}),
		schema: factsheetSchema,
	}),
	// French–English glossary: read by the glossary page and by <Term> links in pages.
	glossary: defineCollection({
		loader: contentLoader({
			pattern: '*.{yaml,yml}',
			base: './content/glossary',
			idPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		}),
		schema: glossarySchema,
	}),
	// Legal notice, personal data and accessibility statement facts (one file, content/site/legal.yaml):
	// read by the footer of every page and by the three legal pages.
	legal: defineCollection({
		loader: contentLoader({ pattern: 'legal.{yaml,yml}', base: './content/site' }),
		schema: legalSchema,
	}),
};
