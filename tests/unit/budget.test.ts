import { describe, expect, test } from 'vitest';
import {
	estimate,
	parseBudgetQuery,
	readBudgetRecords,
	toBudgetQuery,
	writeBudgetRecords,
	type BudgetRecords,
} from '../../src/lib/budget';
import { grants } from '../../src/lib/collections';
import { resolveSiteData } from '../../src/lib/resolve';
import { budgetCountry, budgetPage, erasmusGrantId, formatEuros } from '../../src/lib/views/budget';
import { validateData } from '../../src/lib/validate';
import type { GrantData } from '../../src/schemas/grant';
import { realContent } from '../fixtures/content';
import { translate } from '../fixtures/translate';

const raw = realContent();
const site = resolveSiteData(raw);
const erasmus = site.grants.find((grant) => grant.id === erasmusGrantId);
const countryById = new Map(site.countries.map((country) => [country.id, country]));

/**
 * The Erasmus+ country groups for student mobility, as the Programme Guide (section B) lists them,
 * quoted at https://inclusivemobility.eu/countries/de (updated 2024-09-17, read 2026-12-06), the
 * source of `content/grants/erasmus-plus.yaml` and of the groups in the country guides.
 */
const sourceGroups: Record<1 | 2 | 3, string[]> = {
	1: ['dk', 'fi', 'is', 'ie', 'li', 'lu', 'no', 'se'],
	2: ['at', 'be', 'cy', 'fr', 'de', 'gr', 'it', 'mt', 'nl', 'pt', 'es'],
	3: ['bg', 'hr', 'cz', 'ee', 'hu', 'lv', 'lt', 'mk', 'pl', 'ro', 'rs', 'sk', 'si', 'tr'],
};

/** A grant file with amounts, to test the computation (not the site's content). */
const withAmounts = (amounts: { group: 1 | 2 | 3; monthlyAmount: number }[]): GrantData => ({
	...erasmus!.data,
	call: '2025',
	amounts,
});

describe('Erasmus+ country groups', () => {
	test('the site has the Erasmus+ grant file', () => {
		expect(erasmus).toBeDefined();
		expect(erasmus!.data.topUps?.map((topUp) => topUp.monthlyAmount)).toEqual([250]);
	});

	test('every country guide with a group has the group the source gives', () => {
		const withGroup = site.countries.filter((country) => country.data.erasmus?.grantGroup);
		expect(withGroup.length).toBeGreaterThanOrEqual(12);
		for (const country of withGroup) {
			const group = country.data.erasmus!.grantGroup!;
			expect(sourceGroups[group], country.id).toContain(country.id);
		}
	});

	test('every programme country of the site has a group, and no third country has one', () => {
		for (const country of site.countries) {
			const { erasmus: place } = country.data;
			if (place?.programmeCountry) expect(place.grantGroup, country.id).toBeDefined();
			else expect(place?.grantGroup, country.id).toBeUndefined();
		}
	});

	test('Sweden is in a group of higher living costs than the Czech Republic', () => {
		expect(countryById.get('se')!.data.erasmus?.grantGroup).toBe(1);
		expect(countryById.get('cz')!.data.erasmus?.grantGroup).toBe(3);
	});

	test('with the call’s amounts, Sweden’s monthly amount is above the Czech Republic’s; without them, neither is stated', () => {
		const se = budgetCountry(erasmus!.data, countryById.get('se')!).monthly;
		const cz = budgetCountry(erasmus!.data, countryById.get('cz')!).monthly;
		if (erasmus!.data.amounts === undefined) {
			// Until the amounts of the current call are entered, the page computes no grant.
			expect([se, cz]).toEqual([undefined, undefined]);
		} else {
			expect(se).toBeGreaterThan(cz!);
		}
	});

	test('with amounts, a group-1 country gets more than a group-3 one', () => {
		const grant = withAmounts([
			{ group: 1, monthlyAmount: 600 },
			{ group: 2, monthlyAmount: 540 },
			{ group: 3, monthlyAmount: 490 },
		]);
		const se = budgetCountry(grant, countryById.get('se')!);
		const cz = budgetCountry(grant, countryById.get('cz')!);
		expect(se).toEqual({ group: 1, monthly: 600 });
		expect(cz).toEqual({ group: 3, monthly: 490 });
		expect(se.monthly!).toBeGreaterThan(cz.monthly!);
	});

	test('the schema refuses amounts that rise from group 1 to group 3, or two for a group', () => {
		const file = 'content/grants/erasmus-plus.yaml';
		const data = (amounts: unknown) => ({
			...JSON.parse(JSON.stringify(erasmus!.data)),
			consulted: '2026-12-06',
			amounts,
		});
		const accepts = (amounts: unknown) => validateData(grants.schema, data(amounts), file).ok;
		// A higher group with a higher amount, and a group given twice, are refused.
		expect(
			accepts([
				{ group: 1, monthlyAmount: 400 },
				{ group: 3, monthlyAmount: 500 },
			])
		).toBe(false);
		expect(
			accepts([
				{ group: 1, monthlyAmount: 400 },
				{ group: 1, monthlyAmount: 300 },
			])
		).toBe(false);
		expect(
			accepts([
				{ group: 1, monthlyAmount: 600 },
				{ group: 3, monthlyAmount: 490 },
			])
		).toBe(true);
	});
});

