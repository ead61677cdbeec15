import { z } from 'astro/zod';
import {
	agreementKindLabels,
	agreementKinds,
	partnerStatusLabels,
	partnerStatuses,
} from '../vocab/agreements.ts';
import { iscedCodes, iscedFields } from '../vocab/isced.ts';
import { cefrLevelLabels, cefrLevels, eqfLevelLabels, eqfLevels } from '../vocab/levels.ts';
import {
	choice,
	choiceLabels,
	emailSchema,
	type FactKind,
	field,
	languageCodeSchema,
	localizedSchema,
	phoneSchema,
	provenanceShape,
	reference,
	textSchema,
	urlSchema,
} from './common.ts';
import { expected, expectedOnly, oneOf, say } from './messages.ts';

/**
 * Partner fact sheets. One YAML file per partner institution in `content/partners/`; the file
 * name is the partner's id and its URL (`kagawa.yaml` → `/partenaires/kagawa/`).
 *
 * Field names follow the Erasmus Without Paper (EWP) specifications where they exist, in
 * camelCase: Institutions API (`name`, `abbreviation`, `website-url`, `course-catalogue-url`,
 * `other-id type="erasmus"`), Mobility Factsheet API (`calendar/student-nominations`,
 * `housing-info`…) and IIAs API (`mobilities-per-year`, `recommended-language-skill`,
 * `subject-area/isced-f-code`, `eqf-level`, `receiving-first-academic-year-id`…).
 *
 * Every fact that a source may not give is optional: an unknown fact is left out, and the page
 * says it is to be confirmed with the office.
 */

const monthDay = {
	en: 'a day of the year written "MM-DD" (e.g. "04-15")',
	fr: 'un jour de l’année écrit « MM-JJ » (par exemple « 04-15 »)',
};

/**
 * A day of the year written `MM-DD` (EWP `xs:gMonthDay`, written `--MM-DD` there), for deadlines
 * that recur every year.
 */
export const monthDaySchema = z.string({ error: expected(monthDay) }).refine(
	(value) => {
		const match = /^(\d{2})-(\d{2})$/.exec(value);
		if (!match) return false;
		const [month, day] = [Number(match[1]), Number(match[2])];
		// 2024 is a leap year, so 02-29 is allowed.
		const date = new Date(Date.UTC(2024, month - 1, day));
		return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	},
	{ error: expected(monthDay) }
);

/** An academic year written `2025/2026` (EWP `academic-year-id`). */
export const academicYearSchema = z
	.string({
		error: expected({
			en: 'an academic year such as "2025/2026"',
			fr: 'une année universitaire telle que « 2025/2026 »',
		}),
	})
	.refine(
		(value) => {
			const match = /^(\d{4})\/(\d{4})$/.exec(value);
			return match !== null && Number(match[2]) === Number(match[1]) + 1;
		},
		{
			error: expected({
				en: 'an academic year such as "2025/2026" (two consecutive years)',
				fr: 'une année universitaire telle que « 2025/2026 » (deux années consécutives)',
			}),
		}
	);

/** Autumn and spring deadlines of one kind (EWP `CalendarEntry`). */
export const calendarEntrySchema = z.strictObject({
	autumnTerm: field(monthDaySchema.optional(), {
		label: { fr: 'Semestre d’automne (MM-JJ)', en: 'Autumn term (MM-DD)' },
		fact: 'public',
		detail: true,
		hint: 'Date limite pour le semestre d’automne (premier semestre), écrite MM-JJ : 04-15 pour le 15 avril.',
		description: 'Deadline for the autumn term (first semester), `MM-DD`.',
	}),
	springTerm: field(monthDaySchema.optional(), {
		label: { fr: 'Semestre de printemps (MM-JJ)', en: 'Spring term (MM-DD)' },
		fact: 'public',
		detail: true,
		hint: 'Date limite pour le semestre de printemps (second semestre), écrite MM-JJ : 10-31 pour le 31 octobre.',
		description: 'Deadline for the spring term (second semester), `MM-DD`.',
	}),
});

