import type { z } from 'astro/zod';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { recognitions as recognitionCollection } from '../../src/lib/collections';
import { recognitionsCsv, recognitionsDataset } from '../../src/lib/exporters/recognitions';
import {
	matchesRecognition,
	noFilter,
	parseRecognitionQuery,
	recognitionQuery,
} from '../../src/lib/recognition-finder';
import { reportsCsv, reportsDataset } from '../../src/lib/exporters/reports';
import { entrySheet } from '../../src/lib/exporters/workbook';
import { resolveSiteData } from '../../src/lib/resolve';
import { openDataPage } from '../../src/lib/views/open-data';
import {
	partnerExperience,
	recognitionRow,
	recognitionsPage,
	reportView,
} from '../../src/lib/views/recognition';
import { readContent } from '../../src/loaders/read-content';
import { validateData } from '../../src/lib/validate';
import { parseYaml } from '../../src/lib/yaml';
import { inLanguage } from '../../src/schemas/messages';
import { isValid, recognitionSchema, validUntil } from '../../src/schemas/recognition';
import { latestFirst, median, medians, reportSchema } from '../../src/schemas/report';
import { root } from '../fixtures/content';
import { recognitionFiles, reportFiles } from '../fixtures/recognitions';
import { translate } from '../fixtures/translate';
import { fileURLToPath } from 'node:url';

/** Courses already recognised and returnee reports: schemas, views, filters and exports. */

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const today = day('2026-12-06');

const yamlData = (text: string) => parseYaml(text, 'fixture.yaml').data as Record<string, unknown>;
const validate = (schema: typeof recognitionSchema | typeof reportSchema, data: unknown) =>
	inLanguage('en', () => validateData(schema as z.ZodType<unknown>, data, 'fixture.yaml'));

/** The real content with the fixtures' recognitions and reports, resolved. */
function fixtureSite() {
	const { raw, problems } = readContent(fileURLToPath(root), {
		override: {
			recognitions: new Map(Object.entries(recognitionFiles)),
			reports: new Map(Object.entries(reportFiles)),
		},
	});
	expect(problems).toEqual([]);
	return resolveSiteData(raw);
}
const site = fixtureSite();

describe('recognition schema', () => {
	const valid = yamlData(recognitionFiles['kagawa-fixture-thermo']);

	test('a full recognition parses; its ISCED-F code and dates are typed', () => {
		const result = validate(recognitionSchema, valid);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const data = result.data as ReturnType<typeof recognitionSchema.parse>;
		expect(data.decision.date).toEqual(day('2024-09-01'));
		expect(data.course.credits).toEqual({ value: 2, unit: 'Japanese credits' });
	});

	test('credits are ECTS unless a unit is given', () => {
		const data = recognitionSchema.parse(yamlData(recognitionFiles['ifsul-fixture-materials']));
		expect(data.course.credits).toEqual({ value: 6, unit: 'ECTS' });
	});

	test('a decision holds five years unless it says otherwise', () => {
		expect(validUntil({ date: day('2024-09-01') })).toEqual(day('2029-08-31'));
		expect(validUntil({ date: day('2024-09-01'), validUntil: day('2026-01-31') })).toEqual(
			day('2026-01-31')
		);
	});

	test('expires the day after its last valid day', () => {
		const decision = { date: day('2021-12-07') };
		expect(isValid(decision, day('2026-12-06'))).toBe(true);
		expect(isValid(decision, day('2026-12-07'))).toBe(false);
	});

	test('refuses an end before the decision, and a year of study out of range', () => {
		const result = validate(recognitionSchema, {
			...valid,
			decision: { date: '2024-09-01', validUntil: '2024-01-01', basis: 'jury' },
			recognisedAs: { ects: 5, year: 4 },
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((problem) => [problem.field, problem.message])).toEqual([
			['recognisedAs.year', 'expected a year from 1 to 3'],
			[
				'decision.validUntil',
				'expected a day not before the decision (2024-09-01), got 2024-01-01',
			],
		]);
	});

	test('refuses an unknown basis and an ISCED-F code YAML read as a number', () => {
		const result = validate(recognitionSchema, {
			...valid,
			course: { ...(valid['course'] as object), subjectArea: 713 },
			decision: { date: '2024-09-01', basis: 'committee' },
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((problem) => problem.field)).toEqual([
			'course.subjectArea',
			'decision.basis',
		]);
	});
});

describe('report schema', () => {
	const valid = yamlData(reportFiles['kagawa-fixture-2023-spring']);

	test('a report parses and is anonymous by default', () => {
		const data = reportSchema.parse(valid);
		expect(data.nameConsent).toBe(false);
		expect(data.name).toBeUndefined();
	});

	test('consent to publish is required, and must be true', () => {
		const { consent: _, ...without } = valid;
		for (const data of [without, { ...valid, consent: false }]) {
			const result = validate(reportSchema, data);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.problems[0]!.field).toBe('consent');
		}
		const refused = validate(reportSchema, { ...valid, consent: false });
		if (!refused.ok)
			expect(refused.problems[0]!.message).toMatch(
				/published only with the student’s written consent/
			);
	});

	test('a name is kept only with the consent to publish it', () => {
		const result = validate(reportSchema, { ...valid, name: 'Someone' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((problem) => problem.field)).toEqual(['name']);
		expect(validate(reportSchema, { ...valid, name: 'Someone', nameConsent: true }).ok).toBe(true);
	});

	test('advice is in French, in English or both, never empty', () => {
		const result = validate(reportSchema, { ...valid, advice: {} });
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems[0]!.message).toBe(
				'expected advice in French (fr) or in English (en), got neither'
			);
	});

	test('amounts carry an ISO 4217 currency', () => {
		const result = validate(reportSchema, { ...valid, rent: { amount: 300, currency: 'euros' } });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]!.field).toBe('rent.currency');
	});
});

