import {
	dataRightLabels,
	legalSchema,
	type DataRight,
	type LegalData,
} from '../../schemas/legal.ts';
import { accessibilityStatusLabels } from '../../vocab/legal.ts';
import type { Lang } from '../../vocab/locales.ts';
import { formatDate, localize } from '../i18n.ts';
import type { SiteData } from '../resolve.ts';
import { pageHref, routes } from '../routes.ts';
import { labelAt } from '../schema-tree.ts';
import { displayPhone } from './contact.ts';
import { lines, type Link, type Translate, type Value } from './values.ts';

/**
 * The facts of the legal notice, the personal-data page and the accessibility statement
 * (`content/site/legal.yaml`), ready for `<LegalFacts>` and the footer. Both languages render
 * from the same fields.
 *
 * A fact that is absent is never replaced by a sentence about it. Office facts (the host, the
 * plans, the feedback contact, the handling of the server's logs) are listed in `ask`, one list
 * per page, which `<LegalFacts part="ask">` shows once as what to ask the office. Public facts
 * (the publisher's head office, its data protection officer…) are listed in `research`: work for
 * whoever maintains the content, never shown to readers.
 */
export interface LegalView {
	/** « non conforme », « partiellement conforme »… */
	status: string;
	/** The RGAA version the statement refers to, e.g. « 4.1.2 ». */
	rgaaVersion: string | undefined;
	/** What the latest audit found, or that there is none. */
	audit: { text: string; report?: Link | undefined };
	dates: string;
	/** The multi-year and yearly plans that are published: none until the office gives them. */
	plans: Link[];
	/** The sentence that introduces the plans, shown only with them. */
	plansIntro: string;
	/** « Délégué à la protection des données » */
	officerLabel: string;
	/** The legal notice: publisher, school, editorial service, director of publication, host. */
	notice: LabelledValue[];
	/** Who the data controller is, as a sentence. */
	controller: string | undefined;
	/** The data protection officer's contact. */
	dataProtectionOfficer: Value | undefined;
	/** How the server's logs are handled: the known facts only. */
	serverLogs: LabelledValue[];
	/** The reader's rights, each with its GDPR article. */
	rights: string[];
	/** The CNIL's complaint page. */
	complaint: Link | undefined;
	/** Where to report an accessibility problem. */
	feedback: Value | undefined;
	/** « Chromium (Playwright), sans technologie d’assistance : … » */
	testEnvironment: string[];
	/** The pages checked, linked in the page's language. */
	pageSample: Link[];
	/** How to refer a matter to the Défenseur des droits. */
	redress:
		{ form: Link; delegates?: Link | undefined; postalAddress?: string | undefined } | undefined;
	/** The service that writes the site. */
	service: Link;
	/** Office facts still absent, by page, to show once as what to ask the office. */
	ask: { notice: string[]; personalData: string[]; accessibility: string[] };
	/** Public facts still absent: to look up, never shown to readers. */
	research: string[];
}

/** A fact with its label. */
export interface LabelledValue {
	label: string;
	value: Value;
}

/** The pages a part of the legal facts belongs to. */
export type LegalPage = keyof LegalView['ask'];

/** The parts of the legal facts a legal page shows, one at a time (`<LegalFacts part="…">`). */
export type LegalPart =
	| 'notice'
	| 'status'
	| 'version'
	| 'audit'
	| 'plans'
	| 'dates'
	| 'controller'
	| 'dataProtection'
	| 'serverLogs'
	| 'rights'
	| 'complaint'
	| 'feedback'
	| 'testEnvironment'
	| 'pageSample'
	| 'redress'
	| 'ask';

/** Which part to show: `ask` also names the page whose missing office facts it lists. */
export type LegalPartProps = { part: Exclude<LegalPart, 'ask'> } | { part: 'ask'; page: LegalPage };