/**
 * Nomination and application deadlines (EWP factsheet `calendar`), of a partner (public facts) or
 * of the school (office facts, `content/factsheet/`): who nominates and who applies differ, so each
 * says it in its words.
 */
export const calendarSchema = (
	fact: FactKind,
	texts: Record<'nominations' | 'applications', { hint: string; description: string }>
) =>
	z.strictObject({
		studentNominations: field(calendarEntrySchema.optional(), {
			label: { fr: 'Nominations', en: 'Nominations' },
			fact,
			detail: true,
			...texts.nominations,
		}),
		studentApplications: field(calendarEntrySchema.optional(), {
			label: { fr: 'Candidatures', en: 'Applications' },
			fact,
			detail: true,
			...texts.applications,
		}),
	});

/** Where to find information on one subject (EWP `InformationEntry`); every part is optional. */
const informationEntrySchema = z.strictObject({
	websiteUrl: field(urlSchema.optional(), {
		label: { fr: 'Page web', en: 'Web page' },
		fact: 'public',
		hint: 'La page web qui donne ces informations.',
		description: 'Web page with the information.',
	}),
	email: field(emailSchema.optional(), {
		label: { fr: 'Courriel', en: 'E-mail' },
		fact: 'public',
		detail: true,
		hint: 'L’adresse électronique à laquelle écrire.',
		description: 'E-mail address to write to.',
	}),
	phoneNumber: field(phoneSchema.optional(), {
		label: { fr: 'Téléphone', en: 'Phone' },
		fact: 'public',
		detail: true,
		hint: 'Le numéro au format international, sans espaces : +33466785160.',
		description: 'Phone number in E.164 form.',
	}),
});

/** A required language skill (EWP `recommended-language-skill`). */
const languageSkillSchema = z.strictObject({
	language: field(languageCodeSchema, {
		label: { fr: 'Langue', en: 'Language' },
		hint: 'La langue : tapez « anglais », « portugais »… et choisissez.',
		description: 'ISO 639-1 code of the language, e.g. `en`, `pt`, `ja`.',
	}),
	cefr: field(
		choice(
			cefrLevels,
			cefrLevelLabels,
			expected({ en: 'one of A1…C2', fr: 'l’un des niveaux A1…C2' })
		),
		{
			label: { fr: 'Niveau (CECRL)', en: 'Level (CEFR)' },
			hint: 'Le niveau minimal demandé, de A1 (débutant) à C2 (maîtrise).',
			description: 'Minimum CEFR level required, from `A1` to `C2`.',
		}
	),
});

/** A field of study (EWP `subject-area`). */
const subjectAreaSchema = z.strictObject({
	iscedFCode: field(
		choice(
			iscedCodes as [string, ...string[]],
			Object.fromEntries(
				Object.entries(iscedFields).map(([code, label]) => [
					code,
					{ fr: `${code} — ${label.fr}`, en: `${code} — ${label.en}` },
				])
			),
			(issue) =>
				typeof issue.input === 'number'
					? say({
							en: `expected an ISCED-F code listed in src/vocab/isced.ts such as "07" or "0713", got ${issue.input}: YAML read the code as a number; write it in quotes, e.g. '0713'`,
							fr: `attendu : un code CITE-F de src/vocab/isced.ts tel que « 07 » ou « 0713 » ; trouvé : ${issue.input}, lu comme un nombre — écrivez le code entre guillemets, par exemple '0713'`,
						})
					: expected({
							en: 'an ISCED-F code listed in src/vocab/isced.ts such as "07" or "0713"',
							fr: 'un code CITE-F de src/vocab/isced.ts tel que « 07 » ou « 0713 »',
						})(issue)
		),
		{
			label: { fr: 'Domaine (code CITE-F)', en: 'Field (ISCED-F code)' },
			hint: 'Le domaine d’études dans la classification CITE-F (ISCED-F) : tapez un mot (« ingénierie », « chimie ») ou un code, et choisissez.',
			description:
				'ISCED-F 2013 code: a broad (2 digits), narrow (3) or detailed (4) field, listed in `src/vocab/isced.ts`.',
		}
	),
	clarification: field(localizedSchema.optional(), {
		label: { fr: 'Précision', en: 'Clarification' },
		fact: 'office',
		detail: true,
		hint: 'Ce que couvre ce domaine dans cet accord, quand l’intitulé seul est trop large.',
		description:
			'What the field covers in this agreement, when the code alone is too broad (EWP `isced-clarification`).',
	}),
});

