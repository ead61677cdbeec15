import { z } from 'astro/zod';
import { iscedCodes, iscedFields } from '../vocab/isced.ts';
import { eqfLevelLabels, eqfLevels } from '../vocab/levels.ts';
import {
	defaultValidityYears,
	recognitionBases,
	recognitionBasisLabels,
	termLabels,
	terms,
} from '../vocab/recognitions.ts';
import {
	choice,
	choiceLabels,
	dateSchema,
	field,
	languageCodeSchema,
	localizedSchema,
	reference,
	textSchema,
} from './common.ts';
import { expected, expectedOnly, oneOf, say } from './messages.ts';

/**
 * Courses already recognised (« cours déjà reconnus »): one YAML file per course of a partner
 * that the school has recognised, in `content/recognitions/`. Each says what the course is at
 * the partner, what it counted for at Mines Alès, when the decision was taken and until when it
 * holds (five years unless the decision says otherwise). The office enters them from its own
 * decisions: they have no public source.
 */

/** A level of study of the EQF (6, 7 or 8). */
const eqfLevelSchema = z.union(
	eqfLevels.map((level) => z.literal(level)),
	{ error: oneOf(eqfLevels) }
);
choiceLabels.add(eqfLevelSchema, { labels: eqfLevelLabels });

/** An ISCED-F code of `src/vocab/isced.ts`, written in quotes in YAML. */
export const iscedCodeSchema = choice(
	iscedCodes as [string, ...string[]],
	Object.fromEntries(
		Object.entries(iscedFields).map(([code, label]) => [
			code,
			{ fr: `${code} — ${label.fr}`, en: `${code} — ${label.en}` },
		])
	),
	expected({
		en: 'an ISCED-F code listed in src/vocab/isced.ts such as "07" or "0713", in quotes',
		fr: 'un code CITE-F de src/vocab/isced.ts tel que « 07 » ou « 0713 », entre guillemets',
	})
);

const positiveNumber = (what: { en: string; fr: string }) =>
	z.number({ error: expected(what) }).positive({
		error: expectedOnly({ en: `${what.en} above 0`, fr: `${what.fr} supérieur à 0` }),
	});

/** Credits as the partner counts them: a number and its unit. */
export const creditsSchema = z.strictObject({
	value: field(positiveNumber({ en: 'a number of credits', fr: 'un nombre de crédits' }), {
		label: { fr: 'Crédits', en: 'Credits' },
		hint: 'Le nombre de crédits.',
		description: 'Number of credits.',
	}),
	unit: field(textSchema({ en: 'a unit of credits', fr: 'une unité de crédits' }).default('ECTS'), {
		label: { fr: 'Unité', en: 'Unit' },
		fact: 'public',
		detail: true,
		hint: 'L’unité : ECTS, ou celle du partenaire (US credits, crédits locaux…).',
		description: "Their unit: `ECTS`, or the partner's own (`US credits`, `UK credits`…).",
	}),
});