describe('budget computation', () => {
	const records: BudgetRecords = {
		countries: {
			se: { group: 1, monthly: 600 },
			cz: { group: 3, monthly: 490 },
			it: { group: 2 },
			jp: { group: 0 },
		},
		topUps: [250],
	};

	test('the grant is the monthly amount times the months, each top-up over the same months', () => {
		expect(estimate(records, { pays: 'se', mois: 5 })).toEqual({
			kind: 'amount',
			group: 1,
			months: 5,
			monthly: 600,
			total: 3000,
			topUps: [1250],
		});
	});

	test('a group without amount, a third country and missing inputs say so', () => {
		expect(estimate(records, { pays: 'it', mois: 4 })).toEqual({
			kind: 'group',
			group: 2,
			months: 4,
			topUps: [1000],
		});
		expect(estimate(records, { pays: 'jp', mois: 4 })).toEqual({ kind: 'other-rules' });
		expect(
			estimate({ ...records, countries: { xx: { group: -1 } } }, { pays: 'xx', mois: 4 })
		).toEqual({
			kind: 'unknown',
		});
		expect(estimate(records, { pays: 'se', mois: undefined })).toEqual({ kind: 'none' });
		expect(estimate(records, { pays: 'zz', mois: 5 })).toEqual({ kind: 'none' });
	});

	test('the page computes from the site’s data: Sweden for 5 months', () => {
		const view = budgetPage(site, 'fr', translate('fr'));
		const outcome = estimate(view.records, parseBudgetQuery('?pays=se&mois=5'));
		const amount = erasmus!.data.amounts?.find((entry) => entry.group === 1)?.monthlyAmount;
		if (amount === undefined) {
			expect(outcome).toEqual({ kind: 'group', group: 1, months: 5, topUps: [1250] });
		} else {
			expect(outcome).toMatchObject({ kind: 'amount', total: amount * 5 });
		}
		expect(view.records.countries['jp']).toEqual({ group: 0 });
		expect(readBudgetRecords(writeBudgetRecords(view.records))).toEqual(view.records);
	});

	test('each cost-of-living reference comes with its source and year', () => {
		for (const lang of ['fr', 'en'] as const) {
			const view = budgetPage(site, lang, translate(lang));
			const sweden = view.countries.find((country) => country.id === 'se')!;
			expect(sweden.costOfLiving?.year).toBe('2025');
			expect(sweden.costOfLiving?.source.href).toMatch(/^https:\/\/www\.migrationsverket\.se\//);
			expect(sweden.costOfLiving?.source.text).toContain('2025');
			expect(view.countries.find((country) => country.id === 'jp')!.costOfLiving).toBeUndefined();
			expect(view.erasmus?.sources.length).toBeGreaterThan(0);
			expect(view.others.map((grant) => grant.id)).toEqual(['mouv-occitanie']);
		}
	});

	test('euros are written in the reader’s language', () => {
		expect(formatEuros(1250, 'fr').replace(/\s/g, ' ')).toBe('1 250 €');
		expect(formatEuros(1250, 'en')).toBe('€1,250');
	});
});

describe('budget URL', () => {
	test('reads a country and a number of months', () => {
		expect(parseBudgetQuery('?pays=se&mois=5')).toEqual({ pays: 'se', mois: 5 });
		expect(parseBudgetQuery('?pays=SE&mois=12')).toEqual({ pays: 'se', mois: 12 });
	});

	test('drops values it cannot use', () => {
		expect(parseBudgetQuery('?pays=sweden&mois=13')).toEqual({ pays: '', mois: undefined });
		expect(parseBudgetQuery('?mois=2.5')).toEqual({ pays: '', mois: undefined });
		expect(parseBudgetQuery('?mois=0')).toEqual({ pays: '', mois: undefined });
		expect(parseBudgetQuery('')).toEqual({ pays: '', mois: undefined });
	});

	test('writes only what is set, in a fixed order, and reads it back', () => {
		expect(toBudgetQuery({ pays: 'se', mois: 5 })).toBe('?pays=se&mois=5');
		expect(toBudgetQuery({ pays: '', mois: 5 })).toBe('?mois=5');
		expect(toBudgetQuery({ pays: '', mois: undefined })).toBe('');
		expect(parseBudgetQuery(toBudgetQuery({ pays: 'cz', mois: 10 }))).toEqual({
			pays: 'cz',
			mois: 10,
		});
	});
});
