import {
	emergencyServices,
	longStayRequirementLabels,
	type EmergencyService,
} from '../../vocab/countries.ts';
import { countrySchema } from '../../schemas/country.ts';
import type { Lang } from '../../vocab/locales.ts';
import { compareText, currencyName, formatDate, localize } from '../i18n.ts';
import { renderInlineMarkdown, renderMarkdown, Slugger } from '../markdown.ts';
import { contactInstitutions, presentedPartners } from '../partners.ts';
import { pageHref, routes, sections as routeSections, withFragment } from '../routes.ts';
import { labelAt } from '../schema-tree.ts';
import type { Country, SiteData } from '../resolve.ts';
import {
	hostname,
	lines,
	type Fact,
	type Link,
	type Part,
	type TocHeading,
	type Translate,
} from './values.ts';

/**
 * A country guide field's label, from the country schema (`emergency.police`: a dotted path): the
 * guide's facts and the table of guides say it so.
 */
export const countryFieldLabel = (path: string, lang: Lang) =>
	labelAt(countrySchema, path.split('.'))[lang];

/** Everything a country guide shows, in one language. */
export interface CountryPageView {
	title: string;
	description: string;
	travelAdvice?:
		| {
				/** `danger` when the ministry advises against all travel, `caution` otherwise. */
				type: 'danger' | 'caution';
				title: string;
				html: string;
				link: Link;
				asOf: string;
		  }
		| undefined;
	facts: Fact[];
	/** Prose sections (studying, internships) with their rendered Markdown. */
	prose: { heading: TocHeading; html: string }[];
	/**
	 * The country's presented partners and, apart, its institutions only in contact with the
	 * school (`src/lib/partners.ts`).
	 */
	partners: {
		heading: TocHeading;
		mapTitle: string;
		empty: string;
		othersTitle: string;
		presented: Country['partners'];
		others: Country['partners'];
	};
	officialLinks: { heading: TocHeading; links: Link[] } | undefined;
	sections: { facts: TocHeading };
	headings: TocHeading[];
}

