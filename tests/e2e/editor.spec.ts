import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import type { TemporaryProject } from '../build/project';
import {
	addCourse,
	addEarlierReports,
	addReport,
	expectFiles,
	expectOnSite,
} from './editor-experience';
import { freePort, git, gitProject, startEditorBackend, startNginx, stop } from './editor-servers';

/**
 * The web editor, end to end, as the office uses it: on a temporary clone of the project that is
 * a real git repository, Decap's local backend (decap-server in git mode) and the built admin
 * page served by nginx with the production configuration. A partner is created through the
 * forms and reaches the rebuilt site; so do a recognised course and a returnee report, on the
 * partner's page, the recognitions page, the comparison and the exports (`editor-experience.ts`);
 * an invalid entry is refused with the build's French message and nothing is written (a page
 * whose text the build would refuse: editor-rich.spec.ts); the local backend listens on the
 * loopback interface only.
 */

test.describe.configure({ mode: 'serial' });

let project: TemporaryProject;
let decap: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let decapPort = 0;
let webPort = 0;
const admin = () => `http://127.0.0.1:${webPort}/admin/`;
const site = (path: string) => `http://127.0.0.1:${webPort}/${path}`;
const buildEnv = () => ({
	EDITOR_LOCAL_URL: `http://127.0.0.1:${decapPort}/api/v1`,
	EDITOR_BRANCH: 'main',
});

test.beforeAll(async () => {
	test.setTimeout(240_000);
	project = gitProject('editor');
	[decapPort, webPort] = [await freePort(), await freePort()];
	const built = await project.build(buildEnv());
	expect(built.code, built.output.slice(-3000)).toBe(0);
	decap = await startEditorBackend(project.root, decapPort);
	nginx = await startNginx(join(project.root, 'dist'), webPort, join(project.root, 'nginx'));
});

test.afterAll(async () => {
	await stop(decap);
	await stop(nginx);
	project?.remove();
});

/** Fails the test on a console error, an uncaught error or a request to another origin. */
function watch(page: Page, allowed: RegExp[] = []) {
	const problems: string[] = [];
	const origins = [`http://127.0.0.1:${webPort}`, `http://127.0.0.1:${decapPort}`];
	page.on('console', (message) => {
		if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text())))
			problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		if (!allowed.some((pattern) => pattern.test(error.message)))
			problems.push(`page error: ${error.message}`);
	});
	page.on('request', (request) => {
		const url = request.url();
		if (!origins.some((origin) => url.startsWith(origin)) && !/^(data|blob):/.test(url))
			problems.push(`request to another origin: ${url}`);
	});
	// Leaving a form with unsaved changes asks for confirmation.
	page.on('dialog', (dialog) => dialog.accept());
	return problems;
}

/** A field of the form, by the start of its label (Decap adds "(facultatif)" to optional ones). */
const field = (page: Page, label: RegExp) =>
	page
		.locator('div[aria-label$=" field"]')
		.filter({ has: page.locator(':scope > div > label', { hasText: label }) });

async function logIn(page: Page) {
	await page.goto(admin());
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible();
}

