import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { legalSchema, type LegalData } from '../../src/schemas/legal';
import { legalView } from '../../src/lib/views/legal';
import type { Value } from '../../src/lib/views/values';
import { translate } from '../fixtures/translate';

/**
 * The legal pages' view: every fact French law asks of the site is rendered when it is filled
 * (LCEN article 1-1, GDPR articles 13 and 15 to 21, the RGAA statement model), and an absent
 * fact never leaves a sentence behind: office facts are listed once per page as what to ask the
 * office, public facts are listed as work for the content's maintainers and never shown.
 */

const source = {
	url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000801164',
	title: 'Loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique',
	lang: 'fr',
	publisher: { fr: 'Légifrance', en: 'Légifrance' },
	date: '2024-05-23',
	kind: 'official',
};

/** The least the schema accepts: every optional fact absent. */
const minimal = {
	publisher: { name: { fr: 'Institut Mines-Télécom', en: 'Institut Mines-Télécom' } },
	editorialService: {
		fr: 'Service Pédagogie Internationale',
		en: 'Service Pédagogie Internationale',
	},
	accessibility: { status: 'non-compliant', statementDate: '2026-11-30' },
	sources: [source],
	consulted: '2026-12-06',
};

/** Every fact filled (synthetic values, for the test only). */
const filled = {
	...minimal,
	publisher: {
		name: { fr: 'Établissement exemple', en: 'Example institution' },
		legalForm: { fr: 'Établissement public', en: 'Public institution' },
		address: '1 rue de l’Exemple, 00000 Exempleville',
		phone: '+33100000000',
		url: 'https://publisher.example/',
	},
	school: { name: { fr: 'École exemple', en: 'Example school' }, url: 'https://school.example/' },
	publicationDirector: {
		name: 'Camille Exemple',
		role: { fr: 'directrice générale', en: 'Director General' },
	},
	host: {
		name: { fr: 'Hébergeur exemple', en: 'Example host' },
		address: '2 rue de l’Hébergeur, 00000 Exempleville',
		phone: '+33100000001',
	},
	dataController: { fr: 'l’établissement exemple', en: 'the example institution' },
	dataProtectionOfficer: { email: 'dpo@publisher.example', url: 'https://publisher.example/dpo' },
	serverLogs: {
		purpose: { fr: 'sécurité du site', en: 'the site’s security' },
		legalBasis: { fr: 'mission d’intérêt public', en: 'task in the public interest' },
		retention: { fr: 'six mois', en: 'six months' },
		recipients: { fr: 'l’équipe technique', en: 'the technical team' },
	},
	rights: ['access', 'rectification', 'erasure', 'restriction', 'objection'],
	complaintUrl: 'https://www.cnil.fr/fr/plaintes',
	accessibility: {
		status: 'non-compliant',
		statementDate: '2026-11-30',
		rgaaVersion: '4.1.2',
		multiYearPlanUrl: 'https://school.example/schema-pluriannuel',
		actionPlanUrl: 'https://school.example/plan-2026',
		feedback: { email: 'accessibilite@school.example' },
		testEnvironment: [
			{ browser: 'Firefox 128', assistiveTechnology: 'NVDA 2024.4' },
			{ browser: 'Chromium', how: { fr: 'tests automatiques', en: 'automated tests' } },
		],
		pageSample: [
			{ title: { fr: 'Accueil', en: 'Home' }, path: '/' },
			{ title: { fr: 'Contacts', en: 'Contacts' }, path: '/contacts/' },
		],
		redress: {
			formUrl: 'https://formulaire.defenseurdesdroits.fr/',
			delegatesUrl: 'https://www.defenseurdesdroits.fr/carte-des-delegues',
			postalAddress: 'Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
		},
	},
};

const data = (value: unknown): LegalData => legalSchema.parse(value);
const text = (value: Value | undefined) =>
	(value ?? [])
		.map((line) => line.map((part) => ('text' in part ? part.text : '')).join(''))
		.join(' / ');
const hrefs = (value: Value | undefined) =>
	(value ?? []).flat().flatMap((part) => ('href' in part ? [part.href] : []));

