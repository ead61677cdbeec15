import type { Localized } from '../../schemas/common.ts';
import type { Contact, Factsheet, Information } from '../resolve.ts';
import { isoDate } from '../dates.ts';

/** EWP factsheet elements and the field of our file that holds each. */
export const ewpElements = [
	['calendar', 'calendar'],
	['application-info', 'applicationInfo'],
	['additional-requirement', 'additionalRequirements'],
	['decision-weeks-limit', 'decisionWeeksLimit'],
	['tor-weeks-limit', 'torWeeksLimit'],
	['accessibility', 'accessibility'],
	['housing-info', 'housingInfo'],
	['visa-info', 'visaInfo'],
	['insurance-info', 'insuranceInfo'],
	['additional-info', 'additionalInfo'],
] as const;

const bilingual = (text: Localized) => [
	{ lang: 'fr', value: text.fr },
	{ lang: 'en', value: text.en },
];

/** An information entry in EWP's JSON shape: e-mail, phone (E.164), website URLs, description. */
function ewpInformation(info: Information | undefined) {
	if (!info) return undefined;
	return {
		...(info.contact?.data.email ? { email: info.contact.data.email } : {}),
		...(info.contact?.data.phone ? { 'phone-number': { e164: info.contact.data.phone } } : {}),
		...(info.websites.length > 0
			? { 'website-url': info.websites.map((link) => ({ value: link.url })) }
			: {}),
		...(info.description ? { description: bilingual(info.description) } : {}),
	};
}

const gMonthDay = (monthDay: string | undefined) => (monthDay ? `--${monthDay}` : undefined);

/**
 * The factsheet as JSON in the structure of the EWP Mobility Factsheet API: element names as in
 * its `response.xsd`, month-days as `--MM-DD`, phone numbers as E.164. Elements no source gives
 * are absent and listed under `to-be-confirmed`, with the office to ask.
 */
export function factsheetToEwp(
	factsheet: Factsheet,
	{ contact }: { contact: Contact | undefined }
) {
	const calendarEntry = (
		entry: { autumnTerm?: string | undefined; springTerm?: string | undefined } | undefined
	) =>
		entry &&
		JSON.parse(
			JSON.stringify({
				'autumn-term': gMonthDay(entry.autumnTerm),
				'spring-term': gMonthDay(entry.springTerm),
			})
		);
	const missing = ewpElements.filter(([, field]) => {
		const value = factsheet[field];
		return value === undefined || (Array.isArray(value) && value.length === 0);
	});
	const document = {
		$comment:
			'Mobility factsheet of École des Mines d’Alès in the structure of the Erasmus Without Paper Mobility Factsheet API v1.2 (factsheet-response/factsheet), written as JSON. Elements that no public source gives are left out and listed in "to-be-confirmed".',
		'hei-id': factsheet.heiId,
		name: bilingual(factsheet.name),
		calendar: factsheet.calendar && {
			'student-nominations': calendarEntry(factsheet.calendar.studentNominations),
			'student-applications': calendarEntry(factsheet.calendar.studentApplications),
		},
		'application-info': ewpInformation(factsheet.applicationInfo),
		'additional-requirement': factsheet.additionalRequirements?.map((requirement) => ({
			name: requirement.name,
			...(requirement.details ? { details: bilingual(requirement.details) } : {}),
			...(requirement.websiteUrl
				? { 'information-website': [{ value: requirement.websiteUrl }] }
				: {}),
		})),
		'decision-weeks-limit': factsheet.decisionWeeksLimit,
		'tor-weeks-limit': factsheet.torWeeksLimit,
		accessibility: factsheet.accessibility?.map((item) => ({
			type: item.type,
			name: bilingual(item.name),
			information: ewpInformation(item.information),
		})),
		'housing-info': ewpInformation(factsheet.housingInfo),
		'visa-info': ewpInformation(factsheet.visaInfo),
		'insurance-info': ewpInformation(factsheet.insuranceInfo),
		'additional-info':
			factsheet.additionalInfo.length > 0
				? factsheet.additionalInfo.map((item) => ({
						type: item.type,
						info: ewpInformation(item.info),
					}))
				: undefined,
		'to-be-confirmed': {
			elements: missing.map(([element]) => element),
			ask: ewpInformation(contact ? { contact, websites: [] } : undefined),
		},
		sources: factsheet.sources.map((source) => source.url),
		'sources-consulted': isoDate(factsheet.consulted),
		...(factsheet.confirmed ? { confirmed: isoDate(factsheet.confirmed) } : {}),
	};
	return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}
