import { describe, expect, test } from 'vitest';
import { ewpFactsheetXml } from '../../src/lib/exporters/ewp-factsheet-xml';
import { element, escapeAttribute, escapeText, xmlDocument } from '../../src/lib/exporters/xml';
import type { FactsheetData } from '../../src/schemas/factsheet';
import { todoList } from '../../src/lib/todo';
import { openDataPage } from '../../src/lib/views/open-data';
import { realContent } from '../fixtures/content';
import { translate } from '../fixtures/translate';
import {
	ewpSchemaFile,
	filledFactsheet,
	fixtureContacts,
	xmllint,
} from '../fixtures/ewp-factsheet';

/**
 * `/data/factsheet.xml`: the school's factsheet as an EWP `factsheet-response`. A synthetic
 * factsheet with every required fact validates against the official schema (xmllint, with the
 * copies in ../shared/ewp/); the real content lacks facts only the office has, so there is no
 * document and the to-do list names what is missing.
 */

describe('the XML writer', () => {
	test('escapes text: ampersands, angle brackets, and drops what XML 1.0 cannot hold', () => {
		expect(escapeText('R&D <b> ]]> "q" \'a\'')).toBe('R&amp;D &lt;b&gt; ]]&gt; "q" \'a\'');
		expect(escapeText('a\u0000b\u0008c\td\ne')).toBe('abc\td\ne');
		expect(escapeText('bad \uD800 pair, good 😀')).toBe('bad  pair, good 😀');
		expect(escapeText('line\r\n')).toBe('line&#13;\n');
	});

	test('escapes attribute values for double quotes, keeping tabs and line breaks', () => {
		expect(escapeAttribute('a "b" & <c>\t\n')).toBe('a &quot;b&quot; &amp; &lt;c&gt;&#9;&#10;');
	});

	test('writes a document: declaration, attributes, nested and empty elements, skipped children', () => {
		const text = xmlDocument(
			element('r', [element('a', 'x & y', { k: '"v"' }), undefined, false, element('e', [])], {
				xmlns: 'urn:x',
			})
		);
		expect(text).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n' +
				'<r xmlns="urn:x">\n\t<a k="&quot;v&quot;">x &amp; y</a>\n\t<e/>\n</r>\n'
		);
	});
});

describe('the EWP factsheet (factsheet-response, stable-v1)', () => {
	const result = ewpFactsheetXml(filledFactsheet, fixtureContacts);

	test('is written from a factsheet with every required fact, and validates against the official schema', () => {
		expect(result.gaps).toEqual([]);
		expect(result.xml).toBeDefined();
		const { status, output } = xmllint(result.xml!, ewpSchemaFile());
		expect(output).toMatch(/validates$/m);
		expect(status).toBe(0);
	});

	test('holds the facts, escaped, in the schema’s namespaces', () => {
		const xml = result.xml!;
		expect(xml).toContain(
			'<factsheet-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/tree/stable-v1" xmlns:p="https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1">'
		);
		expect(xml).toContain('<hei-id>example.org</hei-id>');
		expect(xml).toContain('<autumn-term>--04-15</autumn-term>');
		expect(xml).toContain('<p:e164>+15555550100</p:e164>');
		expect(xml).toContain('<website-url>https://example.org/apply?a=1&amp;b=2</website-url>');
		expect(xml).toContain('<details>French &lt;B1&gt; &amp; English "B2"</details>');
		expect(xml).toContain('<description>Adjustments to courses &amp; exams</description>');
	});

	test('leaves out an optional item whose information is incomplete, without blocking the file', () => {
		expect(result.omitted).toEqual(['additionalInfo.1']);
		expect(result.xml).toContain('<type>Tuition fees</type>');
		expect(result.xml).not.toContain('Student life');
	});

	test('is not written while a required fact is missing, and says which', () => {
		const { visaInfo: _, ...withoutVisa } = filledFactsheet;
		const partial = ewpFactsheetXml(
			{ ...withoutVisa, heiId: undefined, torWeeksLimit: undefined } as FactsheetData,
			fixtureContacts
		);
		expect(partial.xml).toBeUndefined();
		expect(partial.gaps.map((gap) => gap.path)).toEqual([
			'heiId',
			'torWeeksLimit',
			'visaInfo.contact',
			'visaInfo.contact',
			'visaInfo.websites',
		]);
		expect(partial.gaps[0]!.label.fr).toBe(
			'Identifiant EWP de l’École (hei-id, identifiant SCHAC)'
		);
		// A contact without phone number: its phone is what is missing.
		const noPhone = ewpFactsheetXml(filledFactsheet, () => ({ email: 'office@example.org' }));
		expect(noPhone.xml).toBeUndefined();
		expect(noPhone.gaps.every((gap) => gap.label.en.includes('phone number'))).toBe(true);
		expect(noPhone.gaps.map((gap) => gap.path)).toEqual([
			'applicationInfo.contact',
			'housingInfo.contact',
			'visaInfo.contact',
			'insuranceInfo.contact',
		]);
	});
});

describe('the real factsheet today', () => {
	const raw = realContent();
	const contacts = new Map(raw.contacts.map((contact) => [contact.id, contact.data]));
	const result = ewpFactsheetXml(raw.factsheet[0]!.data, (id) => contacts.get(id));

	test('lacks facts only the office has: no document', () => {
		expect(result.xml).toBeUndefined();
		expect(result.gaps.map((gap) => gap.path)).toEqual(
			expect.arrayContaining(['heiId', 'decisionWeeksLimit', 'torWeeksLimit'])
		);
	});

	test('the to-do list names each missing fact « Fiche EWP › … », as the office’s', () => {
		const entry = todoList(raw).find((item) => item.collection === 'factsheet')!;
		const ewp = entry.missing.filter((field) => field.label.fr.startsWith('Fiche EWP › '));
		expect(ewp.map((field) => field.label.fr)).toEqual(
			result.gaps.map((gap) => `Fiche EWP › ${gap.label.fr}`)
		);
		expect(ewp.every((field) => field.fact === 'office')).toBe(true);
		// Listed once: the schema's own line for the identifier gives way to the EWP one.
		expect(entry.missing.filter((field) => field.path === 'heiId')).toHaveLength(1);
	});

	test('the open-data page names the file without a link, and lists what it waits for', () => {
		for (const lang of ['fr', 'en'] as const) {
			const file = openDataPage([], lang, translate(lang), result).files.find((item) =>
				item.format.startsWith('XML')
			)!;
			expect(file.href).toBeUndefined();
			expect(file.description).toContain('/data/factsheet.xml');
			expect(file.missing).toEqual(result.gaps.map((gap) => gap.label[lang]));
		}
		const published = ewpFactsheetXml(filledFactsheet, fixtureContacts);
		const file = openDataPage([], 'en', translate('en'), published).files.find((item) =>
			item.format.startsWith('XML')
		)!;
		expect(file.href).toBe('/data/factsheet.xml');
		expect(file.missing).toBeUndefined();
		expect(file.description).toContain('valid against the official schema');
	});
});