describe('legalView with every fact filled', () => {
	test.each(['fr', 'en'] as const)('renders every required element (%s)', (lang) => {
		const view = legalView(data(filled), lang, translate(lang));
		const notice = Object.fromEntries(view.notice.map((fact) => [fact.label, fact.value]));
		const labels = Object.keys(notice);
		// Publisher: name, legal form, head office address and phone, website.
		const publisher = notice[labels[0]!];
		expect(text(publisher)).toContain(
			lang === 'fr' ? 'Établissement exemple' : 'Example institution'
		);
		expect(text(publisher)).toContain(
			lang === 'fr' ? 'Établissement public' : 'Public institution'
		);
		expect(text(publisher)).toContain('1 rue de l’Exemple, 00000 Exempleville');
		expect(hrefs(publisher)).toEqual(['tel:+33100000000', 'https://publisher.example/']);
		// School, editorial service, director of publication, host.
		expect(view.notice).toHaveLength(5);
		expect(text(view.notice[1]!.value)).toContain(
			lang === 'fr' ? 'École exemple' : 'Example school'
		);
		expect(text(view.notice[2]!.value)).toBe('Service Pédagogie Internationale');
		expect(text(view.notice[3]!.value)).toBe(
			lang === 'fr' ? 'Camille Exemple, directrice générale' : 'Camille Exemple, Director General'
		);
		expect(text(view.notice[4]!.value)).toContain('2 rue de l’Hébergeur');
		expect(hrefs(view.notice[4]!.value)).toEqual(['tel:+33100000001']);

		// Personal data: controller, officer, the four facts of the logs, rights, complaint.
		expect(view.controller).toBe(
			lang === 'fr'
				? 'Le responsable du traitement est l’établissement exemple.'
				: 'The data controller is the example institution.'
		);
		expect(hrefs(view.dataProtectionOfficer)).toEqual([
			'mailto:dpo@publisher.example',
			'https://publisher.example/dpo',
		]);
		expect(view.serverLogs.map((fact) => text(fact.value))).toEqual(
			lang === 'fr'
				? ['sécurité du site', 'mission d’intérêt public', 'six mois', 'l’équipe technique']
				: ['the site’s security', 'task in the public interest', 'six months', 'the technical team']
		);
		expect(view.rights).toEqual(
			lang === 'fr'
				? [
						'droit d’accès (article 15 du RGPD)',
						'droit de rectification (article 16 du RGPD)',
						'droit à l’effacement (article 17 du RGPD)',
						'droit à la limitation du traitement (article 18 du RGPD)',
						'droit d’opposition (article 21 du RGPD)',
					]
				: [
						'the right of access (Article 15 of the GDPR)',
						'the right to rectification (Article 16 of the GDPR)',
						'the right to erasure (Article 17 of the GDPR)',
						'the right to restriction of processing (Article 18 of the GDPR)',
						'the right to object (Article 21 of the GDPR)',
					]
		);
		expect(view.complaint?.href).toBe('https://www.cnil.fr/fr/plaintes');

		// Accessibility statement: version, plans, feedback, test environment, sample, redress.
		expect(view.rgaaVersion).toBe('4.1.2');
		expect(view.plans.map((link) => link.href)).toEqual([
			'https://school.example/schema-pluriannuel',
			'https://school.example/plan-2026',
		]);
		expect(hrefs(view.feedback)).toEqual(['mailto:accessibilite@school.example']);
		expect(view.testEnvironment).toEqual(
			lang === 'fr'
				? [
						'Firefox 128, NVDA 2024.4',
						'Chromium, sans technologie d’assistance : tests automatiques',
					]
				: ['Firefox 128, NVDA 2024.4', 'Chromium, without assistive technology: automated tests']
		);
		expect(view.pageSample.map((link) => link.href)).toEqual(
			lang === 'fr' ? ['/', '/contacts/'] : ['/en/', '/en/contacts/']
		);
		expect(view.redress?.form.href).toBe('https://formulaire.defenseurdesdroits.fr/');
		expect(view.redress?.delegates?.href).toBe(
			'https://www.defenseurdesdroits.fr/carte-des-delegues'
		);
		expect(view.redress?.postalAddress).toContain('Libre réponse 71120');

		// Nothing to ask, nothing to look up.
		expect(view.ask).toEqual({ notice: [], personalData: [], accessibility: [] });
		expect(view.research).toEqual([]);
	});
});

