import { z } from 'astro/zod';
import { housingKindLabels, housingKinds, termLabels, terms } from '../vocab/recognitions.ts';
import {
	booleanSchema,
	choice,
	labelled,
	languageCodeSchema,
	reference,
	textSchema,
} from './common.ts';
import { expected, expectedOnly, oneOf, say } from './messages.ts';
import { academicYearSchema } from './partner.ts';

/**
 * Returnee reports (« retours d’expérience »): one YAML file per stay of a student at a partner,
 * in `content/reports/`, entered by the office from what the student wrote, and published only
 * with the student's consent. A report is anonymous: the student's name is kept only when they
 * agreed to have it published (`nameConsent: true`).
 */

/** An amount of money a month, with its currency. */
export const amountSchema = labelled(
	z.strictObject({
		/** The amount. @fr Le montant. */
		amount: z.number({ error: expected({ en: 'an amount', fr: 'un montant' }) }).nonnegative({
			error: expectedOnly({ en: 'an amount of 0 or more', fr: 'un montant positif ou nul' }),
		}),
		/**
		 * Its currency (ISO 4217 code: `EUR`, `JPY`).
		 * @fr Sa monnaie, en trois lettres majuscules (EUR, JPY, SEK).
		 */
		currency: z
			.string({
				error: expected({
					en: 'an ISO 4217 currency code such as "EUR"',
					fr: 'un code de monnaie ISO 4217 tel que « EUR »',
				}),
			})
			.regex(/^[A-Z]{3}$/, {
				error: expected({
					en: 'an ISO 4217 currency code such as "EUR"',
					fr: 'un code de monnaie ISO 4217 tel que « EUR »',
				}),
			}),
	}),
	{
		amount: { label: { fr: 'Montant', en: 'Amount' } },
		currency: { label: { fr: 'Monnaie', en: 'Currency' } },
	}
);
export type Amount = z.infer<typeof amountSchema>;

/** Free text in French, in English or in both: each is kept in the language it was written in. */
const writtenSchema = (what: { en: string; fr: string }) =>
	labelled(
		z
			.strictObject({
				/** In French. @fr Le texte en français. */
				fr: textSchema({ en: `${what.en} in French`, fr: `${what.fr} en français` }).optional(),
				/** In English. @fr Le texte en anglais. */
				en: textSchema({ en: `${what.en} in English`, fr: `${what.fr} en anglais` }).optional(),
			})
			.refine((text) => text.fr !== undefined || text.en !== undefined, {
				error: () =>
					say({
						en: `expected ${what.en} in French (fr) or in English (en), got neither`,
						fr: `attendu : ${what.fr} en français (fr) ou en anglais (en) ; trouvé : ni l’un ni l’autre`,
					}),
			}),
		{
			fr: { label: { fr: 'En français', en: 'In French' }, fact: 'office' },
			en: { label: { fr: 'En anglais', en: 'In English' }, fact: 'office', detail: true },
		}
	);

const reportLabels = {
	partner: { label: { fr: 'Partenaire', en: 'Partner' } },
	academicYear: { label: { fr: 'Année universitaire', en: 'Academic year' } },
	term: { label: { fr: 'Période', en: 'Period' } },
	programme: { label: { fr: 'Programme', en: 'Programme' }, fact: 'office' },
	housing: { label: { fr: 'Logement', en: 'Housing' }, fact: 'office' },
	rent: { label: { fr: 'Loyer mensuel', en: 'Monthly rent' }, fact: 'office' },
	budget: { label: { fr: 'Budget mensuel', en: 'Monthly budget' }, fact: 'office' },
	languages: {
		label: { fr: 'Langues d’enseignement', en: 'Languages of teaching' },
		fact: 'office',
	},
	courses: { label: { fr: 'Cours suivis', en: 'Courses followed' }, fact: 'office' },
	recognised: {
		label: { fr: 'Ce qui a été reconnu', en: 'What was recognised' },
		fact: 'office',
		detail: true,
	},
	advice: { label: { fr: 'Conseils', en: 'Advice' }, fact: 'office' },
	consent: { label: { fr: 'Accord pour publier', en: 'Consent to publish' } },
	nameConsent: {
		label: { fr: 'Accord pour publier son nom', en: 'Consent to publish the name' },
		fact: 'office',
		detail: true,
	},
	name: { label: { fr: 'Nom de l’élève', en: 'Student’s name' }, fact: 'office', detail: true },
} as const;

/** A course followed during the stay. */
const followedCourseSchema = labelled(
	z.strictObject({
		/**
		 * Its title, as the partner writes it.
		 * @fr Son intitulé, tel que l’écrit le partenaire.
		 */
		title: textSchema({ en: 'the title of a course', fr: 'l’intitulé d’un cours' }),
		/**
		 * The recognised course it is, when it is one (a file of `content/recognitions/`).
		 * @fr Le cours déjà reconnu qu’il est, s’il l’est : choisissez-le dans la liste.
		 */
		recognition: reference('recognitions', {
			en: 'the id of a recognised course',
			fr: 'l’identifiant d’un cours reconnu',
		}).optional(),
	}),
	{
		title: { label: { fr: 'Intitulé', en: 'Title' } },
		recognition: {
			label: { fr: 'Cours reconnu', en: 'Recognised course' },
			fact: 'office',
			detail: true,
		},
	}
);

