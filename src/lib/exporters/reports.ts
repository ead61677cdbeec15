import { publishable } from '../../schemas/report.ts';
import type { Report } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { isoDate } from '../dates.ts';
import { partnerReference, type PartnerReference } from '../views/partner.ts';
import { entrySheet, sheetCsv, sheetRows } from './workbook.ts';

/**
 * The returnee reports as files for reuse: JSON (`/data/reports.json`) and CSV
 * (`/data/reports.csv`). They hold exactly what the partners' pages show: a report without the
 * student's consent to publish is never in them, and the student's name only when they agreed to
 * have it published. The consent itself is not a column: every report published has it.
 */

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
	partner: PartnerReference;
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
	return {
		id: report.id,
		partner: partnerReference(report.partner, site),
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

/**
 * The returnee reports as CSV for spreadsheets: the workbook's `reports` sheet (`./workbook.ts`),
 * with the same columns and the same cell rules, one row per published report, the name left
 * empty unless the student agreed to have it published.
 */
export function reportsCsv(reports: readonly Report[]): string {
	const sheet = entrySheet('reports');
	const published = publishedReports(reports).map(({ id, data }) => ({
		id,
		data: { ...data, name: data.nameConsent ? data.name : undefined },
	}));
	return sheetCsv(
		sheet.columns.map((column) => column.header),
		sheetRows(sheet, published)
	);
}
