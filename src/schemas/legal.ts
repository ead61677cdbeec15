import { z } from 'astro/zod';
import { accessibilityStatusLabels, accessibilityStatuses } from '../vocab/legal.ts';
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
 * one file, `content/site/legal.yaml`. A fact no source gives (the director of publication, the
 * host, the school's postal address…) is left out; the pages then show it once, as something to
 * confirm with the office, and never a guess.
 * @see https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/
 */

/** A postal address, in the form the school writes it. */
const addressSchema = textSchema({ en: 'a postal address', fr: 'une adresse postale' });

/** Who someone is and how to reach them: the publisher, the host. */
const organisationSchema = () =>
	labelled(
		z.strictObject({
			/** Name in French and in English. @fr Le nom, en français et en anglais. */
			name: localizedSchema,
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
			address: { label: { fr: 'Adresse postale', en: 'Postal address' }, fact: 'public' },
			phone: { label: { fr: 'Téléphone', en: 'Phone' }, fact: 'public' },
			url: { label: { fr: 'Site web', en: 'Website' }, fact: 'public', detail: true },
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
export type AccessibilityAudit = z.infer<typeof auditSchema>;

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
	}
);

export const legalSchema = labelled(
	z.strictObject({
		/**
		 * Who publishes the site (« éditeur »): the school.
		 * @fr Qui publie le site (l’éditeur) : l’École.
		 */
		publisher: organisationSchema(),
		/**
		 * The school service that writes the site's content, in both languages.
		 * @fr Le service de l’École qui rédige le contenu du site, en français et en anglais.
		 */
		editorialService: localizedSchema,
		/**
		 * Director of publication (« directeur ou directrice de la publication »), as a source
		 * names them.
		 * @fr Le directeur ou la directrice de la publication, tel qu’une source le nomme.
		 */
		publicationDirector: textSchema({
			en: 'a person’s name',
			fr: 'le nom d’une personne',
		}).optional(),
		/**
		 * Who hosts the site (« hébergeur »): name, address and phone.
		 * @fr Qui héberge le site (l’hébergeur) : nom, adresse et téléphone.
		 */
		host: organisationSchema().optional(),
		/**
		 * Data protection officer (« délégué à la protection des données ») of the school.
		 * @fr Le délégué à la protection des données de l’École.
		 */
		dataProtectionOfficer: labelled(
			z
				.strictObject({
					/**
					 * E-mail address to exercise one's rights.
					 * @fr L’adresse électronique pour exercer ses droits.
					 */
					email: emailSchema.optional(),
					/**
					 * Web page or form to exercise one's rights.
					 * @fr La page ou le formulaire pour exercer ses droits.
					 */
					url: urlSchema.optional(),
				})
				.refine((value) => value.email !== undefined || value.url !== undefined, {
					error: () =>
						say({
							en: 'expected an e-mail address (email: …) or a web page (url: …), got neither',
							fr: 'attendu : une adresse électronique (email: …) ou une page web (url: …) ; trouvé : ni l’une ni l’autre',
						}),
				}),
			{
				email: { label: { fr: 'Courriel', en: 'E-mail' }, fact: 'public', detail: true },
				url: { label: { fr: 'Page web', en: 'Web page' }, fact: 'public', detail: true },
			}
		).optional(),
		/** The accessibility statement. @fr La déclaration d’accessibilité. */
		accessibility: accessibilitySchema,
		...provenanceShape,
	}),
	{
		publisher: { label: { fr: 'Éditeur', en: 'Publisher' } },
		editorialService: { label: { fr: 'Service qui rédige le site', en: 'Editorial service' } },
		publicationDirector: {
			label: { fr: 'Directeur ou directrice de la publication', en: 'Director of publication' },
			fact: 'public',
		},
		host: { label: { fr: 'Hébergeur', en: 'Host' }, fact: 'office' },
		dataProtectionOfficer: {
			label: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
			fact: 'public',
		},
		accessibility: { label: { fr: 'Accessibilité', en: 'Accessibility' } },
		...provenanceLabels,
	}
);
export type LegalData = z.infer<typeof legalSchema>;
