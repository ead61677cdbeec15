import { z } from 'astro/zod';
import { isLanguageCode, languageCodes, languageName } from '../vocab/languages.ts';
import type { Bilingual } from '../vocab/locales.ts';
import { sourceKindLabels, sourceKinds } from '../vocab/sources.ts';
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
 * Everything said of a field beyond its type, declared once beside it with `field()`: its name in
 * each language, what the office reads under it in the editor, what the open-data schema says of
 * it, whose fact it is. The editor's forms, the pages' labels, the JSON Schema's descriptions, the
 * spreadsheet's columns and notes, the finder's text and the to-do read it from there.
 */
export interface FieldMeta {
	/** Name of the field shown to editors and readers, in French and English. */
	label: Bilingual;
	/** What the field is, in French, for the office: shown under the field in the web editor. */
	hint?: string | undefined;
	/** What the field is, in English, for reusers: its description in the published JSON Schema. */
	description?: string | undefined;
	/** `markdown` for prose written in Markdown (the editor offers a Markdown editor). */
	format?: 'markdown' | undefined;
	/**
	 * Whose fact an optional field is, declared on every optional field (a unit test checks it):
	 * - `public`: a government's or the partner's own pages publish it (a city, a website, an
	 *   emergency number, entry rules). Absent, it is work for whoever maintains the content
	 *   (« À rechercher » in the to-do) and pages simply leave it out: readers are never sent to
	 *   the office for it.
	 * - `office`: only the Service Pédagogie Internationale knows it (the school's deadlines,
	 *   places for Alès students, whether an agreement is in force, whom to contact at the school).
	 *   Absent, it is « À confirmer par le Service » in the to-do, and the page that would show it
	 *   names it in its one "ask the office" box.
	 */
	fact?: FactKind | undefined;
	/**
	 * A detail only some entries have (a note, a recent change of currency, a second phone
	 * number): absent, it is on no list.
	 */
	detail?: boolean | undefined;
	/** The partner finder matches its words against this field's text (a name, a city). */
	search?: boolean | undefined;
}

/** Who can give a fact: public sources, or only the office (see `FieldMeta.fact`). */
export type FactKind = 'public' | 'office';

/** What is said of each field, by the field's schema: filled by `field()`. */
export const fieldMeta = z.registry<FieldMeta>();

/**
 * The English descriptions of fields, by schema, as zod's JSON Schema generator reads metadata
 * (`z.toJSONSchema(schema, { metadata: descriptions })`): filled by `field()`.
 */
export const descriptions = z.registry<{ description: string }>();