/** A returnee report: one stay of one student at a partner. */
export const reportSchema = labelled(
	z
		.strictObject({
			/**
			 * The partner of the stay (a file of `content/partners/`).
			 * @fr Le partenaire du séjour : tapez les premières lettres et choisissez.
			 */
			partner: reference('partners', {
				en: 'the id of a partner such as "kagawa"',
				fr: 'l’identifiant d’un partenaire tel que « kagawa »',
			}),
			/**
			 * Academic year of the stay, written `2025/2026`.
			 * @fr L’année universitaire du séjour, écrite 2025/2026.
			 */
			academicYear: academicYearSchema,
			/** Semester or year of the stay. @fr Le semestre du séjour, ou l’année entière. */
			term: choice(terms, termLabels, oneOf(terms)),
			/**
			 * The programme of the stay (a file of `content/programmes/`).
			 * @fr Le programme du séjour (Erasmus+, BRAFITEC…).
			 */
			programme: reference('programmes', {
				en: 'the id of a programme such as "erasmus-plus"',
				fr: 'l’identifiant d’un programme tel que « erasmus-plus »',
			}).optional(),
			/** Kind of housing. @fr Le type de logement. */
			housing: choice(housingKinds, housingKindLabels, oneOf(housingKinds)).optional(),
			/** Monthly rent. @fr Le loyer par mois, avec sa monnaie. */
			rent: amountSchema.optional(),
			/**
			 * Monthly budget, rent included.
			 * @fr Le budget par mois, loyer compris, avec sa monnaie.
			 */
			budget: amountSchema.optional(),
			/**
			 * Languages the courses were taught in (ISO 639-1).
			 * @fr Les langues dans lesquelles les cours ont été donnés.
			 */
			languages: z.array(languageCodeSchema).optional(),
			/** Courses followed. @fr Les cours suivis. */
			courses: z.array(followedCourseSchema).optional(),
			/**
			 * What was recognised at the school, in the student's words.
			 * @fr Ce qui a été reconnu à l’École, avec les mots de l’élève.
			 */
			recognised: writtenSchema({
				en: 'what was recognised',
				fr: 'ce qui a été reconnu',
			}).optional(),
			/**
			 * The student's advice, in the language(s) they wrote it in.
			 * @fr Les conseils de l’élève, dans la langue où il les a écrits (français, anglais ou
			 *   les deux).
			 */
			advice: writtenSchema({ en: 'advice', fr: 'des conseils' }).optional(),
			/**
			 * The student agreed in writing to have this report published. Required: a report
			 * without consent is not entered.
			 * @fr L’élève a accepté par écrit que ce retour soit publié. Obligatoire : un retour sans
			 *   cet accord n’est pas saisi.
			 */
			consent: booleanSchema({
				en: 'whether the student agreed to have the report published',
				fr: 'l’élève accepte-t-il que le retour soit publié',
			}).refine((value) => value, {
				error: () =>
					say({
						en: 'expected consent: true — a report is published only with the student’s written consent; without it, do not enter the report',
						fr: 'attendu : consent: true — un retour n’est publié qu’avec l’accord écrit de l’élève ; sans cet accord, ne saisissez pas le retour',
					}),
			}),
			/**
			 * The student also agreed to have their name published. Without it the report is
			 * anonymous.
			 * @fr L’élève a aussi accepté que son nom soit publié. Sinon, le retour reste anonyme.
			 */
			nameConsent: booleanSchema({
				en: 'whether the student agreed to have their name published',
				fr: 'l’élève accepte-t-il que son nom soit publié',
			}).default(false),
			/**
			 * The student's name, only with `nameConsent: true`.
			 * @fr Le nom de l’élève, seulement s’il a accepté qu’il soit publié.
			 */
			name: textSchema({ en: 'a name', fr: 'un nom' }).optional(),
		})
		.refine((report) => report.name === undefined || report.nameConsent, {
			path: ['name'],
			error: () =>
				say({
					en: 'expected no name, since nameConsent is not true: a report stays anonymous unless the student agreed to have their name published',
					fr: 'attendu : aucun nom, puisque nameConsent n’est pas true : un retour reste anonyme sauf si l’élève a accepté que son nom soit publié',
				}),
		}),
	reportLabels
);
export type ReportData = z.infer<typeof reportSchema>;

/**
 * Whether a report may be shown and exported: only with the student's consent to publish it (the
 * schema refuses a report without it; this keeps any other way in from publishing one).
 */
export function publishable(report: { data: Pick<ReportData, 'consent'> }): boolean {
	return report.data.consent === true;
}

/** The order of terms within an academic year, for sorting reports. */
const termOrder = { autumn: 0, 'full-year': 0, spring: 1 } as const;

/** Reports, the latest stay first. */
export function latestFirst<T extends { data: Pick<ReportData, 'academicYear' | 'term'> }>(
	reports: readonly T[]
): T[] {
	const key = (report: T) =>
		Number(report.data.academicYear.slice(0, 4)) * 2 + termOrder[report.data.term];
	return [...reports].sort((a, b) => key(b) - key(a));
}

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Reports a median needs at least: below, single reports would be recognisable. */
export const medianMinimum = 3;

/**
 * Medians of amounts, one per currency, for the currencies with at least `medianMinimum`
 * amounts.
 * @example medians([{amount: 300, currency: 'EUR'}, …]) // [{ currency: 'EUR', amount: 320, count: 3 }]
 */
export function medians(
	amounts: readonly (Amount | undefined)[]
): { currency: string; amount: number; count: number }[] {
	const byCurrency = new Map<string, number[]>();
	for (const amount of amounts) {
		if (!amount) continue;
		byCurrency.set(amount.currency, [...(byCurrency.get(amount.currency) ?? []), amount.amount]);
	}
	return [...byCurrency]
		.filter(([, values]) => values.length >= medianMinimum)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([currency, values]) => ({ currency, amount: median(values)!, count: values.length }));
}
