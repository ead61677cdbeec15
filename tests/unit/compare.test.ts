import { describe, expect, test } from 'vitest';
import {
	parseCompareQuery,
	parseShortlist,
	readCompareRecords,
	toCompareQuery,
	toggleShortlist,
	writeCompareRecords,
} from '../../src/lib/compare';
import { resolveSiteData, type Recognition, type SiteData } from '../../src/lib/resolve';
import { compareRecord, compareRecords } from '../../src/lib/views/compare';
import { presentedPartners } from '../../src/lib/views/partner';
import { realContent } from '../fixtures/content';
import { translate } from '../fixtures/translate';

const site = resolveSiteData(realContent());
const partner = (id: string) => site.partners.find((entry) => entry.id === id)!;

describe('comparison URL', () => {
	test('reads two to four ids, in order, each once', () => {
		expect(parseCompareQuery('?p=kagawa,sapienza')).toEqual(['kagawa', 'sapienza']);
		expect(parseCompareQuery('?p=kagawa,sapienza,kagawa')).toEqual(['kagawa', 'sapienza']);
		expect(parseCompareQuery('?p=a,b,c,d,e')).toEqual(['a', 'b', 'c', 'd']);
		expect(parseCompareQuery('?p=kagawa,%3Cscript%3E,,Bad Id')).toEqual(['kagawa']);
		expect(parseCompareQuery('')).toEqual([]);
	});

	test('writes the ids readable, and reads them back', () => {
		expect(toCompareQuery(['kagawa', 'sapienza'])).toBe('?p=kagawa,sapienza');
		expect(toCompareQuery([])).toBe('');
		expect(parseCompareQuery(toCompareQuery(['utc-hanoi', 'njust']))).toEqual([
			'utc-hanoi',
			'njust',
		]);
	});
});

describe('shortlist', () => {
	test('reads what localStorage holds, and nothing from a value it does not know', () => {
		expect(parseShortlist('["kagawa","sapienza"]')).toEqual(['kagawa', 'sapienza']);
		expect(parseShortlist(null)).toEqual([]);
		expect(parseShortlist('kagawa')).toEqual([]);
		expect(parseShortlist('{"a":1}')).toEqual([]);
		expect(parseShortlist('["kagawa",3,"kagawa"]')).toEqual(['kagawa']);
	});

	test('adds a partner, or removes it when it is there', () => {
		expect(toggleShortlist([], 'kagawa')).toEqual(['kagawa']);
		expect(toggleShortlist(['kagawa', 'sapienza'], 'kagawa')).toEqual(['sapienza']);
	});
});

describe('comparison record', () => {
	test('one record per presented partner, in both languages', () => {
		for (const lang of ['fr', 'en'] as const) {
			const records = compareRecords(site, lang, translate(lang));
			expect(records.map((record) => record.id)).toEqual(
				presentedPartners(site.partners).map((entry) => entry.id)
			);
		}
	});

	test('shows what the partner file gives, in the page’s language', () => {
		const fr = compareRecord(partner('sapienza'), site, 'fr', translate('fr'));
		const en = compareRecord(partner('sapienza'), site, 'en', translate('en'));
		expect(fr.href).toBe('/partenaires/sapienza/');
		expect(en.href).toBe('/en/partenaires/sapienza/');
		expect(fr.country).toBe('Italie');
		expect(en.country).toBe('Italy');
		expect(fr.city).toBe('Rome');
		expect(fr.deadlines.length).toBeGreaterThan(0);
		// Italy is in group 2; the amounts of the call are not entered yet.
		expect(fr.grant).toContain('Groupe 2');
		expect(en.grant).toContain('Group 2');
	});

	test('an office fact the office has not given is null (shown as « non communiqué »), never guessed', () => {
		const record = compareRecord(partner('kagawa'), site, 'fr', translate('fr'));
		expect(partner('kagawa').agreements.every((a) => a.mobilitiesPerYear === undefined)).toBe(true);
		expect(record.places).toBeNull();
		expect(record.medianRent).toBe(translate('fr')('compare.rentNotYet'));
		// Japan is outside the Erasmus+ groups.
		expect(record.grant).toBe(translate('fr')('budget.groupNone'));
	});

	test('counts the partner’s recognised courses (0 when there are none)', () => {
		const kagawa = partner('kagawa');
		expect(compareRecord(kagawa, site, 'fr', translate('fr')).recognitions).toBe(
			site.recognitions.filter((entry) => entry.partner.id === 'kagawa').length
		);
		const withTwo: SiteData = {
			...site,
			recognitions: [
				{ id: 'a', partner: kagawa } as unknown as Recognition,
				{ id: 'b', partner: kagawa } as unknown as Recognition,
				{ id: 'c', partner: partner('sapienza') } as unknown as Recognition,
			],
		};
		expect(compareRecord(kagawa, withTwo, 'fr', translate('fr')).recognitions).toBe(2);
	});

	test('the records go into the page and come back, with no way to close the script element', () => {
		const records = compareRecords(site, 'fr', translate('fr'));
		const json = writeCompareRecords([
			{ ...records[0]!, name: '</script><b>' },
			...records.slice(1),
		]);
		expect(json).not.toContain('</script>');
		const back = readCompareRecords(json);
		expect(back.get(records[0]!.id)!.name).toBe('</script><b>');
		expect(back.size).toBe(records.length);
	});
});
