import { z } from 'astro/zod';
import type { Bilingual } from '../vocab/locales.ts';
import { expected, expectedOnly, oneOf, say } from './messages.ts';

/**
 * Building blocks shared by every collection schema. The schemas import only zod and the
 * vocabularies (`src/vocab/`): the build, the web editor (in the browser), `check:content` and
 * the spreadsheet import validate with the very same code.
 *
 * Messages are written for the office staff who edit the files: each says what was expected and
 * what was found, in English or French (`src/schemas/messages.ts`); the loaders prefix them with
 * the file, the line and the field path.
 */

/**
 * What the web editor and the error lists need to know of a field beyond its type: its name in
 * each language and, for text, whether it is Markdown.
 */
export interface FieldMeta {
	/** Name of the field shown to editors, in French and English. */
	label: Bilingual;
	/** `markdown` for prose written in Markdown (the editor offers a Markdown editor). */
	format?: 'markdown' | undefined;
	/**
	 * A fact readers need that only the office can give (deadlines, places, contacts, the Erasmus
	 * code…): when it is absent, the entry is on the office's to-do list (`npm run check:content
	 * -- --todo`, `/admin/todo/`).
	 */
	todo?: boolean | undefined;
}

/** Field metadata of object schemas, by object: filled by `labelled()`, read by the editor. */
export const objectMeta = z.registry<{ fields: Record<string, FieldMeta> }>();

/**
 * Names every field of an object schema for editors. TypeScript requires an entry for each key,
 * so a new field cannot be added without its label.
 * @example labelled(z.strictObject({ city: … }), { city: { label: { fr: 'Ville', en: 'City' } } })
 */
export function labelled<T extends z.ZodObject>(
	schema: T,
	fields: { [K in keyof T['shape']]: FieldMeta }
): T {
	objectMeta.add(schema, { fields: fields as Record<string, FieldMeta> });
	return schema;
}

/** Readable labels of the values of an enumeration, by schema: filled by `choice()`. */
export const choiceLabels = z.registry<{ labels: Readonly<Record<string, Bilingual>> }>();

/**
 * An enumeration whose values have labels in both languages (a vocabulary): the web editor shows
 * the labels ("B2 — avancé"), the files keep the values (`B2`).
 * @example choice(cefrLevels, cefrLevelLabels, oneOf(cefrLevels))
 */
export function choice<const T extends readonly [string, ...string[]]>(
	values: T,
	labels: Readonly<Record<T[number], Bilingual>>,
	error: (issue: { input?: unknown }) => string
) {
	const schema = z.enum(values, { error });
	choiceLabels.add(schema, { labels });
	return schema;
}

/** Which collection a reference points to, by schema: filled by `reference()`. */
export const references = z.registry<{ collection: string }>();

/**
 * A reference to an entry of another collection, by its id (the name of its file without
 * extension): `country: jp` points to `content/countries/jp.yaml`. Whether the entry exists is
 * checked when the collections are resolved together (`src/lib/content/resolve.ts`).
 * @example country: reference('countries', { en: 'a country code such as "jp"', fr: 'un code de pays tel que « jp »' })
 */
export function reference(collection: string, what: Bilingual) {
	const schema = z.string({ error: expected(what) }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: expected(what),
	});
	references.add(schema, { collection });
	return schema;
}

/** A non-empty, trimmed piece of text. */
export const textSchema = (what: Bilingual = { en: 'text', fr: 'un texte' }) =>
	z
		.string({ error: expected(what) })
		.trim()
		.min(1, {
			error: () =>
				say({
					en: `expected ${what.en}, got an empty string`,
					fr: `attendu : ${what.fr} ; trouvé : un texte vide`,
				}),
		});

/**
 * Text given in both languages of the site. French is the source language; English is a faithful
 * translation. Both are required so that the two locales never drift apart.
 * @example
 * summary:
 *   fr: Université japonaise partenaire…
 *   en: Japanese partner university…
 */
export const localizedSchema = labelled(
	z.strictObject(
		{
			/** French text (source language). */
			fr: textSchema({ en: 'French text', fr: 'un texte en français' }),
			/** English translation of the French text. */
			en: textSchema({ en: 'English text', fr: 'un texte en anglais' }),
		},
		{
			error: expected({
				en: 'French and English text (fr: …, en: …)',
				fr: 'un texte en français et en anglais (fr: …, en: …)',
			}),
		}
	),
	{
		fr: { label: { fr: 'Français', en: 'French' } },
		en: { label: { fr: 'Anglais', en: 'English' } },
	}
);
export type Localized = z.infer<typeof localizedSchema>;

