import type { ContactData } from '../../schemas/contact.ts';
import type { FactsheetData } from '../../schemas/factsheet.ts';
import type { Bilingual } from '../../vocab/locales.ts';
import { element, xmlDocument, type XmlElement } from './xml.ts';

/**
 * The school's factsheet as the EWP Mobility Factsheet API answers it: a `factsheet-response`
 * (stable-v1, `response.xsd` 1.2.0) holding one `factsheet`. The schema makes facts required
 * that only the office has (the EWP identifier, the calendar, the decision and transcript weeks,
 * an e-mail, a phone and a website for application, housing, visa and insurance): until every
 * one is in the content, there is no document, only the list of what it lacks (`gaps`), which
 * the to-do list and the open-data page show. Nothing is filled in for the office.
 *
 * The format has one text per element, without language: texts are written in English, the
 * language EWP names its types in. Optional items whose information is incomplete (an
 * `additional-info` with no contact, say) are left out of the file rather than blocking it; they
 * are listed in `omitted`.
 * @see https://github.com/erasmus-without-paper/ewp-specs-api-factsheet
 */

export const ewpFactsheetNamespace =
	'https://github.com/erasmus-without-paper/ewp-specs-api-factsheet/tree/stable-v1';
export const ewpPhoneNamespace =
	'https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1';

/** A fact the EWP schema requires and the content lacks. */
export interface EwpGap {
	/** Path of the field in the factsheet's file (`visaInfo.contact`). */
	path: string;
	/** What to enter, for the office. */
	label: Bilingual;
}

/** The e-mail and phone of a contact, by its id (a file of `content/contacts/`). */
export type ContactLookup = (id: string) => Pick<ContactData, 'email' | 'phone'> | undefined;

export interface EwpFactsheetXml {
	/** The document, when nothing required is missing. */
	xml: string | undefined;
	/** What the schema requires and the content lacks, in the schema's order. */
	gaps: EwpGap[];
	/** Optional items left out because their information is incomplete (their paths). */
	omitted: string[];
}

type Information = NonNullable<FactsheetData['housingInfo']>;

/** The four information entries the schema requires, with their names for the office. */
const requiredInformation = [
	['applicationInfo', { fr: 'Candidature', en: 'Application' }],
	['housingInfo', { fr: 'Logement', en: 'Housing' }],
	['visaInfo', { fr: 'Visa', en: 'Visa' }],
	['insuranceInfo', { fr: 'Assurance', en: 'Insurance' }],
] as const;

const terms = [
	['autumnTerm', { fr: 'semestre d’automne', en: 'autumn term' }],
	['springTerm', { fr: 'semestre de printemps', en: 'spring term' }],
] as const;

const deadlines = [
	['studentNominations', { fr: 'Date limite de nomination', en: 'Nomination deadline' }],
	['studentApplications', { fr: 'Date limite de candidature', en: 'Application deadline' }],
] as const;

const e164 = /^\+[0-9]{1,15}$/;
/** The patterns of `ewp:Email` and `ewp:HTTPWithOptionalLang`. */
const email = /^[^@]+@[^.]+\..+$/;
const http = /^https?:\/\/.+$/;

/** What an information entry lacks to be an EWP `InformationEntry` (e-mail, phone, website). */
function informationGaps(
	information: Information | undefined,
	path: string,
	name: Bilingual,
	contactOf: ContactLookup
): EwpGap[] {
	const gaps: EwpGap[] = [];
	const contact = information?.contact === undefined ? undefined : contactOf(information.contact);
	const contactName = information?.contact ? ` « ${information.contact} »` : '';
	const contactNameEn = information?.contact ? ` “${information.contact}”` : '';
	if (!contact?.email || !email.test(contact.email))
		gaps.push({
			path: `${path}.contact`,
			label: {
				fr: `${name.fr} : adresse électronique du contact${contactName}`,
				en: `${name.en}: e-mail address of the contact${contactNameEn}`,
			},
		});
	if (!contact?.phone || !e164.test(contact.phone))
		gaps.push({
			path: `${path}.contact`,
			label: {
				fr: `${name.fr} : téléphone du contact${contactName} (format international, +33…)`,
				en: `${name.en}: phone number of the contact${contactNameEn} (international format, +33…)`,
			},
		});
	if (!information?.websites?.some((link) => http.test(link.url)))
		gaps.push({
			path: `${path}.websites`,
			label: { fr: `${name.fr} : au moins une page web`, en: `${name.en}: at least one web page` },
		});
	return gaps;
}

