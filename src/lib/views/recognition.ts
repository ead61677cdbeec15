import {
	isValid,
	recognitionSchema,
	validUntil,
	type RecognitionData,
} from '../../schemas/recognition.ts';
import { medians, reportSchema, type ReportData } from '../../schemas/report.ts';
import { broadField, iscedFields, type IscedCode } from '../../vocab/isced.ts';
import { languageName } from '../../vocab/languages.ts';
import { eqfCode, eqfLevelNames } from '../../vocab/levels.ts';
import type { Lang } from '../../vocab/locales.ts';
import { housingKindLabels, recognitionBasisLabels, termLabels } from '../../vocab/recognitions.ts';
import { compareText, formatDate, formatList, localize, partnerName } from '../i18n.ts';
import type { RecognitionRecord } from '../recognition-finder.ts';
import type { Partner, Recognition, Report, SiteData } from '../resolve.ts';
import { dataFiles, editorRoutes, fileHref, pageHref, routes, withBase } from '../routes.ts';
import { labelAt } from '../schema-tree.ts';
import { partnerFieldLabel } from './partner.ts';
import type { Link, TocHeading, Translate } from './values.ts';

/**
 * Views of the recognised courses (« cours déjà reconnus ») and of the returnee reports
 * (« retours d’expérience »): the table of `/reconnaissances/`, and the two sections of a
 * partner's page. Whether a decision still holds is computed on the day of the build.
 */

/** A text in a language, marked when it is not the page's. */
export interface Foreign {
	text: string;
	lang?: string | undefined;
}

/** One recognised course, as a row of a table. */
export interface RecognitionRow {
	id: string;
	partner: Link;
	country: string;
	/** The course's code at the partner. */
	code?: string | undefined;
	/** Its title in its own language. */
	title: Foreign;
	/** Its title in the page's language (or English), when the partner gives one. */
	translatedTitle?: Foreign | undefined;
	/** Subject area, credits, language, level and term, as short texts. */
	details: string[];
	/** What it counted for at the school. */
	recognisedAs: string;
	/** Date, basis and validity of the decision. */
	decision: string;
	validUntil: string;
	valid: boolean;
	/** What the browser filters on. */
	record: RecognitionRecord;
}

/** A recognition field's label, from the recognition schema. */
const recognitionLabel = (key: keyof RecognitionData, lang: Lang) =>
	labelAt(recognitionSchema, [key])[lang];

/** A report field's label, from the report schema. */
const reportLabel = (key: keyof ReportData, lang: Lang) => labelAt(reportSchema, [key])[lang];

/** The names of the columns of a table of recognised courses: their fields' labels. */
export interface RecognitionColumns {
	partner: string;
	course: string;
	recognisedAs: string;
	decision: string;
}

/** The columns of a table of recognised courses in one language. */
export const recognitionColumns = (lang: Lang): RecognitionColumns => ({
	partner: recognitionLabel('partner', lang),
	course: recognitionLabel('course', lang),
	recognisedAs: recognitionLabel('recognisedAs', lang),
	decision: recognitionLabel('decision', lang),
});

const foreign = (text: string, textLang: string, lang: Lang): Foreign => ({
	text,
	lang: textLang === lang ? undefined : textLang,
});

/** A number as readers of a language write it (`7,5` in French). */
const number = (value: number, lang: Lang) =>
	new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(
		value
	);

/** One recognised course as a row, on the day `today`. */
export function recognitionRow(
	recognition: Recognition,
	lang: Lang,
	t: Translate,
	today: Date = new Date()
): RecognitionRow {
	const { course, recognisedAs, decision } = recognition.data;
	const partner = recognition.partner;
	const translated =
		lang === 'fr'
			? course.titleFr
				? foreign(course.titleFr, 'fr', lang)
				: course.titleEn && foreign(course.titleEn, 'en', lang)
			: course.titleEn
				? foreign(course.titleEn, 'en', lang)
				: course.titleFr && foreign(course.titleFr, 'fr', lang);
	const details = [
		course.subjectArea &&
			`${course.subjectArea} — ${iscedFields[course.subjectArea as IscedCode][lang]}`,
		course.credits &&
			t('recognitions.credits', {
				value: number(course.credits.value, lang),
				unit: course.credits.unit,
			}),
		course.language &&
			t('recognitions.taughtIn', { language: languageName(course.language, lang) }),
		course.eqfLevel &&
			`${eqfLevelNames[course.eqfLevel][lang]} (${eqfCode(course.eqfLevel, lang)})`,
		course.term && termLabels[course.term][lang],
	].filter((detail): detail is string => typeof detail === 'string' && detail !== '');
	const counted = [
		recognisedAs.course ? localize(recognisedAs.course, lang) : undefined,
		t('recognitions.ects', { value: number(recognisedAs.ects, lang) }),
		recognisedAs.year ? t('recognitions.year', { year: recognisedAs.year }) : undefined,
		recognisedAs.option
			? t('recognitions.option', { option: localize(recognisedAs.option, lang) })
			: undefined,
	].filter((part): part is string => part !== undefined);
	const valid = isValid(decision, today);
	const end = formatDate(validUntil(decision), lang);
	return {
		id: recognition.id,
		partner: {
			href: pageHref(lang, routes.partner(partner.id)),
			text: partnerName(partner.data.name, lang),
		},
		country: localize(partner.country.data.name, lang),
		code: course.code,
		title: foreign(course.title, course.titleLang, lang),
		translatedTitle: translated && translated.text !== course.title ? translated : undefined,
		details,
		recognisedAs: counted.join(' · '),
		decision: t('recognitions.decided', {
			date: formatDate(decision.date, lang),
			basis: recognitionBasisLabels[decision.basis][lang],
		}),
		validUntil: valid
			? t('recognitions.validUntil', { date: end })
			: t('recognitions.expiredOn', { date: end }),
		valid,
		record: {
			partner: partner.id,
			country: partner.country.id,
			subject: course.subjectArea ? broadField(course.subjectArea) : '',
			valid,
		},
	};
}

