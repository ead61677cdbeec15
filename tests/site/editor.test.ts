import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { editorRoutes, withBase } from '../../src/lib/routes';
import { todoList } from '../../src/lib/todo';
import { realContent } from '../fixtures/content';
import {
	basePath,
	distDir,
	distFiles,
	editorFolder,
	htmlPages,
	readDist,
	readSubpath,
} from './dist';

/**
 * The web editor's area in the build (`admin/`): Decap CMS served from the site itself, its
 * generated configuration, the to-do list and the guide — for the office only: never indexed,
 * in neither the sitemap nor the search index, with a Content-Security-Policy of its own while
 * the public pages keep theirs.
 */

const files = distFiles();
const policyOf = (html: string) =>
	/<meta http-equiv="content-security-policy" content="([^"]*)"/
		.exec(html)?.[1]
		?.replaceAll('&#39;', "'") ?? '';

describe('the web editor in the build', () => {
	const page = readDist(`${editorFolder}index.html`);

	test('is a French page, never indexed, with its own policy allowing Decap’s eval', () => {
		expect(page).toContain('<html lang="fr">');
		expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
		const policy = policyOf(page);
		expect(policy).toMatch(/script-src 'self' 'unsafe-eval'(;|$)/);
		expect(policy).toContain("object-src 'none'");
		expect(policy).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
	});

	test('loads Decap CMS from the site itself, with every file it loads, without source maps', () => {
		const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
		expect(scripts).toEqual([
			expect.stringMatching(/^editeur-[0-9a-f]{10}\.js$/),
			'decap/decap-cms.js',
		]);
		const decap = files.filter((file) => file.startsWith(`${editorFolder}decap/`));
		expect(decap).toContain(`${editorFolder}decap/decap-cms.js`);
		expect(decap.filter((file) => /\/\d+\.decap-cms\.js$/.test(file)).length).toBeGreaterThan(50);
		expect(decap.filter((file) => file.endsWith('.wasm')).length).toBeGreaterThan(0);
		expect(decap.filter((file) => file.endsWith('.map'))).toEqual([]);
	});

	test('has a configuration generated from the schemas, in French', () => {
		const config = parseYaml(readDist(`${editorFolder}config.yml`)) as {
			locale: string;
			collections: { name: string }[];
		};
		expect(config.locale).toBe('fr');
		expect(config.collections.map((collection) => collection.name)).toEqual(
			expect.arrayContaining([
				'partners',
				'countries',
				'programmes',
				'contacts',
				'glossary',
				'factsheet',
				'pages',
			])
		);
	});

	test('is in neither the sitemap nor the search index', () => {
		// The sitemap needs the site's origin: the sub-path build is made with SITE_URL.
		const sitemap = readSubpath('sitemap-0.xml');
		expect(sitemap).toContain('/partenaires/');
		expect(readSubpath(`${editorFolder}config.yml`)).toContain('collections:');
		expect(sitemap).not.toContain(`/${editorFolder}`);
		const dir = join(distDir, 'pagefind/fragment');
		const urls = readdirSync(dir).map((name) => {
			const data = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
			return (JSON.parse(data.slice(data.indexOf('{'))) as { url: string }).url;
		});
		expect(urls.length).toBeGreaterThan(50);
		expect(urls.filter((url) => url.includes(`/${editorFolder}`))).toEqual([]);
		for (const file of files.filter(
			(name) => name.startsWith(editorFolder) && name.endsWith('.html')
		))
			expect(readDist(file), file).not.toContain('data-pagefind-body');
	});

	test('leaves the public pages’ policy as it was: no eval, no inline script', () => {
		for (const file of htmlPages().slice(0, 40)) {
			const policy = policyOf(readDist(file));
			expect(policy, file).toContain("script-src 'self' 'wasm-unsafe-eval'");
			expect(policy, file).not.toContain(" 'unsafe-eval'");
			expect(/script-src([^;]*)/.exec(policy)?.[1], file).not.toContain('unsafe-inline');
		}
	});
});

describe('the office’s to-do list (/admin/todo/)', () => {
	const page = readDist(`${editorFolder}todo/index.html`);
	const list = todoList(realContent());

	test('lists every entry with something to complete, each with a link opening it in the editor', () => {
		expect(list.length).toBeGreaterThan(5);
		for (const entry of list) {
			const href = withBase(editorRoutes.entry(entry.collection, entry.id), basePath);
			expect(page, entry.id).toContain(`<a href="${href}">`);
			for (const field of entry.missing)
				expect(page, `${entry.id}: ${field.path}`).toContain(`data-field="${field.path}">`);
		}
	});

	test('names the missing facts in French, e.g. a partner’s Erasmus code', () => {
		const kagawa = list.find((entry) => entry.id === 'kagawa')!;
		expect(kagawa.missing.map((field) => field.path)).toContain('erasmusCode');
		// Named as the form names it, without the file's field path.
		expect(page).toContain('<li data-field="erasmusCode">Code Erasmus</li>');
		expect(page).not.toContain('title="erasmusCode"');
		// Public facts to look up and facts only the office can give, in two parts with counts,
		// each in the order readers need them.
		expect(page).toMatch(/<h2 id="todo-public">À rechercher \(\d+\)<\/h2>/);
		expect(page).toMatch(/<h2 id="todo-office">À confirmer par le Service \(\d+\)<\/h2>/);
		expect(page.indexOf('id="todo-office-readers"')).toBeLessThan(
			page.indexOf('id="todo-office-countries"')
		);
		expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(policyOf(page)).toContain("default-src 'none'");
	});
});

describe('the editor’s guide (/admin/guide/)', () => {
	const page = readDist(`${editorFolder}guide/index.html`);
	const markdown = readFileSync(new URL('../../src/editor/guide.md', import.meta.url), 'utf8');

	test('is rendered from its Markdown file, each section in the table of contents', () => {
		const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
		expect(sections.length).toBeGreaterThanOrEqual(6);
		const headings = [...page.matchAll(/<h2 id="([^"]+)">/g)].map((match) => match[1]);
		expect(headings).toHaveLength(sections.length);
		for (const id of headings) expect(page).toContain(`<a href="#${id}">`);
		// The admin script links the problem panel to this section.
		expect(headings).toContain('lire-un-message-derreur');
		expect(page).toContain('<nav class="toc" aria-label="Sommaire">');
	});

	test('covers what the office does: log in, add a partner, translate, import, read an error, undo', () => {
		for (const topic of [
			/Se connecter/,
			/Ajouter un partenaire/,
			/Traduire une page/,
			/Importer un tableur/,
			/Lire un message d’erreur/,
			/Annuler une modification/,
		])
			expect(markdown).toMatch(new RegExp(`^## ${topic.source}`, 'm'));
		// The message it shows is the one the content check gives today.
		expect(markdown).toContain('attendu : un texte en anglais ; trouvé : rien');
	});
});
