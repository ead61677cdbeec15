import { z } from 'astro/zod';
import {
	emergencyServices,
	grantGroupLabels,
	grantGroups,
	longStayRequirementLabels,
	longStayRequirements,
	regionLabels,
	regions,
	travelAdviceLevelLabels,
	travelAdviceLevels,
} from '../vocab/countries.ts';
import {
	booleanSchema,
	choice,
	choiceLabels,
	dateSchema,
	field,
	linkSchema,
	localizedSchema,
	provenanceShape,
	urlSchema,
} from './common.ts';
import { expected, oneOf, say } from './messages.ts';

/** An emergency telephone number: 2 to 4 digits, written as text (`'112'`). */
const emergencyNumberSchema = z
	.string({
		error: expected({
			en: "an emergency number of 2 to 4 digits, in quotes ('112')",
			fr: "un numéro d’urgence de 2 à 4 chiffres, entre apostrophes ('112')",
		}),
	})
	.regex(/^\d{2,4}$/, {
		error: expected({
			en: 'an emergency number of 2 to 4 digits',
			fr: 'un numéro d’urgence de 2 à 4 chiffres',
		}),
	});

/** A year, written `'2026'` (a number without quotes is accepted). */
const year = {
	en: 'a year written YYYY, such as "2026"',
	fr: 'une année sur quatre chiffres, telle que « 2026 »',
};
const yearSchema = z.preprocess(
	(value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
	z.string({ error: expected(year) }).regex(/^\d{4}$/, { error: expected(year) })
);

/** An Erasmus+ grant group of countries (1, 2 or 3). */
const grantGroupSchema = z.union(
	grantGroups.map((group) => z.literal(group)),
	{ error: oneOf(grantGroups) }
);
choiceLabels.add(grantGroupSchema, { labels: grantGroupLabels });

/**
 * A country guide. One YAML file per country in `content/countries/`, named after the country's
 * ISO 3166-1 alpha-2 code in lower case (`de.yaml`, `jp.yaml`); that code is the entry's id and
 * what partner files reference.
 */
export const countrySchema = z.strictObject({
	name: field(localizedSchema, {
		label: { fr: 'Nom', en: 'Name' },
		hint: 'Le nom usuel du pays, en français et en anglais.',
		description: 'Usual short name of the country in French and in English (ISO 3166 short names).',
	}),
	region: field(choice(regions, regionLabels, oneOf(regions)), {
		label: { fr: 'Région du monde', en: 'World region' },
		hint: 'La région du monde (filtre « Région » de la recherche de partenaires).',
		description: "World region, used by the partner finder's region filter.",
	}),
	eu: field(booleanSchema({ en: 'member of the EU', fr: 'membre de l’UE' }), {
		label: { fr: 'Union européenne', en: 'European Union' },
		hint: 'Cochez si le pays est membre de l’Union européenne.',
		description: 'Member of the European Union.',
	}),
	eea: field(booleanSchema({ en: 'member of the EEA', fr: 'membre de l’EEE' }), {
		label: { fr: 'Espace économique européen', en: 'European Economic Area' },
		hint: 'Cochez si le pays fait partie de l’Espace économique européen (UE, Islande, Liechtenstein, Norvège).',
		description: 'Member of the European Economic Area (EU + Iceland, Liechtenstein, Norway).',
	}),
	schengen: field(
		booleanSchema({
			en: 'part of the Schengen area',
			fr: 'dans l’espace Schengen',
		}),
		{
			label: { fr: 'Espace Schengen', en: 'Schengen area' },
			hint: 'Cochez si le pays fait partie de l’espace Schengen.',
			description: 'Part of the Schengen area.',
		}
	),
	currency: field(
		z
			.strictObject({
				code: field(
					z.string().regex(/^[A-Z]{3}$/, {
						error: expected({
							en: 'an ISO 4217 currency code such as "EUR"',
							fr: 'un code de monnaie ISO 4217 tel que « EUR »',
						}),
					}),
					{
						label: { fr: 'Code ISO 4217', en: 'ISO 4217 code' },
						hint: 'Le code de la monnaie en trois lettres majuscules (EUR, SEK).',
						description: 'ISO 4217 code, e.g. `EUR`, `SEK`.',
					}
				),
				since: field(dateSchema.optional(), {
					label: { fr: 'En usage depuis', en: 'In use since' },
					fact: 'public',
					detail: true,
					hint: 'La date depuis laquelle cette monnaie est en usage, si elle a changé récemment.',
					description: 'Date from which this currency is in use, when it changed recently.',
				}),
				note: field(localizedSchema.optional(), {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
					hint: 'Ce qui a changé et quand, en français et en anglais (par exemple le passage de la Bulgarie à l’euro).',
					description:
						"What changed and when, in both languages (e.g. Bulgaria's switch to the euro).",
				}),
			})
			.optional(),
		{
			label: { fr: 'Monnaie', en: 'Currency' },
			fact: 'public',
			hint: 'La monnaie du pays ; son nom est déduit du code. Vide si aucune source ne la donne.',
			description:
				'Currency in use. The name is derived from the ISO 4217 code in each language. Absent when no source gives it.',
		}
	),
	erasmus: field(
		z
			.strictObject({
				programmeCountry: field(
					booleanSchema({
						en: 'EU member or country associated to Erasmus+',
						fr: 'membre de l’UE ou pays associé à Erasmus+',
					}),
					{
						label: { fr: 'Pays participant au programme', en: 'Programme country' },
						hint: 'Cochez pour un État membre de l’UE ou un pays associé au programme ; laissez décoché pour un pays tiers non associé.',
						description:
							'`true` for EU member states and third countries associated to the programme, `false` for third countries not associated to it.',
					}
				),
				grantGroup: field(grantGroupSchema.optional(), {
					label: { fr: 'Groupe de pays (bourses)', en: 'Grant country group' },
					fact: 'public',
					detail: true,
					hint: 'Le groupe de pays qui fixe le montant de la bourse de mobilité (1 : coût de la vie le plus élevé… 3 : le plus bas).',
					description:
						'Grant country group for student mobility (1 = higher living costs … 3 = lower).',
				}),
				note: field(localizedSchema.optional(), {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
					hint: 'Ce que le lecteur doit savoir d’Erasmus+ avec ce pays.',
					description: 'What the reader should know about Erasmus+ with this country.',
				}),
			})
			.optional(),
		{
			label: { fr: 'Erasmus+', en: 'Erasmus+' },
			fact: 'public',
			hint: 'La place du pays dans le programme Erasmus+ (2021-2027). Vide si elle n’est pas connue.',
			description:
				'Place of the country in the Erasmus+ programme (2021-2027). Absent when unknown.',
		}
	),
	longStay: field(
		z
			.strictObject({
				requirement: field(
					choice(longStayRequirements, longStayRequirementLabels, oneOf(longStayRequirements)),
					{
						label: { fr: 'Démarche', en: 'Requirement' },
						hint: 'Aucune démarche, un enregistrement auprès d’une autorité, ou un visa ou titre de séjour.',
						description:
							'`none`: nothing to do; `registration`: register with an authority; `visa`: a visa or permit is needed.',
					}
				),
				summary: field(localizedSchema, {
					label: { fr: 'Étapes', en: 'Steps' },
					format: 'markdown',
					hint: 'Les étapes, en français et en anglais.',
					description: 'The steps, in both languages.',
				}),
				officialUrl: field(urlSchema.optional(), {
					label: { fr: 'Page officielle', en: 'Official page' },
					fact: 'public',
					hint: 'La page officielle qui décrit la démarche.',
					description: 'Official page describing the procedure.',
				}),
			})
			.optional(),
		{
			label: { fr: 'Séjour de plus de trois mois', en: 'Stays of more than three months' },
			fact: 'public',
			hint: 'Ce qu’un citoyen de l’Union européenne doit faire pour rester plus de trois mois.',
			description: 'What a citizen of the European Union must do to stay more than three months.',
		}
	),
	otherNationals: field(
		z
			.strictObject({
				summary: field(localizedSchema, {
					label: { fr: 'Règles', en: 'Rules' },
					format: 'markdown',
					hint: 'Les règles, en français et en anglais.',
					description: 'The rules, in both languages.',
				}),
				officialUrl: field(urlSchema.optional(), {
					label: { fr: 'Page officielle', en: 'Official page' },
					fact: 'public',
					hint: 'La page officielle qui les décrit.',
					description: 'Official page describing them.',
				}),
			})
			.optional(),
		{
			label: {
				fr: 'Entrée et séjour (autres nationalités)',
				en: 'Entry and stay (other nationals)',
			},
			fact: 'public',
			hint: 'Les règles d’entrée et de séjour pour les ressortissants d’autres pays que la France et l’Union européenne.',
			description: 'Entry and stay rules for nationals of countries other than France and the EU.',
		}
	),
	healthCover: field(
		z.strictObject({
			ehic: field(
				booleanSchema({
					en: 'the European Health Insurance Card applies',
					fr: 'la carte européenne d’assurance maladie s’applique',
				}),
				{
					label: { fr: 'CEAM valable', en: 'EHIC valid' },
					hint: 'Cochez si la carte européenne d’assurance maladie (CEAM) est valable dans ce pays.',
					description:
						'Whether the European Health Insurance Card (CEAM in France) is valid in this country.',
				}
			),
			summary: field(localizedSchema, {
				label: { fr: 'Que faire', en: 'What to do' },
				format: 'markdown',
				hint: 'Ce qu’il faut faire, en français et en anglais.',
				description: 'What to do, in both languages.',
			}),
		}),
		{
			label: { fr: 'Couverture santé', en: 'Health cover' },
			hint: 'La couverture santé d’un étudiant assuré en France.',
			description: 'Health cover for a student insured in France.',
		}
	),
	emergency: field(
		z
			.strictObject({
				general: field(emergencyNumberSchema.optional(), {
					label: { fr: 'Numéro unique', en: 'Single number' },
					fact: 'public',
					detail: true,
					hint: 'Le numéro unique pour toutes les urgences (112 dans l’UE).',
					description: 'One number for all emergencies (112 in the EU).',
				}),
				police: field(emergencyNumberSchema.optional(), {
					label: { fr: 'Police', en: 'Police' },
					fact: 'public',
					detail: true,
					hint: 'La police.',
					description: 'Police.',
				}),
				ambulance: field(emergencyNumberSchema.optional(), {
					label: { fr: 'Secours médicaux', en: 'Ambulance' },
					fact: 'public',
					detail: true,
					hint: 'Les urgences médicales (ambulance).',
					description: 'Medical emergencies.',
				}),
				fire: field(emergencyNumberSchema.optional(), {
					label: { fr: 'Pompiers', en: 'Fire brigade' },
					fact: 'public',
					detail: true,
					hint: 'Les pompiers.',
					description: 'Fire brigade.',
				}),
				note: field(localizedSchema.optional(), {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
					hint: 'Une précision, en français et en anglais.',
					description: 'What else to know, in both languages (Markdown).',
				}),
			})
			.refine((value) => emergencyServices.some((service) => value[service] !== undefined), {
				error: () =>
					say({
						en: 'expected at least one emergency number (general, police, ambulance or fire), got none',
						fr: 'attendu : au moins un numéro d’urgence (general, police, ambulance ou fire) ; trouvé : aucun',
					}),
			})
			.optional(),
		{
			label: { fr: 'Numéros d’urgence', en: 'Emergency numbers' },
			fact: 'public',
			hint: 'Les numéros d’urgence : un numéro unique pour toutes les urgences, ou ceux de la police, des secours médicaux et des pompiers s’ils diffèrent ; au moins un.',
			description:
				'Emergency telephone numbers: one number for all emergencies, or the police, ambulance and fire numbers where they differ. At least one.',
		}
	),
	frenchEmbassy: field(
		z
			.strictObject({
				name: field(localizedSchema, {
					label: { fr: 'Nom', en: 'Name' },
					hint: 'Son nom, en français et en anglais.',
					description: 'Its name, in both languages.',
				}),
				city: field(z.string().min(1).optional(), {
					label: { fr: 'Ville', en: 'City' },
					fact: 'public',
					hint: 'La ville où elle se trouve.',
					description: 'The city it is in.',
				}),
				url: field(urlSchema, {
					label: { fr: 'Site web', en: 'Website' },
					hint: 'Son site web.',
					description: 'Its website.',
				}),
				phone: field(
					z
						.string()
						.regex(/^\+[\d ().-]{6,}$/, {
							error: expected({
								en: 'a telephone number in international format such as "+49 30 590 03 90 00"',
								fr: 'un numéro de téléphone au format international tel que « +49 30 590 03 90 00 »',
							}),
						})
						.optional(),
					{
						label: { fr: 'Téléphone', en: 'Telephone' },
						fact: 'public',
						detail: true,
						hint: 'Son numéro de téléphone, tel qu’elle le publie (format international).',
						description: 'Its telephone number, only as it publishes it (international format).',
					}
				),
			})
			.optional(),
		{
			label: { fr: 'Ambassade de France', en: 'French embassy' },
			fact: 'public',
			hint: 'L’ambassade (ou le consulat) de France dans le pays.',
			description: 'The French embassy (or consulate) in the country.',
		}
	),
	costOfLiving: field(
		z
			.strictObject({
				summary: field(localizedSchema, {
					label: { fr: 'Repère', en: 'Reference' },
					format: 'markdown',
					hint: 'Le montant et ce qu’il couvre, en français et en anglais.',
					description: 'The figure and what it covers, in both languages.',
				}),
				url: field(urlSchema, {
					label: { fr: 'Page source', en: 'Source page' },
					hint: 'La page qui le donne.',
					description: 'The page that gives it.',
				}),
				year: field(yearSchema, {
					label: { fr: 'Année', en: 'Year' },
					hint: 'L’année à laquelle correspond le montant (AAAA).',
					description: 'Year the figure is for (YYYY).',
				}),
			})
			.optional(),
		{
			label: { fr: 'Coût de la vie', en: 'Cost of living' },
			fact: 'public',
			hint: 'Un repère sur le coût de la vie donné par une source officielle ou universitaire.',
			description: 'A cost-of-living reference given by an official or university source.',
		}
	),
	travelAdvice: field(
		z
			.strictObject({
				level: field(
					choice(travelAdviceLevels, travelAdviceLevelLabels, oneOf(travelAdviceLevels)),
					{
						label: { fr: 'Niveau', en: 'Level' },
						hint: 'Le niveau de vigilance pour l’ensemble du pays.',
						description: 'Level of the advice for the whole country.',
					}
				),
				summary: field(localizedSchema, {
					label: { fr: 'Résumé', en: 'Summary' },
					format: 'markdown',
					hint: 'Ce que disent les conseils, en français et en anglais.',
					description: 'What the advice says, in both languages.',
				}),
				url: field(urlSchema, {
					label: { fr: 'Page France Diplomatie', en: 'France Diplomatie page' },
					hint: 'L’adresse de la page France Diplomatie.',
					description: 'The France Diplomatie page.',
				}),
				asOf: field(dateSchema, {
					label: { fr: 'Version du', en: 'Version of' },
					hint: 'La date de la version de la page qui a été lue.',
					description: 'Date of the version of the page that was read.',
				}),
			})
			.optional(),
		{
			label: { fr: 'Conseils aux voyageurs', en: 'Travel advice' },
			fact: 'public',
			hint: 'Les conseils aux voyageurs du ministère de l’Europe et des Affaires étrangères (France Diplomatie), si une source les donne.',
			description:
				'Current advice of the French Ministry for Europe and Foreign Affairs, where a source gives it.',
		}
	),
	officialLinks: field(z.array(linkSchema).default([]), {
		label: { fr: 'Liens officiels', en: 'Official links' },
		fact: 'public',
		hint: 'Les liens officiels (portails, services d’immigration).',
		description: 'Official links (portals, immigration offices).',
	}),
	study: field(localizedSchema.optional(), {
		label: { fr: 'Étudier', en: 'Studying' },
		format: 'markdown',
		fact: 'public',
		hint: 'Étudier dans ce pays : un texte en Markdown, en français et en anglais.',
		description: 'Studying in this country: prose in Markdown, in both languages.',
	}),
	internship: field(localizedSchema.optional(), {
		label: { fr: 'Faire un stage', en: 'Doing an internship' },
		format: 'markdown',
		fact: 'public',
		hint: 'Faire un stage dans ce pays : un texte en Markdown, en français et en anglais.',
		description: 'Internships in this country: prose in Markdown, in both languages.',
	}),
	...provenanceShape,
});
export type CountryData = z.infer<typeof countrySchema>;