/** A level of study of the EQF (6, 7 or 8). */
const eqfLevelSchema = z.union(
	eqfLevels.map((level) => z.literal(level)),
	{ error: oneOf(eqfLevels) }
);
choiceLabels.add(eqfLevelSchema, { labels: eqfLevelLabels });

/** One agreement with the partner (one cooperation condition of an EWP inter-institutional agreement). */
export const agreementSchema = z.strictObject({
	kind: field(choice(agreementKinds, agreementKindLabels, oneOf(agreementKinds)).optional(), {
		label: { fr: 'Type de mobilité', en: 'Kind of mobility' },
		fact: 'office',
		hint: 'Ce que permet l’accord : échange d’études, stage, double diplôme ou mobilité des personnels. Vide si aucune source ne le dit (le site invite alors à le demander au service).',
		description: 'What the agreement allows: study, internship, double-degree or staff mobility.',
	}),
	programme: field(
		reference('programmes', {
			en: 'the id of a programme such as "erasmus-plus"',
			fr: 'l’identifiant d’un programme tel que « erasmus-plus »',
		}).optional(),
		{
			label: { fr: 'Programme', en: 'Programme' },
			fact: 'office',
			detail: true,
			hint: 'Le programme qui encadre ou finance l’accord (Erasmus+, BRAFITEC…), s’il est connu.',
			description:
				'Identifier of the programme that frames it (see the site’s /programmes/ pages).',
		}
	),
	subjectAreas: field(z.array(subjectAreaSchema).optional(), {
		label: { fr: 'Domaines d’études', en: 'Fields of study' },
		fact: 'office',
		hint: 'Les domaines d’études ouverts par l’accord.',
		description:
			'Fields of study (EWP `subject-area`): ISCED-F 2013 code and optional clarification.',
	}),
	eqfLevels: field(z.array(eqfLevelSchema).optional(), {
		label: { fr: 'Niveaux d’études (CEC)', en: 'Levels of study (EQF)' },
		fact: 'office',
		hint: 'Les niveaux d’études concernés : licence (bachelor), master (diplôme d’ingénieur), doctorat.',
		description: 'Levels of study (EWP `eqf-level`): 6 bachelor’s, 7 master’s, 8 doctorate.',
	}),
	mobilitiesPerYear: field(
		z
			.int({
				error: expected({ en: 'a whole number of places', fr: 'un nombre entier de places' }),
			})
			.positive({
				error: expectedOnly({
					en: 'a positive number of places',
					fr: 'un nombre de places positif',
				}),
			})
			.optional(),
		{
			label: { fr: 'Places par an', en: 'Places per year' },
			fact: 'office',
			hint: 'Le nombre d’élèves qui peuvent partir chaque année.',
			description: 'Places per year (EWP `mobilities-per-year`).',
		}
	),
	monthsPerMobility: field(
		z
			.number({ error: expected({ en: 'a number of months', fr: 'un nombre de mois' }) })
			.positive({
				error: expectedOnly({ en: 'a positive number of months', fr: 'un nombre de mois positif' }),
			})
			.max(60, { error: expectedOnly({ en: 'at most 60 months', fr: 'au plus 60 mois' }) })
			.optional(),
		{
			label: { fr: 'Durée d’une mobilité (mois)', en: 'Months per mobility' },
			fact: 'office',
			hint: 'La durée d’un séjour, en mois.',
			description: 'Length of one mobility in months.',
		}
	),
	instructionLanguages: field(z.array(languageCodeSchema).optional(), {
		label: { fr: 'Langues d’enseignement', en: 'Languages of instruction' },
		fact: 'public',
		hint: 'Les langues dans lesquelles les cours sont donnés chez le partenaire, pour cet accord.',
		description: 'Languages of instruction (ISO 639-1).',
	}),
	languages: field(z.array(languageSkillSchema).optional(), {
		label: { fr: 'Niveaux de langue requis', en: 'Required language levels' },
		fact: 'office',
		hint: 'Les niveaux de langue demandés, langue par langue.',
		description:
			'Required language skills (EWP `recommended-language-skill`): ISO 639-1 language and CEFR level.',
	}),
	firstAcademicYear: field(academicYearSchema.optional(), {
		label: { fr: 'Première année universitaire', en: 'First academic year' },
		fact: 'office',
		detail: true,
		hint: 'La première année universitaire couverte par l’accord, écrite 2025/2026.',
		description: 'First academic year (EWP `receiving-first-academic-year-id`).',
	}),
	lastAcademicYear: field(academicYearSchema.optional(), {
		label: { fr: 'Dernière année universitaire', en: 'Last academic year' },
		fact: 'office',
		detail: true,
		hint: 'La dernière année universitaire couverte par l’accord, écrite 2029/2030.',
		description: 'Last academic year (EWP `receiving-last-academic-year-id`).',
	}),
	notes: field(localizedSchema.optional(), {
		label: { fr: 'Précisions', en: 'Details' },
		fact: 'office',
		detail: true,
		hint: 'Tout ce que les sources disent d’autre sur cet accord, en français et en anglais.',
		description: 'Other details, in French and English.',
	}),
});
export type AgreementData = z.infer<typeof agreementSchema>;

