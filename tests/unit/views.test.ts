import { describe, expect, test } from 'vitest';
import { resolveSiteData, type Partner } from '../../src/lib/resolve';
import { contactView, displayPhone, pageContactView } from '../../src/lib/views/contact';
import { countryGuides, countryPage, countryRow } from '../../src/lib/views/country';
import { factsheetPage } from '../../src/lib/views/factsheet';
import { emptyState, matches, type FinderState } from '../../src/lib/finder';
import { finderView } from '../../src/lib/views/finder';
import { openDataPage } from '../../src/lib/views/open-data';
import { glossaryPage, pageTermLink, termLink } from '../../src/lib/views/glossary';
import { pageChrome } from '../../src/lib/views/page';
import { foreignParts, markForeignTerms } from '../../src/lib/foreign';
import { askOffice, networkStatement } from '../../src/lib/views/common';
import { documentDate, provenanceView } from '../../src/lib/views/provenance';
import { finderRegion } from '../../src/vocab/countries';
import {
	agreementLevels,
	finderRow,
	mapPoint,
	partnerExport,
	partnerListItem,
	partnerPage,
	presentedPartners,
} from '../../src/lib/views/partner';
import { programmePage } from '../../src/lib/views/programme';
import { isPresentedPartner } from '../../src/lib/partners';
import type { Fact, Value } from '../../src/lib/views/values';
import { realContent, siteWithSyntheticPartners } from '../fixtures/content';
import { translate } from '../fixtures/translate';

const site = resolveSiteData(realContent());
const fr = translate('fr');
const en = translate('en');

/** A fact's value as the text a reader sees, lines joined with " / ". */
const textOf = (value: Value | undefined) =>
	value
		?.map((line) =>
			line.map((part) => ('text' in part ? part.text : 'code' in part ? part.code : '')).join('')
		)
		.join(' / ');
const fact = (facts: Fact[], label: string) => facts.find((item) => item.label === label);

/** A partner with everything a fact sheet can show, built from a real one. */
function complete(): Partner {
	const partner = site.partnerById.get('utc-hanoi')!;
	return {
		...partner,
		data: {
			...partner.data,
			status: 'active',
			erasmusCode: 'VN HANOI01',
			websiteUrl: 'https://www.utc.edu.vn/',
			housingInfo: { websiteUrl: 'https://example.org/housing', email: 'housing@example.org' },
			calendar: { studentNominations: { autumnTerm: '04-15' } },
			contacts: [{ name: 'Office', email: 'office@example.org' }],
		},
	};
}

