import { z } from 'astro/zod';
import { grantGroupLabels, grantGroups } from '../vocab/countries.ts';
import {
	choiceLabels,
	field,
	localizedSchema,
	positiveIntSchema,
	provenanceShape,
} from './common.ts';
import { expected, oneOf } from './messages.ts';

/**
 * A grant that helps students pay for a stay abroad: one YAML file per grant in
 * `content/grants/` (`erasmus-plus.yaml`, `mouv-occitanie.yaml`). Its conditions are text; the
 * monthly amounts per country group are data, so that the budget page computes an estimate
 * from them. Which group a country is in is written once, in its country guide
 * (`erasmus.grantGroup` in `content/countries/`), never here.
 */

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
const groupSchema = z.union(
	grantGroups.map((group) => z.literal(group)),
	{ error: oneOf(grantGroups) }
);
choiceLabels.add(groupSchema, { labels: grantGroupLabels });

const euros = (what: { en: string; fr: string }) =>
	positiveIntSchema(what, { en: 'an amount above 0', fr: 'un montant supérieur à 0' });

/** The monthly amount of one country group. */
const groupAmountSchema = z.strictObject({
	group: field(groupSchema, {
		label: { fr: 'Groupe de pays', en: 'Country group' },
		fact: 'public',
		hint: 'Le groupe de pays (1 : coût de la vie le plus élevé… 3 : le plus bas).',
		description: 'The country group (1 = higher living costs … 3 = lower).',
	}),
	monthlyAmount: field(euros({ en: 'a whole number of euros', fr: 'un nombre entier d’euros' }), {
		label: { fr: 'Montant mensuel (€)', en: 'Monthly amount (€)' },
		fact: 'public',
		hint: 'Le montant mensuel pour une période d’études, en euros, tel que la source le publie.',
		description: 'Monthly amount for a study period, in euros, as the source publishes it.',
	}),
});

/** An amount added to the grant every month for some students. */
const topUpSchema = z.strictObject({
	name: field(localizedSchema, {
		label: { fr: 'Nom', en: 'Name' },
		fact: 'public',
		hint: 'Le nom du complément.',
		description: 'What the top-up is called.',
	}),
	monthlyAmount: field(euros({ en: 'a whole number of euros', fr: 'un nombre entier d’euros' }), {
		label: { fr: 'Montant mensuel (€)', en: 'Monthly amount (€)' },
		fact: 'public',
		hint: 'Le montant mensuel, en euros.',
		description: 'Monthly amount in euros.',
	}),
	conditions: field(localizedSchema, {
		label: { fr: 'Conditions', en: 'Conditions' },
		fact: 'public',
		hint: 'À qui il est versé.',
		description: 'Who receives it.',
	}),
});

export const grantSchema = z
	.strictObject({
		name: field(localizedSchema, {
			label: { fr: 'Nom', en: 'Name' },
			fact: 'public',
			hint: 'Le nom de l’aide, en français et en anglais.',
			description: "The grant's name, in French and in English.",
		}),
		conditions: field(localizedSchema, {
			label: { fr: 'Conditions', en: 'Conditions' },
			fact: 'public',
			hint: 'Qui peut la recevoir, comment la demander et ce qui fixe son montant, comme le disent ses sources.',
			description:
				'Who can receive it, how to apply and what sets the amount, as its sources word it.',
		}),
		call: field(yearSchema.optional(), {
			label: { fr: 'Appel', en: 'Call' },
			fact: 'public',
			hint: 'L’année de l’appel à propositions dont les montants sont tirés (AAAA) ; vide tant qu’aucun montant n’est saisi.',
			description:
				'Year of the call for proposals the amounts are for (YYYY). Absent while no amount is entered.',
		}),
		amounts: field(z.array(groupAmountSchema).optional(), {
			label: { fr: 'Montants par groupe', en: 'Amounts by group' },
			fact: 'public',
			hint: 'Les montants mensuels d’une période d’études par groupe de pays (Erasmus+), tels que l’Agence Erasmus+ France les publie pour l’appel ; vide tant qu’ils ne sont pas connus.',
			description:
				'Monthly amounts for a study period by country group (Erasmus+), as the French national agency publishes them for the call. Absent while they are not known.',
		}),
		topUps: field(z.array(topUpSchema).optional(), {
			label: { fr: 'Compléments', en: 'Top-ups' },
			fact: 'public',
			hint: 'Les compléments mensuels versés à certains étudiants (par exemple le complément inclusion).',
			description: 'Amounts added every month for some students (e.g. the inclusion top-up).',
		}),
		otherCountries: field(localizedSchema.optional(), {
			label: { fr: 'Autres pays', en: 'Other countries' },
			fact: 'public',
			hint: 'Ce qui vaut pour une destination hors des groupes de pays (pays tiers non associés au programme).',
			description:
				'What applies to a destination outside the country groups (third countries not associated to Erasmus+).',
		}),
		...provenanceShape,
	})
	.refine(
		(grant) =>
			grant.amounts === undefined ||
			new Set(grant.amounts.map((amount) => amount.group)).size === grant.amounts.length,
		{
			path: ['amounts'],
			error: expected({
				en: 'one amount per country group',
				fr: 'un seul montant par groupe de pays',
			}),
		}
	)
	.refine(
		(grant) =>
			grant.amounts === undefined ||
			grant.amounts.every((amount, _, all) =>
				all.every(
					(other) => other.group <= amount.group || other.monthlyAmount <= amount.monthlyAmount
				)
			),
		{
			path: ['amounts'],
			error: expected({
				en: 'amounts that do not rise from group 1 to group 3 (group 1 has the higher living costs)',
				fr: 'des montants qui ne montent pas du groupe 1 au groupe 3 (le groupe 1 a le coût de la vie le plus élevé)',
			}),
		}
	);
export type GrantData = z.infer<typeof grantSchema>;