/** A contact person or office at the partner (EWP `Contact`). */
const partnerContactSchema = z.strictObject({
	name: field(textSchema({ en: 'a name', fr: 'un nom' }), {
		label: { fr: 'Nom', en: 'Name' },
		hint: 'Le nom de la personne ou du bureau.',
		description: 'Name of the person or of the office.',
	}),
	role: field(localizedSchema.optional(), {
		label: { fr: 'Fonction', en: 'Role' },
		fact: 'office',
		detail: true,
		hint: 'Sa fonction, en français et en anglais.',
		description: 'What they do, in both languages (EWP `role-description`).',
	}),
	email: field(emailSchema.optional(), {
		label: { fr: 'Courriel', en: 'E-mail' },
		fact: 'office',
		detail: true,
		hint: 'Son adresse électronique.',
		description: 'E-mail address.',
	}),
	phoneNumber: field(phoneSchema.optional(), {
		label: { fr: 'Téléphone', en: 'Phone' },
		fact: 'office',
		detail: true,
		hint: 'Son numéro au format international, sans espaces : +33466785160.',
		description: 'Phone number in E.164 form.',
	}),
});

const coordinateError = (what: { en: string; fr: string }) =>
	expected({ en: `${what.en} in degrees`, fr: `${what.fr} en degrés` });