/** The country guide in one language. */
export function countryPage(country: Country, lang: Lang, t: Translate): CountryPageView {
	const { data } = country;
	const name = localize(data.name, lang);
	const yesNo = (value: boolean) => [[{ text: t(value ? 'site.yes' : 'site.no') }]];
	const inline = (text: { fr: string; en: string }) => ({
		html: renderInlineMarkdown(localize(text, lang), { lang }),
	});
	const label = (path: string) => countryFieldLabel(path, lang);
	const officialPage = (url: string): Part => ({
		href: url,
		text: t('country.officialProcedure', { host: hostname(url) }),
		external: true,
	});
	const emergency = data.emergency;
	const emergencyLine = (service: EmergencyService, labelled: boolean): Part[] | undefined => {
		const number = emergency?.[service];
		if (number === undefined) return undefined;
		const link = { href: `tel:${number}`, text: number };
		// The single number beside the others is "all emergencies", not the field's name.
		const label =
			service === 'general'
				? t('country.emergencyGeneral')
				: countryFieldLabel(`emergency.${service}`, lang);
		return labelled ? [{ text: `${label}${t('site.colon')}` }, link] : [link];
	};
	// The single number alone needs no label; beside the others it is "all emergencies".
	const servicesKnown = emergencyServices.filter(
		(service) => service !== 'general' && emergency?.[service] !== undefined
	);
	const longStay = data.longStay;
	const facts: Fact[] = [
		{
			label: label('emergency'),
			value:
				emergency &&
				lines(
					emergencyLine('general', servicesKnown.length > 0),
					...servicesKnown.map((service) => emergencyLine(service, true)),
					emergency.note && [inline(emergency.note)]
				),
		},
		{
			label: label('currency'),
			value:
				data.currency &&
				lines(
					[{ text: `${currencyName(data.currency.code, lang)} (${data.currency.code})` }],
					data.currency.note && [inline(data.currency.note)]
				),
		},
		{
			label: t('country.longStay'),
			value:
				longStay &&
				lines(
					[
						{
							// Within the EU, nothing to do means no visa: say it in those words.
							text:
								longStay.requirement === 'none' && data.eu
									? t('country.longStayNoneEu')
									: longStayRequirementLabels[longStay.requirement][lang],
							strong: true,
						},
					],
					[inline(longStay.summary)],
					longStay.officialUrl !== undefined && [officialPage(longStay.officialUrl)]
				),
		},
		{
			label: label('otherNationals'),
			value:
				data.otherNationals &&
				lines(
					[inline(data.otherNationals.summary)],
					data.otherNationals.officialUrl !== undefined && [
						officialPage(data.otherNationals.officialUrl),
					]
				),
		},
		{
			label: label('healthCover'),
			value: lines(
				[{ text: t(data.healthCover.ehic ? 'country.ehicYes' : 'country.ehicNo') }],
				[inline(data.healthCover.summary)]
			),
		},
		{
			label: label('frenchEmbassy'),
			value:
				data.frenchEmbassy &&
				lines(
					[
						{
							href: data.frenchEmbassy.url,
							text: localize(data.frenchEmbassy.name, lang),
							external: true,
						},
					],
					data.frenchEmbassy.city !== undefined && [{ text: data.frenchEmbassy.city }],
					data.frenchEmbassy.phone !== undefined && [
						{
							href: `tel:${data.frenchEmbassy.phone.replace(/[^\d+]/g, '')}`,
							text: data.frenchEmbassy.phone,
						},
					]
				),
		},
		{
			label: label('costOfLiving'),
			value:
				data.costOfLiving &&
				lines(
					[inline(data.costOfLiving.summary)],
					[
						{
							href: data.costOfLiving.url,
							text: t('country.costOfLivingSource', {
								year: data.costOfLiving.year,
								host: hostname(data.costOfLiving.url),
							}),
							external: true,
						},
					]
				),
		},
		{
			// The same for every country: no data needed.
			label: t('country.beforeLeaving'),
			value: [
				[
					{ text: t('country.arianeBefore') },
					{ href: pageHref(lang, withFragment(routes.glossary(), 'ariane')), text: 'Ariane' },
					{ text: t('country.arianeAfter') },
				],
			],
		},
		{ label: label('eu'), value: yesNo(data.eu) },
		{ label: label('eea'), value: yesNo(data.eea) },
		{ label: label('schengen'), value: yesNo(data.schengen) },
		{
			label: label('erasmus'),
			value:
				data.erasmus &&
				lines(
					[
						{
							text: t(
								data.erasmus.programmeCountry
									? 'country.erasmusProgramme'
									: 'country.erasmusPartner'
							),
						},
					],
					data.erasmus.grantGroup !== undefined && [
						{ text: t('country.grantGroup', { group: data.erasmus.grantGroup }) },
					],
					data.erasmus.note && [inline(data.erasmus.note)]
				),
		},
	];

	// Section ids first, then the prose's own headings, all unique on the page.
	const slugger = new Slugger();
	const heading = (slug: string, text: string): TocHeading => ({
		depth: 2,
		slug: slugger.slug(slug),
		text,
	});
	const factsHeading = heading('essentiel', t('country.facts'));
	const studyHeading = heading('etudier', label('study'));
	const internshipHeading = heading('stage', label('internship'));
	const partnersHeading = heading(routeSections.countryPartners, t('country.partners'));
	const linksHeading = heading('liens-officiels', t('site.officialLinks'));
	const prose = [
		{ heading: studyHeading, text: data.study },
		{ heading: internshipHeading, text: data.internship },
	].flatMap(({ heading: sectionHeading, text }) => {
		if (!text) return [];
		const rendered = renderMarkdown(localize(text, lang), { slugger, lang });
		return [{ heading: sectionHeading, html: rendered.html, headings: rendered.headings }];
	});
	const officialLinks =
		data.officialLinks.length > 0
			? {
					heading: linksHeading,
					links: data.officialLinks.map((link) => ({
						href: link.url,
						text: localize(link.label, lang),
						external: true,
					})),
				}
			: undefined;
	const advice = data.travelAdvice;
	return {
		title: name,
		description: t('country.pageDescription', { country: name }),
		travelAdvice: advice && {
			type: advice.level === 'formellement-deconseille' ? 'danger' : 'caution',
			title: label('travelAdvice'),
			html: renderMarkdown(localize(advice.summary, lang), { lang }).html,
			link: {
				href: advice.url,
				text: t('country.travelAdviceLink', { country: name }),
				external: true,
			},
			asOf: t('country.travelAdviceAsOf', { date: formatDate(advice.asOf, lang) }),
		},
		// Every fact of a guide is public: one no source gives yet is left out, not asked for.
		facts: facts.filter((item) => item.value !== undefined),
		prose: prose.map(({ heading: sectionHeading, html }) => ({ heading: sectionHeading, html })),
		partners: {
			heading: partnersHeading,
			mapTitle: t('country.map', { country: name }),
			empty: t('country.noPartners'),
			othersTitle: t('country.others'),
			presented: presentedPartners(country.partners),
			others: contactInstitutions(country.partners),
		},
		officialLinks,
		sections: { facts: factsHeading },
		headings: [
			factsHeading,
			...prose.flatMap((section) => [section.heading, ...section.headings]),
			partnersHeading,
			...(officialLinks ? [officialLinks.heading] : []),
		],
	};
}

/** The country's row in the table of country guides. */
export function countryRow(country: Country, lang: Lang, t: Translate) {
	const presented = presentedPartners(country.partners);
	const contacts = contactInstitutions(country.partners);
	const yesNo = (value: boolean) => t(value ? 'site.yes' : 'site.no');
	return {
		href: pageHref(lang, routes.country(country.id)),
		name: localize(country.data.name, lang),
		eu: yesNo(country.data.eu),
		schengen: yesNo(country.data.schengen),
		ehic: yesNo(country.data.healthCover.ehic),
		// Partners as defined once (`src/lib/partners.ts`); institutions only in contact, apart.
		partners:
			presented.length > 0 || contacts.length > 0
				? {
						href: `${pageHref(lang, routes.country(country.id))}#${routeSections.countryPartners}`,
						text: [
							presented.length > 0 && t('country.partnerCount', { count: presented.length }),
							contacts.length > 0 && t('country.contactCount', { count: contacts.length }),
						]
							.filter(Boolean)
							.join(' · '),
						count: presented.length,
					}
				: undefined,
	};
}

/**
 * The country guides as links, in the reader's alphabetical order (`<CountryGuides />`, at the
 * end of the study and internship journeys).
 */
export function countryGuides(site: Pick<SiteData, 'countries'>, lang: Lang): Link[] {
	return site.countries
		.map((country) => ({
			href: pageHref(lang, routes.country(country.id)),
			text: localize(country.data.name, lang),
		}))
		.sort((a, b) => compareText(lang)(a.text, b.text));
}
