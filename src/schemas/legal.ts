import { z } from 'astro/zod';
import { accessibilityStatusLabels, accessibilityStatuses } from '../vocab/legal.ts';
import type { Bilingual } from '../vocab/locales.ts';
import {
	choice,
	dateSchema,
	emailSchema,
	labelled,
	localizedSchema,
	phoneSchema,
	provenanceLabels,
	provenanceShape,
	textSchema,
	urlSchema,
} from './common.ts';
import { expected, expectedOnly, oneOf, say } from './messages.ts';

/**
 * The facts behind the legal notice, the personal-data page and the accessibility statement:
 * one file, `content/site/legal.yaml`. Two kinds of fact are left out until known, and never
 * guessed:
 * - public facts (the Institut Mines-Télécom's head office, phone, data protection officer…)
 *   are published by their owner: whoever maintains the content looks them up, with a dated
 *   source; readers see nothing in their place;
 * - office facts (`fact: 'office'`: the host of this site, the accessibility plans, the feedback
 *   contact, how the server's logs are handled) only the office can give: the pages name them
 *   once, in one line asking the office, and they are on the office's to-do list.
 * @see https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000801164 (LCEN, article 1-1)
 * @see https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/
 */

/** A postal address, in the form the school writes it. */
const addressSchema = textSchema({ en: 'a postal address', fr: 'une adresse postale' });

/**
 * Who someone is and how to reach them: the publisher (public facts: it publishes them), the
 * host (office facts: only the office knows which host it uses).
 */
const organisationSchema = (kind: 'public' | 'office') =>
	labelled(
		z.strictObject({
			/** Name in French and in English. @fr Le nom, en français et en anglais. */
			name: localizedSchema,
			/**
			 * What kind of body it is, as its statutes word it.
			 * @fr Sa forme juridique, telle que ses statuts la nomment.
			 */
			legalForm: localizedSchema.optional(),
			/** Postal address (head office). @fr L’adresse postale (siège). */
			address: addressSchema.optional(),
			/**
			 * Phone number in E.164 form (`+33466785160`).
			 * @fr Le numéro au format international, sans espaces : +33466785160.
			 */
			phone: phoneSchema.optional(),
			/** Official website. @fr Le site officiel. */
			url: urlSchema.optional(),
		}),
		{
			name: { label: { fr: 'Nom', en: 'Name' } },
			legalForm: { label: { fr: 'Forme juridique', en: 'Legal form' }, fact: 'public' },
			// Public facts for the publisher; office facts for the host.
			address: { label: { fr: 'Adresse postale', en: 'Postal address' }, fact: kind },
			phone: { label: { fr: 'Téléphone', en: 'Phone' }, fact: kind },
			url: { label: { fr: 'Site web', en: 'Website' }, fact: kind, detail: true },
		}
	);

/** A way to reach someone: an e-mail address or a web page (a form), at least one. */
const reachSchema = (kind: 'public' | 'office') =>
	labelled(
		z
			.strictObject({
				/** E-mail address. @fr L’adresse électronique. */
				email: emailSchema.optional(),
				/** Web page or form. @fr La page ou le formulaire. */
				url: urlSchema.optional(),
				/** Postal address. @fr L’adresse postale. */
				address: addressSchema.optional(),
			})
			.refine((value) => value.email !== undefined || value.url !== undefined, {
				error: () =>
					say({
						en: 'expected an e-mail address (email: …) or a web page (url: …), got neither',
						fr: 'attendu : une adresse électronique (email: …) ou une page web (url: …) ; trouvé : ni l’une ni l’autre',
					}),
			}),
		{
			email: { label: { fr: 'Courriel', en: 'E-mail' }, fact: kind, detail: true },
			url: { label: { fr: 'Page web', en: 'Web page' }, fact: kind, detail: true },
			address: { label: { fr: 'Adresse postale', en: 'Postal address' }, fact: kind, detail: true },
		}
	);

/**
 * The rights the GDPR gives readers over their data, and the article of each. Portability
 * (article 20) applies only to processing based on consent or a contract, which server logs are
 * not.
 * @see https://eur-lex.europa.eu/eli/reg/2016/679/oj
 */
export const dataRights = [
	'access',
	'rectification',
	'erasure',
	'restriction',
	'objection',
] as const;
export type DataRight = (typeof dataRights)[number];
export const dataRightLabels: Readonly<Record<DataRight, Bilingual & { article: number }>> = {
	access: { fr: 'droit d’accès', en: 'right of access', article: 15 },
	rectification: { fr: 'droit de rectification', en: 'right to rectification', article: 16 },
	erasure: { fr: 'droit à l’effacement', en: 'right to erasure', article: 17 },
	restriction: {
		fr: 'droit à la limitation du traitement',
		en: 'right to restriction of processing',
		article: 18,
	},
	objection: { fr: 'droit d’opposition', en: 'right to object', article: 21 },
};

