import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { projectRoot, type TemporaryProject } from '../build/project';
import { git, startEditorSite, type EditorSite } from './editor-servers';

/**
 * Saves that stay the office's own, end to end: on a temporary clone of the project that is a
 * real git repository, the editor's local backend (`src/server/editor-backend.mjs`, as
 * `npm run edit` starts it) and the built admin page served by nginx. With other changes in the
 * folder (a modified file, a staged one, an untracked one), a save commits its entry's file and
 * nothing else, and the admin page says those changes exist; a page and its translation are one
 * commit; the guide's undo undoes that entry only; deleting an entry something links to is
 * refused, and deleting one nothing links to asks for its name and commits that file alone.
 */

test.describe.configure({ mode: 'serial' });

let editor: EditorSite;
let project: TemporaryProject;
const admin = (path = '') => editor.admin(path);

test.beforeAll(async () => {
	test.setTimeout(60_000);
	editor = await startEditorSite('editor-save');
	project = editor.project;
});

test.afterAll(() => editor?.stop());

const run = (...args: string[]) => git(project.root, ...args);
const read = (path: string) => readFileSync(join(project.root, path), 'utf8');
/** Files of a commit. */
const filesOf = (commit: string) =>
	run('show', '--name-only', '--format=', commit).split('\n').filter(Boolean).sort();

/** Fails the test on a console error or an uncaught error; accepts Decap's leave-form dialogs. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('dialog', (dialog) => dialog.accept());
	return problems;
}

async function logIn(page: Page) {
	await page.goto(admin());
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible();
}

async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publier' }).click();
	await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
	await expect(page.getByText('Entrée enregistrée')).toBeVisible();
}

/** Changes the editor did not make: a modified file, a staged one, an untracked one. */
const foreign = {
	modified: 'content/glossary/cvec.yaml',
	staged: 'content/partners/sapienza.yaml',
	untracked: 'notes-personnelles.txt',
};
let foreignState = { status: '', staged: '', unstaged: '', untracked: '' };
let partnerCommit = '';
const partnerFile = 'content/partners/kagawa.yaml';
let partnerBefore = '';

