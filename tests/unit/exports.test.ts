import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import {
	datasetJsonSchema,
	deadlinesCalendar,
	partnersCsv,
	partnersDataset,
} from '../../src/lib/exporters/partners';
import { datasetSchema, DATASET_VERSION } from '../../src/schemas/partner-export';
import { partnerSheets, sheetRows } from '../../src/lib/exporters/workbook';
import { ewpElements, factsheetToEwp } from '../../src/lib/exporters/ewp-factsheet';
import { resolveSiteData } from '../../src/lib/resolve';
import { realContent, siteWithSyntheticPartners } from '../fixtures/content';

const site = siteWithSyntheticPartners(220);
const origin = new URL('https://international.example.org/');

describe('JSON dataset', () => {
	const dataset = partnersDataset(site.partners, origin);

	test('holds every partner, with a version', () => {
		expect(dataset.version).toBe(DATASET_VERSION);
		expect(dataset.partners.map((partner) => partner.id).sort()).toEqual(
			site.partners.map((partner) => partner.id).sort()
		);
		expect(dataset.partners[0]!.pages.en).toMatch(
			/^https:\/\/international\.example\.org\/en\/partenaires\/[a-z0-9-]+\/$/
		);
	});

	test('matches its zod schema and the JSON Schema generated from it', () => {
		expect(datasetSchema.safeParse(dataset).error).toBeUndefined();
		const ajv = new Ajv({ allErrors: true, strict: false });
		addFormats(ajv);
		const validate = ajv.compile(datasetJsonSchema('https://example.org/schema.json'));
		expect(
			validate(JSON.parse(JSON.stringify(dataset))),
			JSON.stringify(validate.errors?.slice(0, 3))
		).toBe(true);
	});

	test('the JSON Schema rejects a broken record', () => {
		const ajv = new Ajv({ strict: false });
		addFormats(ajv);
		const validate = ajv.compile(datasetJsonSchema('https://example.org/schema.json'));
		const broken = structuredClone(dataset) as unknown as {
			partners: { agreements: { kind: string }[] }[];
		};
		broken.partners.find((partner) => partner.agreements.length > 0)!.agreements[0]!.kind =
			'holiday';
		expect(validate(broken)).toBe(false);
	});

	test('documents every field of a partner', () => {
		const schema = datasetJsonSchema('https://example.org/schema.json') as {
			properties: { partners: { items: { properties: Record<string, { description?: string }> } } };
		};
		const fields = schema.properties.partners.items.properties;
		const undocumented = Object.entries(fields)
			.filter(([, field]) => !field.description)
			.map(([key]) => key);
		expect(undocumented).toEqual([]);
	});
});

describe('CSV export', () => {
	const csv = partnersCsv(site.partners);
	const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
	const [sheet] = partnerSheets();

	test('is the workbook’s partner sheet: one row per partner, the same columns', () => {
		expect(rows.map((row) => row['id'])).toEqual(site.partners.map((partner) => partner.id));
		expect(csv.startsWith('\uFEFFid,')).toBe(true);
		expect(Object.keys(rows[0]!)).toEqual(sheet!.columns.map((column) => column.header));
		expect(Object.keys(rows[0]!)).toContain('cityFr');
	});

	test('writes each cell as the workbook does', () => {
		const expected = sheetRows(sheet!, site.partners);
		rows.forEach((row, index) =>
			sheet!.columns.forEach((column, position) =>
				expect(row[column.header]).toBe(String(expected[index]![position] ?? ''))
			)
		);
	});
});

describe('iCalendar feed', () => {
	const ics = deadlinesCalendar(site.partners, { name: 'Deadlines', site: origin });
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

	test('parses back with one yearly all-day event per deadline', () => {
		const expected = site.partners.reduce(
			(sum, partner) =>
				sum +
				[
					partner.data.calendar?.studentNominations?.autumnTerm,
					partner.data.calendar?.studentNominations?.springTerm,
					partner.data.calendar?.studentApplications?.autumnTerm,
					partner.data.calendar?.studentApplications?.springTerm,
				].filter(Boolean).length,
			0
		);
		expect(expected).toBeGreaterThan(50);
		expect(events).toHaveLength(expected);
		for (const event of events) {
			expect(event.startDate.isDate).toBe(true);
			expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
		}
	});

	test('is valid RFC 5545: VERSION, PRODID, unique UIDs, UTC DTSTAMP, CRLF lines of at most 75 octets', () => {
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
		const uids = events.map((event) => event.uid);
		expect(new Set(uids).size).toBe(uids.length);
		expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
		expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
			true
		);
	});

	test('puts a partner’s deadlines on its date', () => {
		const partner = site.partners.find(
			(candidate) => candidate.data.calendar?.studentNominations?.autumnTerm
		)!;
		const event = events.find(
			(candidate) =>
				candidate.uid === `${partner.id}-studentNominations-autumnTerm@international.mines-ales`
		)!;
		const [month, day] = partner.data
			.calendar!.studentNominations!.autumnTerm!.split('-')
			.map(Number);
		expect([event.startDate.month, event.startDate.day]).toEqual([month, day]);
		expect(event.summary).toContain(partner.data.name.en);
	});

	test('a feed without any deadline is still a valid calendar with one component', () => {
		const empty = deadlinesCalendar([], { name: 'Empty', site: origin });
		const component = new ICAL.Component(ICAL.parse(empty));
		expect(component.getAllSubcomponents('vevent')).toHaveLength(0);
		expect(component.getAllSubcomponents('vtimezone')).toHaveLength(1);
	});
});

describe('the school’s EWP factsheet', () => {
	test('is published in EWP’s structure, with unknown elements listed rather than invented', () => {
		const site = siteWithSyntheticPartners(0);
		const json = factsheetToEwp(site.factsheet!, {
			contact: site.contactById.get('head-of-office'),
		}) as Record<string, unknown> & { 'to-be-confirmed': { elements: string[] } };
		const present = ewpElements.map(([element]) => element).filter((element) => element in json);
		expect([...present, ...json['to-be-confirmed'].elements].sort()).toEqual(
			ewpElements.map(([element]) => element).sort()
		);
		expect(json['application-info']).toMatchObject({
			email: site.contactById.get('head-of-office')!.data.email,
		});
		expect(JSON.stringify(json)).not.toContain('undefined');
	});

	test('writes deadlines as EWP month-days and stops on an unknown contact', () => {
		const base = {
			name: { fr: 'École', en: 'School' },
			additionalInfo: [],
			sources: [
				{
					url: 'https://example.org/',
					title: 'Test',
					lang: 'en',
					publisher: { fr: 'Essai', en: 'Test' },
				},
			],
			consulted: new Date('2026-11-23'),
		};
		const withFactsheet = (data: object) =>
			resolveSiteData({
				...realContent(),
				factsheet: [
					{ id: 'mines-ales', filePath: 'content/factsheet/mines-ales.yaml', data: data as never },
				],
			});
		const json = factsheetToEwp(
			withFactsheet({ ...base, calendar: { studentNominations: { autumnTerm: '05-15' } } })
				.factsheet!,
			{ contact: undefined }
		);
		expect(json['calendar']).toEqual({ 'student-nominations': { 'autumn-term': '--05-15' } });
		expect(() => withFactsheet({ ...base, housingInfo: { contact: 'ghost' } })).toThrow(
			'content/factsheet/mines-ales.yaml: housingInfo.contact: unknown contact "ghost"'
		);
	});
});
