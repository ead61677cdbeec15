import { describe, expect, test } from 'vitest';
import { references } from '../../src/schemas/common';
import { contactSchema } from '../../src/schemas/contact';
import { countrySchema } from '../../src/schemas/country';
import { docsExtension } from '../../src/schemas/docs';
import { glossarySchema } from '../../src/schemas/glossary';
import { partnerSchema } from '../../src/schemas/partner';
import { programmeSchema } from '../../src/schemas/programme';

const seed = {
	url: 'http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite',
	title: 'Les programmes européens de mobilité',
	lang: 'fr',
	publisher: { fr: 'École des Mines d’Alès', en: 'École des Mines d’Alès' },
	date: '2014',
	kind: 'official',
};
const provenance = { sources: [seed], consulted: '2026-11-23' };
const text = { fr: 'Texte', en: 'Text' };

const partner = (overrides: Record<string, unknown> = {}) => ({
	name: { native: '香川大学', nativeLang: 'ja', en: 'Kagawa University' },
	country: 'jp',
	summary: text,
	...provenance,
	...overrides,
});
const agreement = (overrides: Record<string, unknown> = {}) => ({ kind: 'study', ...overrides });

/** The first issue of a failed parse, as `path: message`. */
function firstIssue(
	schema: {
		safeParse: (data: unknown) => {
			success: boolean;
			error?: { issues: { path: PropertyKey[]; message: string }[] };
		};
	},
	data: unknown
): string {
	const result = schema.safeParse(data);
	expect(result.success).toBe(false);
	const issue = result.error!.issues[0]!;
	return `${issue.path.join('.')}: ${issue.message}`;
}