/** Words of the legal pages that only these views use, in both languages. */
const words = {
	fr: {
		school: 'École',
		schoolWebsite: 'Site de l’École',
		publisherWebsite: 'Site de l’Institut Mines-Télécom',
		logsPurpose: 'Finalité',
		logsLegalBasis: 'Base légale',
		logsRetention: 'Durée de conservation',
		logsRecipients: 'Destinataires',
		controller: (name: string) => `Le responsable du traitement est ${name}.`,
		right: (label: string, article: number) => `${label} (article ${article} du RGPD)`,
		complaint: 'Adresser une plainte à la CNIL',
		noAssistiveTechnology: 'sans technologie d’assistance',
		form: 'Formulaire en ligne du Défenseur des droits',
		delegates: 'Le délégué du Défenseur des droits dans votre région',
		officerPage: 'Page du délégué à la protection des données',
		officer: 'Délégué à la protection des données',
		plansIntro: 'Sa stratégie et ses actions en la matière sont décrites dans :',
		missing: {
			logs: 'la finalité, la base légale, la durée de conservation et les destinataires des journaux du serveur',
			purpose: 'la finalité des journaux du serveur',
			legalBasis: 'leur base légale',
			retention: 'leur durée de conservation',
			recipients: 'leurs destinataires',
			feedback: 'l’adresse pour signaler un défaut d’accessibilité',
		},
		research: {
			address: 'Adresse du siège de l’éditeur',
			phone: 'Téléphone de l’éditeur',
			publicationDirector: 'Directeur ou directrice de la publication',
			controller: 'Responsable du traitement',
			officer: 'Contact du délégué à la protection des données',
			rights: 'Droits du lecteur',
			complaint: 'Page de plainte de la CNIL',
			rgaaVersion: 'Version du RGAA',
			redress: 'Voies de recours (Défenseur des droits)',
		},
	},
	en: {
		school: 'School',
		schoolWebsite: 'The school’s website',
		publisherWebsite: 'The Institut Mines-Télécom’s website',
		logsPurpose: 'Purpose',
		logsLegalBasis: 'Legal basis',
		logsRetention: 'Retention period',
		logsRecipients: 'Recipients',
		controller: (name: string) => `The data controller is ${name}.`,
		right: (label: string, article: number) => `the ${label} (Article ${article} of the GDPR)`,
		complaint: 'Lodge a complaint with the CNIL',
		noAssistiveTechnology: 'without assistive technology',
		form: 'The Défenseur des droits online form',
		delegates: 'The Défenseur des droits delegate in your region',
		officerPage: 'The data protection officer’s page',
		officer: 'Data protection officer',
		plansIntro: 'Its strategy and actions to that end are set out in:',
		missing: {
			logs: 'the purpose, legal basis, retention period and recipients of the server’s logs',
			purpose: 'the purpose of the server’s logs',
			legalBasis: 'their legal basis',
			retention: 'their retention period',
			recipients: 'their recipients',
			feedback: 'the address to report an accessibility problem',
		},
		research: {
			address: 'Publisher’s head office address',
			phone: 'Publisher’s phone number',
			publicationDirector: 'Director of publication',
			controller: 'Data controller',
			officer: 'Data protection officer’s contact',
			rights: 'Reader’s rights',
			complaint: 'CNIL complaint page',
			rgaaVersion: 'RGAA version',
			redress: 'Redress (Défenseur des droits)',
		},
	},
} as const;

/** An organisation's lines: name, legal form, address, phone, website. */
function organisation(
	data: NonNullable<LegalData['host']>,
	lang: Lang,
	t: Translate,
	website: string
): Value {
	return (
		lines(
			[{ text: localize(data.name, lang) }],
			data.legalForm !== undefined && [{ text: localize(data.legalForm, lang) }],
			data.address !== undefined && [{ text: data.address }],
			data.phone !== undefined && [
				{ text: `${t('site.phone')}${t('site.colon')}` },
				{ href: `tel:${data.phone}`, text: displayPhone(data.phone) },
			],
			data.url !== undefined && [{ href: data.url, text: website, external: true }]
		) ?? []
	);
}

/** A way to reach someone: e-mail, web page, postal address. */
function reach(
	data: NonNullable<LegalData['dataProtectionOfficer']>,
	t: Translate,
	pageText: string
): Value | undefined {
	return lines(
		data.email !== undefined && [
			{ text: `${t('site.email')}${t('site.colon')}` },
			{ href: `mailto:${data.email}`, text: data.email },
		],
		data.url !== undefined && [{ href: data.url, text: pageText, external: true }],
		data.address !== undefined && [{ text: data.address }]
	);
}

const present = (items: (string | false | undefined)[]): string[] =>
	items.filter((item): item is string => typeof item === 'string' && item.length > 0);

