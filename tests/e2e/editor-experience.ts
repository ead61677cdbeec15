import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { reportFiles } from '../fixtures/recognitions.ts';
import { git } from './editor-servers.ts';

/**
 * A recognised course and a returnee report added through the web editor's forms, as the office
 * enters them, then found on the rebuilt site: on the partner's page, on `/reconnaissances/` (and
 * `/en/`), in the comparison and in the four exports. Used by `editor.spec.ts`, whose rebuild of
 * its working copy shows them (one build for everything the editor saved there).
 *
 * Two reports are already in the working copy (committed as files, as the office would have
 * entered them earlier); with the one added through the form there are three, so that the median
 * rent shows — and its value is the new report's, so it shows only if that report was saved.
 */

/** The recognised course the office adds. */
export const course = {
	id: 'kagawa-thermodynamique-editeur',
	file: 'content/recognitions/kagawa-thermodynamique-editeur.yaml',
	title: 'Engineering Thermodynamics (editor)',
	ects: 5,
	date: '2026-06-30',
};

/** The returnee report the office adds: anonymous, with the student's consent to publish. */
export const report = {
	id: 'kagawa-2025-automne-editeur',
	file: 'content/reports/kagawa-2025-automne-editeur.yaml',
	rent: 33000,
	advice: 'Conseil saisi dans l’éditeur : réservez la résidence dès l’admission.',
};

/** The reports already in the working copy: 30 000 and 35 000 JPY a month. */
const earlierReports = ['kagawa-fixture-2023-spring', 'kagawa-fixture-2023-autumn'] as const;

/** Writes and commits the earlier reports in the working copy. */
export function addEarlierReports(root: string): void {
	for (const id of earlierReports)
		writeFileSync(join(root, 'content/reports', `${id}.yaml`), reportFiles[id]);
	git(root, 'add', 'content/reports');
	git(root, 'commit', '--quiet', '-m', 'Retours d’expérience déjà saisis');
}

/** A field of the form, by the start of its label (Decap adds "(facultatif)" to optional ones). */
const field = (page: Page, label: RegExp) =>
	page
		.locator('div[aria-label$=" field"]')
		.filter({ has: page.locator(':scope > div > label', { hasText: label }) });

/** Chooses a value of a searchable select (a vocabulary, a relation) by typing part of it. */
async function choose(page: Page, label: string, typed: string, option: string | RegExp) {
	await page.getByLabel(label, { exact: true }).fill(typed);
	await page.getByRole('option', { name: option }).first().click();
}

async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publier' }).click();
	await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
	await expect(page.getByText('Entrée enregistrée')).toBeVisible();
}

/** Adds the recognised course through the form of « Cours déjà reconnus ». */
export async function addCourse(page: Page, admin: string): Promise<void> {
	await page.goto(`${admin}#/collections/recognitions/new`);
	await page.getByLabel('Identifiant (nom du fichier)').fill(course.id);
	await choose(page, 'Partenaire', 'Kaga', /Kagawa/);
	const atPartner = field(page, /^Cours chez le partenaire/);
	await atPartner.getByLabel('Intitulé', { exact: true }).fill(course.title);
	await choose(page, 'Langue de l’intitulé', 'anglais', 'anglais (en)');
	await page.getByLabel('Crédits ECTS').fill(String(course.ects));
	await page.getByLabel('Date de la décision').fill(course.date);
	await page.getByLabel('Fondement', { exact: true }).click();
	await page.getByRole('option', { name: 'Contrat d’études (learning agreement)' }).click();
	await publish(page);
	await expect(page).toHaveURL(new RegExp(`#/collections/recognitions/entries/${course.id}$`));
}

/** Adds the returnee report through the form of « Retours d’expérience ». */
export async function addReport(page: Page, admin: string): Promise<void> {
	await page.goto(`${admin}#/collections/reports/new`);
	await page.getByLabel('Identifiant (nom du fichier)').fill(report.id);
	await choose(page, 'Partenaire', 'Kaga', /Kagawa/);
	await page.getByLabel('Année universitaire').fill('2025/2026');
	await page.getByLabel('Période', { exact: true }).click();
	await page.getByRole('option', { name: 'Semestre d’automne' }).click();
	// Optional fields are labelled « … (facultatif) ».
	await page.getByLabel(/^Logement/).click();
	await page.getByRole('option', { name: 'Résidence universitaire' }).click();
	const rent = field(page, /^Loyer mensuel/);
	await rent.getByLabel(/^Montant/).fill(String(report.rent));
	await rent.getByLabel(/^Monnaie/).fill('JPY');
	await field(page, /^Conseils/)
		.getByLabel(/^En français/)
		.fill(report.advice);
	await page.getByLabel('Accord pour publier', { exact: true }).check();
	await publish(page);
	await expect(page).toHaveURL(new RegExp(`#/collections/reports/entries/${report.id}$`));
}