describe('partnerSchema', () => {
	test('parses a minimal partner and keeps its country as a reference to content/countries', () => {
		const result = partnerSchema.parse(partner());
		expect(result.country).toBe('jp');
		expect(references.get(partnerSchema.shape.country)).toEqual({ collection: 'countries' });
		expect(result.agreements).toEqual([]);
		expect(result.consulted).toEqual(new Date('2026-11-23T00:00:00Z'));
	});

	test('parses a complete partner', () => {
		const result = partnerSchema.safeParse(
			partner({
				abbreviation: 'KU',
				city: 'Takamatsu',
				coordinates: { lat: 34.34, lon: 134.05 },
				websiteUrl: 'https://www.kagawa-u.ac.jp/',
				courseCatalogueUrl: 'https://www.kagawa-u.ac.jp/courses/',
				erasmusCode: 'D  BERLIN01',
				agreements: [
					agreement({
						programme: 'erasmus-plus',
						subjectAreas: [{ iscedFCode: '0713', clarification: text }],
						eqfLevels: [7],
						mobilitiesPerYear: 2,
						monthsPerMobility: 5,
						instructionLanguages: ['en'],
						languages: [{ language: 'en', cefr: 'B2' }],
						firstAcademicYear: '2025/2026',
						lastAcademicYear: '2028/2029',
					}),
				],
				calendar: { studentNominations: { autumnTerm: '04-15', springTerm: '10-01' } },
				contacts: [
					{
						name: 'International office',
						email: 'office@example.org',
						phoneNumber: '+81878321000',
					},
				],
				housingInfo: { websiteUrl: 'https://example.org/housing' },
				status: 'active',
			})
		);
		expect(result.error?.issues).toBeUndefined();
	});

	test.each([
		[
			'a CEFR level that does not exist',
			partner({ agreements: [agreement({ languages: [{ language: 'en', cefr: 'B3' }] })] }),
			'agreements.0.languages.0.cefr: expected one of A1…C2, got "B3"',
		],
		[
			'an unknown language code',
			partner({ agreements: [agreement({ languages: [{ language: 'english', cefr: 'B2' }] })] }),
			'agreements.0.languages.0.language: expected a two-letter ISO 639-1 language code such as "en", got "english"',
		],
		[
			'an unknown kind of agreement',
			partner({ agreements: [agreement({ kind: 'holiday' })] }),
			'agreements.0.kind: expected one of "study", "internship", "double-degree", "staff", got "holiday"',
		],
		[
			'an ISCED code that is not listed',
			partner({ agreements: [agreement({ subjectAreas: [{ iscedFCode: '9999' }] })] }),
			'agreements.0.subjectAreas.0.iscedFCode: expected an ISCED-F code listed in src/vocab/isced.ts such as "07" or "0713", got "9999"',
		],
		[
			'an academic year that is not two consecutive years',
			partner({ agreements: [agreement({ firstAcademicYear: '2025/2027' })] }),
			'agreements.0.firstAcademicYear: expected an academic year such as "2025/2026" (two consecutive years), got "2025/2027"',
		],
		[
			'a last academic year before the first',
			partner({
				agreements: [agreement({ firstAcademicYear: '2026/2027', lastAcademicYear: '2024/2025' })],
			}),
			'agreements.0.lastAcademicYear: expected an academic year not before firstAcademicYear (2026/2027), got "2024/2025"',
		],
		[
			'a negative number of places',
			partner({ agreements: [agreement({ mobilitiesPerYear: -1 })] }),
			'agreements.0.mobilitiesPerYear: expected a positive number of places',
		],
		[
			'a deadline that is not a day of the year',
			partner({ calendar: { studentNominations: { autumnTerm: '02-30' } } }),
			'calendar.studentNominations.autumnTerm: expected a day of the year written "MM-DD" (e.g. "04-15"), got "02-30"',
		],
		[
			'a malformed Erasmus code',
			partner({ erasmusCode: 'BERLIN' }),
			'erasmusCode: expected an Erasmus code such as "D  BERLIN01" or "IRLDUBLIN02", got "BERLIN"',
		],
		[
			'an invalid website URL',
			partner({ websiteUrl: 'www.kagawa-u.ac.jp' }),
			'websiteUrl: expected an absolute http(s) URL, got "www.kagawa-u.ac.jp"',
		],
		[
			'an invalid e-mail address',
			partner({ contacts: [{ name: 'Office', email: 'office(at)example.org' }] }),
			'contacts.0.email: expected an e-mail address, got "office(at)example.org"',
		],
		[
			'a phone number not in E.164 form',
			partner({ contacts: [{ name: 'Office', phoneNumber: '+33 (0)4 66 78 51 60' }] }),
			'contacts.0.phoneNumber: expected a phone number in E.164 form such as "+33466785160" (no spaces, no "(0)"), got "+33 (0)4 66 78 51 60"',
		],
		[
			'a missing English summary',
			partner({ summary: { fr: 'Texte' } }),
			'summary.en: expected English text, got nothing',
		],
		[
			'an empty French summary',
			partner({ summary: { fr: ' ', en: 'Text' } }),
			'summary.fr: expected French text, got an empty string',
		],
		[
			'a status that is not allowed',
			partner({ status: 'pending' }),
			'status: expected one of "active", "suspended", "ended", got "pending"',
		],
		[
			'a date that is not a date',
			partner({ consulted: '2026-02-30' }),
			'consulted: expected a date written YYYY-MM-DD, got "2026-02-30": that day does not exist',
		],
		['no source', partner({ sources: [] }), 'sources: expected at least one source'],
		[
			'a source that is not a URL',
			partner({ sources: [{ ...seed, url: 'the school website' }] }),
			'sources.0.url: expected an absolute http(s) URL, got "the school website"',
		],
		[
			'a source given as a bare address',
			partner({ sources: [seed.url] }),
			'sources.0: expected a source with its url, title, lang and publisher, got "http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite"',
		],
		[
			'a source dated with a day that does not exist',
			partner({ sources: [{ ...seed, date: '2014-02-30' }] }),
			'sources.0.date: expected the date of the document: a year ("2014"), a month ("2014-07") or a day ("2014-07-01"), got "2014-02-30": that day does not exist',
		],
		[
			'a source dated with a month that does not exist',
			partner({ sources: [{ ...seed, date: '2014-13' }] }),
			'sources.0.date: expected the date of the document: a year ("2014"), a month ("2014-07") or a day ("2014-07-01"), got "2014-13": that month does not exist',
		],
	])('rejects %s', (_, data, expected) => {
		expect(firstIssue(partnerSchema, data)).toBe(expected);
	});

	test('rejects an unknown field, so that a typo in a key fails', () => {
		const result = partnerSchema.safeParse(partner({ webiste: 'https://example.org' }));
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['webiste'] });
	});
});