/**
 * How the server's logs are handled: only the office (with whoever runs the server) can say.
 * Each field is one plain sentence or phrase, in French and in English.
 */
const serverLogsSchema = labelled(
	z.strictObject({
		/**
		 * What the logs are for, e.g. keeping the site running and secure.
		 * @fr À quoi servent les journaux, par exemple assurer le fonctionnement et la sécurité du site.
		 */
		purpose: localizedSchema.optional(),
		/**
		 * The legal basis of the processing under article 6 of the GDPR.
		 * @fr La base légale du traitement (article 6 du RGPD).
		 */
		legalBasis: localizedSchema.optional(),
		/** How long the logs are kept. @fr Combien de temps les journaux sont conservés. */
		retention: localizedSchema.optional(),
		/** Who receives or can read them. @fr Qui les reçoit ou peut les consulter. */
		recipients: localizedSchema.optional(),
	}),
	{
		purpose: { label: { fr: 'Finalité', en: 'Purpose' }, fact: 'office' },
		legalBasis: { label: { fr: 'Base légale', en: 'Legal basis' }, fact: 'office' },
		retention: { label: { fr: 'Durée de conservation', en: 'Retention period' }, fact: 'office' },
		recipients: { label: { fr: 'Destinataires', en: 'Recipients' }, fact: 'office' },
	}
);

/** A browser with the assistive technology it was tested with, if any. */
const testEnvironmentSchema = labelled(
	z.strictObject({
		/** Browser and version, e.g. `Firefox 128`. @fr Le navigateur et sa version. */
		browser: textSchema({
			en: 'a browser, e.g. "Firefox 128"',
			fr: 'un navigateur, par exemple « Firefox 128 »',
		}),
		/**
		 * Assistive technology used with it (`NVDA 2024.4`); leave out when none was.
		 * @fr La technologie d’assistance utilisée avec lui (NVDA 2024.4) ; vide s’il n’y en a pas eu.
		 */
		assistiveTechnology: textSchema({
			en: 'an assistive technology, e.g. "NVDA 2024.4"',
			fr: 'une technologie d’assistance, par exemple « NVDA 2024.4 »',
		}).optional(),
		/** How it was used, in both languages. @fr Comment il a servi, en français et en anglais. */
		how: localizedSchema.optional(),
	}),
	{
		browser: { label: { fr: 'Navigateur', en: 'Browser' } },
		assistiveTechnology: {
			label: { fr: 'Technologie d’assistance', en: 'Assistive technology' },
			fact: 'office',
			detail: true,
		},
		how: { label: { fr: 'Usage', en: 'Use' }, fact: 'office', detail: true },
	}
);

/** A page of the sample checked for conformance: its title and its path on the site. */
const samplePageSchema = labelled(
	z.strictObject({
		/** The page's title. @fr Le titre de la page. */
		title: localizedSchema,
		/**
		 * Its path without the language prefix, e.g. `/contacts/` (the English page is the same
		 * path under /en/).
		 * @fr Son chemin sans préfixe de langue, par exemple /contacts/ (la page anglaise a le même
		 *   chemin sous /en/).
		 */
		path: z
			.string({
				error: expected({
					en: 'a path such as "/contacts/"',
					fr: 'un chemin tel que « /contacts/ »',
				}),
			})
			.regex(/^\/([a-z0-9-]+\/)*$/, {
				error: expected({
					en: 'a path such as "/contacts/"',
					fr: 'un chemin tel que « /contacts/ »',
				}),
			}),
	}),
	{
		title: { label: { fr: 'Titre', en: 'Title' } },
		path: { label: { fr: 'Chemin', en: 'Path' } },
	}
);

/** How to refer a matter to the Défenseur des droits (public facts it publishes). */
const redressSchema = labelled(
	z.strictObject({
		/** The online form. @fr Le formulaire en ligne. */
		formUrl: urlSchema,
		/** The map of its regional delegates. @fr La carte de ses délégués. */
		delegatesUrl: urlSchema.optional(),
		/** Its postal address (free post). @fr Son adresse postale (sans timbre). */
		postalAddress: addressSchema.optional(),
	}),
	{
		formUrl: { label: { fr: 'Formulaire en ligne', en: 'Online form' } },
		delegatesUrl: { label: { fr: 'Délégués', en: 'Delegates' }, fact: 'public', detail: true },
		postalAddress: {
			label: { fr: 'Adresse postale', en: 'Postal address' },
			fact: 'public',
			detail: true,
		},
	}
);

