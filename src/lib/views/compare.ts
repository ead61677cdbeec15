import { medians } from '../../schemas/report.ts';
import { agreementKindLabels } from '../../vocab/agreements.ts';
import { languageName } from '../../vocab/languages.ts';
import { eqfLevelNames, eqfLevels } from '../../vocab/levels.ts';
import type { Lang } from '../../vocab/locales.ts';
import type { CompareRecord } from '../compare.ts';
import { formatList, localize, partnerName } from '../i18n.ts';
import { pageHref, routes } from '../routes.ts';
import type { Partner, SiteData } from '../resolve.ts';
import { formatEuros, erasmusGrantId, groupAmount, groupText } from './budget.ts';
import { deadlinesView } from './common.ts';
import { agreementKinds, agreementLevels, cityName, presentedPartners } from './partner.ts';
import { formatAmount } from './recognition.ts';
import type { Translate } from './values.ts';

/**
 * The comparison of partners in one language: one record per presented partner, computed at
 * build time from the same resolved data as the partner's page, and carried in the page as JSON
 * for the browser to lay out the partners the URL names.
 */

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** What the comparison shows of one partner. */
export function compareRecord(
	partner: Partner,
	site: SiteData,
	lang: Lang,
	t: Translate
): CompareRecord {
	const { agreements } = partner;
	const places = agreements.flatMap((agreement) =>
		agreement.mobilitiesPerYear === undefined ? [] : [agreement.mobilitiesPerYear]
	);
	const deadlines = deadlinesView(partner.data.calendar, lang);
	const rents = medians(
		site.reports.filter((report) => report.partner.id === partner.id).map((r) => r.data.rent)
	);
	const grant = site.grants.find((entry) => entry.id === erasmusGrantId)?.data;
	const monthly = groupAmount(grant, partner.country);
	const levels = new Set(agreements.flatMap((agreement) => agreementLevels(agreement)));
	return {
		id: partner.id,
		name: partnerName(partner.data.name, lang),
		href: pageHref(lang, routes.partner(partner.id)),
		country: localize(partner.country.data.name, lang),
		city: cityName(partner, lang) ?? null,
		programmes: partner.programmes
			.filter((programme) => programme.data.gathers === undefined)
			.map((programme) => localize(programme.data.name, lang)),
		kinds: agreementKinds(partner).map((kind) => agreementKindLabels[kind][lang]),
		levels: eqfLevels
			.filter((level) => levels.has(level))
			.map((level) => eqfLevelNames[level][lang]),
		languages: unique(agreements.flatMap((agreement) => agreement.instructionLanguages ?? [])).map(
			(code) => languageName(code, lang)
		),
		requirements: unique(
			agreements.flatMap((agreement) =>
				(agreement.languages ?? []).map(
					({ language, cefr }) => `${languageName(language, lang)} ${cefr}`
				)
			)
		),
		// An office fact: shown only when the office has given it, never guessed.
		places:
			places.length > 0
				? formatList(
						places.map((count) => t('compare.placesValue', { count })),
						lang
					)
				: null,
		deadlines: (deadlines?.rows ?? []).flatMap((row) =>
			row.days.flatMap((day, index) =>
				day
					? [
							`${row.label}, ${deadlines!.columns[index]!.toLocaleLowerCase(lang)}${t('site.colon')}${day.text}`,
						]
					: []
			)
		),
		recognitions: site.recognitions.filter((entry) => entry.partner.id === partner.id).length,
		medianRent:
			rents.length > 0
				? formatList(
						rents.map((median) => formatAmount(median.amount, median.currency, lang)),
						lang
					)
				: t('compare.rentNotYet'),
		grant:
			monthly !== undefined
				? t('compare.grantAmount', {
						group: groupText(partner.country, lang, t),
						amount: formatEuros(monthly, lang),
					})
				: partner.country.data.erasmus?.grantGroup !== undefined
					? t('compare.grantGroupOnly', { group: groupText(partner.country, lang, t) })
					: groupText(partner.country, lang, t),
	};
}

/** The records of every partner the site presents, in the finder's order. */
export function compareRecords(site: SiteData, lang: Lang, t: Translate): CompareRecord[] {
	return presentedPartners(site.partners).map((partner) => compareRecord(partner, site, lang, t));
}
