import { z } from 'astro/zod';
import {
	dateSchema,
	describeInput,
	emailSchema,
	enumError,
	localizedSchema,
	phoneSchema,
	provenanceShape,
	textSchema,
	urlSchema,
} from './common';

/**
 * The facts behind the legal notice, the personal-data page and the accessibility statement:
 * one file, `content/site/legal.yaml`. A fact no source gives (the director of publication, the
 * host, the school's postal address…) is left out; the pages then show it once, as something to
 * confirm with the office, and never a guess.
 * @see https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/
 */

/**
 * The three conformance statuses of the RGAA, as the statement and the footer mention
 * (« Accessibilité : totalement / partiellement / non conforme »).
 * @see https://accessibilite.numerique.gouv.fr/obligations/mentions-et-pages-obligatoires/
 */
export const accessibilityStatuses = ['compliant', 'partially-compliant', 'non-compliant'] as const;
export type AccessibilityStatus = (typeof accessibilityStatuses)[number];

/** A postal address, in the form the school writes it. */
const addressSchema = textSchema('a postal address');

/** Who someone is and how to reach them: the publisher, the host. */
const organisationShape = {
	/** Name in French and in English. */
	name: localizedSchema,
	/** Postal address (head office). */
	address: addressSchema.optional(),
	/** Phone number in E.164 form (`+33466785160`). */
	phone: phoneSchema.optional(),
	/** Official website. */
	url: urlSchema.optional(),
};

/** An RGAA conformance audit made by a person (internal team or contractor). */
const auditSchema = z.strictObject({
	/** Day the audit was completed (YYYY-MM-DD). */
	date: dateSchema,
	/** Who made it: the internal team or the contractor's name. */
	auditor: textSchema('the name of the team or company that made the audit'),
	/** RGAA version the audit applied, e.g. `4.1.2`. */
	rgaaVersion: textSchema('an RGAA version such as "4.1.2"'),
	/** Percentage of the applicable RGAA criteria met (0–100). */
	criteriaMet: z
		.number({
			error: (issue) =>
				`expected the percentage of RGAA criteria met, from 0 to 100, got ${describeInput(issue.input)}`,
		})
		.min(0, { error: 'expected a percentage from 0 to 100' })
		.max(100, { error: 'expected a percentage from 0 to 100' }),
	/** The audit report or grid, when it is published. */
	reportUrl: urlSchema.optional(),
});
export type AccessibilityAudit = z.infer<typeof auditSchema>;

/**
 * The accessibility statement's facts. The status follows from the audit, as the RGAA rules
 * it: « non conforme » when no audit in force measures the criteria or when fewer than 50 % are
 * met, « partiellement conforme » from 50 %, « totalement conforme » at 100 %. The schema
 * refuses any other combination, so the footer can never claim more than the audit shows.
 */
const accessibilitySchema = z
	.strictObject({
		/** Conformance status, shown on every page as « Accessibilité : … ». */
		status: z.enum(accessibilityStatuses, { error: enumError(accessibilityStatuses) }),
		/** The latest RGAA audit made by a person; leave out while there is none. */
		audit: auditSchema.optional(),
		/** Day the statement was drawn up (YYYY-MM-DD). */
		statementDate: dateSchema,
		/** Day it was last updated, if ever (YYYY-MM-DD). */
		updatedDate: dateSchema.optional(),
		/** The school's multi-year accessibility plan (« schéma pluriannuel »), when published. */
		multiYearPlanUrl: urlSchema.optional(),
		/** This year's action plan (« plan d'actions »), when published. */
		actionPlanUrl: urlSchema.optional(),
	})
	.superRefine((value, context) => {
		const met = value.audit?.criteriaMet;
		const problem =
			value.status === 'compliant' && met !== 100
				? `"compliant" needs an audit with criteriaMet: 100, got ${met === undefined ? 'no audit' : `${met} %`}`
				: value.status === 'partially-compliant' && (met === undefined || met < 50 || met === 100)
					? `"partially-compliant" needs an audit with criteriaMet from 50 to 99, got ${met === undefined ? 'no audit' : `${met} %`}`
					: value.status === 'non-compliant' && met !== undefined && met >= 50
						? `"non-compliant" is for a site with no audit or fewer than 50 % of criteria met; the audit gives ${met} %: write "${met === 100 ? 'compliant' : 'partially-compliant'}"`
						: undefined;
		if (problem) context.addIssue({ code: 'custom', path: ['status'], message: problem });
	});

export const legalSchema = z.strictObject({
	/** Who publishes the site (« éditeur »): the school. */
	publisher: z.strictObject(organisationShape),
	/** The school service that writes the site's content, in both languages. */
	editorialService: localizedSchema,
	/** Director of publication (« directeur ou directrice de la publication »), as a source names them. */
	publicationDirector: textSchema('a person’s name').optional(),
	/** Who hosts the site (« hébergeur »): name, address and phone. */
	host: z.strictObject(organisationShape).optional(),
	/** Data protection officer (« délégué à la protection des données ») of the school. */
	dataProtectionOfficer: z
		.strictObject({
			/** E-mail address to exercise one's rights. */
			email: emailSchema.optional(),
			/** Web page or form to exercise one's rights. */
			url: urlSchema.optional(),
		})
		.refine((value) => value.email !== undefined || value.url !== undefined, {
			error: 'expected an e-mail address (email: …) or a web page (url: …), got neither',
		})
		.optional(),
	/** The accessibility statement. */
	accessibility: accessibilitySchema,
	...provenanceShape,
});
export type LegalData = z.infer<typeof legalSchema>;
