import { describe, expect, test } from 'vitest';
import {
	emptyState,
	filterRecords,
	finderKeys,
	isFiltered,
	normalizeText,
	parseQuery,
	readRecords,
	toQuery,
	writeRecords,
	type FinderState,
} from '../../src/lib/finder';
import { finderRecord } from '../../src/lib/views/partner';
import { finderRegion } from '../../src/vocab/countries';
import { cefrRank, type CefrLevel } from '../../src/vocab/levels';
import { resolveSiteData } from '../../src/lib/resolve';
import { realContent, siteWithSyntheticPartners } from '../fixtures/content';

const site = siteWithSyntheticPartners(240);
const records = site.partners.map(finderRecord);

/** Counts partners matching a predicate, straight from the resolved partners (not through the finder's records). */
const countWhere = (predicate: (partner: (typeof site.partners)[number]) => boolean) =>
	site.partners.filter(predicate).length;

describe('partner finder filters, on 240 synthetic partners', () => {
	test('the fixture is large and varied enough to mean something', () => {
		expect(records).toHaveLength(240);
		expect(new Set(records.flatMap((record) => record.kinds)).size).toBe(4);
		expect(records.some((record) => record.kinds.length === 0)).toBe(true);
	});

	test('no filter shows every partner', () => {
		expect(filterRecords(records, emptyState)).toHaveLength(240);
	});

	test.each(['study', 'internship', 'double-degree', 'staff'])(
		'kind "%s" keeps the partners with such an agreement',
		(kind) => {
			const expected = countWhere((partner) =>
				partner.agreements.some((agreement) => agreement.kind === kind)
			);
			expect(expected).toBeGreaterThan(0);
			expect(filterRecords(records, { ...emptyState, kind })).toHaveLength(expected);
		}
	);

	test('country and region filters agree with the partners’ countries', () => {
		for (const country of site.countries) {
			expect(filterRecords(records, { ...emptyState, country: country.id })).toHaveLength(
				country.partners.length
			);
		}
		// Europe is split in two: the EU and the EEA, and the rest.
		for (const region of new Set(site.countries.map((country) => finderRegion(country.data)))) {
			expect(filterRecords(records, { ...emptyState, region })).toHaveLength(
				countWhere((partner) => finderRegion(partner.country.data) === region)
			);
		}
		expect(filterRecords(records, { ...emptyState, region: 'eu-eea' })).toHaveLength(
			countWhere((partner) => partner.country.data.eu || partner.country.data.eea)
		);
	});

	test('programme filter keeps partners with an agreement under that programme', () => {
		for (const programme of site.programmes) {
			// A page gathering a kind of agreement (the double degrees) is not a programme filter.
			expect(filterRecords(records, { ...emptyState, programme: programme.id })).toHaveLength(
				programme.data.gathers ? 0 : programme.partners.length
			);
		}
	});

	test('level, subject and language filters', () => {
		const level = '8';
		expect(filterRecords(records, { ...emptyState, level })).toHaveLength(
			countWhere((partner) =>
				partner.agreements.some((agreement) => agreement.eqfLevels?.includes(8))
			)
		);
		expect(filterRecords(records, { ...emptyState, subject: '07' })).toHaveLength(
			countWhere((partner) =>
				partner.agreements.some((agreement) =>
					agreement.subjectAreas?.some((area) => area.iscedFCode.startsWith('07'))
				)
			)
		);
		expect(filterRecords(records, { ...emptyState, language: 'ja' })).toHaveLength(
			countWhere((partner) =>
				partner.agreements.some((agreement) => agreement.instructionLanguages?.includes('ja'))
			)
		);
	});

	test('a reader’s CEFR level hides partners whose every agreement requires more', () => {
		for (const level of ['A2', 'B1', 'B2', 'C1'] as CefrLevel[]) {
			const rank = cefrRank(level);
			const expected = countWhere(
				(partner) =>
					partner.agreements.length === 0 ||
					partner.agreements.some((agreement) =>
						(agreement.languages ?? []).every((skill) => cefrRank(skill.cefr as CefrLevel) <= rank)
					)
			);
			expect(filterRecords(records, { ...emptyState, cefr: String(rank) })).toHaveLength(expected);
		}
	});

	test('the page carries the records the build computed, and nothing can close its script', () => {
		const tricky = { ...records[0]!, text: 'a </script><script>alert(1)</script> b' };
		const json = writeRecords([tricky, ...records]);
		expect(json).not.toContain('</');
		expect(readRecords(json)).toEqual([tricky, ...records]);
	});

	test('free text matches the real partners’ names in their own scripts', () => {
		const real = resolveSiteData(realContent()).partners.map(finderRecord);
		const find = (q: string) => filterRecords(real, { ...emptyState, q });
		expect(find('香川')).toEqual(['kagawa']);
		expect(find('Баумана')).toEqual(['bauman']);
		expect(find('bauman moscow')).toEqual(['bauman']);
		expect(find('hanoi')).toContain('utc-hanoi');
	});

	test('free text matches names and cities, without accents or case', () => {
		expect(filterRecords(records, { ...emptyState, q: 'TEST university 17 ' })).toEqual(
			expect.arrayContaining(['test-partner-0017'])
		);
		expect(filterRecords(records, { ...emptyState, q: 'lakeside' })).toHaveLength(
			countWhere((partner) => partner.data.city === 'Lakeside')
		);
		expect(normalizeText('Université de São Paulo')).toBe('universite de sao paulo');
		expect(filterRecords(records, { ...emptyState, q: 'no such place' })).toEqual([]);
	});

	test('filters combine with AND', () => {
		const state = { ...emptyState, kind: 'study', level: '7', language: 'en' };
		const expected = records.filter(
			(record) =>
				record.kinds.includes('study') &&
				record.levels.includes('7') &&
				record.languages.includes('en')
		);
		expect(filterRecords(records, state)).toEqual(expected.map((record) => record.id));
		expect(expected.length).toBeLessThan(
			filterRecords(records, { ...emptyState, kind: 'study' }).length
		);
	});
});