/** A partner institution, before cross-field checks (extended by the export schema). */
export const partnerObjectSchema = z.strictObject({
	name: field(
		z.strictObject({
			native: field(
				textSchema({
					en: 'the name in the native language',
					fr: 'le nom dans la langue de l’établissement',
				}),
				{
					label: { fr: 'Nom officiel (langue de l’établissement)', en: 'Native name' },
					search: true,
					hint: 'Le nom officiel, dans la langue et l’écriture de l’établissement : Universidade Federal de Pelotas, et un nom japonais ou russe dans son alphabet.',
					description: "Name in the institution's own language and script.",
				}
			),
			nativeLang: field(languageCodeSchema, {
				label: { fr: 'Langue du nom officiel', en: 'Language of the native name' },
				hint: 'La langue de ce nom officiel (tapez « japonais », « portugais »… et choisissez) : les pages l’indiquent aux lecteurs d’écran.',
				description:
					'Language of the native name (ISO 639-1), so that pages mark it for screen readers (`ja` for 香川大学, `ru` for a Russian name).',
			}),
			en: field(textSchema({ en: 'the English name', fr: 'le nom en anglais' }), {
				label: { fr: 'Nom en anglais', en: 'English name' },
				search: true,
				hint: 'Le nom en anglais.',
				description: 'Name in English.',
			}),
			fr: field(textSchema({ en: 'the French name', fr: 'le nom en français' }).optional(), {
				label: { fr: 'Nom en français', en: 'French name' },
				search: true,
				fact: 'public',
				detail: true,
				hint: 'Le nom en français, si une source en donne un.',
				description: 'Name in French, when a source gives one.',
			}),
		}),
		{
			label: { fr: 'Nom', en: 'Name' },
			hint: 'Les noms de l’établissement.',
			description:
				'Official name (EWP `name`): `native` in the institution’s own language, `en` in English, `fr` in French when a source gives one.',
		}
	),
	abbreviation: field(textSchema({ en: 'an abbreviation', fr: 'un sigle' }).optional(), {
		label: { fr: 'Sigle', en: 'Abbreviation' },
		search: true,
		fact: 'public',
		detail: true,
		hint: 'Le sigle usuel, par exemple IFSul.',
		description: 'Usual abbreviation (EWP `abbreviation`).',
	}),
	country: field(
		reference('countries', {
			en: 'a country code such as "jp"',
			fr: 'un code de pays tel que « jp »',
		}),
		{
			label: { fr: 'Pays', en: 'Country' },
			hint: 'Le pays : tapez les premières lettres (« Brés ») et choisissez. S’il manque, créez d’abord sa fiche dans Pays.',
			description: 'ISO 3166-1 alpha-2 code of the country, lower case.',
		}
	),
	city: field(textSchema({ en: 'a city', fr: 'une ville' }).optional(), {
		label: { fr: 'Ville', en: 'City' },
		search: true,
		fact: 'public',
		hint: 'La ville du campus concerné, écrite comme en anglais (Moscow).',
		description: 'City of the campus the agreements concern, as English speakers write it.',
	}),
	cityFr: field(textSchema({ en: 'a city', fr: 'une ville' }).optional(), {
		label: { fr: 'Ville en français (si elle diffère)', en: 'City in French (if different)' },
		search: true,
		fact: 'public',
		detail: true,
		hint: 'La ville écrite en français, si elle diffère (Moscou).',
		description: 'The city as French speakers write it, when it differs.',
	}),
	coordinates: field(
		z
			.strictObject({
				lat: field(
					z
						.number({ error: coordinateError({ en: 'a latitude', fr: 'une latitude' }) })
						.min(-90)
						.max(90),
					{
						label: { fr: 'Latitude', en: 'Latitude' },
						hint: 'La latitude, en degrés décimaux (de -90 à 90).',
						description: 'Latitude in degrees (-90 to 90).',
					}
				),
				lon: field(
					z
						.number({ error: coordinateError({ en: 'a longitude', fr: 'une longitude' }) })
						.min(-180)
						.max(180),
					{
						label: { fr: 'Longitude', en: 'Longitude' },
						hint: 'La longitude, en degrés décimaux (de -180 à 180).',
						description: 'Longitude in degrees (-180 to 180).',
					}
				),
			})
			.optional(),
		{
			label: { fr: 'Position sur la carte', en: 'Position on the map' },
			fact: 'public',
			hint: 'La position du campus sur la carte. Sans elle, la carte place le partenaire sur son pays.',
			description: 'Position of the campus in degrees (WGS 84).',
		}
	),
	websiteUrl: field(urlSchema.optional(), {
		label: { fr: 'Site de l’établissement', en: 'Institution’s website' },
		fact: 'public',
		hint: 'L’adresse du site de l’établissement.',
		description: 'Institution’s website (EWP `website-url`).',
	}),
	courseCatalogueUrl: field(urlSchema.optional(), {
		label: { fr: 'Catalogue des cours', en: 'Course catalogue' },
		fact: 'public',
		hint: 'L’adresse du catalogue des cours de l’établissement.',
		description: 'Course catalogue (EWP `course-catalogue-url`).',
	}),
	erasmusCode: field(
		z
			.string()
			.regex(/^(?:[A-Z] {2}|[A-Z]{2} |[A-Z]{3})[A-Z][A-Z-]*\d{2,3}$/, {
				error: expected({
					en: 'an Erasmus code such as "D  BERLIN01" or "IRLDUBLIN02"',
					fr: 'un code Erasmus tel que « D  BERLIN01 » ou « IRLDUBLIN02 »',
				}),
			})
			.optional(),
		{
			label: { fr: 'Code Erasmus', en: 'Erasmus code' },
			fact: 'public',
			hint: 'Le code Erasmus de l’établissement, par exemple « D  BERLIN01 » : le code du pays complété par des espaces jusqu’à 3 caractères, la ville et un numéro à deux chiffres.',
			description: 'Erasmus code (EWP `other-id type="erasmus"`).',
		}
	),
	agreements: field(z.array(agreementSchema).default([]), {
		label: { fr: 'Accords', en: 'Agreements' },
		fact: 'office',
		hint: 'Les accords avec le partenaire (échange d’études, stage, double diplôme…).',
		description: 'Agreements with the partner, one per cooperation condition (EWP IIA).',
	}),
	calendar: field(
		calendarSchema('public', {
			nominations: {
				hint: 'Quand l’École doit nommer (désigner) ses élèves auprès du partenaire.',
				description: 'When the sending school must nominate its students.',
			},
			applications: {
				hint: 'Quand les élèves nommés doivent déposer leur candidature.',
				description: 'When nominated students must apply.',
			},
		}).optional(),
		{
			label: { fr: 'Dates limites', en: 'Deadlines' },
			fact: 'public',
			hint: 'Les dates limites du partenaire pour la nomination et la candidature des élèves qui y partent.',
			description:
				'Deadlines for incoming students, as MM-DD (EWP factsheet `calendar`; written --MM-DD there).',
		}
	),
	contacts: field(z.array(partnerContactSchema).optional(), {
		label: { fr: 'Contacts chez le partenaire', en: 'Contacts at the partner' },
		fact: 'office',
		hint: 'Les personnes ou bureaux à contacter chez le partenaire.',
		description: 'Contacts at the partner (EWP `contact`).',
	}),
	housingInfo: field(informationEntrySchema.optional(), {
		label: { fr: 'Logement', en: 'Housing' },
		fact: 'public',
		hint: 'Où les étudiants accueillis trouvent les informations sur le logement.',
		description: 'Housing information at the partner (EWP `housing-info`).',
	}),
	visaInfo: field(informationEntrySchema.optional(), {
		label: { fr: 'Visa', en: 'Visa' },
		fact: 'public',
		hint: 'Où trouver les informations sur le visa.',
		description: 'Visa information at the partner (EWP `visa-info`).',
	}),
	insuranceInfo: field(informationEntrySchema.optional(), {
		label: { fr: 'Assurance', en: 'Insurance' },
		fact: 'public',
		hint: 'Où trouver les informations sur l’assurance.',
		description: 'Insurance information at the partner (EWP `insurance-info`).',
	}),
	summary: field(localizedSchema, {
		label: { fr: 'Présentation', en: 'Summary' },
		hint: 'Une courte présentation du partenariat, en français et en anglais.',
		description: 'Short presentation of the partnership, in French (`fr`) and English (`en`).',
	}),
	status: field(choice(partnerStatuses, partnerStatusLabels, oneOf(partnerStatuses)).optional(), {
		label: { fr: 'Statut du partenariat', en: 'Partnership status' },
		fact: 'office',
		hint: 'Le statut du partenariat. Vide si aucune source récente ne le confirme.',
		description: 'Status of the partnership; absent when no current source confirms it.',
	}),
	...provenanceShape,
});

/** A partner institution. */
export const partnerSchema = partnerObjectSchema.superRefine((partner, context) => {
	partner.agreements.forEach((agreement, index) => {
		if (
			agreement.firstAcademicYear &&
			agreement.lastAcademicYear &&
			agreement.firstAcademicYear > agreement.lastAcademicYear
		) {
			context.addIssue({
				code: 'custom',
				path: ['agreements', index, 'lastAcademicYear'],
				message: say({
					en: `expected an academic year not before firstAcademicYear (${agreement.firstAcademicYear}), got "${agreement.lastAcademicYear}"`,
					fr: `attendu : une année universitaire qui ne précède pas firstAcademicYear (${agreement.firstAcademicYear}) ; trouvé : « ${agreement.lastAcademicYear} »`,
				}),
			});
		}
	});
});
export type PartnerData = z.infer<typeof partnerSchema>;