describe('partner view', () => {
	test('yields the facts the fact sheet shows, known ones as values and unknown ones without', () => {
		const view = partnerPage(complete(), 'fr', fr);
		expect(textOf(fact(view.facts, 'Pays')?.value)).toBe('Viêt Nam');
		expect(fact(view.facts, 'Pays')?.value?.[0]?.[0]).toMatchObject({ href: '/pays/vn/' });
		expect(textOf(fact(view.facts, 'Ville')?.value)).toBe('Hanoï');
		expect(textOf(fact(view.facts, 'Statut du partenariat')?.value)).toBe('Actif');
		expect(fact(view.facts, 'Code Erasmus')?.value).toEqual([[{ code: 'VN HANOI01' }]]);
		expect(fact(view.facts, 'Logement')?.value).toEqual([
			[
				{
					href: 'https://example.org/housing',
					text: 'Page de l’établissement (example.org)',
					external: true,
				},
			],
			[{ href: 'mailto:housing@example.org', text: 'housing@example.org' }],
		]);
		// Public facts no source gives are left out, never asked of the office.
		expect(fact(view.facts, 'Catalogue des cours')).toBeUndefined();
		expect(fact(view.facts, 'Visa')).toBeUndefined();
		expect(view.askOffice).not.toContain('Visa');
	});

	test('gathers the office facts the page lacks into one list, for its one box', () => {
		const partner = complete();
		const view = partnerPage(
			{
				...partner,
				data: { ...partner.data, status: undefined },
				agreements: [{ kind: 'study' }, { kind: 'internship', mobilitiesPerYear: 1 }],
			},
			'fr',
			fr
		);
		expect(view.askOffice[0]).toBe('Statut du partenariat');
		expect(view.askOffice).toContain('Places par an (échange d’études)');
		expect(view.askOffice).not.toContain('Places par an (stage)');
		expect(fact(view.facts, 'Statut du partenariat')).toBeUndefined();
	});

	test('never carries HTML except rendered Markdown', () => {
		const parts = partnerPage(complete(), 'en', en)
			.facts.flatMap((item) => item.value ?? [])
			.flat();
		for (const part of parts) {
			if ('text' in part) expect(part.text).not.toMatch(/<[a-z]/i);
		}
	});

	test('derives the table of contents from the sections it shows', () => {
		const partner = complete();
		expect(partnerPage(partner, 'fr', fr).headings.map((heading) => heading.slug)).toEqual([
			'en-bref',
			'accords',
			'dates-limites',
			'contacts',
			'voir-aussi',
		]);
		const withoutContacts = { ...partner, data: { ...partner.data, contacts: undefined } };
		expect(partnerPage(withoutContacts, 'en', en).headings.map((heading) => heading.slug)).toEqual([
			'en-bref',
			'accords',
			'dates-limites',
			'voir-aussi',
		]);
	});

	test('gives deadlines as a table, and each agreement as its known facts', () => {
		const view = partnerPage(complete(), 'en', en);
		expect(view.deadlines?.rows[0]?.days).toEqual([
			{ datetime: '--04-15', text: '15 April' },
			undefined,
		]);
		expect(partnerPage(site.partnerById.get('kagawa')!, 'en', en).deadlines).toBeUndefined();
		const [agreement] = view.agreements;
		expect(agreement?.title).toBe('Double degree');
		expect(agreement?.facts.map((item) => item.label)).toContain('Levels');
		expect(agreement?.facts.every((item) => item.value.length > 0)).toBe(true);
	});

	test('gives the finder row, map point, list item and export of the same partner', () => {
		const partner = site.partnerById.get('kagawa')!;
		const row = finderRow(partner, 'en');
		expect(row).toMatchObject({
			href: '/en/partenaires/kagawa/',
			name: 'Kagawa University',
			nativeName: { text: '香川大学', lang: 'ja' },
		});
		expect(row.record.text).toContain('香川大学');
		expect(mapPoint(partner, 'fr', fr)).toMatchObject({
			href: '/partenaires/kagawa/',
			country: 'jp',
		});
		expect(partnerListItem(partner, 'en').href).toBe('/en/partenaires/kagawa/');
		expect(partnerExport(partner, new URL('https://example.org')).pages).toEqual({
			fr: 'https://example.org/partenaires/kagawa/',
			en: 'https://example.org/en/partenaires/kagawa/',
		});
	});
});

