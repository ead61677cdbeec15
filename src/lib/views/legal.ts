import type { LegalData } from '../../schemas/legal.ts';
import { accessibilityStatusLabels } from '../../vocab/legal.ts';
import type { Lang } from '../../vocab/locales.ts';
import { formatDate, localize } from '../i18n.ts';
import { pageHref, routes } from '../routes.ts';
import { displayPhone } from './contact.ts';
import { lines, type Link, type Translate, type Value } from './values.ts';

/**
 * The facts of the legal notice, the personal-data page and the accessibility statement
 * (`content/site/legal.yaml`), ready for `<LegalFacts>` and the footer. Facts no source gives
 * are listed in `missing`, shown once as something to ask the office.
 */
export interface LegalView {
	/** « non conforme », « partiellement conforme »… */
	status: string;
	/** What the latest audit found, or that there is none. */
	audit: { text: string; report?: Link | undefined };
	dates: string;
	plans: Link[];
	notice: { label: string; value: Value }[];
	dataProtection: Value | undefined;
	/** Who to ask about what is missing: the service that writes the site. */
	service: Link;
	missing: {
		notice: string[];
		plans: string[];
		dataProtection: string[];
	};
}

/** An organisation's lines: name, address, phone, website. */
function organisation(
	data: NonNullable<LegalData['host']>,
	lang: Lang,
	t: Translate,
	website: string
): Value {
	return (
		lines(
			[{ text: localize(data.name, lang) }],
			data.address !== undefined && [{ text: data.address }],
			data.phone !== undefined && [
				{ text: `${t('site.phone')}${t('site.colon')}` },
				{ href: `tel:${data.phone}`, text: displayPhone(data.phone) },
			],
			data.url !== undefined && [{ href: data.url, text: website, external: true }]
		) ?? []
	);
}

/** The legal facts in one language. */
export function legalView(legal: LegalData, lang: Lang, t: Translate): LegalView {
	const { publisher, host, accessibility, dataProtectionOfficer } = legal;
	const audit = accessibility.audit;
	const service = {
		href: pageHref(lang, routes.contacts()),
		text: localize(legal.editorialService, lang),
	};
	return {
		status: accessibilityStatusLabels[accessibility.status][lang],
		audit: audit
			? {
					text: t('accessibility.audit', {
						auditor: audit.auditor,
						date: formatDate(audit.date, lang),
						version: audit.rgaaVersion,
						percent: audit.criteriaMet,
					}),
					report: audit.reportUrl
						? { href: audit.reportUrl, text: t('accessibility.auditReport'), external: true }
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
		notice: [
			{
				label: t('legal.publisher'),
				value: organisation(publisher, lang, t, t('legal.publisherWebsite')),
			},
			{ label: t('legal.editorialService'), value: [[service]] },
			...(legal.publicationDirector
				? [
						{
							label: t('legal.publicationDirector'),
							value: [[{ text: legal.publicationDirector }]],
						},
					]
				: []),
			...(host
				? [{ label: t('legal.host'), value: organisation(host, lang, t, t('legal.hostWebsite')) }]
				: []),
		],
		dataProtection:
			dataProtectionOfficer &&
			lines(
				dataProtectionOfficer.email !== undefined && [
					{ text: `${t('site.email')}${t('site.colon')}` },
					{ href: `mailto:${dataProtectionOfficer.email}`, text: dataProtectionOfficer.email },
				],
				dataProtectionOfficer.url !== undefined && [
					{
						href: dataProtectionOfficer.url,
						text: t('legal.dataProtectionOfficerPage'),
						external: true,
					},
				]
			),
		service,
		missing: {
			notice: [
				!publisher.address && t('legal.missing.publisherAddress'),
				!publisher.phone && t('legal.missing.publisherPhone'),
				!legal.publicationDirector && t('legal.missing.publicationDirector'),
				!host && t('legal.missing.host'),
			].filter((text): text is string => Boolean(text)),
			plans: [
				!accessibility.multiYearPlanUrl && t('legal.missing.multiYearPlan'),
				!accessibility.actionPlanUrl && t('legal.missing.actionPlan'),
			].filter((text): text is string => Boolean(text)),
			dataProtection: dataProtectionOfficer ? [] : [t('legal.missing.dataProtectionOfficer')],
		},
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