describe('legalView with facts absent', () => {
	test.each(['fr', 'en'] as const)(
		'lists office facts once per page and leaves no sentence behind (%s)',
		(lang) => {
			const view = legalView(data(minimal), lang, translate(lang));
			// The notice has only what is known: no host row, no director row.
			expect(view.notice).toHaveLength(2);
			expect(view.controller).toBeUndefined();
			expect(view.dataProtectionOfficer).toBeUndefined();
			expect(view.serverLogs).toEqual([]);
			expect(view.rights).toEqual([]);
			expect(view.complaint).toBeUndefined();
			expect(view.plans).toEqual([]);
			expect(view.feedback).toBeUndefined();
			expect(view.testEnvironment).toEqual([]);
			expect(view.pageSample).toEqual([]);
			expect(view.redress).toBeUndefined();
			expect(view.rgaaVersion).toBeUndefined();
			// Office facts: one list per page, for the one line asking the office.
			expect(view.ask).toEqual(
				lang === 'fr'
					? {
							notice: ['le nom, l’adresse et le téléphone de l’hébergeur du site'],
							personalData: [
								'la finalité, la base légale, la durée de conservation et les destinataires des journaux du serveur',
							],
							accessibility: [
								'l’adresse pour signaler un défaut d’accessibilité',
								'le schéma pluriannuel de mise en accessibilité de l’École',
								'son plan d’actions de l’année en cours',
							],
						}
					: {
							notice: ['the name, address and phone number of the site’s host'],
							personalData: [
								'the purpose, legal basis, retention period and recipients of the server’s logs',
							],
							accessibility: [
								'the address to report an accessibility problem',
								'the school’s multi-year accessibility plan',
								'its action plan for the current year',
							],
						}
			);
			// Public facts: to look up, never asked of the office.
			expect(view.research).toHaveLength(9);
			for (const asked of Object.values(view.ask).flat())
				expect(view.research).not.toContain(asked);
		}
	);

	test('asks only for the facts of the logs that are missing', () => {
		const view = legalView(
			data({ ...minimal, serverLogs: { retention: { fr: 'six mois', en: 'six months' } } }),
			'fr',
			translate('fr')
		);
		expect(view.serverLogs.map((fact) => fact.label)).toEqual(['Durée de conservation']);
		expect(view.ask.personalData).toEqual([
			'la finalité des journaux du serveur',
			'leur base légale',
			'leurs destinataires',
		]);
	});
});

describe('the site’s own legal facts', () => {
	const own = data(
		parse(readFileSync(new URL('../../content/site/legal.yaml', import.meta.url), 'utf8'))
	);

	test('name the Institut Mines-Télécom as publisher, for its school', () => {
		const view = legalView(own, 'fr', translate('fr'));
		expect(text(view.notice[0]!.value)).toContain('Institut Mines-Télécom');
		expect(text(view.notice[1]!.value)).toContain('IMT Mines Alès');
		expect(view.rgaaVersion).toBe('4.1.2');
	});

	test('ask the office only for office facts', () => {
		const view = legalView(own, 'en', translate('en'));
		expect(view.ask.notice).toEqual(['the name, address and phone number of the site’s host']);
		expect(view.ask.personalData).toHaveLength(1);
		expect(view.ask.accessibility).toHaveLength(3);
	});
});

describe('the legal pages', () => {
	const pages = ['mentions-legales', 'donnees-personnelles', 'accessibilite'];
	const read = (path: string) =>
		readFileSync(new URL(`../../content/docs/${path}.mdx`, import.meta.url), 'utf8');
	const parts = (mdx: string) =>
		[...mdx.matchAll(/<LegalFacts part="([a-zA-Z]+)"(?: page="([a-zA-Z]+)")?/g)].map((match) =>
			match.slice(1).filter(Boolean).join(':')
		);

	test.each(pages)('%s: both languages render the same facts, in the same order', (page) => {
		expect(parts(read(`en/${page}`))).toEqual(parts(read(page)));
	});

	test.each(pages)('%s: asks the office once, from the code, never in prose', (page) => {
		for (const mdx of [read(page), read(`en/${page}`)]) {
			expect(parts(mdx).filter((part) => part.startsWith('ask:'))).toHaveLength(1);
			expect(mdx).not.toMatch(/à demander|renseignez-vous|ask the (office|Service)/i);
		}
	});

	test('the accessibility statement follows the RGAA 4.1.2 model', () => {
		const headings = [...read('accessibilite').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual([
			'État de conformité',
			'Résultats des tests',
			'Contenus non accessibles',
			'Non-conformités',
			'Dérogations pour charge disproportionnée',
			'Contenus non soumis à l’obligation d’accessibilité',
			'Établissement de cette déclaration d’accessibilité',
			'Technologies utilisées pour la réalisation du site',
			'Environnement de test',
			'Outils utilisés pour évaluer l’accessibilité',
			'Pages du site ayant fait l’objet de la vérification de conformité',
			'Retour d’information et contact',
			'Voies de recours',
		]);
		for (const mdx of [read('accessibilite'), read('en/accessibilite')])
			expect(mdx).not.toMatch(/version 4\.1(?!\.)|<Contact /);
	});

	test('the personal-data page no longer points to a host the notice does not give', () => {
		for (const mdx of [read('donnees-personnelles'), read('en/donnees-personnelles')])
			expect(mdx).not.toMatch(/hébergeur est présenté|host is given/i);
	});
});