/** Chooses a value of a searchable select (a vocabulary, a relation) by typing part of it. */
async function choose(page: Page, label: string, typed: string, option: string) {
	await page.getByLabel(label, { exact: true }).fill(typed);
	await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Opens a new partner's form and fills what every partner needs: its names, its country, when
 * its sources were consulted and when the office confirmed it (the sources themselves are added
 * by each test).
 */
async function newPartner(page: Page, id: string) {
	await page.getByRole('link', { name: 'Partenaires' }).first().click();
	await page
		.getByRole('link', { name: /Partenaire/ })
		.last()
		.click();
	await expect(page).toHaveURL(/#\/collections\/partners\/new$/);
	await page.getByLabel('Identifiant (nom du fichier)').fill(id);
	await page.getByLabel('Nom officiel (langue de l’établissement)').fill('Universidade de Teste');
	await choose(page, 'Langue du nom officiel', 'portugais', 'portugais (pt)');
	await page.getByLabel('Nom en anglais', { exact: true }).fill('University of Testing');
	// The country is a relation to the countries, searched by name.
	await choose(page, 'Pays', 'Brés', 'Brésil');
	await page.getByLabel('Sources consultées le').fill('2026-11-30');
	await page.getByLabel('Confirmé par le service le').fill('2026-12-01');
}

/** Adds a source record: its address, title, language and publisher in both languages. */
async function addSource(page: Page, url: string) {
	await field(page, /^Sources/)
		.getByRole('button', { name: 'Ajouter source' })
		.click();
	await page.getByLabel('Adresse', { exact: true }).fill(url);
	await page.getByLabel('Titre du document').fill('Acordos internacionais');
	await choose(page, 'Langue du titre', 'portugais', 'portugais (pt)');
	const publisher = field(page, /^Éditeur \(qui publie\)/);
	await publisher.getByLabel('Français', { exact: true }).fill('Universidade de Teste');
	await publisher.getByLabel('Anglais', { exact: true }).fill('University of Testing');
}

/** The summary's French and English fields. */
const summary = (page: Page) => {
	const group = field(page, /^Présentation/);
	return {
		french: group.getByLabel('Français', { exact: true }),
		english: group.getByLabel('Anglais', { exact: true }),
	};
};

async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publier' }).click();
	await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
}

test('the admin page has its own policy, is not indexed, and loads Decap from the site itself', async ({
	page,
	request,
}) => {
	const problems = watch(page);
	const response = await request.get(admin());
	expect(response.headers()['x-robots-tag']).toBe('noindex, nofollow');
	expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	await page.goto(admin());
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(policy).toContain("script-src 'self' 'unsafe-eval'");
	expect(policy).toContain(`connect-src 'self' http://127.0.0.1:${decapPort}`);
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
	await expect(page.locator('script[src="decap/decap-cms.js"]')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Guide de l’éditeur' })).toBeVisible();
	expect(problems).toEqual([]);
});

test('an office member adds a recognised course and a returnee report through the forms; each is committed', async ({
	page,
}) => {
	test.setTimeout(120_000);
	const problems = watch(page);
	// Two reports entered earlier, so that with this one the median rent shows.
	addEarlierReports(project.root);
	const before = git(project.root, 'rev-parse', 'HEAD');
	await logIn(page);
	await addCourse(page, admin());
	await addReport(page, admin());
	expectFiles(project.root);
	expect(git(project.root, 'rev-list', `${before}..HEAD`, '--count')).toBe('2');
	expect(git(project.root, 'status', '--porcelain')).toBe('');
	expect(problems).toEqual([]);
});

test('an office member creates a partner through the forms; it is committed and reaches the site', async ({
	page,
}) => {
	test.setTimeout(180_000);
	const problems = watch(page);
	const before = git(project.root, 'rev-parse', 'HEAD');
	await logIn(page);
	await newPartner(page, 'universidade-teste');
	// One agreement with a language level, chosen by its readable label.
	await field(page, /^Accords/)
		.getByRole('button', { name: 'Ajouter accord' })
		.click();
	await page.getByLabel('Type de mobilité').click();
	await page.getByRole('option', { name: 'Échange d’études' }).click();
	await field(page, /^Niveaux de langue requis/)
		.getByRole('button', { name: 'Ajouter niveau de langue requis' })
		.click();
	await choose(page, 'Langue', 'portugais', 'portugais (pt)');
	await page.getByLabel('Niveau (CECRL)').click();
	await page.getByRole('option', { name: 'B2 — avancé' }).click();
	// The summary in both languages, side by side.
	const { french, english } = summary(page);
	await french.fill('Université partenaire de test, au Brésil.');
	await english.fill('Test partner university, in Brazil.');
	const [frenchBox, englishBox] = [await french.boundingBox(), await english.boundingBox()];
	expect(englishBox!.x).toBeGreaterThan(frenchBox!.x + frenchBox!.width - 1);
	expect(Math.abs(englishBox!.y - frenchBox!.y)).toBeLessThan(30);
	// A source, described as a record: address, title, its language, its publisher.
	await addSource(page, 'https://example.org/universidade-teste');
	await publish(page);
	await expect(page.getByText('Entrée enregistrée')).toBeVisible();
	await expect(page).toHaveURL(/#\/collections\/partners\/entries\/universidade-teste$/);

	// The file is written, valid YAML without the editor's fields, and committed.
	const file = join(project.root, 'content/partners/universidade-teste.yaml');
	expect(parseYaml(readFileSync(file, 'utf8'))).toEqual({
		name: { native: 'Universidade de Teste', nativeLang: 'pt', en: 'University of Testing' },
		country: 'br',
		agreements: [{ kind: 'study', languages: [{ language: 'pt', cefr: 'B2' }] }],
		summary: {
			fr: 'Université partenaire de test, au Brésil.',
			en: 'Test partner university, in Brazil.',
		},
		sources: [
			{
				url: 'https://example.org/universidade-teste',
				title: 'Acordos internacionais',
				lang: 'pt',
				publisher: { fr: 'Universidade de Teste', en: 'University of Testing' },
			},
		],
		consulted: '2026-11-30',
		confirmed: '2026-12-01',
	});
	expect(git(project.root, 'rev-list', `${before}..HEAD`, '--count')).toBe('1');
	expect(git(project.root, 'log', '-1', '--format=%s')).toBe(
		'Création : Partenaire « universidade-teste »'
	);
	expect(git(project.root, 'show', '--name-only', '--format=', 'HEAD')).toBe(
		'content/partners/universidade-teste.yaml'
	);
	expect(git(project.root, 'status', '--porcelain')).toBe('');

	// It passes the content check…
	const check = spawnSync(
		join(project.root, 'node_modules/.bin/node'),
		['src/scripts/check-content.ts'],
		{ cwd: project.root, encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8' } }
	);
	expect(check.status, check.stdout + check.stderr).toBe(0);
	expect(check.stdout).toContain('aucune erreur');

	// …and, once the site is rebuilt, it is in the finder, on the map and in the open data.
	const rebuilt = await project.build(buildEnv());
	expect(rebuilt.code, rebuilt.output.slice(-3000)).toBe(0);
	const data = (await (await page.request.get(site('data/partners.json'))).json()) as {
		partners: { id: string }[];
	};
	expect(data.partners.map((partner) => partner.id)).toContain('universidade-teste');
	// French lists name it by its official name, in Latin script (it has no French name).
	await page.goto(site('partenaires/'));
	await expect(
		page.locator('.finder-body [role="row"]', { hasText: 'Universidade de Teste' })
	).toHaveCount(1);
	await expect(
		page.locator('.partner-map svg a[href$="/partenaires/universidade-teste/"]')
	).toHaveCount(1);
	await page.goto(site('partenaires/universidade-teste/'));
	await expect(page.locator('h1')).toHaveText('Universidade de Teste');
	await expect(page.locator('h1')).toHaveAttribute('lang', 'pt');
	await page.goto(site('en/partenaires/universidade-teste/'));
	await expect(page.locator('h1')).toHaveText('University of Testing');
	expect(problems).toEqual([]);
});

test('the recognised course and the report saved in the editor are on the rebuilt site and in its exports', async ({
	page,
}) => {
	// The site as the previous test rebuilt it, with everything the editor saved.
	const problems = watch(page);
	await expectOnSite(page, site);
	expect(problems).toEqual([]);
});

test('an invalid entry is refused with the build’s French message, and nothing is written', async ({
	page,
}) => {
	test.setTimeout(120_000);
	// Decap logs the error of a save the check refused: expected here.
	const problems = watch(page, [
		/^RefusedSave: 1 problème à corriger, en rouge dans le formulaire/,
	]);
	const before = git(project.root, 'rev-parse', 'HEAD');
	await logIn(page);
	await newPartner(page, 'invalide');
	// A malformed URL and no English summary: the form says so under the fields, in French.
	await summary(page).french.fill('Présentation en français seulement.');
	await addSource(page, 'htp:/exemple');
	const source = page.getByLabel('Adresse', { exact: true });
	await publish(page);
	// Each problem at its field, with the build's message.
	await expect(field(page, /^Adresse$/).locator(':scope > .erreurs-champ')).toContainText(
		'attendu : une adresse web complète commençant par http:// ou https://'
	);
	await expect(
		field(page, /^Présentation/).locator('.champ-en-erreur', { hasText: 'Anglais' })
	).toHaveCount(1);
	await expect(
		page.getByText(/^Rien n’a été enregistré : des champs sont à corriger/)
	).toBeVisible();
	expect(existsSync(join(project.root, 'content/partners/invalide.yaml'))).toBe(false);

	// Fixed, but with a deadline the schema refuses: the check before saving, with the build's
	// own message (the line check:content would print), lists it; nothing is saved.
	await source.clear();
	await source.fill('https://example.org/invalide');
	await expect(source).toHaveValue('https://example.org/invalide');
	await summary(page).english.fill('English summary.');
	await page.getByLabel('Semestre d’automne (MM-JJ)').first().fill('15/04');
	await publish(page);
	const deadline = page.locator('.champ-en-erreur', {
		has: page.locator(':scope > div > label', { hasText: 'Semestre d’automne (MM-JJ)' }),
	});
	await expect(deadline.locator(':scope > .erreurs-champ')).toHaveText(
		'attendu : un jour de l’année écrit « MM-JJ » (par exemple « 04-15 ») ; trouvé : « 15/04 »'
	);
	// Decap's notice says it in one sentence; the message is at the field.
	await expect(
		page.getByText(
			"Échec de l'enregistrement de l'entrée : 1 problème à corriger, en rouge dans le formulaire"
		)
	).toBeVisible();
	expect(existsSync(join(project.root, 'content/partners/invalide.yaml'))).toBe(false);
	expect(git(project.root, 'rev-parse', 'HEAD')).toBe(before);
	expect(git(project.root, 'status', '--porcelain')).toBe('');
	expect(problems).toEqual([]);
});

/** The local addresses a port listens on, from the kernel's socket tables (Linux). */
function listeningAddresses(port: number): string[] {
	const hex = port.toString(16).toUpperCase().padStart(4, '0');
	return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
		existsSync(table)
			? readFileSync(table, 'utf8')
					.split('\n')
					.slice(1)
					.map((line) => line.trim().split(/\s+/))
					// State 0A is LISTEN.
					.filter((columns) => columns[1]?.endsWith(`:${hex}`) && columns[3] === '0A')
					.map((columns) => columns[1]!.split(':')[0]!)
			: []
	);
}

/** Whether a TCP connection to an address and port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host, port, timeout: 2000 });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** The machine's addresses other than loopback. */
const otherAddresses = () =>
	Object.values(networkInterfaces())
		.flat()
		.filter((address) => address && !address.internal && address.family === 'IPv4')
		.map((address) => address!.address);

/** Asserts that a port listens on 127.0.0.1 only. */
async function expectLoopbackOnly(port: number) {
	// 0100007F is 127.0.0.1 in the kernel's table; 00000000 (or ::) would be every interface.
	expect(listeningAddresses(port)).toEqual(['0100007F']);
	expect(await accepts('127.0.0.1', port)).toBe(true);
	for (const address of otherAddresses()) expect(await accepts(address, port), address).toBe(false);
}

test('the local backend, which has no authentication, listens on 127.0.0.1 only', async () => {
	await expectLoopbackOnly(decapPort);
});

test('npm run edit starts the local backend and the development server on 127.0.0.1, and prints the editor’s address', async () => {
	test.setTimeout(120_000);
	const [sitePort, backendPort] = [await freePort(), await freePort()];
	const edit = spawn(join(project.root, 'node_modules/.bin/node'), ['src/scripts/edit.mjs'], {
		cwd: project.root,
		env: {
			...process.env,
			// The French address line below: French unless the locale is English.
			LANG: 'C.UTF-8',
			LC_ALL: '',
			LC_MESSAGES: '',
			EDIT_PORT: String(sitePort),
			EDIT_BACKEND_PORT: String(backendPort),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		const address = await new Promise<string>((resolve, reject) => {
			let output = '';
			const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 90_000);
			const listen = (chunk: Buffer) => {
				output += chunk.toString();
				const found = /Éditeur du site : (\S+)/.exec(output);
				if (found) {
					clearTimeout(timer);
					resolve(found[1]!);
				}
			};
			edit.stdout.on('data', listen);
			edit.stderr.on('data', listen);
		});
		expect(address).toBe(`http://127.0.0.1:${sitePort}/admin/`);
		await expectLoopbackOnly(backendPort);
		await expectLoopbackOnly(sitePort);
		// The development server serves the editor, configured for this backend and branch.
		const config = parseYaml(await (await fetch(`${address}config.yml`)).text()) as {
			backend: Record<string, string>;
		};
		expect(config.backend).toMatchObject({
			name: 'paires-proxy',
			proxy_url: `http://127.0.0.1:${backendPort}/api/v1`,
			branch: 'main',
		});
		const info = await fetch(`http://127.0.0.1:${backendPort}/api/v1`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ action: 'info' }),
		});
		expect(((await info.json()) as { type: string }).type).toBe('local_git');
	} finally {
		await stop(edit);
	}
});
