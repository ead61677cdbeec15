import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	cleaned,
	emptyPaths,
	entryProblems,
	pagesLayout,
	problemLine,
} from '../../src/editor/entry-check';
import { pageFormat } from '../../src/editor/formats';
import {
	pairPages,
	repositoryFolder,
	toEditorPath,
	toRepositoryPath,
} from '../../src/editor/paired-pages';
import { partners } from '../../src/lib/collections';
import { sourceField } from '../../src/lib/editor-config';
import type { Problem } from '../../src/lib/problems';
import { validateYamlFile } from '../../src/lib/validate';

/**
 * The admin script's parts that run without a browser: how it reads and writes pages (its YAML
 * writer is tested in yaml-edit.test.ts), how pages are paired with their translation, and the
 * check before a save.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const contentFiles = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && /\.(ya?ml|mdx)$/.test(entry.name))
	.map((entry) => relative(root, join(entry.parentPath, entry.name)));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** A source record as the forms give it. */
const source = {
	url: 'https://example.org/b',
	title: 'Page de l’exemple',
	lang: 'fr',
	publisher: { fr: 'Exemple', en: 'Example' },
};

describe('content formats', () => {
	test('pages: the frontmatter as data, the MDX text as typed without its import line', () => {
		const text = read('content/docs/guides/logement.mdx');
		const data = pageFormat.fromFile(text) as Record<string, unknown>;
		expect(data['title']).toBe('Logement');
		expect(data['body']).not.toMatch(/import/);
		const written = pageFormat.toFile({ ...data, title: 'Se loger' }, Object.keys(data));
		expect(written).toBe(text.replace('title: Logement\n', 'title: Se loger\n'));
	});
});

describe('pages paired with their translation', () => {
	test('Decap’s language folders are the site’s layout: French at the root, English under en/', () => {
		expect(toEditorPath(pagesLayout, 'content/docs/guides/logement.mdx')).toBe(
			'content/docs/guides/fr/logement.mdx'
		);
		expect(toEditorPath(pagesLayout, 'content/docs/en/guides/logement.mdx')).toBe(
			'content/docs/guides/en/logement.mdx'
		);
		expect(toEditorPath(pagesLayout, 'content/docs/erasmus.mdx')).toBe(
			'content/docs/fr/erasmus.mdx'
		);
		expect(toEditorPath(pagesLayout, 'content/docs/en/erasmus.mdx')).toBe(
			'content/docs/en/erasmus.mdx'
		);
		expect(toEditorPath(pagesLayout, 'content/partners/kagawa.yaml')).toBe(
			'content/partners/kagawa.yaml'
		);
		for (const file of contentFiles.filter((path) => path.endsWith('.mdx')))
			expect(toRepositoryPath(pagesLayout, toEditorPath(pagesLayout, file))).toBe(file);
		expect(repositoryFolder(pagesLayout, 'content/docs/guides', 'en')).toBe(
			'content/docs/en/guides'
		);
		expect(repositoryFolder(pagesLayout, 'content/docs', 'fr')).toBe('content/docs');
	});

	test('a backend lists, reads, writes and deletes both files of a page under Decap’s paths', async () => {
		const files = new Map([
			['content/docs/guides/logement.mdx', 'fr'],
			['content/docs/en/guides/logement.mdx', 'en'],
			['content/docs/erasmus.mdx', 'fr top'],
			['content/partners/kagawa.yaml', 'yaml'],
		]);
		const calls: string[] = [];
		const listed = (path: string) => ({ data: files.get(path), file: { path, id: path } });
		const inner = {
			async entriesByFolder(folder: string, extension: string, depth: number) {
				calls.push(`list ${folder} ${depth}`);
				return [...files.keys()]
					.filter((path) => path.endsWith(extension) && path.startsWith(`${folder}/`))
					.filter((path) => path.slice(folder.length + 1).split('/').length <= depth)
					.map(listed);
			},
			async entriesByFiles() {
				return [];
			},
			async getEntry(path: string) {
				return listed(path);
			},
			async persistEntry(entry: { dataFiles: { path: string }[] }, _options: unknown) {
				calls.push(`write ${entry.dataFiles.map((file) => file.path).join(' ')}`);
			},
			async deleteFiles(paths: string[], _message: string) {
				calls.push(`delete ${paths.join(' ')}`);
			},
			authComponent() {
				return 'login';
			},
		};
		const paired = pairPages(inner, pagesLayout);
		const guides = await paired.entriesByFolder('content/docs/guides', 'mdx', 2);
		expect(guides.map((entry) => entry.file.path).sort()).toEqual([
			'content/docs/guides/en/logement.mdx',
			'content/docs/guides/fr/logement.mdx',
		]);
		const top = await paired.entriesByFolder('content/docs', 'mdx', 2);
		expect(top.map((entry) => entry.file.path)).toEqual(['content/docs/fr/erasmus.mdx']);
		expect((await paired.getEntry('content/docs/guides/en/logement.mdx')).data).toBe('en');
		await paired.persistEntry(
			{
				dataFiles: [
					{ path: 'content/docs/guides/fr/visa.mdx' },
					{ path: 'content/docs/guides/en/visa.mdx' },
				],
			},
			{}
		);
		await paired.deleteFiles(['content/docs/guides/fr/visa.mdx'], 'x');
		expect(calls).toContain('write content/docs/guides/visa.mdx content/docs/en/guides/visa.mdx');
		expect(calls).toContain('delete content/docs/guides/visa.mdx');
		// Other collections and other methods reach the backend unchanged.
		expect((await paired.entriesByFolder('content/partners', 'yaml', 1)).length).toBe(1);
		expect(paired.authComponent()).toBe('login');
	});
});

