import { isValid, validUntil } from '../../schemas/recognition.ts';
import type { Recognition } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { partnerReference, type PartnerReference } from '../views/partner.ts';
import { entrySheet, sheetCsv, sheetRows } from './workbook.ts';
import { isoDate } from '../dates.ts';

/**
 * The recognised courses as files for reuse: JSON (`/data/recognitions.json`) and CSV
 * (`/data/recognitions.csv`, the workbook's sheet). Each course carries the computed end of its decision and whether
 * it still held on the day of the build.
 */

/** Version of the recognitions file's format. */
export const RECOGNITIONS_VERSION = 1;

/** One recognised course as the files publish it. */
export interface RecognitionExport {
	id: string;
	partner: PartnerReference;
	course: {
		code?: string | undefined;
		title: string;
		titleLang: string;
		titleEn?: string | undefined;
		titleFr?: string | undefined;
		iscedFCode?: string | undefined;
		credits?: { value: number; unit: string } | undefined;
		language?: string | undefined;
		eqfLevel?: number | undefined;
		term?: string | undefined;
	};
	recognisedAs: {
		course?: { fr: string; en: string } | undefined;
		ects: number;
		year?: number | undefined;
		option?: { fr: string; en: string } | undefined;
	};
	decision: {
		date: string;
		validUntil: string;
		valid: boolean;
		basis: string;
		note?: { fr: string; en: string } | undefined;
	};
}

/** The record of one recognised course, on the day `today`. */
export function recognitionExport(
	recognition: Recognition,
	site: URL | undefined,
	today: Date = new Date()
): RecognitionExport {
	const { course, recognisedAs, decision } = recognition.data;
	return {
		id: recognition.id,
		partner: partnerReference(recognition.partner, site),
		course: {
			code: course.code,
			title: course.title,
			titleLang: course.titleLang,
			titleEn: course.titleEn,
			titleFr: course.titleFr,
			iscedFCode: course.subjectArea,
			credits: course.credits,
			language: course.language,
			eqfLevel: course.eqfLevel,
			term: course.term,
		},
		recognisedAs: {
			course: recognisedAs.course,
			ects: recognisedAs.ects,
			year: recognisedAs.year,
			option: recognisedAs.option,
		},
		decision: {
			date: isoDate(decision.date),
			validUntil: isoDate(validUntil(decision)),
			valid: isValid(decision, today),
			basis: decision.basis,
			note: decision.note,
		},
	};
}

/** The whole file: its version, the day it was built, and the courses. */
export function recognitionsDataset(
	recognitions: readonly Recognition[],
	site: URL | undefined,
	today: Date = new Date()
) {
	return {
		version: RECOGNITIONS_VERSION,
		generated: isoDate(today),
		source: absoluteUrl(site, pageHref('fr', routes.recognitions())),
		recognitions: recognitions.map((recognition) => recognitionExport(recognition, site, today)),
	};
}

/**
 * The recognised courses as CSV for spreadsheets: the workbook's `recognitions` sheet
 * (`./workbook.ts`), with the same columns and the same cell rules, one row per course, then the
 * two facts the build computes: the end of the decision (`validUntil`: the one stated, or five
 * years) and whether it still holds on `today` (`valid`).
 */
export function recognitionsCsv(
	recognitions: readonly Recognition[],
	today: Date = new Date()
): string {
	const sheet = entrySheet('recognitions');
	const rows = sheetRows(sheet, recognitions);
	return sheetCsv(
		[...sheet.columns.map((column) => column.header), 'validUntil', 'valid'],
		recognitions.map(({ data: { decision } }, index) => [
			...rows[index]!,
			isoDate(validUntil(decision)),
			isValid(decision, today),
		])
	);
}
