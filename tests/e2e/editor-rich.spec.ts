import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { TemporaryProject } from '../build/project';
import { git, startEditorSite, type EditorSite } from './editor-servers';

/**
 * A page edited as a document: the web editor's rich-text mode, on a temporary clone of the
 * project that is a real git repository, with Decap's local backend and the built admin page.
 * The page's components are readable blocks (no `import` line, no `<Term` tag); an aside inserted
 * from the « + » menu is saved as `<Aside>` with the import line written once; a page opened and
 * saved unchanged keeps every byte; the build's page check still refuses a page it would refuse.
 */

test.describe.configure({ mode: 'serial' });

let editor: EditorSite;
let project: TemporaryProject;
const admin = (path = '') => editor.admin(path);

/** Screenshots of the rich-text mode, for people to look at. */
const screenshots = join(process.cwd(), 'test-results', 'editor-rich');

test.beforeAll(async () => {
	test.setTimeout(60_000);
	editor = await startEditorSite('editor-rich');
	project = editor.project;
	mkdirSync(screenshots, { recursive: true });
});

test.afterAll(() => editor?.stop());

/** Fails the test on a console error or an uncaught error (except those a test expects). */
function watch(page: Page, allowed: RegExp[] = []) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text())))
			problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		if (!allowed.some((pattern) => pattern.test(error.message)))
			problems.push(`page error: ${error.message}`);
	});
	page.on('dialog', (dialog) => dialog.accept());
	return problems;
}

/** Opens a guide page of the « Pages : guides » collection, in rich-text mode. */
async function openGuide(page: Page, title: RegExp) {
	await page.goto(admin());
	// The mode is remembered in the browser: each test starts in the rich-text mode.
	await page.evaluate(() => localStorage.setItem('cms.md-mode', 'rich_text'));
	// Logged in once, the browser stays logged in.
	const login = page.getByRole('button', { name: 'Se connecter' });
	const collections = page.getByRole('heading', { name: 'Collections' });
	await expect(login.or(collections).first()).toBeAttached({ timeout: 30_000 });
	if (await login.isVisible()) await login.click();
	await expect(collections).toBeAttached();
	await page.goto(`${admin()}#/collections/pages-guides`);
	await page.getByRole('link', { name: title }).first().click();
	await expect(page).toHaveURL(/#\/collections\/pages-guides\/entries\//);
}

/** The French text's rich-text editor (the first of the two languages). */
const frenchText = (page: Page): Locator => page.locator('[data-slate-editor="true"]').first();

async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publier' }).click();
	await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
}

const committed = (path: string) => git(project.root, 'show', `HEAD:${path}`);

test('a page in rich-text mode reads as a document: its components are readable blocks, no code', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await openGuide(page, /Exigences linguistiques/);
		const text = frenchText(page);
		await expect(text).toBeVisible();
		// No import line, no tag: the term is its text, the aside a block with its kind and title.
		await expect(text).not.toContainText('import');
		await expect(text).not.toContainText('<Term');
		await expect(text).not.toContainText('<Aside');
		await expect(text.locator('.composant-en-ligne.composant-term').first()).toHaveText('TOEIC');
		await expect(
			text.getByText('Encadré (note, conseil, attention, danger)').first()
		).toBeVisible();
		await expect(
			text.locator('input[value="Pour information : la règle générale de la CTI"]')
		).toBeVisible();
		// The contact is shown by its name (a choice among the contacts), not by its id.
		await expect(text.getByText('Contact', { exact: true }).first()).toBeVisible();
		await expect(page.locator('.cms-editor-visual').first()).toBeVisible();
		await text.getByRole('heading').first().scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(screenshots, `page-${width}.png`), fullPage: false });
		await text
			.getByText('Encadré (note, conseil, attention, danger)')
			.first()
			.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(screenshots, `page-${width}-encadre.png`) });
	}
	expect(problems).toEqual([]);
});

test('an aside inserted from the menu is saved as <Aside>, with the import line once', async ({
	page,
}) => {
	test.setTimeout(180_000);
	const problems = watch(page);
	const path = 'content/docs/guides/logement.mdx';
	const original = readFileSync(join(project.root, path), 'utf8');
	const before = git(project.root, 'rev-parse', 'HEAD');
	await page.setViewportSize({ width: 1280, height: 900 });
	await openGuide(page, /Logement/);
	const text = frenchText(page);
	await expect(text).toBeVisible();
	// A new paragraph after the sentence on the CAF's aids, then the aside from the « + » menu.
	const paragraph = text.getByText('La demande se fait en ligne sur le site caf.fr', {
		exact: false,
	});
	await paragraph.click();
	// The caret at the end of the paragraph (End would stop at the end of a wrapped line).
	await paragraph.evaluate((element) => {
		const range = document.createRange();
		range.selectNodeContents(element);
		range.collapse(false);
		getSelection()?.removeAllRanges();
		getSelection()?.addRange(range);
	});
	// The editor takes the browser's selection as its own shortly after it changes.
	await page.waitForTimeout(400);
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Ajouter un composant' }).first().click();
	await page.getByRole('menuitem', { name: 'Encadré (note, conseil, attention, danger)' }).click();
	await text.getByLabel(/^Titre/).fill('Demande en ligne');
	const body = text.locator('.cms-editor-raw [contenteditable="true"]').first();
	await body.click();
	await page.keyboard.type('Faites la demande dès la signature du bail.');
	await page.screenshot({ path: join(screenshots, 'encadre-ajoute-1280.png') });
	await publish(page);
	await expect(page.getByText('Entrée enregistrée').first()).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => git(project.root, 'rev-parse', 'HEAD')).not.toBe(before);
	const saved = committed(path);
	expect(saved.match(/^import .*$/gm)).toEqual([
		"import { Contact, Term, Aside } from '~/components';",
	]);
	// Only the import line and the aside changed: the rest of the file is as it was.
	const aside_ = [
		'<Aside type="note" title="Demande en ligne">',
		'  Faites la demande dès la signature du bail.',
		'</Aside>',
	].join('\n');
	expect(`${saved}\n`).toBe(
		original
			.replace(
				"import { Contact, Term } from '~/components';",
				"import { Contact, Term, Aside } from '~/components';"
			)
			.replace(/(La demande se fait en ligne sur le site caf\.fr[^\n]*\n)/, `$1\n${aside_}\n`)
	);
	// The English twin is unchanged, and the content check of the build passes.
	expect(readFileSync(join(project.root, 'content/docs/en/guides/logement.mdx'), 'utf8')).toBe(
		committed('content/docs/en/guides/logement.mdx') + '\n'
	);
	const check = spawnSync('npm', ['run', 'check:content'], {
		cwd: project.root,
		encoding: 'utf8',
	});
	expect(check.status, check.stdout + check.stderr).toBe(0);
	expect(problems).toEqual([]);
});