describe('the check before a save', () => {
	const valid = {
		identifiant: 'exemple',
		name: { native: 'Universidade Exemplo', nativeLang: 'pt', en: 'Example University' },
		country: 'br',
		summary: { fr: 'Échange.', en: 'Exchange.' },
		sources: [source],
		consulted: '2026-11-30',
		confirmed: '2026-12-01',
	};

	test('passes a valid new partner, once the fields left empty are removed', () => {
		const data = {
			...valid,
			city: '',
			coordinates: { lat: null, lon: '' },
			sources: [{ ...source, date: '', kind: null }],
			[sourceField]: 'x',
		};
		expect(entryProblems({ collection: 'partners', newRecord: true, data })).toEqual([]);
		expect(emptyPaths(data)).toEqual([
			['sources', 0, 'date'],
			['sources', 0, 'kind'],
			['city'],
			['coordinates'],
		]);
		const { identifiant: _, ...content } = valid;
		expect(cleaned(data)).toEqual(content);
	});

	test('gives the build’s own messages, in French, with the field’s name in the form', () => {
		const data = {
			...valid,
			summary: { fr: 'Échange.' },
			sources: [{ ...source, url: 'htp:/example', publisher: { fr: 'Exemple' } }],
			confirmed: '2026-12-32',
			calendar: { studentNominations: { autumnTerm: '15/04' } },
		};
		const problems = entryProblems({ collection: 'partners', newRecord: true, data });
		const file = 'content/partners/exemple.yaml';
		// What the build says of the same file (without the editor's reserved field).
		const { identifiant: _, ...content } = data;
		const build = validateYamlFile(
			JSON.stringify(content),
			{ id: 'exemple', file },
			partners,
			'fr'
		);
		expect(build.ok).toBe(false);
		// The same field and message, problem by problem (the editor knows no line numbers).
		const said = (problem: Problem) => `${problem.file}: ${problem.field}: ${problem.message}`;
		expect(problems.map(said)).toEqual((build as { problems: Problem[] }).problems.map(said));
		expect(problems.map(problemLine)).toEqual([
			'content/partners/exemple.yaml: calendar.studentNominations.autumnTerm: attendu : un jour de l’année écrit « MM-JJ » (par exemple « 04-15 ») ; trouvé : « 15/04 » (champ « Dates limites › Nominations › Semestre d’automne (MM-JJ) »)',
			'content/partners/exemple.yaml: summary.en: attendu : un texte en anglais ; trouvé : rien (champ « Présentation › Anglais »)',
			'content/partners/exemple.yaml: sources.0.url: attendu : une adresse web complète commençant par http:// ou https:// ; trouvé : « htp:/example » (champ « Sources 1 › Adresse »)',
			'content/partners/exemple.yaml: sources.0.publisher.en: attendu : un texte en anglais ; trouvé : rien (champ « Sources 1 › Éditeur (qui publie) › Anglais »)',
			'content/partners/exemple.yaml: confirmed: attendu : une date écrite AAAA-MM-JJ ; trouvé : « 2026-12-32 », un jour qui n’existe pas (champ « Confirmé par le service le »)',
		]);
	});

	test('a new entry needs an identifier that is a valid file name', () => {
		const missing = entryProblems({
			collection: 'partners',
			newRecord: true,
			data: { ...valid, identifiant: '' },
		});
		expect(missing.map((problem) => problem.message)).toEqual([
			expect.stringMatching(
				/^attendu : un nom de fichier en minuscules .* par exemple « kagawa » ; trouvé : rien/
			),
		]);
		const wrong = entryProblems({
			collection: 'partners',
			newRecord: true,
			data: { ...valid, identifiant: 'Université Exemple' },
		});
		expect(wrong[0]).toMatchObject({
			field: '(file name)',
			label: 'Identifiant (nom du fichier)',
		});
		expect(wrong[0]?.message).toMatch(/trouvé : « Université Exemple »$/);
		// An existing entry keeps its file: no identifier asked.
		expect(
			entryProblems({
				collection: 'partners',
				newRecord: false,
				path: 'content/partners/kagawa.yaml',
				data: { ...valid, identifiant: undefined },
			})
		).toEqual([]);
	});

	test('a page needs its English version', () => {
		const page = {
			identifiant: 'visa',
			title: 'Visa',
			description: 'Demander un visa.',
			audience: ['outgoing'],
			searchTerms: ['titre de séjour'],
			sources: [source],
			consulted: '2026-11-30',
			body: 'Texte.',
		};
		const alone = entryProblems({ collection: 'pages-guides', newRecord: true, data: page });
		expect(alone.map(problemLine)).toEqual([
			'content/docs/en/guides/visa.mdx: (translation): attendu : sa version anglaise content/docs/en/guides/visa.mdx (colonne « EN ») ; trouvé : rien (champ « Version anglaise »)',
		]);
		const paired = entryProblems({
			collection: 'pages-guides',
			newRecord: true,
			data: page,
			i18n: { en: { data: { ...page, title: 'Visas', body: '' } } },
		});
		expect(paired.map(problemLine)).toEqual([
			'content/docs/en/guides/visa.mdx: body: attendu : le texte de la page ; trouvé : rien (champ « Texte de la page »)',
		]);
	});

	test('a page whose text the build would refuse is refused, with the line in the text', () => {
		const page = {
			title: 'Visa',
			description: 'Demander un visa.',
			audience: ['outgoing'],
			searchTerms: ['titre de séjour'],
			sources: [source],
			consulted: '2026-11-30',
			body: 'Texte.\n\n<script>alert(1)</script>\n',
		};
		const problems = entryProblems({
			collection: 'pages-guides',
			newRecord: false,
			path: 'content/docs/guides/visa.mdx',
			data: page,
			i18n: { en: { data: { ...page, body: 'Text.\n\n<Aside>\n\nTip.\n' } } },
		});
		expect(problems.map(problemLine)).toEqual([
			'content/docs/guides/visa.mdx: <script>: ligne 3 du texte : <script> n’est pas permis dans les pages : il exécuterait du code, chargerait une autre page ou modifierait la page (champ « Texte de la page »)',
			'content/docs/en/guides/visa.mdx: (MDX): MDX invalide ligne 3, colonne 1 : Expected a closing tag for `<Aside>`. Fermez chaque composant ouvert (<Aside>…</Aside>, ou <Term id="…" />) et écrivez une accolade ou un chevron seul \\{ ou \\< (champ « Texte de la page »)',
		]);
	});
});
