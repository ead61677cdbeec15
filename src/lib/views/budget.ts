import type { GrantData } from '../../schemas/grant.ts';
import { grantGroupLabels } from '../../vocab/countries.ts';
import type { Lang } from '../../vocab/locales.ts';
import type { BudgetCountry, BudgetRecords } from '../budget.ts';
import { compareText, localize } from '../i18n.ts';
import { renderInlineMarkdown } from '../markdown.ts';
import type { Country, Entry, SiteData } from '../resolve.ts';
import { countryFieldLabel } from './country.ts';
import { hostname, type Link, type Part, type Translate } from './values.ts';

/**
 * The budget estimate in one language: the countries a reader can pick (those with a guide),
 * what the browser computes from, and every figure with its source and year. The Erasmus+ grant
 * comes from `content/grants/erasmus-plus.yaml` (amounts by group) and the country guides (which
 * group a country is in); the cost of living from the country guides.
 */

/** Id of the Erasmus+ grant's file in `content/grants/`. */
export const erasmusGrantId = 'erasmus-plus';

/** A source as the page cites it: its title, linked, with its publisher and year. */
export interface SourceView {
	link: Link;
	publisher: string;
	year?: string | undefined;
}

/** A grant as the page shows it. */
export interface GrantView {
	id: string;
	name: string;
	conditions: string;
	/** Monthly amounts by group, when the site has them. */
	amounts: { label: string; value: string }[];
	call?: string | undefined;
	topUps: { name: string; amount: string; conditions: string }[];
	otherCountries?: string | undefined;
	sources: SourceView[];
}

/** The cost-of-living reference of a country guide. */
export interface CostOfLivingView {
	/** Rendered Markdown from the country guide. */
	summary: Part;
	source: Link;
	year: string;
}

/** One country a reader can pick. */
export interface BudgetCountryView {
	id: string;
	name: string;
	/** The group, named; or why there is none. */
	group: string;
	costOfLiving?: CostOfLivingView | undefined;
}

export interface BudgetPageView {
	countries: BudgetCountryView[];
	/** The heading of the countries' cost of living: the country guides' field, named so. */
	costTitle: string;
	records: BudgetRecords;
	erasmus?: GrantView | undefined;
	/** The other grants the site documents (the Region's). */
	others: GrantView[];
}

/** Euros, in the page's language, without cents. */
export function formatEuros(amount: number, lang: Lang): string {
	return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
		style: 'currency',
		currency: 'EUR',
		maximumFractionDigits: 0,
	}).format(amount);
}

/** The monthly amount of a country's group, when the grant file has it. */
export function groupAmount(grant: GrantData | undefined, country: Country): number | undefined {
	const group = country.data.erasmus?.grantGroup;
	return grant?.amounts?.find((amount) => amount.group === group)?.monthlyAmount;
}

/**
 * What the browser needs of a country: its group (0 outside the groups, -1 unknown) and the
 * amount.
 */
export function budgetCountry(grant: GrantData | undefined, country: Country): BudgetCountry {
	const { erasmus } = country.data;
	const group = erasmus?.grantGroup ?? (erasmus?.programmeCountry === false ? 0 : -1);
	const monthly = groupAmount(grant, country);
	return monthly === undefined ? { group } : { group, monthly };
}

/** The group of a country, named, or why it has none. */
export function groupText(country: Country, lang: Lang, t: Translate): string {
	const { erasmus } = country.data;
	if (erasmus?.grantGroup !== undefined) return grantGroupLabels[erasmus.grantGroup][lang];
	if (erasmus?.programmeCountry === false) return t('budget.groupNone');
	return t('budget.groupUnknown');
}

function sourceView(source: GrantData['sources'][number], lang: Lang): SourceView {
	return {
		link: {
			href: source.url,
			text: source.title,
			external: true,
			lang: source.lang === lang ? undefined : source.lang,
		},
		publisher: localize(source.publisher, lang),
		year: source.date?.slice(0, 4),
	};
}

/** A grant file as the page shows it. */
export function grantView(grant: Entry<GrantData>, lang: Lang, t: Translate): GrantView {
	const { data } = grant;
	return {
		id: grant.id,
		name: localize(data.name, lang),
		conditions: localize(data.conditions, lang),
		amounts: [...(data.amounts ?? [])]
			.sort((a, b) => a.group - b.group)
			.map((amount) => ({
				label: grantGroupLabels[amount.group][lang],
				value: t('budget.perMonth', { amount: formatEuros(amount.monthlyAmount, lang) }),
			})),
		call: data.call,
		topUps: (data.topUps ?? []).map((topUp) => ({
			name: localize(topUp.name, lang),
			amount: t('budget.perMonth', { amount: formatEuros(topUp.monthlyAmount, lang) }),
			conditions: localize(topUp.conditions, lang),
		})),
		otherCountries: data.otherCountries && localize(data.otherCountries, lang),
		sources: data.sources.map((source) => sourceView(source, lang)),
	};
}

/** The budget page in one language. */
export function budgetPage(site: SiteData, lang: Lang, t: Translate): BudgetPageView {
	const erasmus = site.grants.find((grant) => grant.id === erasmusGrantId);
	const byText = compareText(lang);
	const countries = [...site.countries]
		.map((country) => ({ country, name: localize(country.data.name, lang) }))
		.sort((a, b) => byText(a.name, b.name));
	return {
		costTitle: countryFieldLabel('costOfLiving', lang),
		countries: countries.map(({ country, name }) => {
			const cost = country.data.costOfLiving;
			return {
				id: country.id,
				name,
				group: groupText(country, lang, t),
				costOfLiving: cost && {
					summary: { html: renderInlineMarkdown(localize(cost.summary, lang), { lang }) },
					source: {
						href: cost.url,
						text: t('country.costOfLivingSource', { year: cost.year, host: hostname(cost.url) }),
						external: true,
					},
					year: cost.year,
				},
			};
		}),
		records: {
			countries: Object.fromEntries(
				countries.map(({ country }) => [country.id, budgetCountry(erasmus?.data, country)])
			),
			topUps: (erasmus?.data.topUps ?? []).map((topUp) => topUp.monthlyAmount),
		},
		erasmus: erasmus && grantView(erasmus, lang, t),
		others: site.grants
			.filter((grant) => grant.id !== erasmusGrantId)
			.map((grant) => grantView(grant, lang, t)),
	};
}