/** A course of a partner recognised by the school. */
export const recognitionSchema = z
	.strictObject({
		partner: field(
			reference('partners', {
				en: 'the id of a partner such as "kagawa"',
				fr: 'l’identifiant d’un partenaire tel que « kagawa »',
			}),
			{
				label: { fr: 'Partenaire', en: 'Partner' },
				hint: 'Le partenaire où le cours est donné : tapez les premières lettres et choisissez.',
				description: 'The partner where the course is taught (a file of `content/partners/`).',
			}
		),
		course: field(
			z.strictObject({
				code: field(textSchema({ en: 'a course code', fr: 'un code de cours' }).optional(), {
					label: { fr: 'Code', en: 'Code' },
					fact: 'public',
					hint: 'Le code du cours chez le partenaire.',
					description: "The partner's code of the course.",
				}),
				title: field(textSchema({ en: 'the title of the course', fr: 'l’intitulé du cours' }), {
					label: { fr: 'Intitulé', en: 'Title' },
					hint: 'Son intitulé dans la langue du partenaire, tel que l’écrit son catalogue.',
					description: "Its title in the partner's language, as the catalogue writes it.",
				}),
				titleLang: field(languageCodeSchema, {
					label: { fr: 'Langue de l’intitulé', en: 'Language of the title' },
					hint: 'La langue de cet intitulé : tapez « anglais », « italien »… et choisissez.',
					description: 'Language of that title (ISO 639-1).',
				}),
				titleEn: field(
					textSchema({ en: 'an English title', fr: 'un intitulé en anglais' }).optional(),
					{
						label: { fr: 'Intitulé en anglais', en: 'English title' },
						fact: 'public',
						detail: true,
						hint: 'Son intitulé en anglais, si le partenaire en donne un.',
						description: 'Its title in English, where the partner gives one.',
					}
				),
				titleFr: field(
					textSchema({ en: 'a French title', fr: 'un intitulé en français' }).optional(),
					{
						label: { fr: 'Intitulé en français', en: 'French title' },
						fact: 'public',
						detail: true,
						hint: 'Son intitulé en français, si le partenaire en donne un.',
						description: 'Its title in French, where the partner gives one.',
					}
				),
				subjectArea: field(iscedCodeSchema.optional(), {
					label: { fr: 'Domaine (code CITE-F)', en: 'Field (ISCED-F code)' },
					fact: 'office',
					hint: 'Le domaine d’études (CITE-F), pour la recherche par domaine : tapez un mot (« chimie ») ou un code et choisissez.',
					description: 'Field of study (ISCED-F), for the search by subject.',
				}),
				credits: field(creditsSchema.optional(), {
					label: { fr: 'Crédits', en: 'Credits' },
					fact: 'public',
					hint: 'Les crédits du cours chez le partenaire.',
					description: 'Credits at the partner.',
				}),
				language: field(languageCodeSchema.optional(), {
					label: { fr: 'Langue d’enseignement', en: 'Language of teaching' },
					fact: 'public',
					hint: 'La langue dans laquelle le cours est donné.',
					description: 'Language of teaching (ISO 639-1).',
				}),
				eqfLevel: field(eqfLevelSchema.optional(), {
					label: { fr: 'Niveau (CEC)', en: 'Level (EQF)' },
					fact: 'public',
					hint: 'Le niveau d’études du cours : licence (6) ou master (7).',
					description: "Level of study (EQF): 6 bachelor's, 7 master's.",
				}),
				term: field(choice(terms, termLabels, oneOf(terms)).optional(), {
					label: { fr: 'Semestre', en: 'Term' },
					fact: 'public',
					hint: 'Le semestre où il est donné.',
					description: 'Semester it is taught in.',
				}),
			}),
			{
				label: { fr: 'Cours chez le partenaire', en: 'Course at the partner' },
				hint: 'Le cours tel que le partenaire le donne.',
				description: 'The course as the partner gives it.',
			}
		),
		recognisedAs: field(
			z.strictObject({
				course: field(localizedSchema.optional(), {
					label: { fr: 'Cours de l’École', en: 'School course' },
					fact: 'office',
					hint: 'Le cours de l’École qu’il remplace, en français et en anglais ; vide s’il compte seulement comme des crédits.',
					description:
						"The school's course it replaces, in French and English; empty when it counted as credits only.",
				}),
				ects: field(
					positiveNumber({ en: 'a number of ECTS credits', fr: 'un nombre de crédits ECTS' }),
					{
						label: { fr: 'Crédits ECTS', en: 'ECTS credits' },
						hint: 'Les crédits ECTS accordés.',
						description: 'ECTS credits granted.',
					}
				),
				year: field(
					z
						.int({
							error: expected({
								en: 'a year of study (1, 2 or 3)',
								fr: 'une année d’études (1, 2 ou 3)',
							}),
						})
						.min(1, { error: expectedOnly({ en: 'a year from 1 to 3', fr: 'une année de 1 à 3' }) })
						.max(3, { error: expectedOnly({ en: 'a year from 1 to 3', fr: 'une année de 1 à 3' }) })
						.optional(),
					{
						label: { fr: 'Année d’études', en: 'Year of study' },
						fact: 'office',
						hint: 'L’année d’études à l’École (1re, 2e ou 3e année du cycle ingénieur).',
						description: 'Year of study at the school (1, 2 or 3 of the engineering programme).',
					}
				),
				option: field(localizedSchema.optional(), {
					label: { fr: 'Option', en: 'Option' },
					fact: 'office',
					detail: true,
					hint: 'L’option de l’École dans laquelle il compte, en français et en anglais.',
					description: "The school's option (major) it counts in, in French and English.",
				}),
			}),
			{
				label: { fr: 'Reconnu à Mines Alès pour', en: 'Recognised at Mines Alès as' },
				hint: 'Ce à quoi le cours a été reconnu à Mines Alès.',
				description: 'What the course counted for at Mines Alès.',
			}
		),
		decision: field(
			z.strictObject({
				date: field(dateSchema, {
					label: { fr: 'Date de la décision', en: 'Date of the decision' },
					hint: 'Le jour de la décision (AAAA-MM-JJ).',
					description: 'Day of the decision.',
				}),
				validUntil: field(dateSchema.optional(), {
					label: { fr: 'Valable jusqu’au', en: 'Valid until' },
					fact: 'office',
					detail: true,
					hint: 'Le dernier jour où elle vaut, si la décision le fixe ; sinon, cinq ans après sa date.',
					description:
						'Last day it holds, when the decision sets one; otherwise five years after its date.',
				}),
				basis: field(choice(recognitionBases, recognitionBasisLabels, oneOf(recognitionBases)), {
					label: { fr: 'Fondement', en: 'Basis' },
					hint: 'Ce sur quoi elle repose : un contrat d’études (learning agreement) ou un jury.',
					description: 'What it rests on: a learning agreement or a jury.',
				}),
				note: field(localizedSchema.optional(), {
					label: { fr: 'Précisions', en: 'Notes' },
					fact: 'office',
					detail: true,
					hint: 'Ce qu’un élève doit en savoir, en français et en anglais.',
					description: 'Anything a student should know of it, in both languages.',
				}),
			}),
			{
				label: { fr: 'Décision', en: 'Decision' },
				hint: 'La décision de reconnaissance.',
				description: 'The recognition decision.',
			}
		),
	})
	.superRefine((recognition, context) => {
		const { date, validUntil } = recognition.decision;
		if (validUntil && validUntil < date)
			context.addIssue({
				code: 'custom',
				path: ['decision', 'validUntil'],
				message: say({
					en: `expected a day not before the decision (${date.toISOString().slice(0, 10)}), got ${validUntil.toISOString().slice(0, 10)}`,
					fr: `attendu : un jour qui ne précède pas la décision (${date.toISOString().slice(0, 10)}) ; trouvé : ${validUntil.toISOString().slice(0, 10)}`,
				}),
			});
	});
export type RecognitionData = z.infer<typeof recognitionSchema>;

/**
 * The last day a recognition holds: the one its decision sets, or five years after the decision
 * (the day before its fifth anniversary).
 * @example validUntil({ date: new Date('2024-09-01') }) // 2029-08-31
 */
export function validUntil(decision: { date: Date; validUntil?: Date | undefined }): Date {
	if (decision.validUntil) return decision.validUntil;
	const end = new Date(decision.date);
	end.setUTCFullYear(end.getUTCFullYear() + defaultValidityYears);
	end.setUTCDate(end.getUTCDate() - 1);
	return end;
}

/** Whether a recognition still holds on a day (by default, today). */
export function isValid(
	decision: { date: Date; validUntil?: Date | undefined },
	today: Date = new Date()
): boolean {
	const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
	return validUntil(decision) >= day;
}