test('a save with other changes in the folder commits its entry only; the editor says they are there', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	writeFileSync(
		join(project.root, foreign.modified),
		`${read(foreign.modified)}# Note de travail, pas encore enregistrée.\n`
	);
	writeFileSync(
		join(project.root, foreign.staged),
		`${read(foreign.staged)}# Import du tableur, pas encore enregistré.\n`
	);
	run('add', foreign.staged);
	writeFileSync(join(project.root, foreign.untracked), 'Notes personnelles.\n');
	foreignState = {
		status: run('status', '--porcelain'),
		staged: run('diff', '--cached'),
		unstaged: run('diff'),
		untracked: read(foreign.untracked),
	};
	partnerBefore = read(partnerFile);
	const before = run('rev-parse', 'HEAD');

	await logIn(page);
	const notice = page.getByRole('complementary', { name: 'Modifications hors de l’éditeur' });
	await expect(notice.first()).toContainText(
		'Des modifications non enregistrées par l’éditeur sont présentes dans le dossier du site ; elles ne seront pas incluses dans vos enregistrements.'
	);
	await notice.first().getByText('Voir les 3 fichiers concernés').click();
	await expect(notice.first()).toContainText(`${foreign.untracked} — nouveau fichier`);
	await expect(notice.first()).toContainText(
		`${foreign.staged} — modifié, prêt pour le prochain commit`
	);
	await page.screenshot({ path: test.info().outputPath('notice-1280.png') });

	await page.goto(`${admin()}#/collections/partners/entries/kagawa`);
	// The notice is at the top of the form too.
	await expect(page.locator("[class*='-ControlPaneContainer'] > .hors-editeur")).toContainText(
		'elles ne seront pas incluses dans vos enregistrements'
	);
	await page.setViewportSize({ width: 390, height: 800 });
	await page.screenshot({ path: test.info().outputPath('notice-form-390.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	// A day other than the file's, so that the save changes something.
	const consulted = page.getByLabel('Sources consultées le');
	const day = (await consulted.inputValue()) === '2026-12-01' ? '2026-12-02' : '2026-12-01';
	await consulted.fill(day);
	await publish(page);

	expect(run('rev-list', `${before}..HEAD`, '--count')).toBe('1');
	partnerCommit = run('rev-parse', 'HEAD');
	expect(filesOf(partnerCommit)).toEqual([partnerFile]);
	expect(run('log', '-1', '--format=%s')).toBe('Modification : Partenaire « kagawa »');
	expect(read(partnerFile)).toContain(`consulted: ${day}`);
	// The other changes are as they were: same content, same staged, unstaged, untracked state.
	expect(run('status', '--porcelain')).toBe(foreignState.status);
	expect(run('diff', '--cached')).toBe(foreignState.staged);
	expect(run('diff')).toBe(foreignState.unstaged);
	expect(read(foreign.untracked)).toBe(foreignState.untracked);
	// The notice is still there after the save; opening the entry whose file holds one of those
	// changes says that saving it would include them.
	await page.goto(`${admin()}#/collections/glossary/entries/cvec`);
	const formNotice = page.locator("[class*='-ControlPaneContainer'] > .hors-editeur");
	await expect(formNotice).toContainText(
		`Le fichier de cette fiche (${foreign.modified}) fait partie de ces modifications`
	);
	await page.goto(`${admin()}#/collections/partners/entries/kagawa`);
	await expect(formNotice).toContainText('elles ne seront pas incluses');
	await expect(formNotice).not.toContainText('Le fichier de cette fiche');
	// One notice at a time: the page's own is hidden under the form.
	await expect(notice).toHaveCount(1);
	expect(problems).toEqual([]);
});

test('a page and its translation are saved in one commit, with nothing else', async ({ page }) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	const before = run('rev-parse', 'HEAD');
	await logIn(page);
	await page.getByRole('link', { name: 'Pages : guides' }).first().click();
	await page
		.getByRole('link', { name: /Logement/ })
		.first()
		.click();
	await expect(page).toHaveURL(/#\/collections\/pages-guides\/entries\//);
	const descriptions = page.getByLabel('Description', { exact: true });
	await expect(descriptions).toHaveCount(2);
	await descriptions.nth(0).fill('Se loger pendant une mobilité : résidences, aides et démarches.');
	await descriptions.nth(1).fill('Finding housing during a mobility: residences, aid and steps.');
	await publish(page);
	expect(run('rev-list', `${before}..HEAD`, '--count')).toBe('1');
	expect(filesOf('HEAD')).toEqual([
		'content/docs/en/guides/logement.mdx',
		'content/docs/guides/logement.mdx',
	]);
	expect(read('content/docs/guides/logement.mdx')).toContain('résidences, aides et démarches');
	expect(read('content/docs/en/guides/logement.mdx')).toContain('residences, aid and steps');
	expect(run('status', '--porcelain')).toBe(foreignState.status);
	expect(run('diff', '--cached')).toBe(foreignState.staged);
	expect(problems).toEqual([]);
});

test('the guide’s undo undoes that entry’s save and nothing else, with other changes still waiting', () => {
	const guide = readFileSync(join(projectRoot, 'src/editor/guide.md'), 'utf8');
	// The guide's commands for a developer's machine, as written there.
	expect(guide).toContain('git revert --no-commit <commit>');
	expect(guide).toContain(
		'git commit -m "Annulation" -- $(git show --name-only --format= <commit>)'
	);
	const before = run('rev-parse', 'HEAD');
	// A plain `git revert` refuses while a change is staged, and changes nothing.
	expect(() =>
		execFileSync('git', ['revert', '--no-edit', partnerCommit], {
			cwd: project.root,
			stdio: 'pipe',
		})
	).toThrow(/your local changes would be overwritten by revert/);
	expect(run('rev-parse', 'HEAD')).toBe(before);
	run('revert', '--no-commit', partnerCommit);
	const files = run('show', '--name-only', '--format=', partnerCommit).split('\n').filter(Boolean);
	run('commit', '-m', 'Annulation', '--', ...files);
	expect(filesOf('HEAD')).toEqual([partnerFile]);
	expect(read(partnerFile)).toBe(partnerBefore);
	// The page saved after it is untouched, and so are the changes the editor did not make.
	expect(read('content/docs/guides/logement.mdx')).toContain('résidences, aides et démarches');
	expect(run('status', '--porcelain')).toBe(foreignState.status);
	expect(run('diff', '--cached')).toBe(foreignState.staged);
	expect(run('diff')).toBe(foreignState.unstaged);
	expect(read(foreign.untracked)).toBe(foreignState.untracked);
});

test('deleting an entry: refused while a partner links to it; after typing its name otherwise, committed alone', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	const before = run('rev-parse', 'HEAD');
	await logIn(page);

	// Japan: Kagawa University's country.
	await page.goto(`${admin()}#/collections/countries/entries/jp`);
	await page.getByRole('button', { name: "Supprimer l'entrée" }).click();
	const dialog = page.getByRole('dialog', { name: 'Supprimer : Pays « Japon »' });
	await expect(dialog).toContainText(
		'Cette fiche ne peut pas être supprimée : 1 élément y renvoie.'
	);
	await expect(dialog).toContainText('Partenaire « Kagawa University »');
	await expect(dialog.getByRole('textbox')).toHaveCount(0);
	await page.screenshot({ path: test.info().outputPath('delete-refused-1280.png') });
	await dialog.getByRole('button', { name: 'Fermer' }).click();
	await expect(dialog).toBeHidden();
	expect(existsSync(join(project.root, 'content/countries/jp.yaml'))).toBe(true);
	expect(run('rev-parse', 'HEAD')).toBe(before);
	// The local backend refuses it too, whoever asks.
	const direct = await fetch(editor.backendUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			action: 'deleteFiles',
			params: {
				branch: 'main',
				paths: ['content/countries/jp.yaml'],
				options: { commitMessage: 'Suppression : Pays « jp »' },
			},
		}),
	});
	expect(direct.status).toBe(409);
	expect(((await direct.json()) as { error: string }).error).toBe(
		'Suppression refusée : d’autres fiches ou des pages y renvoient encore (content/countries/jp.yaml : Partenaire « Kagawa University »). Retirez d’abord ces liens.'
	);
	expect(existsSync(join(project.root, 'content/countries/jp.yaml'))).toBe(true);
	expect(run('rev-parse', 'HEAD')).toBe(before);

	// India: no partner, no page links to it.
	await page.goto(`${admin()}#/collections/countries`);
	await page.getByRole('link', { name: 'Inde', exact: true }).click();
	await expect(page).toHaveURL(/#\/collections\/countries\/entries\/in$/);
	await expect(page.getByLabel('Français', { exact: true }).first()).toHaveValue('Inde');
	await page.getByRole('button', { name: "Supprimer l'entrée" }).click();
	const confirm = page.getByRole('dialog', { name: 'Supprimer : Pays « Inde »' });
	await expect(confirm).toContainText('Aucune fiche ni aucune page ne renvoie à celle-ci.');
	const remove = confirm.getByRole('button', { name: 'Supprimer définitivement' });
	await expect(remove).toBeDisabled();
	await confirm.getByLabel('Pour confirmer, tapez son nom : Inde').fill('Ind');
	await expect(remove).toBeDisabled();
	await page.setViewportSize({ width: 390, height: 800 });
	await page.screenshot({ path: test.info().outputPath('delete-confirm-390.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	await confirm.getByLabel('Pour confirmer, tapez son nom : Inde').fill('Inde');
	await expect(remove).toBeEnabled();
	await page.screenshot({ path: test.info().outputPath('delete-confirm-1280.png') });
	await remove.click();
	await expect(page).toHaveURL(/#\/collections\/countries$/);
	await expect.poll(() => run('rev-list', `${before}..HEAD`, '--count')).toBe('1');
	expect(filesOf('HEAD')).toEqual(['content/countries/in.yaml']);
	expect(run('log', '-1', '--format=%s')).toBe('Suppression : Pays « in »');
	expect(existsSync(join(project.root, 'content/countries/in.yaml'))).toBe(false);
	expect(run('status', '--porcelain')).toBe(foreignState.status);
	expect(run('diff', '--cached')).toBe(foreignState.staged);
	expect(problems).toEqual([]);
});