/**
 * A field of an object schema with what is said of it (`FieldMeta`): a copy of the schema, so
 * that a shared schema (`localizedSchema`) is described anew in each place it is used.
 * @example city: field(textSchema().optional(), { label: { fr: 'Ville', en: 'City' }, fact: 'public' })
 */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
	const copy = schema.clone() as T;
	fieldMeta.add(copy, meta);
	if (meta.description) descriptions.add(copy, { description: meta.description });
	return copy;
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
export const localizedSchema = z.strictObject(
	{
		fr: field(textSchema({ en: 'French text', fr: 'un texte en français' }), {
			label: { fr: 'Français', en: 'French' },
			hint: 'Le texte en français, rédigé en premier.',
			description: 'French text (source language).',
		}),
		en: field(textSchema({ en: 'English text', fr: 'un texte en anglais' }), {
			label: { fr: 'Anglais', en: 'English' },
			hint: 'Sa traduction fidèle en anglais.',
			description: 'English translation of the French text.',
		}),
	},
	{
		error: expected({
			en: 'French and English text (fr: …, en: …)',
			fr: 'un texte en français et en anglais (fr: …, en: …)',
		}),
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

const languageCode = {
	en: 'a two-letter ISO 639-1 language code such as "en"',
	fr: 'un code de langue ISO 639-1 à deux lettres tel que « en »',
};

/** A two-letter ISO 639-1 language code; the editor offers every language by name. */
export const languageCodeSchema = z
	.string({ error: expected(languageCode) })
	.refine(isLanguageCode, { error: expected(languageCode) });
choiceLabels.add(languageCodeSchema, {
	labels: Object.fromEntries(
		languageCodes.map((code) => [
			code,
			{ fr: `${languageName(code, 'fr')} (${code})`, en: `${languageName(code, 'en')} (${code})` },
		])
	),
});

const documentDate = {
	en: 'the date of the document: a year ("2014"), a month ("2014-07") or a day ("2014-07-01")',
	fr: 'la date du document : une année (« 2014 »), un mois (« 2014-07 ») ou un jour (« 2014-07-01 »)',
};

/**
 * The date of a document, as precisely as it is known: a year, a month or a day. A year written
 * without quotes (YAML reads it as a number) is accepted.
 */
export const documentDateSchema = z.preprocess(
	(value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
	z.string({ error: expected(documentDate) }).refine(
		(value) => {
			const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
			if (!match) return false;
			const [year, month = 1, day = 1] = [
				Number(match[1]),
				Number(match[2] ?? 1),
				Number(match[3] ?? 1),
			];
			const date = new Date(Date.UTC(year, month - 1, day));
			return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
		},
		{
			// Written as asked but impossible (2026-02-30, 2026-13): said so, not the format again.
			error: (issue) =>
				typeof issue.input === 'string' && /^\d{4}-\d{2}(?:-\d{2})?$/.test(issue.input)
					? say({
							en: `expected ${documentDate.en}, got "${issue.input}": that ${issue.input.length > 7 ? 'day' : 'month'} does not exist`,
							fr: `attendu : ${documentDate.fr} ; trouvé : « ${issue.input} », ${issue.input.length > 7 ? 'un jour' : 'un mois'} qui n’existe pas`,
						})
					: expected(documentDate)(issue),
		}
	)
);

/**
 * A public source of the facts of an entry or a page: where it is, what it is called (in its own
 * language), who publishes it, when it was written, and how far it can be trusted.
 */
export const sourceSchema = z
	.strictObject(
		{
			url: field(urlSchema, {
				label: { fr: 'Adresse', en: 'URL' },
				hint: 'L’adresse complète de la page ou du document (https://…).',
				description: 'Address of the document.',
			}),
			title: field(textSchema({ en: 'the title of the document', fr: 'le titre du document' }), {
				label: { fr: 'Titre du document', en: 'Title of the document' },
				hint: 'Son titre tel qu’il est écrit, dans sa langue (à défaut, une courte description fidèle).',
				description: 'Its title, in its own language (or a short faithful description of it).',
			}),
			lang: field(languageCodeSchema, {
				label: { fr: 'Langue du titre', en: 'Language of the title' },
				hint: 'La langue de ce titre : tapez « français », « anglais »… et choisissez.',
				description:
					'Language of the title (ISO 639-1), so that pages in the other language mark it.',
			}),
			publisher: field(localizedSchema, {
				label: { fr: 'Éditeur (qui publie)', en: 'Publisher' },
				hint: 'Qui publie le document (l’établissement, le ministère…), en français et en anglais ; souvent le même nom.',
				description: 'Who publishes it, in French and in English.',
			}),
			// Missing dates are reported by check:content's own warnings, not by the to-do.
			date: field(documentDateSchema.optional(), {
				label: { fr: 'Date du document', en: 'Date of the document' },
				fact: 'public',
				detail: true,
				hint: 'La date du document, s’il en donne une : une année (2024), un mois (2024-03) ou un jour (2024-03-15). Obligatoire pour une source officielle : si la page n’en donne pas, l’année où elle a été lue.',
				description:
					'When the document was written or last updated, when it says so. Required for an official source: without a date on the page, the year it was read.',
			}),
			kind: field(choice(sourceKinds, sourceKindLabels, oneOf(sourceKinds)).optional(), {
				label: { fr: 'Fiabilité', en: 'Reliability' },
				fact: 'public',
				detail: true,
				hint: 'Source officielle (un organisme sur ses propres règles), publiée par le partenaire (sur lui-même) ou source tierce (presse, autres sites), que le site signale comme telle.',
				description:
					'`official` (a body about its own rules), `partner` (a partner about itself) or `third-party`.',
			}),
		},
		{
			error: expected({
				en: 'a source with its url, title, lang and publisher',
				fr: 'une source avec son adresse (url), son titre (title), sa langue (lang) et son éditeur (publisher)',
			}),
		}
	)
	// A page says how old its official rules are: an official source always has a date.
	.superRefine((source, context) => {
		if (source.kind === 'official' && source.date === undefined)
			context.addIssue({
				code: 'custom',
				path: ['date'],
				message: say({
					en: 'expected the date of the document for an official source: the date the page states (published or updated), or else the year it was read, such as "2026"; got nothing',
					fr: 'attendu : la date du document pour une source officielle, celle que la page indique (publication ou mise à jour), sinon l’année où elle a été lue, par exemple « 2026 » ; trouvé : rien',
				}),
			});
	});
export type Source = z.infer<typeof sourceSchema>;

/**
 * The list of public sources a page or an entry rests on (at least one). The school's own page
 * on the Erasmus programme counts as a source.
 */
export const sourcesSchema = z
	.array(sourceSchema, {
		error: expected({ en: 'a list of sources', fr: 'une liste de sources' }),
	})
	.min(1, {
		error: expectedOnly({
			en: 'at least one source',
			fr: 'au moins une source',
		}),
	});

/** A link with a label in both languages. */
export const linkSchema = z.strictObject({
	label: field(localizedSchema, {
		label: { fr: 'Libellé', en: 'Label' },
		hint: 'Ce vers quoi mène le lien, en français et en anglais.',
		description: 'What the link leads to, in French and English.',
	}),
	url: field(urlSchema, {
		label: { fr: 'Adresse', en: 'URL' },
		hint: 'L’adresse complète de la page (https://…).',
		description: 'Where it leads.',
	}),
});

/**
 * Provenance fields that every entry carries, keeping apart what happened: when the sources were
 * consulted, and when (if ever) the office confirmed the entry. A page shows both honestly
 * ("Sources consultées le … · document de 2014"), never one as the other.
 */
export const provenanceShape = {
	sources: field(sourcesSchema, {
		label: { fr: 'Sources', en: 'Sources' },
		hint: 'Les pages publiques où sont écrites les informations de cette fiche ; au moins une.',
		description:
			'Public sources of the facts in this record: address, title (in its own language, `lang`), publisher, date of the document when known, and `kind` (official, partner, third-party).',
	}),
	consulted: field(dateSchema, {
		label: { fr: 'Sources consultées le', en: 'Sources consulted on' },
		hint: 'Le jour où ces sources ont été lues pour écrire ou vérifier la fiche.',
		description: 'Date on which the sources were consulted (YYYY-MM-DD).',
	}),
	confirmed: field(dateSchema.optional(), {
		label: { fr: 'Confirmé par le service le', en: 'Confirmed by the office on' },
		fact: 'office',
		hint: 'Le jour où le Service Pédagogie Internationale a vérifié et confirmé la fiche ; vide tant que ce n’est pas fait (la fiche reste alors dans « À compléter »).',
		description:
			'Date on which the Service Pédagogie Internationale confirmed this record (YYYY-MM-DD); absent until it has.',
	}),
};

/** A yes/no field. */
export const booleanSchema = (what: Bilingual) =>
	z.boolean({
		error: expected({ en: `true or false (${what.en})`, fr: `true ou false (${what.fr})` }),
	});

/** A whole number greater than zero. */
export const positiveIntSchema = (what: Bilingual, positive: Bilingual) =>
	z.int({ error: expected(what) }).positive({ error: expectedOnly(positive) });