describe('countrySchema', () => {
	const country = (overrides: Record<string, unknown> = {}) => ({
		name: { fr: 'Japon', en: 'Japan' },
		region: 'asia',
		eu: false,
		eea: false,
		schengen: false,
		healthCover: { ehic: false, summary: text },
		...provenance,
		...overrides,
	});

	test('parses the guide facts: emergency numbers, other nationals, embassy, cost of living', () => {
		const parsed = countrySchema.parse(
			country({
				emergency: { police: '110', ambulance: '112', fire: '112', note: text },
				otherNationals: { summary: text, officialUrl: 'https://example.org/visa' },
				frenchEmbassy: {
					name: text,
					city: 'Berlin',
					url: 'https://example.org/',
					phone: '+49 30 1',
				},
				costOfLiving: { summary: text, url: 'https://example.org/cost', year: 2026 },
			})
		);
		expect(parsed.emergency?.police).toBe('110');
		expect(parsed.costOfLiving?.year).toBe('2026');
	});

	test('parses a country with optional facts absent', () => {
		expect(countrySchema.parse(country()).officialLinks).toEqual([]);
	});

	test.each([
		[
			'a region that does not exist',
			country({ region: 'antarctica' }),
			'region: expected one of "europe", "asia", "americas", "africa", "oceania", got "antarctica"',
		],
		[
			'a membership written as text',
			country({ eu: 'yes' }),
			'eu: expected true or false (member of the EU), got "yes"',
		],
		[
			'a currency that is not an ISO 4217 code',
			country({ currency: { code: 'euro' } }),
			'currency.code: expected an ISO 4217 currency code such as "EUR", got "euro"',
		],
		[
			'an unknown grant group',
			country({ erasmus: { programmeCountry: true, grantGroup: 4 } }),
			'erasmus.grantGroup: expected one of 1, 2, 3, got 4',
		],
		[
			'an emergency number with letters',
			country({ emergency: { police: '11a' } }),
			'emergency.police: expected an emergency number of 2 to 4 digits, got "11a"',
		],
		[
			'emergency numbers without any number',
			country({ emergency: { note: text } }),
			'emergency: expected at least one emergency number (general, police, ambulance or fire), got none',
		],
		[
			'the former single emergency number field',
			country({ emergencyNumber: '112' }),
			': Unrecognized key: "emergencyNumber"',
		],
		[
			'a cost of living without its year',
			country({ costOfLiving: { summary: text, url: 'https://example.org/' } }),
			'costOfLiving.year: expected a year written YYYY, such as "2026", got nothing',
		],
		[
			'an embassy telephone number that is not in international format',
			country({
				frenchEmbassy: { name: text, url: 'https://example.org/', phone: '030 590' },
			}),
			'frenchEmbassy.phone: expected a telephone number in international format such as "+49 30 590 03 90 00", got "030 590"',
		],
	])('rejects %s', (_, data, expected) => {
		expect(firstIssue(countrySchema, data)).toBe(expected);
	});
});

describe('programmeSchema', () => {
	const programme = (overrides: Record<string, unknown> = {}) => ({
		name: text,
		status: 'active',
		summary: text,
		...provenance,
		...overrides,
	});

	test('keeps contacts as references to content/contacts', () => {
		expect(programmeSchema.parse(programme({ contacts: ['head-of-office'] })).contacts).toEqual([
			'head-of-office',
		]);
		const contacts = programmeSchema.shape.contacts.unwrap();
		expect(references.get(contacts.element)).toEqual({ collection: 'contacts' });
	});

	test('requires the year an ended programme ended', () => {
		expect(firstIssue(programmeSchema, programme({ status: 'ended' }))).toBe(
			'endedIn: expected the year the programme ended, since status is "ended"'
		);
	});
});

describe('contactSchema', () => {
	const contact = (overrides: Record<string, unknown> = {}) => ({
		role: text,
		description: text,
		...provenance,
		...overrides,
	});

	test('accepts a role without a person or address', () => {
		expect(contactSchema.parse(contact()).order).toBe(100);
	});

	test.each([
		[
			'an invalid e-mail address',
			contact({ email: 'Serge.Bastide@' }),
			'email: expected an e-mail address, got "Serge.Bastide@"',
		],
		[
			'a phone number written the French way',
			contact({ phone: '04 66 78 51 60' }),
			'phone: expected a phone number in E.164 form such as "+33466785160" (no spaces, no "(0)"), got "04 66 78 51 60"',
		],
	])('rejects %s', (_, data, expected) => {
		expect(firstIssue(contactSchema, data)).toBe(expected);
	});
});

describe('glossarySchema', () => {
	test('requires a definition in both languages', () => {
		expect(
			firstIssue(glossarySchema, { term: text, definition: { fr: 'Définition' }, ...provenance })
		).toBe('definition.en: expected English text, got nothing');
	});
});

describe('sources', () => {
	const source = (overrides: Record<string, unknown>) => ({
		url: 'https://www.service-public.fr/',
		title: 'Titre',
		lang: 'fr',
		publisher: text,
		...overrides,
	});

	test('an official source carries the date of its document', () => {
		expect(
			firstIssue(glossarySchema, {
				term: text,
				definition: text,
				sources: [source({ kind: 'official' })],
				consulted: '2026-12-06',
			})
		).toBe(
			'sources.0.date: expected the date of the document for an official source: the date the page states (published or updated), or else the year it was read, such as "2026"; got nothing'
		);
		for (const dated of [
			source({ kind: 'official', date: '2026' }),
			source({ kind: 'third-party' }),
			source({}),
		])
			expect(
				glossarySchema.safeParse({
					term: text,
					definition: text,
					sources: [dated],
					consulted: '2026-12-06',
				}).success
			).toBe(true);
	});
});

describe('docsExtension', () => {
	test('requires an audience, sources and the day they were consulted on every page', () => {
		const result = docsExtension.safeParse({});
		expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
			'audience',
			'sources',
			'consulted',
		]);
	});

	test('defaults the page type to guide', () => {
		expect(docsExtension.parse({ audience: ['incoming'], ...provenance }).type).toBe('guide');
	});
});