describe('medians', () => {
	test('the median of an odd and an even count', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeUndefined();
	});

	test('per currency, only from three amounts', () => {
		const eur = (amount: number) => ({ amount, currency: 'EUR' });
		const sek = (amount: number) => ({ amount, currency: 'SEK' });
		expect(medians([eur(300), eur(500), sek(4000), undefined])).toEqual([]);
		expect(medians([eur(300), eur(500), eur(400), sek(4000), sek(5000)])).toEqual([
			{ currency: 'EUR', amount: 400, count: 3 },
		]);
	});

	test('reports come latest first', () => {
		expect(site.reports.map((report) => report.id)).toEqual([
			'kagawa-fixture-2024-autumn',
			'kagawa-fixture-2023-autumn',
			'kagawa-fixture-2023-spring',
		]);
		expect(latestFirst([])).toEqual([]);
	});
});

describe('views', () => {
	const kagawa = site.partnerById.get('kagawa')!;

	test('a row says what the course counted for, and whether its decision holds', () => {
		const rows = site.recognitions.map((recognition) =>
			recognitionRow(recognition, 'fr', translate('fr'), today)
		);
		const thermo = rows.find((row) => row.id === 'kagawa-fixture-thermo')!;
		expect(thermo.title).toEqual({ text: '熱力学フィクスチャ', lang: 'ja' });
		expect(thermo.translatedTitle).toEqual({ text: 'Fixture Thermodynamics', lang: 'en' });
		expect(thermo.recognisedAs).toBe('Thermodynamique (cours fictif) · 5 ECTS · 2e année');
		expect(thermo.validUntil).toBe('Valable jusqu’au 31 août 2029');
		expect(thermo.record).toEqual({ partner: 'kagawa', country: 'jp', subject: '07', valid: true });
		const old = rows.find((row) => row.id === 'kagawa-fixture-old')!;
		expect(old.valid).toBe(false);
		expect(old.validUntil).toBe('Expirée depuis le 14 janvier 2020');
	});

	test('a partner’s page lists valid and expired courses apart, and reports with medians', () => {
		const view = partnerExperience(site, kagawa, 'en', translate('en'), today);
		expect(view.recognitions.valid.map((row) => row.id)).toEqual(['kagawa-fixture-thermo']);
		expect(view.recognitions.expired.map((row) => row.id)).toEqual(['kagawa-fixture-old']);
		expect(view.reports.items.map((report) => report.period)).toEqual([
			'2024/2025 — Autumn term',
			'2023/2024 — Autumn term',
			'2022/2023 — Spring term',
		]);
		expect(view.reports.medians).toEqual([
			{ label: 'Median rent', value: 'JP¥35,000 a month (3 reports)' },
			{ label: 'Median monthly budget', value: 'JP¥100,000 a month (3 reports)' },
		]);
		expect(view.reports.empty).toBeUndefined();
	});

	test('a report shows a name only with consent, and advice in the language it was written in', () => {
		const [named, , anonymous] = site.reports;
		expect(reportView(named!, 'fr', translate('fr')).name).toBe('Camille Fixture');
		const view = reportView(anonymous!, 'fr', translate('fr'));
		expect(view.name).toBeUndefined();
		expect(view.texts).toEqual([
			{
				label: 'Conseils',
				parts: [{ text: 'Fixture advice written in English only.', lang: 'en' }],
			},
		]);
		expect(reportView(named!, 'fr', translate('fr')).courses[0]!.href).toBe(
			'/reconnaissances/?partner=kagawa'
		);
	});

	test('without entries, pages say so and how the office adds them, in both languages', () => {
		const empty = resolveSiteData({ ...readContent(fileURLToPath(root)).raw });
		const fr = recognitionsPage(empty, 'fr', translate('fr'), today);
		expect(fr.rows).toEqual([]);
		expect(fr.empty?.text).toBe('Aucun cours reconnu n’est encore publié.');
		expect(fr.empty?.howTo).toMatch(/éditeur du site.*classeur des partenaires/);
		const en = recognitionsPage(empty, 'en', translate('en'), today);
		expect(en.empty?.text).toBe('No recognised course is published yet.');
		const partner = partnerExperience(empty, kagawa, 'en', translate('en'), today);
		expect(partner.recognitions.empty).toBeDefined();
		expect(partner.reports.empty).toMatch(/^No returnee report is published yet/);
		expect(partner.reports.medians).toEqual([]);
	});

	test('filters offer the partners, countries and broad fields present', () => {
		const page = recognitionsPage(site, 'en', translate('en'), today);
		expect(page.empty).toBeUndefined();
		expect(page.filters.map((filter) => [filter.key, filter.options.map((o) => o.value)])).toEqual([
			['partner', ['ifsul', 'kagawa']],
			['country', ['br', 'jp']],
			['subject', ['05', '07']],
		]);
	});
});