describe('country view', () => {
	test('yields its facts, its prose with headings and its table of contents', () => {
		const view = countryPage(site.countryById.get('se')!, 'fr', fr);
		expect(textOf(fact(view.facts, 'Union européenne')?.value)).toBe('Oui');
		expect(fact(view.facts, 'Monnaie')?.value?.[0]).toEqual([{ text: 'couronne suédoise (SEK)' }]);
		expect(view.headings[0]).toEqual({ depth: 2, slug: 'essentiel', text: 'L’essentiel' });
		expect(view.headings.map((heading) => heading.slug)).toContain('partenaires');
		for (const section of view.prose) expect(section.html).not.toContain('<script');
	});

	test('shows the emergency numbers first, then the guide facts, and the Ariane line', () => {
		const base = site.countryById.get('de')!;
		const de = {
			...base,
			data: {
				...base.data,
				eu: true,
				emergency: { police: '110', ambulance: '112', fire: '112' },
				longStay: { requirement: 'none' as const, summary: { fr: 'Rien.', en: 'Nothing.' } },
				otherNationals: {
					summary: { fr: 'Un visa.', en: 'A visa.' },
					officialUrl: 'https://example.org/visa',
				},
				frenchEmbassy: {
					name: { fr: 'Ambassade de France', en: 'Embassy of France' },
					city: 'Berlin',
					url: 'https://example.org/embassy',
					phone: '+49 30 1',
				},
				costOfLiving: {
					summary: { fr: '900 €', en: '€900' },
					url: 'https://example.org/cost',
					year: '2026',
				},
			},
		};
		const view = countryPage(de, 'fr', fr);
		expect(view.facts.slice(0, 8).map((item) => item.label)).toEqual([
			'Numéros d’urgence',
			'Monnaie',
			'Séjour de plus de trois mois (citoyens français et de l’UE)',
			'Entrée et séjour (autres nationalités)',
			'Couverture santé',
			'Ambassade de France',
			'Coût de la vie',
			'Avant le départ',
		]);
		expect(textOf(view.facts[0]!.value)).toBe(
			'Police : 110 / Secours médicaux : 112 / Pompiers : 112'
		);
		expect(view.facts[0]!.value?.[0]?.[1]).toEqual({ href: 'tel:110', text: '110' });
		expect(textOf(view.facts[2]!.value)).toContain('Pas de visa ni de démarche obligatoire');
		expect(textOf(view.facts[5]!.value)).toBe('Ambassade de France / Berlin / +49 30 1');
		expect(textOf(view.facts[6]!.value)).toContain('Montants de 2026 (example.org)');
		expect(view.facts[7]!.value?.[0]?.[1]).toEqual({ href: '/glossaire/#ariane', text: 'Ariane' });
		const single = countryPage(
			{ ...de, data: { ...de.data, emergency: { general: '112' } } },
			'en',
			en
		);
		expect(single.facts[0]).toEqual({
			label: 'Emergency numbers',
			value: [[{ href: 'tel:112', text: '112' }]],
		});
	});

	test('gives its row in the index, linking to its partners only when it has some', () => {
		expect(countryRow(site.countryById.get('jp')!, 'en', en).partners).toEqual({
			href: '/en/pays/jp/#partenaires',
			text: '1 partner',
			count: 1,
		});
		expect(countryRow(site.countryById.get('de')!, 'fr', fr).partners).toBeUndefined();
	});

	test('counts partners as defined once; institutions only in contact are named apart', () => {
		const contactsOnly = site.partners.filter((partner) => !isPresentedPartner(partner));
		expect(contactsOnly.length).toBeGreaterThan(0);
		for (const partner of contactsOnly) {
			const row = countryRow(partner.country, 'fr', fr);
			expect(row.partners?.text).toMatch(/établissements? en contact/);
			expect(row.partners?.count).toBe(presentedPartners(partner.country.partners).length);
		}
		const total = site.countries.reduce(
			(sum, country) => sum + (countryRow(country, 'en', en).partners?.count ?? 0),
			0
		);
		expect(total).toBe(presentedPartners(site.partners).length);
		expect(finderView(site, 'en', en).rows.length).toBe(total);
	});
});

