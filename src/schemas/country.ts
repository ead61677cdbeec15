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
	labelled,
	linkSchema,
	localizedSchema,
	provenanceLabels,
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
export const countrySchema = labelled(
	z.strictObject({
		/**
		 * Usual short name of the country in French and in English (ISO 3166 short names).
		 * @fr Le nom usuel du pays, en français et en anglais.
		 */
		name: localizedSchema,
		/**
		 * World region, used by the partner finder's region filter.
		 * @fr La région du monde (filtre « Région » de la recherche de partenaires).
		 */
		region: choice(regions, regionLabels, oneOf(regions)),
		/** Member of the European Union. @fr Cochez si le pays est membre de l’Union européenne. */
		eu: booleanSchema({ en: 'member of the EU', fr: 'membre de l’UE' }),
		/**
		 * Member of the European Economic Area (EU + Iceland, Liechtenstein, Norway).
		 * @fr Cochez si le pays fait partie de l’Espace économique européen (UE, Islande,
		 *   Liechtenstein, Norvège).
		 */
		eea: booleanSchema({ en: 'member of the EEA', fr: 'membre de l’EEE' }),
		/** Part of the Schengen area. @fr Cochez si le pays fait partie de l’espace Schengen. */
		schengen: booleanSchema({
			en: 'part of the Schengen area',
			fr: 'dans l’espace Schengen',
		}),
		/**
		 * Currency in use. The name is derived from the ISO 4217 code in each language.
		 * Absent when no source gives it.
		 * @fr La monnaie du pays ; son nom est déduit du code. Vide si aucune source ne la donne.
		 */
		currency: labelled(
			z.strictObject({
				/**
				 * ISO 4217 code, e.g. `EUR`, `SEK`.
				 * @fr Le code de la monnaie en trois lettres majuscules (EUR, SEK).
				 */
				code: z.string().regex(/^[A-Z]{3}$/, {
					error: expected({
						en: 'an ISO 4217 currency code such as "EUR"',
						fr: 'un code de monnaie ISO 4217 tel que « EUR »',
					}),
				}),
				/**
				 * Date from which this currency is in use, when it changed recently.
				 * @fr La date depuis laquelle cette monnaie est en usage, si elle a changé
				 *   récemment.
				 */
				since: dateSchema.optional(),
				/**
				 * What changed and when, in both languages (e.g. Bulgaria's switch to the euro).
				 * @fr Ce qui a changé et quand, en français et en anglais (par exemple le passage
				 *   de la Bulgarie à l’euro).
				 */
				note: localizedSchema.optional(),
			}),
			{
				code: { label: { fr: 'Code ISO 4217', en: 'ISO 4217 code' } },
				since: {
					label: { fr: 'En usage depuis', en: 'In use since' },
					fact: 'public',
					detail: true,
				},
				note: {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
				},
			}
		).optional(),
		/**
		 * Place of the country in the Erasmus+ programme (2021-2027). Absent when unknown.
		 * @fr La place du pays dans le programme Erasmus+ (2021-2027). Vide si elle n’est pas
		 *   connue.
		 */
		erasmus: labelled(
			z.strictObject({
				/**
				 * `true` for EU member states and third countries associated to the programme, `false`
				 * for third countries not associated to it.
				 * @fr Cochez pour un État membre de l’UE ou un pays associé au programme ; laissez
				 *   décoché pour un pays tiers non associé.
				 */
				programmeCountry: booleanSchema({
					en: 'EU member or country associated to Erasmus+',
					fr: 'membre de l’UE ou pays associé à Erasmus+',
				}),
				/**
				 * Grant country group for student mobility (1 = higher living costs … 3 = lower).
				 * @fr Le groupe de pays qui fixe le montant de la bourse de mobilité (1 : coût de
				 *   la vie le plus élevé… 3 : le plus bas).
				 */
				grantGroup: grantGroupSchema.optional(),
				/**
				 * What the reader should know about Erasmus+ with this country.
				 * @fr Ce que le lecteur doit savoir d’Erasmus+ avec ce pays.
				 */
				note: localizedSchema.optional(),
			}),
			{
				programmeCountry: {
					label: { fr: 'Pays participant au programme', en: 'Programme country' },
				},
				grantGroup: {
					label: { fr: 'Groupe de pays (bourses)', en: 'Grant country group' },
					fact: 'public',
					detail: true,
				},
				note: {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
				},
			}
		).optional(),
		/**
		 * What a citizen of the European Union must do to stay more than three months.
		 * @fr Ce qu’un citoyen de l’Union européenne doit faire pour rester plus de trois mois.
		 */
		longStay: labelled(
			z.strictObject({
				/**
				 * `none`: nothing to do; `registration`: register with an authority; `visa`: a visa
				 * or permit is needed.
				 * @fr Aucune démarche, un enregistrement auprès d’une autorité, ou un visa ou titre
				 *   de séjour.
				 */
				requirement: choice(
					longStayRequirements,
					longStayRequirementLabels,
					oneOf(longStayRequirements)
				),
				/** The steps, in both languages. @fr Les étapes, en français et en anglais. */
				summary: localizedSchema,
				/**
				 * Official page describing the procedure.
				 * @fr La page officielle qui décrit la démarche.
				 */
				officialUrl: urlSchema.optional(),
			}),
			{
				requirement: { label: { fr: 'Démarche', en: 'Requirement' } },
				summary: { label: { fr: 'Étapes', en: 'Steps' }, format: 'markdown' },
				officialUrl: { label: { fr: 'Page officielle', en: 'Official page' }, fact: 'public' },
			}
		).optional(),
		/**
		 * Entry and stay rules for nationals of countries other than France and the EU.
		 * @fr Les règles d’entrée et de séjour pour les ressortissants d’autres pays que la France
		 *   et l’Union européenne.
		 */
		otherNationals: labelled(
			z.strictObject({
				/** The rules, in both languages. @fr Les règles, en français et en anglais. */
				summary: localizedSchema,
				/**
				 * Official page describing them.
				 * @fr La page officielle qui les décrit.
				 */
				officialUrl: urlSchema.optional(),
			}),
			{
				summary: { label: { fr: 'Règles', en: 'Rules' }, format: 'markdown' },
				officialUrl: { label: { fr: 'Page officielle', en: 'Official page' }, fact: 'public' },
			}
		).optional(),
		/**
		 * Health cover for a student insured in France.
		 * @fr La couverture santé d’un étudiant assuré en France.
		 */
		healthCover: labelled(
			z.strictObject({
				/**
				 * Whether the European Health Insurance Card (CEAM in France) is valid in this
				 * country.
				 * @fr Cochez si la carte européenne d’assurance maladie (CEAM) est valable dans ce
				 *   pays.
				 */
				ehic: booleanSchema({
					en: 'the European Health Insurance Card applies',
					fr: 'la carte européenne d’assurance maladie s’applique',
				}),
				/**
				 * What to do, in both languages.
				 * @fr Ce qu’il faut faire, en français et en anglais.
				 */
				summary: localizedSchema,
			}),
			{
				ehic: { label: { fr: 'CEAM valable', en: 'EHIC valid' } },
				summary: { label: { fr: 'Que faire', en: 'What to do' }, format: 'markdown' },
			}
		),
		/**
		 * Emergency telephone numbers: one number for all emergencies, or the police, ambulance and
		 * fire numbers where they differ. At least one.
		 * @fr Les numéros d’urgence : un numéro unique pour toutes les urgences, ou ceux de la
		 *   police, des secours médicaux et des pompiers s’ils diffèrent ; au moins un.
		 */
		emergency: labelled(
			z
				.strictObject({
					/**
					 * One number for all emergencies (112 in the EU).
					 * @fr Le numéro unique pour toutes les urgences (112 dans l’UE).
					 */
					general: emergencyNumberSchema.optional(),
					/** Police. @fr La police. */
					police: emergencyNumberSchema.optional(),
					/** Medical emergencies. @fr Les urgences médicales (ambulance). */
					ambulance: emergencyNumberSchema.optional(),
					/** Fire brigade. @fr Les pompiers. */
					fire: emergencyNumberSchema.optional(),
					/**
					 * What else to know, in both languages (Markdown).
					 * @fr Une précision, en français et en anglais.
					 */
					note: localizedSchema.optional(),
				})
				.refine((value) => emergencyServices.some((service) => value[service] !== undefined), {
					error: () =>
						say({
							en: 'expected at least one emergency number (general, police, ambulance or fire), got none',
							fr: 'attendu : au moins un numéro d’urgence (general, police, ambulance ou fire) ; trouvé : aucun',
						}),
				}),
			{
				general: {
					label: { fr: 'Numéro unique', en: 'Single number' },
					fact: 'public',
					detail: true,
				},
				police: { label: { fr: 'Police', en: 'Police' }, fact: 'public', detail: true },
				ambulance: {
					label: { fr: 'Secours médicaux', en: 'Ambulance' },
					fact: 'public',
					detail: true,
				},
				fire: { label: { fr: 'Pompiers', en: 'Fire brigade' }, fact: 'public', detail: true },
				note: {
					label: { fr: 'Précision', en: 'Note' },
					format: 'markdown',
					fact: 'public',
					detail: true,
				},
			}
		).optional(),
		/**
		 * The French embassy (or consulate) in the country.
		 * @fr L’ambassade (ou le consulat) de France dans le pays.
		 */
		frenchEmbassy: labelled(
			z.strictObject({
				/** Its name, in both languages. @fr Son nom, en français et en anglais. */
				name: localizedSchema,
				/** The city it is in. @fr La ville où elle se trouve. */
				city: z.string().min(1).optional(),
				/** Its website. @fr Son site web. */
				url: urlSchema,
				/**
				 * Its telephone number, only as it publishes it (international format).
				 * @fr Son numéro de téléphone, tel qu’elle le publie (format international).
				 */
				phone: z
					.string()
					.regex(/^\+[\d ().-]{6,}$/, {
						error: expected({
							en: 'a telephone number in international format such as "+49 30 590 03 90 00"',
							fr: 'un numéro de téléphone au format international tel que « +49 30 590 03 90 00 »',
						}),
					})
					.optional(),
			}),
			{
				name: { label: { fr: 'Nom', en: 'Name' } },
				city: { label: { fr: 'Ville', en: 'City' }, fact: 'public' },
				url: { label: { fr: 'Site web', en: 'Website' } },
				phone: { label: { fr: 'Téléphone', en: 'Telephone' }, fact: 'public', detail: true },
			}
		).optional(),
		/**
		 * A cost-of-living reference given by an official or university source.
		 * @fr Un repère sur le coût de la vie donné par une source officielle ou universitaire.
		 */
		costOfLiving: labelled(
			z.strictObject({
				/**
				 * The figure and what it covers, in both languages.
				 * @fr Le montant et ce qu’il couvre, en français et en anglais.
				 */
				summary: localizedSchema,
				/** The page that gives it. @fr La page qui le donne. */
				url: urlSchema,
				/**
				 * Year the figure is for (YYYY).
				 * @fr L’année à laquelle correspond le montant (AAAA).
				 */
				year: yearSchema,
			}),
			{
				summary: { label: { fr: 'Repère', en: 'Reference' }, format: 'markdown' },
				url: { label: { fr: 'Page source', en: 'Source page' } },
				year: { label: { fr: 'Année', en: 'Year' } },
			}
		).optional(),
		/**
		 * Current advice of the French Ministry for Europe and Foreign Affairs, where a source
		 * gives it.
		 * @fr Les conseils aux voyageurs du ministère de l’Europe et des Affaires étrangères
		 *   (France Diplomatie), si une source les donne.
		 */
		travelAdvice: labelled(
			z.strictObject({
				/**
				 * Level of the advice for the whole country.
				 * @fr Le niveau de vigilance pour l’ensemble du pays.
				 */
				level: choice(travelAdviceLevels, travelAdviceLevelLabels, oneOf(travelAdviceLevels)),
				/**
				 * What the advice says, in both languages.
				 * @fr Ce que disent les conseils, en français et en anglais.
				 */
				summary: localizedSchema,
				/** The France Diplomatie page. @fr L’adresse de la page France Diplomatie. */
				url: urlSchema,
				/**
				 * Date of the version of the page that was read.
				 * @fr La date de la version de la page qui a été lue.
				 */
				asOf: dateSchema,
			}),
			{
				level: { label: { fr: 'Niveau', en: 'Level' } },
				summary: { label: { fr: 'Résumé', en: 'Summary' }, format: 'markdown' },
				url: { label: { fr: 'Page France Diplomatie', en: 'France Diplomatie page' } },
				asOf: { label: { fr: 'Version du', en: 'Version of' } },
			}
		).optional(),
		/**
		 * Official links (portals, immigration offices).
		 * @fr Les liens officiels (portails, services d’immigration).
		 */
		officialLinks: z.array(linkSchema).default([]),
		/**
		 * Studying in this country: prose in Markdown, in both languages.
		 * @fr Étudier dans ce pays : un texte en Markdown, en français et en anglais.
		 */
		study: localizedSchema.optional(),
		/**
		 * Internships in this country: prose in Markdown, in both languages.
		 * @fr Faire un stage dans ce pays : un texte en Markdown, en français et en anglais.
		 */
		internship: localizedSchema.optional(),
		...provenanceShape,
	}),
	{
		name: { label: { fr: 'Nom', en: 'Name' } },
		region: { label: { fr: 'Région du monde', en: 'World region' } },
		eu: { label: { fr: 'Union européenne', en: 'European Union' } },
		eea: { label: { fr: 'Espace économique européen', en: 'European Economic Area' } },
		schengen: { label: { fr: 'Espace Schengen', en: 'Schengen area' } },
		currency: { label: { fr: 'Monnaie', en: 'Currency' }, fact: 'public' },
		erasmus: { label: { fr: 'Erasmus+', en: 'Erasmus+' }, fact: 'public' },
		longStay: {
			label: { fr: 'Séjour de plus de trois mois', en: 'Stays of more than three months' },
			fact: 'public',
		},
		healthCover: { label: { fr: 'Couverture santé', en: 'Health cover' } },
		emergency: { label: { fr: 'Numéros d’urgence', en: 'Emergency numbers' }, fact: 'public' },
		otherNationals: {
			label: {
				fr: 'Entrée et séjour (autres nationalités)',
				en: 'Entry and stay (other nationals)',
			},
			fact: 'public',
		},
		frenchEmbassy: {
			label: { fr: 'Ambassade de France', en: 'French embassy' },
			fact: 'public',
		},
		costOfLiving: { label: { fr: 'Coût de la vie', en: 'Cost of living' }, fact: 'public' },
		travelAdvice: { label: { fr: 'Conseils aux voyageurs', en: 'Travel advice' }, fact: 'public' },
		officialLinks: { label: { fr: 'Liens officiels', en: 'Official links' }, fact: 'public' },
		study: { label: { fr: 'Étudier', en: 'Studying' }, format: 'markdown', fact: 'public' },
		internship: {
			label: { fr: 'Faire un stage', en: 'Internships' },
			format: 'markdown',
			fact: 'public',
		},
		...provenanceLabels,
	}
);
export type CountryData = z.infer<typeof countrySchema>;
