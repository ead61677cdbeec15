import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/problems';
import { resolveSiteData, type RawCollections } from '../../src/lib/resolve';

const provenance = {
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
const text = { fr: 'Texte', en: 'Text' };
const country = (id: string) => ({
	id,
	filePath: `content/countries/${id}.yaml`,
	data: {
		name: { fr: id, en: id },
		region: 'europe',
		eu: true,
		eea: true,
		schengen: true,
		healthCover: { ehic: true, summary: text },
		officialLinks: [],
		...provenance,
	},
});
const programme = (id: string, contacts: string[] = []) => ({
	id,
	filePath: `content/programmes/${id}.yaml`,
	data: {
		name: { fr: id, en: id },
		status: 'active',
		summary: text,
		contacts,
		links: [],
		order: 1,
		...provenance,
	},
});
const partner = (id: string, countryId: string, programmes: string[] = [], name = id) => ({
	id,
	filePath: `content/partners/${id}.yaml`,
	data: {
		name: { native: name, nativeLang: 'en', en: name },
		country: countryId,
		agreements: programmes.map((programmeId) => ({
			kind: 'study',
			programme: programmeId,
		})),
		summary: text,
		...provenance,
	},
});

const collections = (overrides: Partial<Record<keyof RawCollections, unknown[]>> = {}) =>
	({
		partners: [],
		countries: [country('de')],
		programmes: [programme('erasmus-plus')],
		contacts: [],
		glossary: [],
		factsheet: [],
		legal: [],
		...overrides,
	}) as unknown as RawCollections;

describe('resolveSiteData', () => {
	test('links partners to countries and programmes both ways, sorted by name', () => {
		const site = resolveSiteData(
			collections({
				partners: [partner('b', 'de', ['erasmus-plus'], 'Zeta'), partner('a', 'de', [], 'Alpha')],
			})
		);
		expect(site.countryById.get('de')!.partners.map((item) => item.id)).toEqual(['a', 'b']);
		expect(site.programmeById.get('erasmus-plus')!.partners.map((item) => item.id)).toEqual(['b']);
		expect(site.partnerById.get('b')!.programmes.map((item) => item.id)).toEqual(['erasmus-plus']);
	});

	test('reports every unknown reference at once, naming file and field', () => {
		const attempt = () =>
			resolveSiteData(
				collections({
					partners: [partner('x', 'zz'), partner('y', 'de', ['erasmus-plus', 'nope'])],
					programmes: [programme('erasmus-plus', ['ghost'])],
				})
			);
		expect(attempt).toThrow(ContentError);
		try {
			attempt();
		} catch (error) {
			// Collections are checked in the registry's order: partners, then programmes.
			expect((error as ContentError).lines).toEqual([
				'content/partners/x.yaml: country: unknown country "zz": there is no file content/countries/zz.yaml',
				'content/partners/y.yaml: agreements.1.programme: unknown programme "nope": there is no file content/programmes/nope.yaml',
				'content/programmes/erasmus-plus.yaml: contacts.0: unknown contact "ghost": there is no file content/contacts/ghost.yaml',
			]);
		}
	});
});