/** An RGAA conformance audit made by a person (internal team or contractor). */
const percentage = {
	en: 'a percentage from 0 to 100',
	fr: 'un pourcentage de 0 à 100',
};
const auditSchema = labelled(
	z.strictObject({
		/** Day the audit was completed (YYYY-MM-DD). @fr Le jour où l’audit s’est terminé. */
		date: dateSchema,
		/**
		 * Who made it: the internal team or the contractor's name.
		 * @fr Qui l’a fait : l’équipe interne ou le nom du prestataire.
		 */
		auditor: textSchema({
			en: 'the name of the team or company that made the audit',
			fr: 'le nom de l’équipe ou de l’entreprise qui a fait l’audit',
		}),
		/**
		 * RGAA version the audit applied, e.g. `4.1.2`.
		 * @fr La version du RGAA appliquée, par exemple 4.1.2.
		 */
		rgaaVersion: textSchema({
			en: 'an RGAA version such as "4.1.2"',
			fr: 'une version du RGAA telle que « 4.1.2 »',
		}),
		/**
		 * Percentage of the applicable RGAA criteria met (0–100).
		 * @fr Le pourcentage des critères applicables du RGAA qui sont respectés (de 0 à 100).
		 */
		criteriaMet: z
			.number({
				error: expected({
					en: 'the percentage of RGAA criteria met, from 0 to 100',
					fr: 'le pourcentage de critères du RGAA respectés, de 0 à 100',
				}),
			})
			.min(0, { error: expectedOnly(percentage) })
			.max(100, { error: expectedOnly(percentage) }),
		/**
		 * The audit report or grid, when it is published.
		 * @fr Le rapport ou la grille d’audit, s’ils sont publiés.
		 */
		reportUrl: urlSchema.optional(),
	}),
	{
		date: { label: { fr: 'Date de l’audit', en: 'Audit date' } },
		auditor: { label: { fr: 'Auditeur', en: 'Auditor' } },
		rgaaVersion: { label: { fr: 'Version du RGAA', en: 'RGAA version' } },
		criteriaMet: { label: { fr: 'Critères respectés (%)', en: 'Criteria met (%)' } },
		reportUrl: {
			label: { fr: 'Rapport d’audit', en: 'Audit report' },
			fact: 'office',
			detail: true,
		},
	}
);

/**
 * The accessibility statement's facts. The status follows from the audit, as the RGAA rules
 * it: « non conforme » when no audit in force measures the criteria or when fewer than 50 % are
 * met, « partiellement conforme » from 50 %, « totalement conforme » at 100 %. The schema
 * refuses any other combination, so the footer can never claim more than the audit shows.
 */