/** The two files as the editor wrote them, each in its own commit. */
export function expectFiles(root: string): void {
	expect(parseYaml(readFileSync(join(root, course.file), 'utf8'))).toMatchObject({
		partner: 'kagawa',
		course: { title: course.title, titleLang: 'en' },
		recognisedAs: { ects: course.ects },
		decision: { basis: 'learning-agreement' },
	});
	expect(parseYaml(readFileSync(join(root, report.file), 'utf8'))).toMatchObject({
		partner: 'kagawa',
		academicYear: '2025/2026',
		term: 'autumn',
		housing: 'university-residence',
		rent: { amount: report.rent, currency: 'JPY' },
		advice: { fr: report.advice },
		consent: true,
	});
	expect(git(root, 'log', '-2', '--format=%s').split('\n')).toEqual([
		`Création : Retour d’expérience « ${report.id} »`,
		`Création : Cours reconnu « ${course.id} »`,
	]);
}

/** What the rebuilt site shows of them, served at `site`. */
export async function expectOnSite(page: Page, site: (path: string) => string): Promise<void> {
	// The partner's page: the course in its table, the report latest first, the median rent.
	await page.goto(site('partenaires/kagawa/'));
	const recognised = page.getByRole('table', { name: 'Cours déjà reconnus' });
	await expect(recognised).toContainText(course.title);
	await expect(recognised).toContainText('5 ECTS');
	const reports = page.locator('section.report');
	await expect(reports).toHaveCount(3);
	await expect(reports.first().locator('h3')).toHaveText('2025/2026 — Semestre d’automne');
	await expect(reports.first()).toContainText(report.advice);
	await expect(reports.first()).toContainText(/33\s000/);
	await expect(page.locator('dl.medians').first()).toContainText(/Loyer médian\s*:?\s*33\s000/);

	// The recognitions page, in both languages.
	await page.goto(site('reconnaissances/'));
	await expect(page.locator('tr[data-recognition]', { hasText: course.title })).toHaveCount(1);
	await page.goto(site('en/reconnaissances/'));
	const row = page.locator('tr[data-recognition]', { hasText: course.title });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Kagawa University');

	// The comparison: Kagawa's recognised course and median rent, next to Sapienza's none.
	await page.goto(site('partenaires/comparer/?p=kagawa,sapienza'));
	const table = page.getByRole('table', { name: 'Partenaires comparés' });
	await expect(
		table.getByRole('row', { name: /^Cours déjà reconnus/ }).getByRole('cell')
	).toHaveText(['1', '0']);
	await expect(
		table
			.getByRole('row', { name: /^Loyer médian/ })
			.getByRole('cell')
			.first()
	).toContainText(/33\s000/);

	// The exports: the course in the recognitions' files, the report in the reports' files.
	const json = async (path: string) => (await page.request.get(site(path))).json();
	const text = async (path: string) => (await page.request.get(site(path))).text();
	const csv = async (path: string) =>
		parseCsv((await text(path)).replace(/^\uFEFF/, ''), { columns: true }) as Record<
			string,
			string
		>[];
	const recognitions = (await json('data/recognitions.json')) as {
		recognitions: { id: string; course: { title: string }; decision: { valid: boolean } }[];
	};
	expect(recognitions.recognitions).toEqual([
		expect.objectContaining({
			id: course.id,
			course: expect.objectContaining({ title: course.title }),
			decision: expect.objectContaining({ date: course.date, valid: true }),
		}),
	]);
	expect(
		(await csv('data/recognitions.csv')).map((row) => [row['id'], row['recognisedAs.ects']])
	).toEqual([[course.id, String(course.ects)]]);
	const reportsData = (await json('data/reports.json')) as {
		reports: { id: string; rent?: { amount: number }; name?: string }[];
	};
	expect(reportsData.reports.map((entry) => entry.id)).toEqual([
		report.id,
		...[...earlierReports].reverse(),
	]);
	expect(reportsData.reports[0]).toMatchObject({
		rent: { amount: report.rent, currency: 'JPY' },
		advice: { fr: report.advice },
	});
	expect(reportsData.reports[0]!.name).toBeUndefined();
	const reportRows = await csv('data/reports.csv');
	expect(reportRows.map((row) => [row['id'], row['rent.amount'], row['name']])[0]).toEqual([
		report.id,
		String(report.rent),
		'',
	]);
}