describe('finder state in the URL', () => {
	test('round-trips every filter', () => {
		const state: FinderState = {
			q: 'São Paulo',
			country: 'br',
			region: 'americas',
			programme: 'brafitec',
			kind: 'double-degree',
			level: '7',
			subject: '07',
			language: 'pt',
			cefr: '4',
		};
		expect(parseQuery(toQuery(state))).toEqual(state);
		expect(toQuery(state)).toBe(
			'?q=S%C3%A3o+Paulo&country=br&region=americas&programme=brafitec&kind=double-degree&level=7&subject=07&language=pt&cefr=4'
		);
	});

	test('writes only the filters that are set, in a fixed order', () => {
		expect(toQuery(emptyState)).toBe('');
		expect(toQuery({ ...emptyState, kind: 'study', country: 'jp' })).toBe('?country=jp&kind=study');
		expect(isFiltered(emptyState)).toBe(false);
		expect(isFiltered(parseQuery('?kind=study'))).toBe(true);
	});

	test('ignores unknown parameters and fills missing ones', () => {
		expect(parseQuery('?utm_source=mail&kind=staff')).toEqual({ ...emptyState, kind: 'staff' });
		expect(Object.keys(parseQuery(''))).toEqual([...finderKeys]);
	});

	test('a link reproduces the view, computed independently from the partners', () => {
		const state = { ...emptyState, kind: 'internship', subject: '07' };
		// What a reader expects from that link, read straight from the resolved partners.
		const expected = site.partners
			.filter(
				(partner) =>
					partner.agreements.some((agreement) => agreement.kind === 'internship') &&
					partner.agreements.some((agreement) =>
						(agreement.subjectAreas ?? []).some((area) => area.iscedFCode.startsWith('07'))
					)
			)
			.map((partner) => partner.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(site.partners.length);
		const link = `https://example.org/partenaires/${toQuery(state)}`;
		const fromLink = parseQuery(new URL(link).search);
		// The browser filters the records as the page carries them.
		const carried = readRecords(writeRecords(records));
		expect(filterRecords(carried, fromLink)).toEqual(expected);
	});
});
