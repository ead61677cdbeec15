import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { stringify } from 'csv-stringify/sync';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { z } from 'astro/zod';
import { descriptions } from '../../schemas/common.ts';
import { DATASET_VERSION, datasetSchema, type Dataset } from '../../schemas/partner-export.ts';
import type { Partner } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { deadlineEvents, partnerExport } from '../views/partner.ts';
import { neutralizeCell, neutralizedCell } from './cells.ts';

/**
 * The partner data as files for reuse: JSON (whole dataset and one file per partner), CSV (one
 * row per agreement) and iCalendar (nomination and application deadlines). Each serialises the
 * records of the partner view (`src/lib/views/partner.ts`), derived from the same resolved
 * partners as the pages.
 */

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The whole dataset. */
export function partnersDataset(partners: Partner[], site: URL | undefined): Dataset {
	const latest = partners.reduce(
		(max, partner) => Math.max(max, partner.data.consulted.getTime()),
		0
	);
	return {
		version: DATASET_VERSION,
		consulted: isoDate(new Date(latest)),
		source: absoluteUrl(site, pageHref('fr', routes.home())),
		partners: partners.map((partner) => partnerExport(partner, site)),
	};
}

/**
 * The JSON Schema of the dataset (`/data/partners.schema.json`), generated from the zod schema:
 * each field described by its `field()`.
 */
export function datasetJsonSchema(id: string): Record<string, unknown> {
	return {
		$id: id,
		...z.toJSONSchema(datasetSchema, {
			target: 'draft-2020-12',
			unrepresentable: 'any',
			// Each field's English description, from its `field()`.
			metadata: descriptions,
		}),
	};
}

/** Columns of the CSV file, in order. */
export const csvColumns = [
	'partner_id',
	'name_en',
	'name_native',
	'abbreviation',
	'country',
	'city',
	'status',
	'website_url',
	'erasmus_code',
	'agreement_kind',
	'programme',
	'isced_f_codes',
	'eqf_levels',
	'mobilities_per_year',
	'months_per_mobility',
	'instruction_languages',
	'language_requirements',
	'first_academic_year',
	'last_academic_year',
	'nomination_autumn',
	'nomination_spring',
	'application_autumn',
	'application_spring',
	'sources_consulted',
	'confirmed',
	'page_fr',
	'page_en',
] as const;

/** A column of the CSV file. */
export type CsvColumn = (typeof csvColumns)[number];

/**
 * Where the value of each CSV column lives in a partner's data file, for the spreadsheet import
 * (`npm run import:partners -- partners.csv`): a field of the partner, or of one of its
 * agreements (`list: 'agreements'`). `parts` names the only parts of a list of records the column
 * gives (the ISCED-F codes without their clarification, kept from the file); `lowerCase` undoes
 * the upper case of country codes. Undefined for the columns derived from others (the pages'
 * addresses), which the import leaves aside.
 */
export const csvColumnFields: Record<
	CsvColumn,
	| { path: string; list?: 'agreements' | undefined; parts?: string[]; lowerCase?: boolean }
	| undefined
> = {
	partner_id: { path: 'id' },
	name_en: { path: 'name.en' },
	name_native: { path: 'name.native' },
	abbreviation: { path: 'abbreviation' },
	country: { path: 'country', lowerCase: true },
	city: { path: 'city' },
	status: { path: 'status' },
	website_url: { path: 'websiteUrl' },
	erasmus_code: { path: 'erasmusCode' },
	agreement_kind: { list: 'agreements', path: 'kind' },
	programme: { list: 'agreements', path: 'programme' },
	isced_f_codes: { list: 'agreements', path: 'subjectAreas', parts: ['iscedFCode'] },
	eqf_levels: { list: 'agreements', path: 'eqfLevels' },
	mobilities_per_year: { list: 'agreements', path: 'mobilitiesPerYear' },
	months_per_mobility: { list: 'agreements', path: 'monthsPerMobility' },
	instruction_languages: { list: 'agreements', path: 'instructionLanguages' },
	language_requirements: { list: 'agreements', path: 'languages' },
	first_academic_year: { list: 'agreements', path: 'firstAcademicYear' },
	last_academic_year: { list: 'agreements', path: 'lastAcademicYear' },
	nomination_autumn: { path: 'calendar.studentNominations.autumnTerm' },
	nomination_spring: { path: 'calendar.studentNominations.springTerm' },
	application_autumn: { path: 'calendar.studentApplications.autumnTerm' },
	application_spring: { path: 'calendar.studentApplications.springTerm' },
	sources_consulted: { path: 'consulted' },
	confirmed: { path: 'confirmed' },
	page_fr: undefined,
	page_en: undefined,
};