describe('other views', () => {
	test('programme: ended programmes say so; headings follow the sections shown', () => {
		const view = programmePage(site.programmeById.get('omj')!, 'fr', fr);
		expect(view.ended).toMatch(/^Terminé en \d{4}$/);
		expect(view.headings.map((heading) => heading.slug)).toContain('partenaires');
	});

	test('contact: phone numbers written the French way, dialled in E.164', () => {
		expect(displayPhone('+33466785160')).toBe('+33 4 66 78 51 60');
		const head = contactView(site.contactById.get('head-of-office')!, 'en');
		expect(head.anchor).toBe('contact-head-of-office');
	});

	test('glossary: terms sorted for the reader, the other language marked', () => {
		const view = glossaryPage(site.glossary, 'en');
		const terms = view.entries.map((entry) => entry.term);
		expect(terms).toEqual(
			[...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
		);
		expect(view.entries.find((entry) => entry.id === 'contrat-d-etudes')?.translation).toEqual({
			text: 'Contrat d’études',
			lang: 'fr',
		});
		expect(termLink(site.termById.get('pfe')!, 'en').href).toBe('/en/glossaire/#pfe');
	});

	test('factsheet: sections in EWP order, unknown ones left out and named once for the office', () => {
		const order = [
			'calendar',
			'application-info',
			'housing-info',
			'visa-info',
			'insurance-info',
			'additional-requirement',
			'delays',
			'accessibility',
			'additional-info',
		];
		const view = factsheetPage(site.factsheet!, 'en', en);
		const slugs = view.headings.map((heading) => heading.slug);
		expect(slugs).toEqual(order.filter((slug) => slugs.includes(slug)));
		const empty = factsheetPage(
			{
				...site.factsheet!,
				calendar: undefined,
				housingInfo: undefined,
				additionalRequirements: undefined,
				decisionWeeksLimit: undefined,
				torWeeksLimit: undefined,
				accessibility: undefined,
			},
			'en',
			en
		);
		expect(empty.headings.map((heading) => heading.slug)).not.toContain('calendar');
		expect(empty.askOffice).toEqual(
			expect.arrayContaining([
				'Calendar',
				'Housing',
				'Required documents and conditions',
				'Accessibility',
			])
		);
		expect(view.json.href).toBe('/data/factsheet.json');
	});
});

describe('finder view', () => {
	test('offers only options some partner has, in the vocabularies’ order', () => {
		const synthetic = siteWithSyntheticPartners(120);
		const view = finderView(synthetic, 'en', en);
		const options = (key: string) =>
			view.filters.find((filter) => filter.key === key)!.options.map((option) => option.value);
		const levels = new Set(
			synthetic.partners.flatMap((partner) => partner.agreements.flatMap((a) => a.eqfLevels ?? []))
		);
		expect(options('level')).toEqual(
			[6, 7, 8].filter((level) => levels.has(level as 6 | 7 | 8)).map(String)
		);
		expect(
			options('kind').every((kind) => view.records.some((record) => record.kinds.includes(kind)))
		).toBe(true);
		expect(view.records.map((record) => record.id)).toEqual(view.rows.map((row) => row.record.id));
	});

	test('offers the level filter, labelled from the EQF vocabulary, when it narrows the list', () => {
		for (const [lang, t, label] of [
			['fr', fr, 'Niveau master (diplôme d’ingénieur)'],
			['en', en, 'Master’s level (engineering degree)'],
		] as const) {
			const view = finderView(site, lang, t);
			const level = view.filters.find((filter) => filter.key === 'level');
			expect(level?.label).toBe(t('finder.level'));
			expect(level?.hint).toBe(t('finder.levelHint'));
			expect(level?.options).toContainEqual({ value: '7', label });
			// Each option keeps the partners one of whose agreements states that level, and not all.
			for (const option of level!.options) {
				const kept = view.records.filter((record) => record.levels.includes(option.value));
				expect(kept.length).toBeGreaterThan(0);
				expect(kept.length).toBeLessThan(view.records.length);
			}
		}
		// A double degree with no level given is at master's level (the engineering degree).
		const hanoi = finderView(site, 'fr', fr).records.find((record) => record.id === 'utc-hanoi');
		expect(hanoi?.levels).toEqual(['7']);
	});

	test('leaves out a filter that could hide no partner', () => {
		const view = finderView(site, 'en', en);
		for (const filter of view.filters) {
			const narrows = filter.options.some((option) =>
				view.records.some(
					(record) => !matches(record, { ...emptyState, [filter.key]: option.value } as FinderState)
				)
			);
			expect(narrows, filter.key).toBe(true);
		}
		// Every partner at the same level: choosing it would hide nobody.
		const synthetic = siteWithSyntheticPartners(12);
		for (const partner of synthetic.partners)
			for (const agreement of partner.agreements) Object.assign(agreement, { eqfLevels: [7] });
		const keys = finderView(synthetic, 'en', en).filters.map((filter) => filter.key);
		expect(keys).not.toContain('level');
	});
});

describe('reader-facing rules', () => {
	test('the open-data page names the per-partner files as text, escaped once (by the page)', () => {
		expect(openDataPage(site.partners, 'fr', fr).perPartner).toContain(
			'(/data/partners/<id>.json)'
		);
	});

	test('a double degree with no level given is at master’s level (the engineering degree)', () => {
		expect(agreementLevels({ kind: 'double-degree' } as never)).toEqual([7]);
		expect(agreementLevels({ kind: 'study' } as never)).toEqual([]);
		expect(agreementLevels({ kind: 'double-degree', eqfLevels: [8] } as never)).toEqual([8]);
	});

	test('institutions with no agreement stay out of the finder but keep their sheet', () => {
		const presented = presentedPartners(site.partners).map((partner) => partner.id);
		expect(presented).not.toContain('bstu-belgorod');
		expect(presented).not.toContain('esp-nouakchott');
		expect(presented).toContain('kagawa');
		expect(finderView(site, 'fr', fr).records.map((record) => record.id)).toEqual(presented);
	});

	test('office facts a page lacks are said once, in one box, with whom to ask', () => {
		expect(
			askOffice(['Places par an', 'Statut du partenariat', 'Places par an'], 'fr', fr)
		).toEqual({
			title: 'À demander au Service Pédagogie Internationale',
			facts: 'Places par an et statut du partenariat.',
			link: { href: '/contacts/', text: 'Contacter le service' },
		});
		expect(askOffice([], 'en', en)).toBeUndefined();
	});

	test('the partner list says it is partial, with the seed’s count', () => {
		const presented = site.partners.filter(isPresentedPartner).length;
		const statement = networkStatement(site.partners, 'fr', fr);
		expect(statement.presented).toBe(presented);
		expect(statement.text).toBe(
			`Ce site présente ${presented} établissements partenaires ; dans sa déclaration Erasmus de 2014, l’École en comptait environ 80 dans le monde.`
		);
	});

	test('provenance: consulted, the documents’ dates, confirmation, sources with titles', () => {
		const view = provenanceView(
			{
				sources: [
					{
						url: 'https://a.example/',
						title: 'A',
						lang: 'fr',
						publisher: { fr: 'Éd.', en: 'Pub.' },
						date: '2014',
					},
					{
						url: 'https://b.example/',
						title: 'B',
						lang: 'en',
						publisher: { fr: 'X', en: 'X' },
						date: '2023-05',
						kind: 'third-party',
					},
				],
				consulted: new Date('2026-11-23'),
			},
			'fr',
			fr
		);
		expect(view.documents).toBe('Sources datées de 2014 à 2023');
		expect(view.consulted.text).toBe('sources consultées le 23 novembre 2026');
		expect(view.confirmed).toBeUndefined();
		expect(view.heading).toBe('Sources (2)');
		expect(view.sources[1]).toEqual({
			href: 'https://b.example/',
			title: 'B',
			lang: 'en',
			publisher: 'X',
			date: 'mai 2023',
			caution: 'source tierce',
		});
		expect(documentDate('2014-07-01', 'en')).toBe('1 July 2014');
	});

	test('provenance: the years come from dated sources only, and say how many are dated', () => {
		const source = (date?: string) => ({
			url: `https://example.org/${date ?? 'undated'}`,
			title: 'T',
			lang: 'fr',
			publisher: { fr: 'P', en: 'P' },
			...(date ? { date } : {}),
		});
		const consulted = new Date('2026-12-06');
		const some = provenanceView(
			{ sources: [source('2014'), source(), source('2018-03'), source()], consulted },
			'fr',
			fr
		);
		expect(some.documents).toBe('2 sources datées sur 4, de 2014 à 2018');
		const one = provenanceView({ sources: [source('2025'), source()], consulted }, 'en', en);
		expect(`${one.documents}${one.separator}${one.consulted.text}`).toBe(
			'1 of 2 sources dated, 2025; sources consulted on 6 December 2026'
		);
		const none = provenanceView({ sources: [source()], consulted }, 'fr', fr);
		expect(none.documents).toBeUndefined();
		expect(none.consulted.text).toBe('Sources consultées le 6 décembre 2026');
	});

	test('foreign terms of data-file text carry their language', () => {
		expect(foreignParts('Sign the convention de stage first.', 'en')).toEqual([
			{ text: 'Sign the ' },
			{ text: 'convention de stage', lang: 'fr' },
			{ text: ' first.' },
		]);
		expect(markForeignTerms('<p>Le <em>Learning Agreement</em> est signé.</p>', 'fr')).toBe(
			'<p>Le <em><span lang="en">Learning Agreement</span></em> est signé.</p>'
		);
		// Already marked text is left alone.
		expect(markForeignTerms('<span lang="en">learning agreement</span>', 'fr')).toBe(
			'<span lang="en">learning agreement</span>'
		);
	});

	test('Europe is split as it matters to students: EU and EEA, and the rest', () => {
		expect(finderRegion(site.countryById.get('it')!.data)).toBe('eu-eea');
		expect(finderRegion(site.countryById.get('no')!.data)).toBe('eu-eea');
		expect(finderRegion(site.countryById.get('ru')!.data)).toBe('europe-other');
		expect(finderRegion(site.countryById.get('jp')!.data)).toBe('asia');
	});
});

describe('what written pages and Starlight’s overrides get', () => {
	test('around a partner’s page: its title’s language, its search filters, the legal links', () => {
		const chrome = pageChrome(
			site,
			{ id: 'partenaires/sapienza', lang: 'fr', type: 'partner', country: 'it' },
			fr
		);
		expect(chrome.titleLang).toBe('it');
		expect(chrome.search.type.value).toBe('Partenaire');
		expect(chrome.search.country?.value).toBe('Italie');
		expect(chrome.search.terms).toBeUndefined();
		expect(chrome.legalLinks.map((link) => link.href)).toEqual([
			'/accessibilite/',
			'/mentions-legales/',
			'/donnees-personnelles/',
		]);
		// The English page is titled with the English name: nothing to mark.
		expect(
			pageChrome(site, { id: 'en/partenaires/sapienza', lang: 'en', type: 'partner' }, en).titleLang
		).toBeUndefined();
		// Another page has no title language of its own, even under the partners' path.
		expect(
			pageChrome(site, { id: 'partenaires/comparer', lang: 'fr', type: 'guide' }, fr).titleLang
		).toBeUndefined();
	});

	test('a term or a contact a page names by an unknown id stops the build, naming the page', () => {
		expect(() => pageTermLink(site, { id: 'nope', page: 'content/docs/test.mdx' }, 'fr')).toThrow(
			'content/docs/test.mdx: <Term id="nope">: unknown glossary term: there is no file content/glossary/nope.yaml'
		);
		expect(() =>
			pageContactView(site, { id: 'nobody', page: 'content/docs/test.mdx' }, 'en')
		).toThrow(
			'content/docs/test.mdx: <Contact id="nobody">: unknown contact: there is no file content/contacts/nobody.yaml'
		);
		expect(pageContactView(site, { id: 'head-of-office', page: 'x' }, 'en').anchor).toBe(
			'contact-head-of-office'
		);
	});

	test('the country guides, in the reader’s alphabetical order', () => {
		const links = countryGuides(site, 'fr');
		expect(links).toHaveLength(site.countries.length);
		const texts = links.map((link) => link.text);
		expect(texts).toEqual([...texts].sort((a, b) => a.localeCompare(b, 'fr')));
	});
});