test('a page opened, touched and saved unchanged keeps every byte', async ({ page }) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	// Asides, terms (one in bold), lists and italics: the whole text goes through Decap's editor.
	const french = join(project.root, 'content/docs/guides/assurance-et-securite-sociale.mdx');
	const english = join(project.root, 'content/docs/en/guides/assurance-et-securite-sociale.mdx');
	const [frenchBefore, englishBefore] = [
		readFileSync(french, 'utf8'),
		readFileSync(english, 'utf8'),
	];
	const before = git(project.root, 'rev-parse', 'HEAD');
	await page.setViewportSize({ width: 1280, height: 900 });
	await openGuide(page, /Assurance et sécurité sociale/);
	const text = frenchText(page);
	await expect(text).toBeVisible();
	// Opening the page changes nothing.
	await expect(page.getByText('Modifications enregistrées', { exact: true })).toBeVisible();
	// A letter typed and erased: Decap's editor writes the whole text back.
	await text.getByRole('heading', { name: 'Hors d’Europe' }).click();
	await page.keyboard.type('x');
	await expect(text.getByRole('heading', { name: 'Hors d’Europex' })).toBeVisible();
	await page.keyboard.press('Backspace');
	await expect(text.getByRole('heading', { name: 'Hors d’Europe', exact: true })).toBeVisible();
	await publish(page);
	await expect(page.getByText('Entrée enregistrée').first()).toBeVisible({ timeout: 30_000 });
	expect(readFileSync(french, 'utf8')).toBe(frenchBefore);
	expect(readFileSync(english, 'utf8')).toBe(englishBefore);
	expect(git(project.root, 'status', '--porcelain')).toBe('');
	expect(git(project.root, 'rev-parse', 'HEAD')).toBe(before);
	expect(problems).toEqual([]);
});

test('the raw mode shows the MDX for developers, and the build’s page check still runs', async ({
	page,
}) => {
	test.setTimeout(120_000);
	// Decap logs the error of a save the check refused: expected here.
	const problems = watch(page, [
		/^RefusedSave: 1 problème à corriger, en rouge dans le formulaire/,
	]);
	const before = git(project.root, 'rev-parse', 'HEAD');
	const file = join(project.root, 'content/docs/guides/logement.mdx');
	const original = readFileSync(file, 'utf8');
	await page.setViewportSize({ width: 1280, height: 900 });
	await openGuide(page, /Logement/);
	await page
		.getByRole('switch', { name: /Markdown/ })
		.first()
		.click();
	const raw = page.locator('.cms-editor-raw [contenteditable="true"]').first();
	await expect(raw).toContainText('<Term id="caf">');
	// The import line is never shown, even here: the format writes it.
	await expect(raw).not.toContainText('import');
	await raw.click();
	// Slate takes the focus and places the caret before it reads keys: typed sooner, the keys land
	// at the start of the text.
	await expect(raw).toBeFocused();
	await page.keyboard.press('Control+End');
	await expect
		.poll(() =>
			page.evaluate(() => {
				const selection = getSelection();
				const last = document
					.querySelector('.cms-editor-raw [contenteditable="true"]')
					?.querySelector(':scope > [data-slate-node="element"]:last-child');
				return Boolean(selection?.focusNode && last?.contains(selection.focusNode));
			})
		)
		.toBe(true);
	await page.keyboard.type('\n\n<script>alert(1)</script>\n');
	await publish(page);
	// At the text of the page, in red, with the build's message and the line; no file path.
	const fieldError = page.locator('.champ-en-erreur > .erreurs-champ').first();
	await expect(fieldError).toBeVisible();
	const message = /^ligne (\d+) du texte : <script> n’est pas permis dans les pages/;
	await expect(fieldError).toHaveText(message);
	await expect(fieldError).not.toContainText('content/');
	// The line is the one of the text as shown (the hidden import line is not counted).
	const line = Number(message.exec((await fieldError.textContent()) ?? '')?.[1]);
	await expect(raw.locator(':scope > [data-slate-node="element"]').nth(line - 1)).toContainText(
		'<script>alert(1)</script>'
	);
	expect(readFileSync(file, 'utf8')).toBe(original);
	expect(git(project.root, 'rev-parse', 'HEAD')).toBe(before);
	expect(git(project.root, 'status', '--porcelain')).toBe('');
	expect(problems).toEqual([]);
});