/** An absolute http(s) URL. */
export const urlSchema = z.url({
	protocol: /^https?$/,
	error: expected({
		en: 'an absolute http(s) URL',
		fr: 'une adresse web complète commençant par http:// ou https://',
	}),
});

/** An e-mail address. */
export const emailSchema = z.email({
	error: expected({ en: 'an e-mail address', fr: 'une adresse électronique' }),
});

/**
 * A phone number in E.164 form: `+` then the country code and the number, digits only.
 * @example '+33466785160' // written +33 (0)4 66 78 51 60 in France
 */
export const phoneSchema = z
	.string({
		error: expected({
			en: 'a phone number such as "+33466785160"',
			fr: 'un numéro de téléphone tel que « +33466785160 »',
		}),
	})
	.regex(/^\+[1-9]\d{6,14}$/, {
		error: expected({
			en: 'a phone number in E.164 form such as "+33466785160" (no spaces, no "(0)")',
			fr: 'un numéro au format international tel que « +33466785160 » (sans espaces ni « (0) »)',
		}),
	});

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written `YYYY-MM-DD` in YAML. The loaders parse YAML with the 1.2 core schema,
 * which keeps such a value as text; it becomes a `Date` here. A `Date` is accepted too (Astro's
 * content layer may hand one). Impossible dates (2025-02-30) are rejected.
 */
export const dateSchema = z.preprocess(
	(value) => {
		if (typeof value !== 'string' || !isoDate.test(value)) return value;
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
			? date
			: value;
	},
	z.date({
		error: (issue) =>
			typeof issue.input === 'string' && isoDate.test(issue.input)
				? say({
						en: `expected a date written YYYY-MM-DD, got "${issue.input}": that day does not exist`,
						fr: `attendu : une date écrite AAAA-MM-JJ ; trouvé : « ${issue.input} », un jour qui n’existe pas`,
					})
				: expected({
						en: 'a date written YYYY-MM-DD',
						fr: 'une date écrite AAAA-MM-JJ',
					})(issue),
	})
);

/**
 * The list of public sources a page or an entry rests on (at least one). The school's own page
 * on the Erasmus programme counts as a source.
 */
export const sourcesSchema = z
	.array(urlSchema, {
		error: expected({ en: 'a list of source URLs', fr: 'une liste d’adresses de sources' }),
	})
	.min(1, {
		error: expectedOnly({
			en: 'at least one source URL',
			fr: 'au moins une adresse de source',
		}),
	});

/** A link with a label in both languages. */
export const linkSchema = labelled(
	z.strictObject({
		/** What the link leads to, in French and English. */
		label: localizedSchema,
		/** Where it leads. */
		url: urlSchema,
	}),
	{
		label: { label: { fr: 'Libellé', en: 'Label' } },
		url: { label: { fr: 'Adresse', en: 'URL' } },
	}
);

/**
 * Freshness and provenance fields that every entry carries.
 */
export const provenanceShape = {
	/** Public sources of the facts in this entry (URLs). At least one. */
	sources: sourcesSchema,
	/** Date on which the office last checked this entry against its sources (YYYY-MM-DD). */
	lastReviewed: dateSchema,
};

/** Labels of the provenance fields. */
export const provenanceLabels = {
	sources: { label: { fr: 'Sources', en: 'Sources' } },
	lastReviewed: { label: { fr: 'Dernière vérification', en: 'Last reviewed' } },
} satisfies Record<keyof typeof provenanceShape, FieldMeta>;

/** Error message for an enumeration: `expected one of "A1", "A2", got "B3"`. */
export const enumError = oneOf;

/** A yes/no field. */
export const booleanSchema = (what: Bilingual) =>
	z.boolean({
		error: expected({ en: `true or false (${what.en})`, fr: `true ou false (${what.fr})` }),
	});

/** A whole number greater than zero. */
export const positiveIntSchema = (what: Bilingual, positive: Bilingual) =>
	z.int({ error: expected(what) }).positive({ error: expectedOnly(positive) });
