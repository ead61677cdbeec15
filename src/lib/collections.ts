import type { z } from 'astro/zod';
import { contactSchema } from '../schemas/contact.ts';
import { countrySchema } from '../schemas/country.ts';
import { factsheetSchema } from '../schemas/factsheet.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { grantSchema } from '../schemas/grant.ts';
import { legalSchema } from '../schemas/legal.ts';
import { partnerSchema } from '../schemas/partner.ts';
import { programmeSchema } from '../schemas/programme.ts';
import { recognitionSchema } from '../schemas/recognition.ts';
import { reportSchema } from '../schemas/report.ts';
import type { Bilingual } from '../vocab/locales.ts';
import { routes } from './routes.ts';

/**
 * The data collections of the site, declared once. Each entry says where its files are, which
 * schema validates them, what their file names (ids) look like, what editors call them, and which
 * page shows an entry. This list drives `src/content.config.ts` (Astro's collections), the
 * loaders and `check:content`, the resolution of references, the links validator, the test
 * fixtures and the web editor's configuration.
 *
 * Adding a collection: a schema in `src/schemas/`, an entry here, then its view in
 * `src/lib/views/` and its page in `src/pages/` if it has one (see CONTRIBUTING.md).
 */

/** One data collection. */
export interface CollectionDefinition<S extends z.ZodType = z.ZodType, N extends string = string> {
	/** Name of the collection, as Astro knows it (`getCollection('partners')`). */
	name: N;
	/** Folder of its files, relative to the project root. */
	folder: string;
	/** The schema of one file. */
	schema: S;
	/** Shape of an id (a file name without extension). */
	idPattern: RegExp;
	/** How to describe `idPattern` to an editor. */
	idDescription: Bilingual;
	/** What editors call the collection and one of its entries. */
	labels: { plural: Bilingual; singular: Bilingual };
	/**
	 * The field that names an entry in lists (the editor's list, error messages), as a path in
	 * its data, e.g. `['name', 'fr']`.
	 */
	nameField: string[];
	/** Path of the page showing an entry, without locale or base; absent when entries have no page. */
	page?: ((id: string) => string) | undefined;
	/** Path of the page listing the entries, if any. */
	index?: string | undefined;
	/** Whether the collection holds exactly one entry (the school's factsheet). */
	single?: boolean | undefined;
}

/** File names in lower-case ASCII words separated by hyphens: `kagawa.yaml`, `utc-hanoi.yaml`. */
const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabCaseDescription: Bilingual = {
	en: 'a file name in lower-case ASCII words separated by hyphens, e.g. "kagawa.yaml"',
	fr: 'un nom de fichier en minuscules sans accents, mots séparés par des tirets, par exemple « kagawa.yaml »',
};

const define = <S extends z.ZodType, N extends string>(definition: CollectionDefinition<S, N>) =>
	definition;

export const partners = define({
	name: 'partners',
	folder: 'content/partners',
	schema: partnerSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Partenaires', en: 'Partners' },
		singular: { fr: 'Partenaire', en: 'Partner' },
	},
	nameField: ['name', 'en'],
	page: routes.partner,
	index: routes.partners(),
});

export const countries = define({
	name: 'countries',
	folder: 'content/countries',
	schema: countrySchema,
	idPattern: /^[a-z]{2}$/,
	idDescription: {
		en: 'an ISO 3166-1 alpha-2 code in lower case, e.g. "de.yaml"',
		fr: 'un code de pays ISO 3166-1 à deux lettres en minuscules, par exemple « de.yaml »',
	},
	labels: { plural: { fr: 'Pays', en: 'Countries' }, singular: { fr: 'Pays', en: 'Country' } },
	nameField: ['name', 'fr'],
	page: routes.country,
	index: routes.countries(),
});

export const programmes = define({
	name: 'programmes',
	folder: 'content/programmes',
	schema: programmeSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Programmes', en: 'Programmes' },
		singular: { fr: 'Programme', en: 'Programme' },
	},
	nameField: ['name', 'fr'],
	page: routes.programme,
	index: routes.programmes(),
});

export const contacts = define({
	name: 'contacts',
	folder: 'content/contacts',
	schema: contactSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Contacts', en: 'Contacts' },
		singular: { fr: 'Contact', en: 'Contact' },
	},
	nameField: ['role', 'fr'],
	index: routes.contacts(),
});

export const glossary = define({
	name: 'glossary',
	folder: 'content/glossary',
	schema: glossarySchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Glossaire', en: 'Glossary' },
		singular: { fr: 'Terme du glossaire', en: 'Glossary term' },
	},
	nameField: ['term', 'fr'],
	index: routes.glossary(),
});

export const factsheet = define({
	name: 'factsheet',
	folder: 'content/factsheet',
	schema: factsheetSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Fiche de l’École', en: 'School factsheet' },
		singular: { fr: 'Fiche de l’École', en: 'School factsheet' },
	},
	nameField: ['name', 'fr'],
	index: routes.factsheet(),
	single: true,
});

export const legal = define({
	name: 'legal',
	folder: 'content/site',
	schema: legalSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Mentions légales et accessibilité', en: 'Legal notice and accessibility' },
		singular: { fr: 'Mentions légales et accessibilité', en: 'Legal notice and accessibility' },
	},
	nameField: ['editorialService', 'fr'],
	single: true,
});

export const recognitions = define({
	name: 'recognitions',
	folder: 'content/recognitions',
	schema: recognitionSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Cours déjà reconnus', en: 'Recognised courses' },
		singular: { fr: 'Cours reconnu', en: 'Recognised course' },
	},
	nameField: ['course', 'title'],
	index: routes.recognitions(),
});

export const reports = define({
	name: 'reports',
	folder: 'content/reports',
	schema: reportSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Retours d’expérience', en: 'Returnee reports' },
		singular: { fr: 'Retour d’expérience', en: 'Returnee report' },
	},
	nameField: ['partner'],
});

export const grants = define({
	name: 'grants',
	folder: 'content/grants',
	schema: grantSchema,
	idPattern: kebabCase,
	idDescription: kebabCaseDescription,
	labels: {
		plural: { fr: 'Aides financières', en: 'Grants' },
		singular: { fr: 'Aide financière', en: 'Grant' },
	},
	nameField: ['name', 'fr'],
	index: routes.budget(),
});

/** Every data collection, in the order editors meet them. */
export const dataCollections = [
	partners,
	countries,
	programmes,
	contacts,
	glossary,
	factsheet,
	legal,
	recognitions,
	reports,
	grants,
] as const;

export type DataCollectionName = (typeof dataCollections)[number]['name'];

/** A data collection by name. */
export function collection(name: string): CollectionDefinition | undefined {
	return dataCollections.find((definition) => definition.name === name);
}

/**
 * The written pages (Markdown and MDX), French at the root of the folder and English under
 * `en/` with the same paths. Their schema is Starlight's frontmatter, extended in
 * `src/schemas/docs.ts`.
 */
export const docs = {
	name: 'docs',
	folder: 'content/docs',
	pattern: '**/[^_]*.{md,mdx}',
	labels: { plural: { fr: 'Pages', en: 'Pages' }, singular: { fr: 'Page', en: 'Page' } },
} as const;