const accessibilitySchema = labelled(
	z
		.strictObject({
			/**
			 * Conformance status, shown on every page as « Accessibilité : … ».
			 * @fr Le statut de conformité, affiché sur chaque page (« Accessibilité : … ») ; il
			 *   doit correspondre à l’audit.
			 */
			status: choice(
				accessibilityStatuses,
				accessibilityStatusLabels,
				oneOf(accessibilityStatuses)
			),
			/**
			 * The latest RGAA audit made by a person; leave out while there is none.
			 * @fr Le dernier audit RGAA fait par une personne ; vide tant qu’il n’y en a pas.
			 */
			audit: auditSchema.optional(),
			/**
			 * Day the statement was drawn up (YYYY-MM-DD).
			 * @fr Le jour où la déclaration a été établie.
			 */
			statementDate: dateSchema,
			/**
			 * Day it was last updated, if ever (YYYY-MM-DD).
			 * @fr Le jour de sa dernière mise à jour, s’il y en a eu une.
			 */
			updatedDate: dateSchema.optional(),
			/**
			 * The school's multi-year accessibility plan (« schéma pluriannuel »), when published.
			 * @fr Le schéma pluriannuel d’accessibilité de l’École, s’il est publié.
			 */
			multiYearPlanUrl: urlSchema.optional(),
			/**
			 * This year's action plan (« plan d'actions »), when published.
			 * @fr Le plan d’actions de l’année, s’il est publié.
			 */
			actionPlanUrl: urlSchema.optional(),
			/**
			 * The RGAA version the statement refers to, e.g. `4.1.2`.
			 * @fr La version du RGAA à laquelle la déclaration se réfère, par exemple 4.1.2.
			 */
			rgaaVersion: textSchema({
				en: 'an RGAA version such as "4.1.2"',
				fr: 'une version du RGAA telle que « 4.1.2 »',
			}).optional(),
			/**
			 * Where readers report an accessibility problem: the school's own address or form.
			 * @fr Où signaler un défaut d’accessibilité : l’adresse ou le formulaire de l’École.
			 */
			feedback: reachSchema('office').optional(),
			/**
			 * The browser and assistive-technology combinations the site was tested with.
			 * @fr Les combinaisons de navigateur et de technologie d’assistance avec lesquelles le site
			 *   a été testé.
			 */
			testEnvironment: z.array(testEnvironmentSchema).optional(),
			/**
			 * The pages checked for conformance (the sample).
			 * @fr Les pages vérifiées (l’échantillon).
			 */
			pageSample: z.array(samplePageSchema).optional(),
			/**
			 * How to refer a matter to the Défenseur des droits.
			 * @fr Comment saisir le Défenseur des droits.
			 */
			redress: redressSchema.optional(),
		})
		.superRefine((value, context) => {
			const met = value.audit?.criteriaMet;
			const found =
				met === undefined
					? { en: 'no audit', fr: 'aucun audit' }
					: { en: `${met} %`, fr: `${met} %` };
			const problem =
				value.status === 'compliant' && met !== 100
					? {
							en: `"compliant" needs an audit with criteriaMet: 100, got ${found.en}`,
							fr: `« compliant » demande un audit avec criteriaMet: 100 ; trouvé : ${found.fr}`,
						}
					: value.status === 'partially-compliant' && (met === undefined || met < 50 || met === 100)
						? {
								en: `"partially-compliant" needs an audit with criteriaMet from 50 to 99, got ${found.en}`,
								fr: `« partially-compliant » demande un audit avec criteriaMet de 50 à 99 ; trouvé : ${found.fr}`,
							}
						: value.status === 'non-compliant' && met !== undefined && met >= 50
							? {
									en: `"non-compliant" is for a site with no audit or fewer than 50 % of criteria met; the audit gives ${met} %: write "${met === 100 ? 'compliant' : 'partially-compliant'}"`,
									fr: `« non-compliant » vaut pour un site sans audit ou à moins de 50 % de critères respectés ; l’audit donne ${met} % : écrivez « ${met === 100 ? 'compliant' : 'partially-compliant'} »`,
								}
							: undefined;
			if (problem) context.addIssue({ code: 'custom', path: ['status'], message: say(problem) });
		}),
	{
		status: { label: { fr: 'Statut de conformité', en: 'Conformance status' } },
		audit: { label: { fr: 'Audit RGAA', en: 'RGAA audit' }, fact: 'office' },
		statementDate: { label: { fr: 'Date de la déclaration', en: 'Statement date' } },
		updatedDate: { label: { fr: 'Mise à jour', en: 'Updated' }, fact: 'office', detail: true },
		multiYearPlanUrl: {
			label: { fr: 'Schéma pluriannuel', en: 'Multi-year plan' },
			fact: 'office',
		},
		actionPlanUrl: { label: { fr: 'Plan d’actions', en: 'Action plan' }, fact: 'office' },
		// Public fact: the DINUM publishes the RGAA.
		rgaaVersion: { label: { fr: 'Version du RGAA', en: 'RGAA version' }, fact: 'public' },
		feedback: {
			label: { fr: 'Contact pour signaler un défaut', en: 'Contact to report a problem' },
			fact: 'office',
		},
		testEnvironment: {
			label: { fr: 'Environnement de test', en: 'Test environment' },
			fact: 'office',
		},
		pageSample: { label: { fr: 'Pages vérifiées', en: 'Pages checked' }, fact: 'office' },
		// Public fact: the Défenseur des droits publishes it.
		redress: { label: { fr: 'Voies de recours', en: 'Redress' }, fact: 'public' },
	}
);