/** An option of a filter. */
export interface RecognitionFilterOption {
	value: string;
	label: string;
}

/** The page `/reconnaissances/`: its rows, its filters, and how the office adds entries. */
export interface RecognitionsPageView {
	title: string;
	description: string;
	intro: string;
	rows: RecognitionRow[];
	columns: RecognitionColumns;
	filters: {
		key: 'partner' | 'country' | 'subject';
		label: string;
		options: RecognitionFilterOption[];
	}[];
	/** Shown when no course is published yet: what the page is for, and how the office adds some. */
	empty?: { text: string; howTo: string; links: Link[] } | undefined;
	exports: Link[];
}

/** How the office adds entries: the web editor or the workbook (for the empty states). */
function howToAdd(t: Translate): Link[] {
	return [
		{ href: withBase(editorRoutes.home()), text: t('recognitions.editorLink') },
		{ href: fileHref(dataFiles.partnersXlsx()), text: t('recognitions.workbookLink') },
	];
}

/** The recognised courses' page, on the day `today`. */
export function recognitionsPage(
	site: SiteData,
	lang: Lang,
	t: Translate,
	today: Date = new Date()
): RecognitionsPageView {
	const rows = site.recognitions.map((recognition) => recognitionRow(recognition, lang, t, today));
	const columns = recognitionColumns(lang);
	const byText = compareText(lang);
	const options = (pairs: Map<string, string>) =>
		[...pairs].map(([value, label]) => ({ value, label })).sort((a, b) => byText(a.label, b.label));
	const partners = new Map(rows.map((row) => [row.record.partner, row.partner.text]));
	const countries = new Map(rows.map((row) => [row.record.country, row.country]));
	const subjects = new Map(
		rows
			.filter((row) => row.record.subject)
			.map((row) => [row.record.subject, iscedFields[row.record.subject as IscedCode][lang]])
	);
	return {
		title: t('recognitions.title'),
		description: t('recognitions.description'),
		intro: t('recognitions.intro'),
		rows,
		columns,
		filters: [
			{ key: 'partner' as const, label: columns.partner, options: options(partners) },
			{
				key: 'country' as const,
				label: partnerFieldLabel('country', lang),
				options: options(countries),
			},
			{
				key: 'subject' as const,
				label: t('recognitions.subject'),
				options: [...subjects]
					.sort(([a], [b]) => a.localeCompare(b))
					.map(([value, label]) => ({ value, label })),
			},
		].filter((filter) => filter.options.length > 0),
		empty:
			rows.length === 0
				? {
						text: t('recognitions.empty'),
						howTo: t('recognitions.howTo'),
						links: howToAdd(t),
					}
				: undefined,
		exports: [
			{ href: fileHref(dataFiles.recognitionsJson()), text: t('recognitions.json') },
			{ href: fileHref(dataFiles.recognitionsCsv()), text: t('recognitions.csv') },
		],
	};
}

/** One returnee report, as the partner's page shows it. */
export interface ReportView {
	id: string;
	/** `2025/2026 — Semestre d’automne`. */
	period: string;
	/** The student's name, only with their consent. */
	name?: string | undefined;
	facts: { label: string; value: string }[];
	/** Courses followed, linked to the recognitions page when one is recognised. */
	courses: { title: string; href?: string | undefined }[];
	/** What was recognised and the advice, each in the language it was written in. */
	texts: { label: string; parts: Foreign[] }[];
}

/** What a partner's page shows of its recognised courses and its returnee reports. */
export interface PartnerExperienceView {
	sections: { recognitions: TocHeading; reports: TocHeading };
	recognitions: {
		columns: RecognitionColumns;
		valid: RecognitionRow[];
		expired: RecognitionRow[];
		empty?: string | undefined;
		all: Link;
	};
	reports: {
		items: ReportView[];
		/** The heading of each report's courses. */
		coursesHeading: string;
		/** Medians per currency, once there are enough reports; their explanation. */
		medians: { label: string; value: string }[];
		mediansNote?: string | undefined;
		empty?: string | undefined;
	};
}

