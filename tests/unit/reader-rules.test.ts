import { describe, expect, test } from 'vitest';
import {
	attributions,
	emergencyNumbers,
	factValue,
	linksIn,
	officeLines,
	partnerLinks,
	statedPartnerCount,
} from '../site/reader-rules';

/**
 * The counts of the site tests' reader rules (`tests/site/reader-rules.test.ts`), on small pages
 * built to break each rule: every count can fail.
 */
const page = (main: string) =>
	`<!doctype html><html lang="fr"><body><nav>Selon le menu</nav><main>${main}<aside class="provenance"><p>Sources</p><ul><li>Selon X, d’après Y, à demander au Service</li></ul></aside></main></body></html>`;

const box =
	'<aside class="ask-office" data-ask-office><p><strong>À demander au Service Pédagogie Internationale</strong></p><p>Places par an. <a href="/contacts/">Contacter le service</a></p></aside>';

describe('lines sending readers to the office', () => {
	test('counts the box once, and prose sentences in both languages', () => {
		expect(officeLines(page(`<p>Ville.</p>${box}`))).toEqual({ boxes: 1, prose: [] });
		const scattered = officeLines(
			page(
				`${box}<p>Le visa : à demander au Service Pédagogie Internationale.</p><p>Renseignez-vous auprès du Service pour le logement.</p><p>Ask the office about housing. Contact the Service Pédagogie Internationale for the list.</p>`
			)
		);
		expect(scattered.boxes).toBe(1);
		expect(scattered.prose).toHaveLength(4);
	});

	test('leaves out the Sources block and the navigation', () => {
		expect(officeLines(page('<p>Rien.</p>'))).toEqual({ boxes: 0, prose: [] });
	});
});

describe('attributions', () => {
	test('counts Selon, D’après and According to in main content only', () => {
		expect(attributions(page('<p>Le visa est gratuit.</p>'))).toEqual([]);
		const found = attributions(
			page(
				"<p>Selon le ministère, le visa est gratuit ; d’après la loi, il dure un an.</p><p>D'après X. According to the embassy, it is free.</p>"
			)
		);
		expect(found).toHaveLength(4);
		// Words that merely contain the letters do not count.
		expect(attributions(page('<p>Les Selonnais.</p>'))).toEqual([]);
	});
});

describe('facts of a page', () => {
	const facts = page(
		'<dl class="facts"><div><dt>Numéros d’urgence<span> : </span></dt><dd>Police : <a href="tel:110">110</a><br/>Pompiers : <a href="tel:112">112</a></dd></div><div><dt>Ville</dt><dd>Berlin</dd></div><div><dt>Site de l’établissement</dt><dd><a href="https://example.org/">Site officiel</a></dd></div></dl>'
	);

	test('finds the emergency numbers of a country guide, or none', () => {
		expect(emergencyNumbers(facts, 'Numéros d’urgence')).toEqual(['110', '112']);
		expect(
			emergencyNumbers(
				page('<dl><div><dt>Monnaie</dt><dd>euro</dd></div></dl>'),
				'Numéros d’urgence'
			)
		).toEqual([]);
	});

	test('finds a fact by its label, and its links', () => {
		expect(factValue(facts, 'Ville')).toBeDefined();
		expect(factValue(facts, 'Code Erasmus')).toBeUndefined();
		expect(linksIn(factValue(facts, 'Site de l’établissement')!)).toEqual(['https://example.org/']);
	});
});

describe('partner counts', () => {
	test('reads the lists of partners and of institutions in contact apart', () => {
		const html = page(
			'<ul data-partner-list="partners"><li><a href="/partenaires/kagawa/">Kagawa</a></li></ul><ul data-partner-list="contacts"><li><a href="/en/partenaires/esp-nouakchott/">ESP</a></li></ul><p class="network-statement" data-presented-partners="6">…</p>'
		);
		expect(partnerLinks(html, 'partners')).toEqual(['kagawa']);
		expect(partnerLinks(html, 'contacts')).toEqual(['esp-nouakchott']);
		expect(statedPartnerCount(html)).toBe(6);
		expect(statedPartnerCount(page('<p>none</p>'))).toBeUndefined();
	});
});