export const legalSchema = labelled(
	z.strictObject({
		/**
		 * Who publishes the site (« éditeur »): the legal person, the Institut Mines-Télécom, of
		 * which the school is a part without being a legal person itself.
		 * @fr Qui publie le site (l’éditeur) : la personne morale, l’Institut Mines-Télécom, dont
		 *   l’École fait partie sans être elle-même une personne morale.
		 */
		publisher: organisationSchema('public'),
		/**
		 * The school the site speaks for: its name and website.
		 * @fr L’école au nom de laquelle le site est publié : son nom et son site.
		 */
		school: labelled(
			z.strictObject({
				/** Name in French and in English. @fr Le nom, en français et en anglais. */
				name: localizedSchema,
				/** Official website. @fr Le site officiel. */
				url: urlSchema.optional(),
			}),
			{
				name: { label: { fr: 'Nom', en: 'Name' } },
				url: { label: { fr: 'Site web', en: 'Website' }, fact: 'public', detail: true },
			}
		).optional(),
		/**
		 * The school service that writes the site's content, in both languages.
		 * @fr Le service de l’École qui rédige le contenu du site, en français et en anglais.
		 */
		editorialService: localizedSchema,
		/**
		 * Director of publication (« directeur ou directrice de la publication »): for a legal
		 * person, its legal representative (article 93-2 of the law of 29 July 1982), as a source
		 * names them.
		 * @fr Le directeur ou la directrice de la publication : pour une personne morale, son
		 *   représentant légal (article 93-2 de la loi du 29 juillet 1982), tel qu’une source le nomme.
		 */
		publicationDirector: labelled(
			z.strictObject({
				/** Their name. @fr Son nom. */
				name: textSchema({ en: 'a person’s name', fr: 'le nom d’une personne' }),
				/** Their office, in both languages. @fr Sa fonction, en français et en anglais. */
				role: localizedSchema.optional(),
			}),
			{
				name: { label: { fr: 'Nom', en: 'Name' } },
				role: { label: { fr: 'Fonction', en: 'Office' }, fact: 'public', detail: true },
			}
		).optional(),
		/**
		 * Who hosts the site (« hébergeur »): name, address and phone.
		 * @fr Qui héberge le site (l’hébergeur) : nom, adresse et téléphone.
		 */
		host: organisationSchema('office').optional(),
		/**
		 * Who decides why and how personal data is processed (« responsable du traitement »).
		 * @fr Qui décide pourquoi et comment les données personnelles sont traitées (le responsable
		 *   du traitement).
		 */
		dataController: localizedSchema.optional(),
		/**
		 * Data protection officer (« délégué à la protection des données ») of the publisher, as it
		 * publishes their contact.
		 * @fr Le délégué à la protection des données de l’éditeur, tel qu’il en publie le contact.
		 */
		dataProtectionOfficer: reachSchema('public').optional(),
		/**
		 * How the server's logs are handled (purpose, legal basis, retention, recipients).
		 * @fr Comment sont traités les journaux du serveur (finalité, base légale, durée de
		 *   conservation, destinataires).
		 */
		serverLogs: serverLogsSchema.optional(),
		/**
		 * The reader's rights over their data (GDPR), in the order the page lists them.
		 * @fr Les droits du lecteur sur ses données (RGPD), dans l’ordre où la page les liste.
		 */
		rights: z.array(choice(dataRights, dataRightLabels, oneOf(dataRights))).optional(),
		/**
		 * The supervisory authority's complaint page (the CNIL).
		 * @fr La page de plainte de l’autorité de contrôle (la CNIL).
		 */
		complaintUrl: urlSchema.optional(),
		/** The accessibility statement. @fr La déclaration d’accessibilité. */
		accessibility: accessibilitySchema,
		...provenanceShape,
	}),
	{
		// Public facts (their owners publish them): publisher, school, publicationDirector,
		// dataController, dataProtectionOfficer, rights, complaintUrl. Office facts: `fact: 'office'`.
		publisher: { label: { fr: 'Éditeur', en: 'Publisher' } },
		school: { label: { fr: 'École', en: 'School' }, fact: 'public' },
		editorialService: { label: { fr: 'Service qui rédige le site', en: 'Editorial service' } },
		publicationDirector: {
			label: { fr: 'Directeur ou directrice de la publication', en: 'Director of publication' },
			fact: 'public',
		},
		host: { label: { fr: 'Hébergeur', en: 'Host' }, fact: 'office' },
		dataController: {
			label: { fr: 'Responsable du traitement', en: 'Data controller' },
			fact: 'public',
		},
		dataProtectionOfficer: {
			label: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
			fact: 'public',
		},
		serverLogs: { label: { fr: 'Journaux du serveur', en: 'Server logs' }, fact: 'office' },
		rights: { label: { fr: 'Droits du lecteur', en: 'Reader’s rights' }, fact: 'public' },
		complaintUrl: {
			label: { fr: 'Plainte à la CNIL', en: 'Complaint to the CNIL' },
			fact: 'public',
		},
		accessibility: { label: { fr: 'Accessibilité', en: 'Accessibility' } },
		...provenanceLabels,
	}
);
export type LegalData = z.infer<typeof legalSchema>;
