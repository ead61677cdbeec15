import { z } from 'astro/zod';
import { accessibilityStatusLabels, accessibilityStatuses } from '../vocab/legal.ts';
import type { Bilingual } from '../vocab/locales.ts';
import {
	choice,
	dateSchema,
	emailSchema,
	field,
	localizedSchema,
	phoneSchema,
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
	z.strictObject({
		name: field(localizedSchema, {
			label: { fr: 'Nom', en: 'Name' },
			hint: 'Le nom, en français et en anglais.',
			description: 'Name in French and in English.',
		}),
		legalForm: field(localizedSchema.optional(), {
			label: { fr: 'Forme juridique', en: 'Legal form' },
			fact: 'public',
			hint: 'Sa forme juridique, telle que ses statuts la nomment.',
			description: 'What kind of body it is, as its statutes word it.',
		}),
		// Public facts for the publisher; office facts for the host.
		address: field(addressSchema.optional(), {
			label: { fr: 'Adresse postale', en: 'Postal address' },
			fact: kind,
			hint: 'L’adresse postale (siège).',
			description: 'Postal address (head office).',
		}),
		phone: field(phoneSchema.optional(), {
			label: { fr: 'Téléphone', en: 'Phone' },
			fact: kind,
			hint: 'Le numéro au format international, sans espaces : +33466785160.',
			description: 'Phone number in E.164 form (`+33466785160`).',
		}),
		url: field(urlSchema.optional(), {
			label: { fr: 'Site web', en: 'Website' },
			fact: kind,
			detail: true,
			hint: 'Le site officiel.',
			description: 'Official website.',
		}),
	});

/** A way to reach someone: an e-mail address or a web page (a form), at least one. */
const reachSchema = (kind: 'public' | 'office') =>
	z
		.strictObject({
			email: field(emailSchema.optional(), {
				label: { fr: 'Courriel', en: 'E-mail' },
				fact: kind,
				detail: true,
				hint: 'L’adresse électronique.',
				description: 'E-mail address.',
			}),
			url: field(urlSchema.optional(), {
				label: { fr: 'Page web', en: 'Web page' },
				fact: kind,
				detail: true,
				hint: 'La page ou le formulaire.',
				description: 'Web page or form.',
			}),
			address: field(addressSchema.optional(), {
				label: { fr: 'Adresse postale', en: 'Postal address' },
				fact: kind,
				detail: true,
				hint: 'L’adresse postale.',
				description: 'Postal address.',
			}),
		})
		.refine((value) => value.email !== undefined || value.url !== undefined, {
			error: () =>
				say({
					en: 'expected an e-mail address (email: …) or a web page (url: …), got neither',
					fr: 'attendu : une adresse électronique (email: …) ou une page web (url: …) ; trouvé : ni l’une ni l’autre',
				}),
		});

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
const serverLogsSchema = z.strictObject({
	purpose: field(localizedSchema.optional(), {
		label: { fr: 'Finalité', en: 'Purpose' },
		fact: 'office',
		hint: 'À quoi servent les journaux, par exemple assurer le fonctionnement et la sécurité du site.',
		description: 'What the logs are for, e.g. keeping the site running and secure.',
	}),
	legalBasis: field(localizedSchema.optional(), {
		label: { fr: 'Base légale', en: 'Legal basis' },
		fact: 'office',
		hint: 'La base légale du traitement (article 6 du RGPD).',
		description: 'The legal basis of the processing under article 6 of the GDPR.',
	}),
	retention: field(localizedSchema.optional(), {
		label: { fr: 'Durée de conservation', en: 'Retention period' },
		fact: 'office',
		hint: 'Combien de temps les journaux sont conservés.',
		description: 'How long the logs are kept.',
	}),
	recipients: field(localizedSchema.optional(), {
		label: { fr: 'Destinataires', en: 'Recipients' },
		fact: 'office',
		hint: 'Qui les reçoit ou peut les consulter.',
		description: 'Who receives or can read them.',
	}),
});

/** A browser with the assistive technology it was tested with, if any. */
const testEnvironmentSchema = z.strictObject({
	browser: field(
		textSchema({
			en: 'a browser, e.g. "Firefox 128"',
			fr: 'un navigateur, par exemple « Firefox 128 »',
		}),
		{
			label: { fr: 'Navigateur', en: 'Browser' },
			hint: 'Le navigateur et sa version.',
			description: 'Browser and version, e.g. `Firefox 128`.',
		}
	),
	assistiveTechnology: field(
		textSchema({
			en: 'an assistive technology, e.g. "NVDA 2024.4"',
			fr: 'une technologie d’assistance, par exemple « NVDA 2024.4 »',
		}).optional(),
		{
			label: { fr: 'Technologie d’assistance', en: 'Assistive technology' },
			fact: 'office',
			detail: true,
			hint: 'La technologie d’assistance utilisée avec lui (NVDA 2024.4) ; vide s’il n’y en a pas eu.',
			description: 'Assistive technology used with it (`NVDA 2024.4`); leave out when none was.',
		}
	),
	how: field(localizedSchema.optional(), {
		label: { fr: 'Usage', en: 'Use' },
		fact: 'office',
		detail: true,
		hint: 'Comment il a servi, en français et en anglais.',
		description: 'How it was used, in both languages.',
	}),
});

/** A page of the sample checked for conformance: its title and its path on the site. */
const samplePageSchema = z.strictObject({
	title: field(localizedSchema, {
		label: { fr: 'Titre', en: 'Title' },
		hint: 'Le titre de la page.',
		description: "The page's title.",
	}),
	path: field(
		z
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
		{
			label: { fr: 'Chemin', en: 'Path' },
			hint: 'Son chemin sans préfixe de langue, par exemple /contacts/ (la page anglaise a le même chemin sous /en/).',
			description:
				'Its path without the language prefix, e.g. `/contacts/` (the English page is the same path under /en/).',
		}
	),
});

/** How to refer a matter to the Défenseur des droits (public facts it publishes). */
const redressSchema = z.strictObject({
	formUrl: field(urlSchema, {
		label: { fr: 'Formulaire en ligne', en: 'Online form' },
		hint: 'Le formulaire en ligne.',
		description: 'The online form.',
	}),
	delegatesUrl: field(urlSchema.optional(), {
		label: { fr: 'Délégués', en: 'Delegates' },
		fact: 'public',
		detail: true,
		hint: 'La carte de ses délégués.',
		description: 'The map of its regional delegates.',
	}),
	postalAddress: field(addressSchema.optional(), {
		label: { fr: 'Adresse postale', en: 'Postal address' },
		fact: 'public',
		detail: true,
		hint: 'Son adresse postale (sans timbre).',
		description: 'Its postal address (free post).',
	}),
});

/** An RGAA conformance audit made by a person (internal team or contractor). */
const percentage = {
	en: 'a percentage from 0 to 100',
	fr: 'un pourcentage de 0 à 100',
};
const auditSchema = z.strictObject({
	date: field(dateSchema, {
		label: { fr: 'Date de l’audit', en: 'Audit date' },
		hint: 'Le jour où l’audit s’est terminé.',
		description: 'Day the audit was completed (YYYY-MM-DD).',
	}),
	auditor: field(
		textSchema({
			en: 'the name of the team or company that made the audit',
			fr: 'le nom de l’équipe ou de l’entreprise qui a fait l’audit',
		}),
		{
			label: { fr: 'Auditeur', en: 'Auditor' },
			hint: 'Qui l’a fait : l’équipe interne ou le nom du prestataire.',
			description: "Who made it: the internal team or the contractor's name.",
		}
	),
	rgaaVersion: field(
		textSchema({
			en: 'an RGAA version such as "4.1.2"',
			fr: 'une version du RGAA telle que « 4.1.2 »',
		}),
		{
			label: { fr: 'Version du RGAA', en: 'RGAA version' },
			hint: 'La version du RGAA appliquée, par exemple 4.1.2.',
			description: 'RGAA version the audit applied, e.g. `4.1.2`.',
		}
	),
	criteriaMet: field(
		z
			.number({
				error: expected({
					en: 'the percentage of RGAA criteria met, from 0 to 100',
					fr: 'le pourcentage de critères du RGAA respectés, de 0 à 100',
				}),
			})
			.min(0, { error: expectedOnly(percentage) })
			.max(100, { error: expectedOnly(percentage) }),
		{
			label: { fr: 'Critères respectés (%)', en: 'Criteria met (%)' },
			hint: 'Le pourcentage des critères applicables du RGAA qui sont respectés (de 0 à 100).',
			description: 'Percentage of the applicable RGAA criteria met (0–100).',
		}
	),
	reportUrl: field(urlSchema.optional(), {
		label: { fr: 'Rapport d’audit', en: 'Audit report' },
		fact: 'office',
		detail: true,
		hint: 'Le rapport ou la grille d’audit, s’ils sont publiés.',
		description: 'The audit report or grid, when it is published.',
	}),
});

/**
 * The accessibility statement's facts. The status follows from the audit, as the RGAA rules
 * it: « non conforme » when no audit in force measures the criteria or when fewer than 50 % are
 * met, « partiellement conforme » from 50 %, « totalement conforme » at 100 %. The schema
 * refuses any other combination, so the footer can never claim more than the audit shows.
 */
const accessibilitySchema = z
	.strictObject({
		status: field(
			choice(accessibilityStatuses, accessibilityStatusLabels, oneOf(accessibilityStatuses)),
			{
				label: { fr: 'Statut de conformité', en: 'Conformance status' },
				hint: 'Le statut de conformité, affiché sur chaque page (« Accessibilité : … ») ; il doit correspondre à l’audit.',
				description: 'Conformance status, shown on every page as « Accessibilité : … ».',
			}
		),
		audit: field(auditSchema.optional(), {
			label: { fr: 'Audit RGAA', en: 'RGAA audit' },
			fact: 'office',
			hint: 'Le dernier audit RGAA fait par une personne ; vide tant qu’il n’y en a pas.',
			description: 'The latest RGAA audit made by a person; leave out while there is none.',
		}),
		statementDate: field(dateSchema, {
			label: { fr: 'Date de la déclaration', en: 'Statement date' },
			hint: 'Le jour où la déclaration a été établie.',
			description: 'Day the statement was drawn up (YYYY-MM-DD).',
		}),
		updatedDate: field(dateSchema.optional(), {
			label: { fr: 'Mise à jour', en: 'Updated' },
			fact: 'office',
			detail: true,
			hint: 'Le jour de sa dernière mise à jour, s’il y en a eu une.',
			description: 'Day it was last updated, if ever (YYYY-MM-DD).',
		}),
		multiYearPlanUrl: field(urlSchema.optional(), {
			label: { fr: 'Schéma pluriannuel', en: 'Multi-year plan' },
			fact: 'office',
			hint: 'Le schéma pluriannuel d’accessibilité de l’École, s’il est publié.',
			description:
				"The school's multi-year accessibility plan (« schéma pluriannuel »), when published.",
		}),
		actionPlanUrl: field(urlSchema.optional(), {
			label: { fr: 'Plan d’actions', en: 'Action plan' },
			fact: 'office',
			hint: 'Le plan d’actions de l’année, s’il est publié.',
			description: "This year's action plan (« plan d'actions »), when published.",
		}),
		// Public fact: the DINUM publishes the RGAA.
		rgaaVersion: field(
			textSchema({
				en: 'an RGAA version such as "4.1.2"',
				fr: 'une version du RGAA telle que « 4.1.2 »',
			}).optional(),
			{
				label: { fr: 'Version du RGAA', en: 'RGAA version' },
				fact: 'public',
				hint: 'La version du RGAA à laquelle la déclaration se réfère, par exemple 4.1.2.',
				description: 'The RGAA version the statement refers to, e.g. `4.1.2`.',
			}
		),
		feedback: field(reachSchema('office').optional(), {
			label: { fr: 'Contact pour signaler un défaut', en: 'Contact to report a problem' },
			fact: 'office',
			hint: 'Où signaler un défaut d’accessibilité : l’adresse ou le formulaire de l’École.',
			description:
				"Where readers report an accessibility problem: the school's own address or form.",
		}),
		testEnvironment: field(z.array(testEnvironmentSchema).optional(), {
			label: { fr: 'Environnement de test', en: 'Test environment' },
			fact: 'office',
			hint: 'Les combinaisons de navigateur et de technologie d’assistance avec lesquelles le site a été testé.',
			description: 'The browser and assistive-technology combinations the site was tested with.',
		}),
		pageSample: field(z.array(samplePageSchema).optional(), {
			label: { fr: 'Pages vérifiées', en: 'Pages checked' },
			fact: 'office',
			hint: 'Les pages vérifiées (l’échantillon).',
			description: 'The pages checked for conformance (the sample).',
		}),
		// Public fact: the Défenseur des droits publishes it.
		redress: field(redressSchema.optional(), {
			label: { fr: 'Voies de recours', en: 'Redress' },
			fact: 'public',
			hint: 'Comment saisir le Défenseur des droits.',
			description: 'How to refer a matter to the Défenseur des droits.',
		}),
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
	});

export const legalSchema = z.strictObject({
	// Public facts (their owners publish them): publisher, school, publicationDirector,
	// dataController, dataProtectionOfficer, rights, complaintUrl. Office facts: `fact: 'office'`.
	publisher: field(organisationSchema('public'), {
		label: { fr: 'Éditeur', en: 'Publisher' },
		hint: 'Qui publie le site (l’éditeur) : la personne morale, l’Institut Mines-Télécom, dont l’École fait partie sans être elle-même une personne morale.',
		description:
			'Who publishes the site (« éditeur »): the legal person, the Institut Mines-Télécom, of which the school is a part without being a legal person itself.',
	}),
	school: field(
		z
			.strictObject({
				name: field(localizedSchema, {
					label: { fr: 'Nom', en: 'Name' },
					hint: 'Le nom, en français et en anglais.',
					description: 'Name in French and in English.',
				}),
				url: field(urlSchema.optional(), {
					label: { fr: 'Site web', en: 'Website' },
					fact: 'public',
					detail: true,
					hint: 'Le site officiel.',
					description: 'Official website.',
				}),
			})
			.optional(),
		{
			label: { fr: 'École', en: 'School' },
			fact: 'public',
			hint: 'L’école au nom de laquelle le site est publié : son nom et son site.',
			description: 'The school the site speaks for: its name and website.',
		}
	),
	editorialService: field(localizedSchema, {
		label: { fr: 'Service qui rédige le site', en: 'Editorial service' },
		hint: 'Le service de l’École qui rédige le contenu du site, en français et en anglais.',
		description: "The school service that writes the site's content, in both languages.",
	}),
	publicationDirector: field(
		z
			.strictObject({
				name: field(textSchema({ en: 'a person’s name', fr: 'le nom d’une personne' }), {
					label: { fr: 'Nom', en: 'Name' },
					hint: 'Son nom.',
					description: 'Their name.',
				}),
				role: field(localizedSchema.optional(), {
					label: { fr: 'Fonction', en: 'Office' },
					fact: 'public',
					detail: true,
					hint: 'Sa fonction, en français et en anglais.',
					description: 'Their office, in both languages.',
				}),
			})
			.optional(),
		{
			label: { fr: 'Directeur ou directrice de la publication', en: 'Director of publication' },
			fact: 'public',
			hint: 'Le directeur ou la directrice de la publication : pour une personne morale, son représentant légal (article 93-2 de la loi du 29 juillet 1982), tel qu’une source le nomme.',
			description:
				'Director of publication (« directeur ou directrice de la publication »): for a legal person, its legal representative (article 93-2 of the law of 29 July 1982), as a source names them.',
		}
	),
	host: field(organisationSchema('office').optional(), {
		label: { fr: 'Hébergeur', en: 'Host' },
		fact: 'office',
		hint: 'Qui héberge le site (l’hébergeur) : nom, adresse et téléphone.',
		description: 'Who hosts the site (« hébergeur »): name, address and phone.',
	}),
	dataController: field(localizedSchema.optional(), {
		label: { fr: 'Responsable du traitement', en: 'Data controller' },
		fact: 'public',
		hint: 'Qui décide pourquoi et comment les données personnelles sont traitées (le responsable du traitement).',
		description:
			'Who decides why and how personal data is processed (« responsable du traitement »).',
	}),
	dataProtectionOfficer: field(reachSchema('public').optional(), {
		label: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
		fact: 'public',
		hint: 'Le délégué à la protection des données de l’éditeur, tel qu’il en publie le contact.',
		description:
			'Data protection officer (« délégué à la protection des données ») of the publisher, as it publishes their contact.',
	}),
	serverLogs: field(serverLogsSchema.optional(), {
		label: { fr: 'Journaux du serveur', en: 'Server logs' },
		fact: 'office',
		hint: 'Comment sont traités les journaux du serveur (finalité, base légale, durée de conservation, destinataires).',
		description: "How the server's logs are handled (purpose, legal basis, retention, recipients).",
	}),
	rights: field(z.array(choice(dataRights, dataRightLabels, oneOf(dataRights))).optional(), {
		label: { fr: 'Droits du lecteur', en: 'Reader’s rights' },
		fact: 'public',
		hint: 'Les droits du lecteur sur ses données (RGPD), dans l’ordre où la page les liste.',
		description: "The reader's rights over their data (GDPR), in the order the page lists them.",
	}),
	complaintUrl: field(urlSchema.optional(), {
		label: { fr: 'Plainte à la CNIL', en: 'Complaint to the CNIL' },
		fact: 'public',
		hint: 'La page de plainte de l’autorité de contrôle (la CNIL).',
		description: "The supervisory authority's complaint page (the CNIL).",
	}),
	accessibility: field(accessibilitySchema, {
		label: { fr: 'Accessibilité', en: 'Accessibility' },
		hint: 'La déclaration d’accessibilité.',
		description: 'The accessibility statement.',
	}),
	...provenanceShape,
});
export type LegalData = z.infer<typeof legalSchema>;