/**
 * The partners as CSV for spreadsheets: one row per agreement (a partner without any agreement
 * still gets one row), lists joined with `;`, UTF-8 with a byte-order mark so that Excel reads
 * accents correctly. A text that would start a formula (`=`, `+`, `-`, `@`, tab, carriage return)
 * gets a leading `'` and double quotes (`./cells.ts`); `npm run import:partners` reads this file
 * back.
 */
export function partnersCsv(partners: Partner[], site: URL | undefined): string {
	const rows = partners.flatMap((partner) => {
		const record = partnerExport(partner, site);
		const base = {
			partner_id: record.id,
			name_en: record.name.en,
			name_native: record.name.native,
			abbreviation: record.abbreviation,
			country: record.country.toUpperCase(),
			city: record.city,
			status: record.status,
			website_url: record.websiteUrl,
			erasmus_code: record.erasmusCode,
			nomination_autumn: record.calendar?.studentNominations?.autumnTerm,
			nomination_spring: record.calendar?.studentNominations?.springTerm,
			application_autumn: record.calendar?.studentApplications?.autumnTerm,
			application_spring: record.calendar?.studentApplications?.springTerm,
			sources_consulted: record.consulted,
			confirmed: record.confirmed,
			page_fr: record.pages.fr,
			page_en: record.pages.en,
		};
		const agreements = record.agreements.length > 0 ? record.agreements : [undefined];
		return agreements.map((agreement) => ({
			...base,
			agreement_kind: agreement?.kind,
			programme: agreement?.programme,
			isced_f_codes: agreement?.subjectAreas?.map((area) => area.iscedFCode).join(';'),
			eqf_levels: agreement?.eqfLevels?.join(';'),
			mobilities_per_year: agreement?.mobilitiesPerYear,
			months_per_mobility: agreement?.monthsPerMobility,
			instruction_languages: agreement?.instructionLanguages?.join(';'),
			language_requirements: agreement?.languages
				?.map(({ language, cefr }) => `${language}:${cefr}`)
				.join(';'),
			first_academic_year: agreement?.firstAcademicYear,
			last_academic_year: agreement?.lastAcademicYear,
		}));
	});
	return (
		'\uFEFF' +
		stringify(rows, {
			header: true,
			columns: [...csvColumns],
			record_delimiter: '\r\n',
			cast: { string: neutralizeCell },
			quoted_match: neutralizedCell,
		})
	);
}

/**
 * Nomination and application deadlines as an iCalendar feed (RFC 5545): one all-day event per
 * deadline, repeating every year, with a stable UID so that subscribed calendars update in place.
 * A feed with no deadline still holds a VTIMEZONE, since RFC 5545 requires one component.
 * @see https://sebbo2002.github.io/ical-generator/
 */
export function deadlinesCalendar(
	partners: Partner[],
	{ name, site }: { name: string; site: URL | undefined }
): string {
	const calendar = ical({
		name,
		prodId: { company: 'IMT Mines Ales', product: 'international-site', language: 'EN' },
		method: ICalCalendarMethod.PUBLISH,
	});
	for (const partner of partners) {
		for (const event of deadlineEvents(partner, site)) {
			calendar.createEvent({
				id: event.uid,
				start: event.start,
				allDay: true,
				repeating: { freq: ICalEventRepeatingFreq.YEARLY },
				stamp: event.stamp,
				summary: event.summary,
				url: event.url,
			});
		}
	}
	if (calendar.events().length === 0)
		calendar.timezone({ name: 'Europe/Paris', generator: getVtimezoneComponent });
	return calendar.toString();
}