/** What the schema requires and the factsheet lacks, in the schema's order. */
export function ewpFactsheetGaps(factsheet: FactsheetData, contactOf: ContactLookup): EwpGap[] {
	const gaps: EwpGap[] = [];
	if (!factsheet.heiId)
		gaps.push({
			path: 'heiId',
			label: {
				fr: 'Identifiant EWP de l’École (hei-id, identifiant SCHAC)',
				en: 'The school’s EWP identifier (hei-id, SCHAC identifier)',
			},
		});
	for (const [deadline, deadlineName] of deadlines)
		for (const [term, termName] of terms)
			if (!factsheet.calendar?.[deadline]?.[term])
				gaps.push({
					path: `calendar.${deadline}.${term}`,
					label: {
						fr: `${deadlineName.fr}, ${termName.fr}`,
						en: `${deadlineName.en}, ${termName.en}`,
					},
				});
	gaps.push(
		...informationGaps(
			factsheet.applicationInfo,
			'applicationInfo',
			requiredInformation[0][1],
			contactOf
		)
	);
	factsheet.additionalRequirements?.forEach((requirement, index) => {
		if (!requirement.details)
			gaps.push({
				path: `additionalRequirements.${index}.details`,
				label: {
					fr: `Pièce demandée « ${requirement.name} » : précisions`,
					en: `Requirement “${requirement.name}”: details`,
				},
			});
	});
	if (factsheet.decisionWeeksLimit === undefined)
		gaps.push({
			path: 'decisionWeeksLimit',
			label: {
				fr: 'Délai de décision sur une candidature (en semaines)',
				en: 'Weeks within which an application is decided',
			},
		});
	if (factsheet.torWeeksLimit === undefined)
		gaps.push({
			path: 'torWeeksLimit',
			label: {
				fr: 'Délai de délivrance du relevé de notes (en semaines)',
				en: 'Weeks within which the Transcript of Records is issued',
			},
		});
	for (const [field, name] of requiredInformation.slice(1))
		gaps.push(...informationGaps(factsheet[field], field, name, contactOf));
	return gaps;
}

/** An `InformationEntry`: e-mail, phone, websites (checked complete by `informationGaps`). */
function informationElement(
	name: string,
	information: Information,
	contactOf: ContactLookup
): XmlElement {
	const contact = contactOf(information.contact!)!;
	return element(name, [
		element('email', contact.email!),
		element('p:phone-number', [element('p:e164', contact.phone!)]),
		...(information.websites ?? [])
			.filter((link) => http.test(link.url))
			.map((link) => element('website-url', link.url)),
	]);
}

const complete = (information: Information, contactOf: ContactLookup) =>
	informationGaps(information, '', { fr: '', en: '' }, contactOf).length === 0;

const monthDay = (value: string | undefined) => `--${value}`;

/** The factsheet as a `factsheet-response` document, or what it lacks to be one. */
export function ewpFactsheetXml(
	factsheet: FactsheetData,
	contactOf: ContactLookup
): EwpFactsheetXml {
	const gaps = ewpFactsheetGaps(factsheet, contactOf);
	const omitted: string[] = [];
	if (gaps.length > 0) return { xml: undefined, gaps, omitted };
	const calendar = factsheet.calendar!;
	const accessibility = (factsheet.accessibility ?? []).flatMap((item, index) => {
		if (!complete(item.information, contactOf)) {
			omitted.push(`accessibility.${index}`);
			return [];
		}
		return [
			element('accessibility', [
				element('type', item.type),
				element('name', item.name.en),
				item.information.description
					? element('description', item.information.description.en)
					: undefined,
				informationElement('information', item.information, contactOf),
			]),
		];
	});
	const additionalInfo = factsheet.additionalInfo.flatMap((item, index) => {
		if (!complete(item.info, contactOf)) {
			omitted.push(`additionalInfo.${index}`);
			return [];
		}
		return [
			element('additional-info', [
				element('type', item.type),
				informationElement('info', item.info, contactOf),
			]),
		];
	});
	const root = element(
		'factsheet-response',
		[
			element('factsheet', [
				element('hei-id', factsheet.heiId!),
				element(
					'calendar',
					deadlines.map(([deadline]) =>
						element(
							deadline === 'studentNominations' ? 'student-nominations' : 'student-applications',
							[
								element('autumn-term', monthDay(calendar[deadline]!.autumnTerm)),
								element('spring-term', monthDay(calendar[deadline]!.springTerm)),
							]
						)
					)
				),
				informationElement('application-info', factsheet.applicationInfo!, contactOf),
				...(factsheet.additionalRequirements ?? []).map((requirement) =>
					element('additional-requirement', [
						element('name', requirement.name),
						element('details', requirement.details!.en),
						requirement.websiteUrl
							? element('information-website', requirement.websiteUrl)
							: undefined,
					])
				),
				element('decision-weeks-limit', factsheet.decisionWeeksLimit!),
				element('tor-weeks-limit', factsheet.torWeeksLimit!),
				...accessibility,
				informationElement('housing-info', factsheet.housingInfo!, contactOf),
				informationElement('visa-info', factsheet.visaInfo!, contactOf),
				informationElement('insurance-info', factsheet.insuranceInfo!, contactOf),
				...additionalInfo,
			]),
		],
		{ xmlns: ewpFactsheetNamespace, 'xmlns:p': ewpPhoneNamespace }
	);
	return { xml: xmlDocument(root), gaps, omitted };
}