describe('filters in the URL', () => {
	test('read and written in a fixed order, unknown parameters ignored', () => {
		const state = parseRecognitionQuery('?valid=1&x=y&country=jp');
		expect(state).toEqual({ ...noFilter, country: 'jp', valid: '1' });
		expect(recognitionQuery(state)).toBe('?country=jp&valid=1');
		expect(recognitionQuery(noFilter)).toBe('');
	});

	test('match every filter set', () => {
		const record = { partner: 'kagawa', country: 'jp', subject: '07', valid: false };
		expect(matchesRecognition(record, noFilter)).toBe(true);
		expect(matchesRecognition(record, { ...noFilter, country: 'jp', subject: '07' })).toBe(true);
		expect(matchesRecognition(record, { ...noFilter, valid: '1' })).toBe(false);
		expect(matchesRecognition(record, { ...noFilter, partner: 'ifsul' })).toBe(false);
	});
});

describe('exports', () => {
	test('JSON carries each course with its computed end and validity', () => {
		const dataset = recognitionsDataset(site.recognitions, new URL('https://example.org'), today);
		expect(dataset.generated).toBe('2026-12-06');
		const thermo = dataset.recognitions.find((entry) => entry.id === 'kagawa-fixture-thermo')!;
		expect(thermo.decision).toEqual({
			date: '2024-09-01',
			validUntil: '2029-08-31',
			valid: true,
			basis: 'learning-agreement',
			note: undefined,
		});
		expect(thermo.partner.page.en).toBe('https://example.org/en/partenaires/kagawa/');
		expect(JSON.parse(JSON.stringify(dataset)).recognitions).toHaveLength(3);
	});

	test('CSV parses back, one row per course, in the columns announced', () => {
		const text = recognitionsCsv(site.recognitions, today);
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0]!)).toEqual([
			...entrySheet('recognitions').columns.map((column) => column.header),
			'validUntil',
			'valid',
		]);
		expect(rows.map((row) => [row['id'], row['valid'], row['validUntil']])).toEqual([
			['ifsul-fixture-materials', 'true', '2027-03-10'],
			['kagawa-fixture-old', 'false', '2020-01-14'],
			['kagawa-fixture-thermo', 'true', '2029-08-31'],
		]);
		expect(rows[2]!['course.title']).toBe('熱力学フィクスチャ');
	});

	test('the open-data page lists both files, with the number of courses', () => {
		const fr = openDataPage(site.partners, 'fr', translate('fr'), undefined, { recognitions: 0 });
		const json = fr.files.find((file) => file.href === '/data/recognitions.json')!;
		expect(json.description).toMatch(/; 0 cours publié à ce jour\.$/);
		expect(fr.files.some((file) => file.href === '/data/recognitions.csv')).toBe(true);
		const en = openDataPage(site.partners, 'en', translate('en'), undefined, { recognitions: 3 });
		expect(
			en.files.find((file) => file.format === 'JSON' && file.href?.includes('recognitions'))!
				.description
		).toMatch(/; 3 courses published to date\.$/);
	});

	test('the reports’ JSON holds what the partner page shows: a name only with consent', () => {
		const dataset = reportsDataset(site.reports, new URL('https://example.org'), today);
		expect(dataset.generated).toBe('2026-12-06');
		expect(dataset.reports.map((report) => report.id)).toEqual([
			'kagawa-fixture-2024-autumn',
			'kagawa-fixture-2023-autumn',
			'kagawa-fixture-2023-spring',
		]);
		const [named, anonymous, spring] = dataset.reports;
		expect(named).toMatchObject({
			partner: { id: 'kagawa', country: 'jp' },
			academicYear: '2024/2025',
			term: 'autumn',
			housing: 'shared-flat',
			rent: { amount: 40000, currency: 'JPY' },
			courses: [{ title: 'Fixture Thermodynamics', recognition: 'kagawa-fixture-thermo' }],
			advice: { fr: 'Conseil fictif écrit en français.' },
			name: 'Camille Fixture',
		});
		expect(anonymous!.name).toBeUndefined();
		expect(spring!.programme).toBe('erasmus-plus');
		expect(spring!.partner.page.en).toBe('https://example.org/en/partenaires/kagawa/');
		// Consent is what lets a report in, not a field of it.
		expect(JSON.stringify(dataset)).not.toMatch(/consent/i);
	});

	test('a report without consent, or a name without consent to publish it, never reaches the files', () => {
		const [first, second] = site.reports;
		const withoutConsent = { ...first!, data: { ...first!.data, consent: false } };
		const nameWithoutConsent = {
			...second!,
			data: { ...second!.data, nameConsent: false, name: 'Nom Secret' },
		};
		const dataset = reportsDataset([withoutConsent, nameWithoutConsent], undefined, today);
		expect(dataset.reports.map((report) => report.id)).toEqual([second!.id]);
		const csv = reportsCsv([withoutConsent, nameWithoutConsent]);
		expect(csv).not.toContain(first!.id);
		expect(csv).not.toContain('Nom Secret');
		expect(JSON.stringify(dataset)).not.toContain('Nom Secret');
		// Nor do the pages show them: the site's data drops a report without consent.
		const { raw } = readContent(fileURLToPath(root), {
			override: {
				recognitions: new Map(Object.entries(recognitionFiles)),
				reports: new Map(Object.entries(reportFiles)),
			},
		});
		raw.reports = raw.reports!.map((report) =>
			report.id === 'kagawa-fixture-2023-spring'
				? { ...report, data: { ...report.data, consent: false } }
				: report
		);
		expect(resolveSiteData(raw).reports.map((report) => report.id)).not.toContain(
			'kagawa-fixture-2023-spring'
		);
	});

	test('the reports’ CSV parses back, one row per report, lists separated by semicolons', () => {
		const text = reportsCsv(site.reports);
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0]!)).toEqual(
			entrySheet('reports').columns.map((column) => column.header)
		);
		expect(
			rows.map((row) => [row['id'], row['rent.amount'], row['rent.currency'], row['name']])
		).toEqual([
			['kagawa-fixture-2024-autumn', '40000', 'JPY', 'Camille Fixture'],
			['kagawa-fixture-2023-autumn', '35000', 'JPY', ''],
			['kagawa-fixture-2023-spring', '30000', 'JPY', ''],
		]);
		expect(rows[0]!['courses']).toContain('kagawa-fixture-thermo');
		expect(rows[2]!['languages']).toBe('en');
	});

	test('the open-data page lists the reports’ files, with the number of reports', () => {
		const fr = openDataPage(site.partners, 'fr', translate('fr'), undefined, { reports: 1 });
		expect(fr.files.find((file) => file.href === '/data/reports.json')!.description).toMatch(
			/; 1 retour publié à ce jour\.$/
		);
		const en = openDataPage(site.partners, 'en', translate('en'), undefined, { reports: 3 });
		expect(en.files.find((file) => file.href === '/data/reports.json')!.description).toMatch(
			/; 3 reports published to date\.$/
		);
		expect(en.files.some((file) => file.href === '/data/reports.csv')).toBe(true);
	});

	test('the collection is registered with its page', () => {
		expect(recognitionCollection.index).toBe('/reconnaissances/');
	});
});
