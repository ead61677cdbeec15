import { stringify } from 'csv-stringify/sync';
import { publishable } from '../../schemas/report.ts';
import type { Report } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { neutralizeCell, neutralizedCell } from './cells.ts';

/**
 * The returnee reports as files for reuse: JSON (`/data/reports.json`) and CSV
 * (`/data/reports.csv`). They hold exactly what the partners' pages show: a report without the
 * student's consent to publish is never in them, and the student's name only when they agreed to
 * have it published. The consent itself is not a column: every report published has it.
 */

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Version of the reports file's format. */
export const REPORTS_VERSION = 1;

/** An amount a month, with its currency. */
interface AmountExport {
	amount: number;
	currency: string;
}

/** Free text in the language(s) the student wrote it in. */
interface WrittenExport {
	fr?: string | undefined;
	en?: string | undefined;
}

/** One returnee report as the files publish it. */
export interface ReportExport {
	id: string;
	partner: { id: string; name: string; country: string; page: { fr: string; en: string } };
	academicYear: string;
	term: string;
	programme?: string | undefined;
	housing?: string | undefined;
	rent?: AmountExport | undefined;
	budget?: AmountExport | undefined;
	languages?: string[] | undefined;
	courses: { title: string; recognition?: string | undefined }[];
	recognised?: WrittenExport | undefined;
	advice?: WrittenExport | undefined;
	/** Only when the student agreed to have their name published. */
	name?: string | undefined;
}

/** The reports the site may publish: those the student agreed to have published. */
export function publishedReports(reports: readonly Report[]): Report[] {
	return reports.filter(publishable);
}

/** The record of one returnee report. */
export function reportExport(report: Report, site: URL | undefined): ReportExport {
	const { data } = report;
	const partner = report.partner;
	return {
		id: report.id,
		partner: {
			id: partner.id,
			name: partner.data.name.en,
			country: partner.country.id,
			page: {
				fr: absoluteUrl(site, pageHref('fr', routes.partner(partner.id))),
				en: absoluteUrl(site, pageHref('en', routes.partner(partner.id))),
			},
		},
		academicYear: data.academicYear,
		term: data.term,
		programme: report.programme?.id,
		housing: data.housing,
		rent: data.rent,
		budget: data.budget,
		languages: data.languages,
		courses: report.courses.map((course) => ({
			title: course.title,
			recognition: course.recognition?.id,
		})),
		recognised: data.recognised,
		advice: data.advice,
		// Anonymous unless the student agreed to have their name published.
		name: data.nameConsent ? data.name : undefined,
	};
}

/** The whole file: its version, the day it was built, and the reports, the latest stay first. */
export function reportsDataset(
	reports: readonly Report[],
	site: URL | undefined,
	today: Date = new Date()
) {
	return {
		version: REPORTS_VERSION,
		generated: isoDate(today),
		source: absoluteUrl(site, pageHref('fr', routes.partners())),
		reports: publishedReports(reports).map((report) => reportExport(report, site)),
	};
}

/** Columns of the CSV file, in order. */
export const reportCsvColumns = [
	'id',
	'partner_id',
	'partner_name',
	'country',
	'academic_year',
	'term',
	'programme',
	'housing',
	'rent',
	'rent_currency',
	'budget',
	'budget_currency',
	'languages',
	'courses',
	'recognised_courses',
	'recognised_fr',
	'recognised_en',
	'advice_fr',
	'advice_en',
	'name',
] as const;

/**
 * The returnee reports as CSV for spreadsheets: one row per report, lists separated by
 * semicolons, UTF-8 with a byte-order mark, text that would start a formula neutralised
 * (`./cells.ts`).
 */
export function reportsCsv(reports: readonly Report[], site: URL | undefined): string {
	const rows = publishedReports(reports).map((report) => {
		const record = reportExport(report, site);
		return {
			id: record.id,
			partner_id: record.partner.id,
			partner_name: record.partner.name,
			country: record.partner.country.toUpperCase(),
			academic_year: record.academicYear,
			term: record.term,
			programme: record.programme,
			housing: record.housing,
			rent: record.rent?.amount,
			rent_currency: record.rent?.currency,
			budget: record.budget?.amount,
			budget_currency: record.budget?.currency,
			languages: record.languages?.join(';'),
			courses: record.courses.map((course) => course.title).join(';'),
			recognised_courses: record.courses
				.flatMap((course) => (course.recognition ? [course.recognition] : []))
				.join(';'),
			recognised_fr: record.recognised?.fr,
			recognised_en: record.recognised?.en,
			advice_fr: record.advice?.fr,
			advice_en: record.advice?.en,
			name: record.name,
		};
	});
	return (
		'\uFEFF' +
		stringify(rows, {
			header: true,
			columns: [...reportCsvColumns],
			record_delimiter: '\r\n',
			cast: { string: neutralizeCell },
			quoted_match: neutralizedCell,
		})
	);
}