/** An amount with its currency, as readers of a language write it (`450 €`, `€450`). */
export function formatAmount(amount: number, currency: string, lang: Lang): string {
	return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
		style: 'currency',
		currency,
		maximumFractionDigits: 0,
	}).format(amount);
}

const written = (
	text: { fr?: string | undefined; en?: string | undefined } | undefined,
	lang: Lang
): Foreign[] => {
	if (!text) return [];
	const own = text[lang];
	const other = lang === 'fr' ? 'en' : 'fr';
	// The reader's language first; the other only when the student wrote nothing in it.
	if (own) return [{ text: own }];
	return text[other] ? [{ text: text[other]!, lang: other }] : [];
};

/** One report as the partner's page shows it. */
export function reportView(report: Report, lang: Lang, t: Translate): ReportView {
	const { data } = report;
	const facts = [
		report.programme && {
			label: reportLabel('programme', lang),
			value: localize(report.programme.data.name, lang),
		},
		data.housing && {
			label: reportLabel('housing', lang),
			value: [
				housingKindLabels[data.housing][lang],
				data.rent &&
					t('reports.perMonth', {
						amount: formatAmount(data.rent.amount, data.rent.currency, lang),
					}),
			]
				.filter(Boolean)
				.join(', '),
		},
		!data.housing &&
			data.rent && {
				label: t('reports.rent'),
				value: t('reports.perMonth', {
					amount: formatAmount(data.rent.amount, data.rent.currency, lang),
				}),
			},
		data.budget && {
			label: reportLabel('budget', lang),
			value: t('reports.perMonth', {
				amount: formatAmount(data.budget.amount, data.budget.currency, lang),
			}),
		},
		data.languages &&
			data.languages.length > 0 && {
				label: reportLabel('languages', lang),
				value: formatList(
					data.languages.map((code) => languageName(code, lang)),
					lang
				),
			},
	].filter((fact): fact is { label: string; value: string } => !!fact);
	return {
		id: report.id,
		period: `${data.academicYear} — ${termLabels[data.term][lang]}`,
		// Anonymous unless the student agreed to have their name published.
		name: data.nameConsent ? data.name : undefined,
		facts,
		courses: report.courses.map((course) => ({
			title: course.title,
			href: course.recognition
				? `${pageHref(lang, routes.recognitions())}?partner=${course.recognition.partner.id}`
				: undefined,
		})),
		texts: [
			{ label: reportLabel('recognised', lang), parts: written(data.recognised, lang) },
			{ label: reportLabel('advice', lang), parts: written(data.advice, lang) },
		].filter((text) => text.parts.length > 0),
	};
}

/** The two sections of a partner's page: its recognised courses and its returnee reports. */
export function partnerExperience(
	site: Pick<SiteData, 'recognitions' | 'reports'>,
	partner: Partner,
	lang: Lang,
	t: Translate,
	today: Date = new Date()
): PartnerExperienceView {
	const rows = site.recognitions
		.filter((recognition) => recognition.partner.id === partner.id)
		.map((recognition) => recognitionRow(recognition, lang, t, today));
	const reports = site.reports.filter((report) => report.partner.id === partner.id);
	const rentMedians = medians(reports.map((report) => report.data.rent));
	const budgetMedians = medians(reports.map((report) => report.data.budget));
	const medianFacts = [
		...rentMedians.map((median) => ({
			label: t('reports.medianRent'),
			value: t('reports.medianValue', {
				amount: formatAmount(median.amount, median.currency, lang),
				count: median.count,
			}),
		})),
		...budgetMedians.map((median) => ({
			label: t('reports.medianBudget'),
			value: t('reports.medianValue', {
				amount: formatAmount(median.amount, median.currency, lang),
				count: median.count,
			}),
		})),
	];
	return {
		sections: {
			recognitions: { depth: 2, slug: 'cours-reconnus', text: t('recognitions.partnerTitle') },
			reports: { depth: 2, slug: 'retours', text: t('reports.title') },
		},
		recognitions: {
			columns: recognitionColumns(lang),
			valid: rows.filter((row) => row.valid),
			expired: rows.filter((row) => !row.valid),
			empty: rows.length === 0 ? t('recognitions.partnerEmpty') : undefined,
			all: {
				href: `${pageHref(lang, routes.recognitions())}${rows.length > 0 ? `?partner=${partner.id}` : ''}`,
				text: t('recognitions.allLink'),
			},
		},
		reports: {
			items: reports.map((report) => reportView(report, lang, t)),
			coursesHeading: reportLabel('courses', lang),
			medians: medianFacts,
			mediansNote: medianFacts.length > 0 ? t('reports.mediansNote') : undefined,
			empty: reports.length === 0 ? t('reports.empty') : undefined,
		},
	};
}
