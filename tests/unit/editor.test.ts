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
import { pageFormat, yamlContentFormat } from '../../src/editor/formats';
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
 * The admin script's parts that run without a browser: how it reads and writes content files,
 * how pages are paired with their translation, and the check before a save.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const contentFiles = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && /\.(ya?ml|mdx)$/.test(entry.name))
	.map((entry) => relative(root, join(entry.parentPath, entry.name)));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const formatOf = (file: string) => (file.endsWith('.mdx') ? pageFormat : yamlContentFormat);

/** A source record as the forms give it. */
const source = {
	url: 'https://example.org/b',
	title: 'Page de l’exemple',
	lang: 'fr',
	publisher: { fr: 'Exemple', en: 'Example' },
};

describe('content formats', () => {
	test('read every content file and write it back byte for byte when nothing changed', () => {
		expect(contentFiles.length).toBeGreaterThan(80);
		for (const file of contentFiles) {
			const text = read(file);
			const data = formatOf(file).fromFile(text);
			expect(formatOf(file).toFile(data, Object.keys(data)), file).toBe(text);
		}
		// Every file of the site, read and written: seconds on a loaded machine.
	}, 30_000);

	test('read YAML as the build does: dates and quoted codes stay text', () => {
		const data = yamlContentFormat.fromFile(read('tests/fixtures/yaml/utc-hanoi.yaml')) as {
			consulted: unknown;
			agreements: { subjectAreas: { iscedFCode: unknown }[] }[];
		};
		expect(data.consulted).toBe('2026-11-23');
		expect(data.agreements[0]!.subjectAreas[0]!.iscedFCode).toBe('07');
	});

	test('rewrite only the lines of the values that changed, comments and folding kept', () => {
		const file = 'tests/fixtures/yaml/utc-hanoi.yaml';
		const text = read(file);
		const data = structuredClone(yamlContentFormat.fromFile(text)) as Record<string, never>;
		const edited = data as unknown as {
			city: string;
			coordinates: { lat: number };
			summary: { en: string };
			agreements: { subjectAreas: { iscedFCode: string }[] }[];
		};
		edited.city = 'Hà Nội';
		edited.coordinates.lat = 21.03;
		edited.agreements[0]!.subjectAreas[0]!.iscedFCode = '0712';
		edited.summary.en =
			'A new English summary, long enough to be folded over more than one line of the file when it is written.';
		const written = yamlContentFormat.toFile(data, Object.keys(data));
		const before = text.split('\n');
		const after = written.split('\n');
		const changed = after.filter((line) => !before.includes(line));
		expect(changed).toEqual([
			'city: Hà Nội',
			'coordinates: { lat: 21.03, lon: 105.84117 }',
			"      - iscedFCode: '0712'",
			'    A new English summary, long enough to be folded over more than one line of the',
			'    file when it is written.',
		]);
		expect(written).toContain('# Centre of Hanoi (GeoNames 1581130)');
		const { ok } = validateYamlFile(written, { id: 'utc-hanoi', file }, partners);
		expect(ok).toBe(true);
	});

	test('keep comments when a field or a list item is added, and put a new field in the form’s order', () => {
		const text = read('tests/fixtures/yaml/kagawa.yaml');
		const data = yamlContentFormat.fromFile(text) as Record<string, unknown>;
		const written = yamlContentFormat.toFile(
			{
				...data,
				city: 'Takamatsu',
				sources: [...(data['sources'] as object[]), source],
				confirmed: '2026-12-01',
			},
			['name', 'country', 'city', 'agreements', 'summary', 'sources', 'consulted', 'confirmed']
		);
		expect(written.startsWith('# Kagawa University (Japan).')).toBe(true);
		expect(written).toMatch(/\ncountry: jp\ncity: Takamatsu\nagreements:/);
		expect(written).toContain(
			[
				'  - url: https://example.org/b',
				'    title: Page de l’exemple',
				'    lang: fr',
				'    publisher:',
				'      fr: Exemple',
				'      en: Example',
				'',
			].join('\n')
		);
		expect(written).toMatch(/\nconsulted: 2026-11-23\nconfirmed: 2026-12-01\n$/);
		expect(validateYamlFile(written, { id: 'kagawa', file: 'k.yaml' }, partners).ok).toBe(true);
	});

	test('write a new entry in the files’ style, without the editor’s reserved fields', () => {
		const written = yamlContentFormat.toFile(
			{
				identifiant: 'exemple',
				name: { native: 'Universidade Exemplo', nativeLang: 'pt', en: 'Example University' },
				country: 'br',
				agreements: [{ kind: 'study', eqfLevels: [7], subjectAreas: [{ iscedFCode: '0713' }] }],
				summary: {
					fr: 'Échange d’élèves ingénieurs en génie électrique, sur un ou deux semestres, au Brésil.',
					en: 'Exchange.',
				},
				sources: [{ ...source, kind: 'partner', date: '2014' }],
				consulted: '2026-11-30',
				confirmed: '2026-12-01',
			},
			[
				'identifiant',
				'name',
				'country',
				'agreements',
				'summary',
				'sources',
				'consulted',
				'confirmed',
			]
		);
		expect(written).toBe(`name:
  native: Universidade Exemplo
  nativeLang: pt
  en: Example University
country: br
agreements:
  - kind: study
    eqfLevels: [7]
    subjectAreas:
      - iscedFCode: '0713'
summary:
  fr: >-
    Échange d’élèves ingénieurs en génie électrique, sur un ou deux semestres,
    au Brésil.
  en: Exchange.
sources:
  - url: https://example.org/b
    title: Page de l’exemple
    lang: fr
    publisher:
      fr: Exemple
      en: Example
    kind: partner
    date: '2014'
consulted: 2026-11-30
confirmed: 2026-12-01
`);
		expect(written).not.toContain(sourceField);
	});

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
