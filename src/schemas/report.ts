import { z } from 'astro/zod';
import { housingKindLabels, housingKinds, termLabels, terms } from '../vocab/recognitions.ts';
import {
	booleanSchema,
	choice,
	field,
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
export const amountSchema = z.strictObject({
	amount: field(
		z.number({ error: expected({ en: 'an amount', fr: 'un montant' }) }).nonnegative({
			error: expectedOnly({ en: 'an amount of 0 or more', fr: 'un montant positif ou nul' }),
		}),
		{ label: { fr: 'Montant', en: 'Amount' }, hint: 'Le montant.', description: 'The amount.' }
	),
	currency: field(
		z
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
		{
			label: { fr: 'Monnaie', en: 'Currency' },
			hint: 'Sa monnaie, en trois lettres majuscules (EUR, JPY, SEK).',
			description: 'Its currency (ISO 4217 code: `EUR`, `JPY`).',
		}
	),
});
export type Amount = z.infer<typeof amountSchema>;

/** Free text in French, in English or in both: each is kept in the language it was written in. */
const writtenSchema = (what: { en: string; fr: string }) =>
	z
		.strictObject({
			fr: field(
				textSchema({ en: `${what.en} in French`, fr: `${what.fr} en français` }).optional(),
				{
					label: { fr: 'En français', en: 'In French' },
					fact: 'office',
					hint: 'Le texte en français.',
					description: 'In French.',
				}
			),
			en: field(
				textSchema({ en: `${what.en} in English`, fr: `${what.fr} en anglais` }).optional(),
				{
					label: { fr: 'En anglais', en: 'In English' },
					fact: 'office',
					detail: true,
					hint: 'Le texte en anglais.',
					description: 'In English.',
				}
			),
		})
		.refine((text) => text.fr !== undefined || text.en !== undefined, {
			error: () =>
				say({
					en: `expected ${what.en} in French (fr) or in English (en), got neither`,
					fr: `attendu : ${what.fr} en français (fr) ou en anglais (en) ; trouvé : ni l’un ni l’autre`,
				}),
		});

/** A course followed during the stay. */
const followedCourseSchema = z.strictObject({
	title: field(textSchema({ en: 'the title of a course', fr: 'l’intitulé d’un cours' }), {
		label: { fr: 'Intitulé', en: 'Title' },
		hint: 'Son intitulé, tel que l’écrit le partenaire.',
		description: 'Its title, as the partner writes it.',
	}),
	recognition: field(
		reference('recognitions', {
			en: 'the id of a recognised course',
			fr: 'l’identifiant d’un cours reconnu',
		}).optional(),
		{
			label: { fr: 'Cours reconnu', en: 'Recognised course' },
			fact: 'office',
			detail: true,
			hint: 'Le cours déjà reconnu qu’il est, s’il l’est : choisissez-le dans la liste.',
			description:
				'The recognised course it is, when it is one (a file of `content/recognitions/`).',
		}
	),
});

/** A returnee report: one stay of one student at a partner. */
export const reportSchema = z
	.strictObject({
		partner: field(
			reference('partners', {
				en: 'the id of a partner such as "kagawa"',
				fr: 'l’identifiant d’un partenaire tel que « kagawa »',
			}),
			{
				label: { fr: 'Partenaire', en: 'Partner' },
				hint: 'Le partenaire du séjour : tapez les premières lettres et choisissez.',
				description: 'The partner of the stay (a file of `content/partners/`).',
			}
		),
		academicYear: field(academicYearSchema, {
			label: { fr: 'Année universitaire', en: 'Academic year' },
			hint: 'L’année universitaire du séjour, écrite 2025/2026.',
			description: 'Academic year of the stay, written `2025/2026`.',
		}),
		term: field(choice(terms, termLabels, oneOf(terms)), {
			label: { fr: 'Période', en: 'Period' },
			hint: 'Le semestre du séjour, ou l’année entière.',
			description: 'Semester or year of the stay.',
		}),
		programme: field(
			reference('programmes', {
				en: 'the id of a programme such as "erasmus-plus"',
				fr: 'l’identifiant d’un programme tel que « erasmus-plus »',
			}).optional(),
			{
				label: { fr: 'Programme', en: 'Programme' },
				fact: 'office',
				hint: 'Le programme du séjour (Erasmus+, BRAFITEC…).',
				description: 'The programme of the stay (a file of `content/programmes/`).',
			}
		),
		housing: field(choice(housingKinds, housingKindLabels, oneOf(housingKinds)).optional(), {
			label: { fr: 'Logement', en: 'Housing' },
			fact: 'office',
			hint: 'Le type de logement.',
			description: 'Kind of housing.',
		}),
		rent: field(amountSchema.optional(), {
			label: { fr: 'Loyer mensuel', en: 'Monthly rent' },
			fact: 'office',
			hint: 'Le loyer par mois, avec sa monnaie.',
			description: 'Monthly rent.',
		}),
		budget: field(amountSchema.optional(), {
			label: { fr: 'Budget mensuel', en: 'Monthly budget' },
			fact: 'office',
			hint: 'Le budget par mois, loyer compris, avec sa monnaie.',
			description: 'Monthly budget, rent included.',
		}),
		languages: field(z.array(languageCodeSchema).optional(), {
			label: { fr: 'Langues d’enseignement', en: 'Languages of teaching' },
			fact: 'office',
			hint: 'Les langues dans lesquelles les cours ont été donnés.',
			description: 'Languages the courses were taught in (ISO 639-1).',
		}),
		courses: field(z.array(followedCourseSchema).optional(), {
			label: { fr: 'Cours suivis', en: 'Courses followed' },
			fact: 'office',
			hint: 'Les cours suivis.',
			description: 'Courses followed.',
		}),
		recognised: field(
			writtenSchema({
				en: 'what was recognised',
				fr: 'ce qui a été reconnu',
			}).optional(),
			{
				label: { fr: 'Ce qui a été reconnu', en: 'What was recognised' },
				fact: 'office',
				detail: true,
				hint: 'Ce qui a été reconnu à l’École, avec les mots de l’élève.',
				description: "What was recognised at the school, in the student's words.",
			}
		),
		advice: field(writtenSchema({ en: 'advice', fr: 'des conseils' }).optional(), {
			label: { fr: 'Conseils', en: 'Advice' },
			fact: 'office',
			hint: 'Les conseils de l’élève, dans la langue où il les a écrits (français, anglais ou les deux).',
			description: "The student's advice, in the language(s) they wrote it in.",
		}),
		consent: field(
			booleanSchema({
				en: 'whether the student agreed to have the report published',
				fr: 'l’élève accepte-t-il que le retour soit publié',
			}).refine((value) => value, {
				error: () =>
					say({
						en: 'expected consent: true — a report is published only with the student’s written consent; without it, do not enter the report',
						fr: 'attendu : consent: true — un retour n’est publié qu’avec l’accord écrit de l’élève ; sans cet accord, ne saisissez pas le retour',
					}),
			}),
			{
				label: { fr: 'Accord pour publier', en: 'Consent to publish' },
				hint: 'L’élève a accepté par écrit que ce retour soit publié. Obligatoire : un retour sans cet accord n’est pas saisi.',
				description:
					'The student agreed in writing to have this report published. Required: a report without consent is not entered.',
			}
		),
		nameConsent: field(
			booleanSchema({
				en: 'whether the student agreed to have their name published',
				fr: 'l’élève accepte-t-il que son nom soit publié',
			}).default(false),
			{
				label: { fr: 'Accord pour publier son nom', en: 'Consent to publish the name' },
				fact: 'office',
				detail: true,
				hint: 'L’élève a aussi accepté que son nom soit publié. Sinon, le retour reste anonyme.',
				description:
					'The student also agreed to have their name published. Without it the report is anonymous.',
			}
		),
		name: field(textSchema({ en: 'a name', fr: 'un nom' }).optional(), {
			label: { fr: 'Nom de l’élève', en: 'Student’s name' },
			fact: 'office',
			detail: true,
			hint: 'Le nom de l’élève, seulement s’il a accepté qu’il soit publié.',
			description: "The student's name, only with `nameConsent: true`.",
		}),
	})
	.refine((report) => report.name === undefined || report.nameConsent, {
		path: ['name'],
		error: () =>
			say({
				en: 'expected no name, since nameConsent is not true: a report stays anonymous unless the student agreed to have their name published',
				fr: 'attendu : aucun nom, puisque nameConsent n’est pas true : un retour reste anonyme sauf si l’élève a accepté que son nom soit publié',
			}),
	});
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