/** The legal facts in one language. */
export function legalView(legal: LegalData, lang: Lang, t: Translate): LegalView {
	const { publisher, host, accessibility, dataProtectionOfficer, serverLogs } = legal;
	const w = words[lang];
	const audit = accessibility.audit;
	const service = {
		href: pageHref(lang, routes.contacts()),
		text: localize(legal.editorialService, lang),
	};
	const director = legal.publicationDirector;
	const logFacts = [
		{ label: w.logsPurpose, value: serverLogs?.purpose, missing: w.missing.purpose },
		{ label: w.logsLegalBasis, value: serverLogs?.legalBasis, missing: w.missing.legalBasis },
		{ label: w.logsRetention, value: serverLogs?.retention, missing: w.missing.retention },
		{ label: w.logsRecipients, value: serverLogs?.recipients, missing: w.missing.recipients },
	];
	const missingLogs = logFacts.filter((fact) => fact.value === undefined);
	return {
		status: accessibilityStatusLabels[accessibility.status][lang],
		rgaaVersion: accessibility.rgaaVersion,
		audit: audit
			? {
					text: t('accessibility.audit', {
						auditor: audit.auditor,
						date: formatDate(audit.date, lang),
						version: audit.rgaaVersion,
						percent: audit.criteriaMet,
					}),
					report: audit.reportUrl
						? {
								href: audit.reportUrl,
								text: labelAt(legalSchema, ['accessibility', 'audit', 'reportUrl'])[lang],
								external: true,
							}
						: undefined,
				}
			: { text: t('accessibility.noAudit') },
		dates: [
			t('accessibility.statementDate', { date: formatDate(accessibility.statementDate, lang) }),
			accessibility.updatedDate &&
				t('accessibility.updatedDate', { date: formatDate(accessibility.updatedDate, lang) }),
		]
			.filter(Boolean)
			.join(' '),
		plans: [
			accessibility.multiYearPlanUrl !== undefined && {
				href: accessibility.multiYearPlanUrl,
				text: t('accessibility.multiYearPlan'),
				external: true,
			},
			accessibility.actionPlanUrl !== undefined && {
				href: accessibility.actionPlanUrl,
				text: t('accessibility.actionPlan'),
				external: true,
			},
		].filter((link) => link !== false),
		plansIntro: w.plansIntro,
		officerLabel: w.officer,
		notice: [
			{
				label: labelAt(legalSchema, ['publisher'])[lang],
				value: organisation(publisher, lang, t, w.publisherWebsite),
			},
			...(legal.school
				? [
						{
							label: w.school,
							value:
								lines(
									[{ text: localize(legal.school.name, lang) }],
									legal.school.url !== undefined && [
										{ href: legal.school.url, text: w.schoolWebsite, external: true },
									]
								) ?? [],
						},
					]
				: []),
			{ label: t('legal.editorialService'), value: [[service]] },
			...(director
				? [
						{
							label: t('legal.publicationDirector'),
							value: [
								[
									{
										text: director.role
											? `${director.name}, ${localize(director.role, lang)}`
											: director.name,
									},
								],
							],
						},
					]
				: []),
			...(host
				? [{ label: t('legal.host'), value: organisation(host, lang, t, t('legal.hostWebsite')) }]
				: []),
		],
		controller: legal.dataController && w.controller(localize(legal.dataController, lang)),
		dataProtectionOfficer: dataProtectionOfficer && reach(dataProtectionOfficer, t, w.officerPage),
		serverLogs: logFacts.flatMap((fact) =>
			fact.value === undefined
				? []
				: [{ label: fact.label, value: [[{ text: localize(fact.value, lang) }]] }]
		),
		rights: (legal.rights ?? []).map((right: DataRight) =>
			w.right(dataRightLabels[right][lang], dataRightLabels[right].article)
		),
		complaint: legal.complaintUrl
			? { href: legal.complaintUrl, text: w.complaint, external: true }
			: undefined,
		feedback: accessibility.feedback && reach(accessibility.feedback, t, w.form),
		testEnvironment: (accessibility.testEnvironment ?? []).map(
			(combination) =>
				`${combination.browser}, ${combination.assistiveTechnology ?? w.noAssistiveTechnology}${
					combination.how ? `${t('site.colon')}${localize(combination.how, lang)}` : ''
				}`
		),
		pageSample: (accessibility.pageSample ?? []).map((page) => ({
			href: pageHref(lang, page.path),
			text: localize(page.title, lang),
		})),
		redress: accessibility.redress && {
			form: { href: accessibility.redress.formUrl, text: w.form, external: true },
			delegates: accessibility.redress.delegatesUrl
				? { href: accessibility.redress.delegatesUrl, text: w.delegates, external: true }
				: undefined,
			postalAddress: accessibility.redress.postalAddress,
		},
		service,
		ask: {
			notice: present([!host && t('legal.missing.host')]),
			personalData:
				missingLogs.length === logFacts.length
					? [w.missing.logs]
					: missingLogs.map((fact) => fact.missing),
			accessibility: present([
				!accessibility.feedback && w.missing.feedback,
				!accessibility.multiYearPlanUrl && t('legal.missing.multiYearPlan'),
				!accessibility.actionPlanUrl && t('legal.missing.actionPlan'),
			]),
		},
		research: present([
			!publisher.address && w.research.address,
			!publisher.phone && w.research.phone,
			!director && w.research.publicationDirector,
			!legal.dataController && w.research.controller,
			!dataProtectionOfficer && w.research.officer,
			!legal.rights?.length && w.research.rights,
			!legal.complaintUrl && w.research.complaint,
			!accessibility.rgaaVersion && w.research.rgaaVersion,
			!accessibility.redress && w.research.redress,
		]),
	};
}

/** The legal links at the foot of every page. */
export function legalLinks(legal: LegalData, lang: Lang, t: Translate): Link[] {
	return [
		{
			href: pageHref(lang, routes.accessibility()),
			text: t('footer.accessibility', {
				status: accessibilityStatusLabels[legal.accessibility.status][lang],
			}),
		},
		{ href: pageHref(lang, routes.legalNotice()), text: t('footer.legalNotice') },
		{ href: pageHref(lang, routes.personalData()), text: t('footer.personalData') },
	];
}

/**
 * The legal facts of the site (`content/site/legal.yaml`) for the legal pages (`<LegalFacts>`);
 * without that file the build stops, since those pages are published from it.
 */
export function siteLegalView(site: Pick<SiteData, 'legal'>, lang: Lang, t: Translate): LegalView {
	if (!site.legal)
		throw new Error(
			'content/site/legal.yaml is missing: the legal pages and the footer’s accessibility status are published from it.'
		);
	return legalView(site.legal, lang, t);
}
