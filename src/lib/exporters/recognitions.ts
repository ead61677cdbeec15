import { stringify } from 'csv-stringify/sync';
import { isValid, validUntil } from '../../schemas/recognition.ts';
import type { Recognition } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { neutralizeCell, neutralizedCell } from './cells.ts';
import { isoDate } from '../dates.ts';

/**
 * The recognised courses as files for reuse: JSON (`/data/recognitions.json`) and CSV
 * (`/data/recognitions.csv`). Each course carries the computed end of its decision and whether
 * it still held on the day of the build.
 */

/** Version of the recognitions file's format. */
export const RECOGNITIONS_VERSION = 1;

/** One recognised course as the files publish it. */
export interface RecognitionExport {
	id: string;
	partner: { id: string; name: string; country: string; page: { fr: string; en: string } };
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
	const partner = recognition.partner;
	return {
		id: recognition.id,
		partner: {
			id: partner.id,
			name: partner.data.name.en,
			country: partner.country.id,
			page: {
				fr: absoluteUrl(site, pageHref('fr', routes.partner(partner.id))),
				en: absoluteUrl(site, pageHref('en', routes.partner(partner.id))),
			},
		},
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

/** Columns of the CSV file, in order. */
export const recognitionCsvColumns = [
	'id',
	'partner_id',
	'partner_name',
	'country',
	'course_code',
	'course_title',
	'course_title_lang',
	'course_title_en',
	'course_title_fr',
	'isced_f_code',
	'credits',
	'credits_unit',
	'language',
	'eqf_level',
	'term',
	'recognised_course_fr',
	'recognised_course_en',
	'recognised_ects',
	'recognised_year',
	'recognised_option_fr',
	'recognised_option_en',
	'decision_date',
	'valid_until',
	'valid',
	'basis',
] as const;

/**
 * The recognised courses as CSV for spreadsheets: one row per course, UTF-8 with a byte-order
 * mark, text that would start a formula neutralised (`./cells.ts`).
 */
export function recognitionsCsv(
	recognitions: readonly Recognition[],
	site: URL | undefined,
	today: Date = new Date()
): string {
	const rows = recognitions.map((recognition) => {
		const record = recognitionExport(recognition, site, today);
		return {
			id: record.id,
			partner_id: record.partner.id,
			partner_name: record.partner.name,
			country: record.partner.country.toUpperCase(),
			course_code: record.course.code,
			course_title: record.course.title,
			course_title_lang: record.course.titleLang,
			course_title_en: record.course.titleEn,
			course_title_fr: record.course.titleFr,
			isced_f_code: record.course.iscedFCode,
			credits: record.course.credits?.value,
			credits_unit: record.course.credits?.unit,
			language: record.course.language,
			eqf_level: record.course.eqfLevel,
			term: record.course.term,
			recognised_course_fr: record.recognisedAs.course?.fr,
			recognised_course_en: record.recognisedAs.course?.en,
			recognised_ects: record.recognisedAs.ects,
			recognised_year: record.recognisedAs.year,
			recognised_option_fr: record.recognisedAs.option?.fr,
			recognised_option_en: record.recognisedAs.option?.en,
			decision_date: record.decision.date,
			valid_until: record.decision.validUntil,
			valid: record.decision.valid ? 'yes' : 'no',
			basis: record.decision.basis,
		};
	});
	return (
		'\uFEFF' +
		stringify(rows, {
			header: true,
			columns: [...recognitionCsvColumns],
			record_delimiter: '\r\n',
			cast: { string: neutralizeCell },
			quoted_match: neutralizedCell,
		})
	);
}
