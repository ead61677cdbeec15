import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { TemporaryProject } from '../build/project';
import { axeViolations } from './axe';
import { git, startEditorSite, type EditorSite } from './editor-servers';

/**
 * The web editor's forms as the office meets them, end to end (a temporary git clone of the
 * project, Decap's local backend, the build served by nginx): every problem of an entry at once,
 * each at its field in red with the build's message and the form scrolled to the first; an
 * impossible date answered as the build answers it; the interface in French; a new entry's
 * identifier derived from its name; a new form that does not claim to be saved. And the admin's
 * three pages (/admin/, /admin/guide/, /admin/todo/): no WCAG 2.1 AA violation in either theme,
 * and at 390 px no control covered by another.
 */

test.describe.configure({ mode: 'serial' });

let editor: EditorSite;
let project: TemporaryProject;
const admin = (path = '') => editor.admin(path);

test.beforeAll(async () => {
	test.setTimeout(60_000);
	editor = await startEditorSite('editor-form');
	project = editor.project;
});

test.afterAll(() => editor?.stop());

/** Fails the test on a console error or an uncaught error (a refused save's log aside). */
function watch(page: Page) {
	const problems: string[] = [];
	const expected = /^RefusedSave: /;
	page.on('console', (message) => {
		if (message.type() === 'error' && !expected.test(message.text()))
			problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('dialog', (dialog) => dialog.accept());
	return problems;
}

/** A field of the form, by the start of its label. */
const field = (page: Page, label: RegExp) =>
	page.locator("[class*='-ControlContainer']").filter({
		has: page.locator(":scope > [class*='-ControlTopbar'] > label", { hasText: label }),
	});

async function logIn(page: Page) {
	await page.goto(admin());
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible();
}

async function newPartner(page: Page) {
	await page.goto(admin('#/collections/partners/new'));
	await expect(page.getByLabel('Nom en anglais', { exact: true })).toBeVisible();
}

async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publier' }).click();
	await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
}

/** The fields marked in error: their labels and the messages shown at them. */
const markedFields = (page: Page) =>
	page.locator('.champ-en-erreur').evaluateAll((elements) =>
		elements.map((element) => ({
			label: element.querySelector(':scope > div > label')?.textContent ?? '',
			messages: [...element.querySelectorAll(':scope > .erreurs-champ > li')].map(
				(item) => item.textContent ?? ''
			),
		}))
	);

/** Whether an element is inside the viewport (at least partly). */
async function inViewport(page: Page, locator: Locator) {
	const box = await locator.boundingBox();
	const viewport = page.viewportSize()!;
	return box !== null && box.y + box.height > 0 && box.y < viewport.height;
}

test('a new form is not “saved”; its identifier is derived from the name, shown, editable and required', async ({
	page,
}) => {
	const problems = watch(page);
	await logIn(page);
	await newPartner(page);
	await expect(page.getByText('Modifications enregistrées', { exact: false })).toHaveCount(0);
	await expect(page.getByText('Nouvelle fiche, pas encore enregistrée')).toBeVisible();
	// The identifier's label does not say it is optional.
	const identifier = page.getByLabel('Identifiant (nom du fichier)', { exact: true });
	await expect(identifier).toBeVisible();
	await expect(identifier).toHaveValue('');
	// Derived from the name as the French lists show it: the official name in the Latin script.
	await page.getByLabel('Nom en anglais', { exact: true }).fill('University of Testing');
	await expect(identifier).toHaveValue('university-of-testing');
	await page.getByLabel('Nom officiel (langue de l’établissement)').fill('Universidade de Teste');
	await expect(identifier).toHaveValue('universidade-de-teste');
	await page.getByLabel('Nom en français (facultatif)').fill('Université d’Essai');
	await expect(identifier).toHaveValue('universite-d-essai');
	// Edited by hand, it stays as typed.
	await identifier.fill('essai');
	await page.getByLabel('Nom en français (facultatif)').fill('Université d’Essai de Pelotas');
	await expect(identifier).toHaveValue('essai');
	expect(problems).toEqual([]);
});

test('every problem of an entry at once, each at its field in red with the build’s message, the form scrolled to the first', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	const before = git(project.root, 'rev-parse', 'HEAD');
	await logIn(page);
	await newPartner(page);
	await page.getByLabel('Nom en anglais', { exact: true }).fill('Erreurs University');
	// A source with an impossible date; the official name, the country, the summary and the
	// sources' dates are left empty.
	await field(page, /^Sources/)
		.getByRole('button', { name: 'Ajouter source' })
		.click();
	await page.getByLabel('Adresse', { exact: true }).fill('https://example.org/erreurs');
	await page.getByLabel(/^Date du document/).fill('2026-02-30');
	// Back at the top of the form, then publish.
	await page.getByLabel('Identifiant (nom du fichier)').scrollIntoViewIfNeeded();
	await publish(page);

	await expect(page.locator('.champ-en-erreur').first()).toBeVisible();
	const marked = await markedFields(page);
	const labels = marked.map((item) => item.label);
	// Decap's own checks (empty required fields) and the build's (the impossible date) together.
	expect(labels).toEqual(
		expect.arrayContaining([
			'Nom officiel (langue de l’établissement)',
			'Pays',
			'Sources consultées le',
			'Titre du document',
			'Date du document (facultatif)',
		])
	);
	const date = marked.find((item) => item.label.startsWith('Date du document'))!;
	expect(date.messages).toEqual([
		'attendu : la date du document : une année (« 2014 »), un mois (« 2014-07 ») ou un jour (« 2014-07-01 ») ; trouvé : « 2026-02-30 », un jour qui n’existe pas',
	]);
	const country = marked.find((item) => item.label === 'Pays')!;
	expect(country.messages[0]).toMatch(/^attendu : .* ; trouvé : rien$/);
	// No file or field path anywhere on the page.
	await expect(page.locator('body')).not.toContainText('content/partners/');
	await expect(page.locator('body')).not.toContainText('sources.0.date');
	// Red, and announced with its input.
	const official = field(page, /^Nom officiel/);
	await expect(official.locator(':scope > div > label')).toHaveCSS(
		'background-color',
		'rgb(161, 29, 29)'
	);
	await expect(official.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
	// The form is scrolled to the first marked field, which has the focus.
	const first = page.locator('.champ-en-erreur').first();
	expect(await inViewport(page, first)).toBe(true);
	await expect(first.locator('[aria-invalid="true"]').first()).toBeFocused();
	await page.screenshot({ path: test.info().outputPath('errors-1280.png') });

	// Once Decap's own checks pass, the build's check alone stops the save, still at the field.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByLabel('Nom officiel (langue de l’établissement)').fill('Erreurs Universidade');
	await page.getByLabel('Langue du nom officiel', { exact: true }).fill('portugais');
	await page.getByRole('option', { name: 'portugais (pt)', exact: true }).click();
	await page.getByLabel('Pays', { exact: true }).fill('Brés');
	await page.getByRole('option', { name: 'Brésil', exact: true }).click();
	const summary = field(page, /^Présentation/);
	await summary.getByLabel('Français', { exact: true }).fill('Un partenaire d’essai.');
	await summary.getByLabel('Anglais', { exact: true }).fill('A test partner.');
	await page.getByLabel('Titre du document').fill('Erreurs');
	await page.getByLabel('Langue du titre', { exact: true }).fill('portugais');
	await page.getByRole('option', { name: 'portugais (pt)', exact: true }).click();
	const publisher = field(page, /^Éditeur \(qui publie\)/);
	await publisher.getByLabel('Français', { exact: true }).fill('Erreurs');
	await publisher.getByLabel('Anglais', { exact: true }).fill('Erreurs');
	await page.getByLabel('Sources consultées le').fill('2026-11-30');
	await page.getByLabel('Identifiant (nom du fichier)').scrollIntoViewIfNeeded();
	await publish(page);
	await expect(
		page.getByText(
			"Échec de l'enregistrement de l'entrée : 1 problème à corriger, en rouge dans le formulaire"
		)
	).toBeVisible();
	expect((await markedFields(page)).map((item) => item.label)).toEqual([
		'Date du document (facultatif)',
	]);
	expect(await inViewport(page, page.locator('.champ-en-erreur'))).toBe(true);
	await page.screenshot({ path: test.info().outputPath('errors-390.png') });

	// Nothing was written.
	expect(existsSync(join(project.root, 'content/partners/erreurs-universidade.yaml'))).toBe(false);
	expect(git(project.root, 'rev-parse', 'HEAD')).toBe(before);
	expect(git(project.root, 'status', '--porcelain')).toBe('');
	expect(problems).toEqual([]);
});

test('the interface the office meets is French: search menus, list items, buttons', async ({
	page,
}) => {
	const problems = watch(page);
	await logIn(page);
	await newPartner(page);
	// A search that finds nothing.
	await page.getByLabel('Langue du nom officiel', { exact: true }).fill('zzzz');
	await expect(page.getByText('Aucun résultat')).toBeVisible();
	await expect(page.getByText('No options')).toHaveCount(0);
	await page.keyboard.press('Escape');
	// A new list item whose first field is empty.
	await field(page, /^Sources/)
		.getByRole('button', { name: 'Ajouter source' })
		.click();
	await expect(page.getByText(/^No url$/)).toHaveCount(0);
	// Decap's buttons' names.
	const english = await page.evaluate(() =>
		[...document.querySelectorAll('[aria-label]')]
			.map((element) => element.getAttribute('aria-label')!)
			.filter((label) => /^(Collapse|Expand|Close|Account options dropdown)$/.test(label))
	);
	expect(english).toEqual([]);
	expect(problems).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const)
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });
		for (const path of ['', 'guide/', 'todo/'])
			test(`/admin/${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
				await page.goto(admin(path));
				if (path === '')
					await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
				expect(await axeViolations(page)).toEqual([]);
				if (path === '') {
					// And the editor itself, once logged in: the list of partners.
					await page.getByRole('button', { name: 'Se connecter' }).click();
					await page.getByRole('link', { name: 'Partenaires' }).first().click();
					await expect(
						page.locator('a[href*="/collections/partners/entries/"]').first()
					).toBeVisible();
					expect(await axeViolations(page)).toEqual([]);
				}
			});
	});

/**
 * The controls (links, buttons, fields) of the page that something else covers: at the centre
 * of each visible control, the topmost element must be the control or a part of it (or the bar
 * pinned across the top of the screen, under which the page scrolls).
 */
const coveredControls = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('a[href], button, input, select, textarea, [role="button"]')]
			.filter((element) => {
				const box = element.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) return false;
				if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth)
					return false;
				const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
				const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
				const top = document.elementFromPoint(x, y);
				if (top === null || element.contains(top) || top.contains(element)) return false;
				// Scrolled under a bar pinned across the top of the screen (Decap's header): out of
				// view, not covered.
				for (let bar: Element | null = top; bar; bar = bar.parentElement) {
					const { position } = getComputedStyle(bar);
					if (position !== 'sticky' && position !== 'fixed') continue;
					const edge = bar.getBoundingClientRect();
					if (edge.top <= 1 && edge.width >= innerWidth - 1) return false;
				}
				return true;
			})
			.map((element) => `${element.tagName} ${element.textContent?.trim().slice(0, 40)}`)
	);

test.describe('on a 390 px screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the guide and the to-do fit, with no control covered', async ({ page }) => {
		for (const path of ['guide/', 'todo/']) {
			await page.goto(admin(path));
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			for (const position of [0, 0.5, 1]) {
				await page.evaluate(
					(at) => window.scrollTo(0, at * document.documentElement.scrollHeight),
					position
				);
				expect(await coveredControls(page), `${path} at ${position}`).toEqual([]);
			}
		}
		await page.goto(admin('todo/'));
		await page.screenshot({ path: test.info().outputPath('todo-390.png') });
	});

	test('the editor’s lists: the links to the guide and the to-do cover no entry', async ({
		page,
	}) => {
		await logIn(page);
		await page.getByRole('link', { name: 'Partenaires' }).first().click();
		const entries = page.locator('a[href*="/collections/partners/entries/"]');
		await expect(entries.first()).toBeVisible();
		const links = await page.locator('.admin-links').boundingBox();
		expect(links).not.toBeNull();
		for (const position of [0, 0.5, 1]) {
			await page.evaluate(
				(at) => window.scrollTo(0, at * document.documentElement.scrollHeight),
				position
			);
			const bar = (await page.locator('.admin-links').boundingBox())!;
			for (const box of await entries.evaluateAll((elements) =>
				elements.map((element) => element.getBoundingClientRect().toJSON())
			)) {
				const overlaps =
					box.x < bar.x + bar.width &&
					bar.x < box.x + box.width &&
					box.y < bar.y + bar.height &&
					bar.y < box.y + box.height;
				expect(overlaps).toBe(false);
			}
			expect(await coveredControls(page), `at ${position}`).toEqual([]);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
	});
});

test('the to-do page is a work plan: two parts, sections in the order readers need them, counts, no paths', async ({
	page,
}) => {
	await page.goto(admin('todo/'));
	const parts = page.locator('.todo-part');
	await expect(parts.locator(':scope > h2')).toHaveText([
		/^À rechercher \(\d+\)$/,
		/^À confirmer par le Service \(\d+\)$/,
	]);
	const office = parts.nth(1);
	await expect(office.locator('.todo-section > h3').first()).toHaveText(
		/^Partenaires : places, dates limites, langue, contact \(\d+\)$/
	);
	await expect(page.locator('main')).not.toContainText('content/');
	await expect(page.locator('main')).not.toContainText('.yaml');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: test.info().outputPath('todo-1280.png') });
});
