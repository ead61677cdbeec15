import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { pageFormat, yamlContentFormat } from '../../src/editor/formats';
import { countries, partners } from '../../src/lib/collections';
import { sourceField } from '../../src/lib/editor-config';
import { schemaTree } from '../../src/lib/schema-tree';
import { validateYamlFile } from '../../src/lib/validate';
import { patchYaml, yamlText } from '../../src/lib/yaml-edit';
import { contentIds, root } from '../fixtures/content';

/**
 * The one writer of content files (src/lib/yaml-edit.ts), as the spreadsheet import and the
 * web editor's formats (src/editor/formats.ts) use it: new files in the schema's or the form's
 * order, existing ones touched only where they change, with one folding rule for both.
 */

const tree = schemaTree(partners.schema);
const parse = (text: string) =>
	parseDocument(text, { version: '1.2', schema: 'core' }).toJS() as Record<string, unknown>;
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const readPartner = (id: string) => read(`content/partners/${id}.yaml`);
const contentFiles = (readdirSync(new URL('content', root), { recursive: true }) as string[])
	.filter((file) => /\.(ya?ml|mdx)$/.test(file))
	.map((file) => `content/${file}`);
const formatOf = (file: string) => (file.endsWith('.mdx') ? pageFormat : yamlContentFormat);

/** A source record as the forms give it. */
const source = {
	url: 'https://example.org/b',
	title: 'Page de l’exemple',
	lang: 'fr',
	publisher: { fr: 'Exemple', en: 'Example' },
};
const at = (data: unknown, path: readonly (string | number)[]) =>
	path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);

/** Patches a real file with a change made to its data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test edits the parsed YAML of its own file freely
function change(id: string, edit: (data: Record<string, any>) => void) {
	const text = readPartner(id);
	const before = parse(text);
	const after = structuredClone(before);
	edit(after);
	const patched = patchYaml(text, after, tree, (path) =>
		isDeepStrictEqual(at(before, path), at(after, path))
	);
	return { original: text, after, ...patched };
}

/** Lines of `b` not in `a`, and of `a` not in `b`. */
function lineDiff(a: string, b: string) {
	const left = a.split('\n');
	const right = b.split('\n');
	return {
		added: right.filter((line) => !left.includes(line)),
		removed: left.filter((line) => !right.includes(line)),
	};
}

describe('yamlText', () => {
	test('writes a new file in the order of the schema, in the style of the content files', () => {
		const text = yamlText(tree, {
			consulted: '2026-11-23',
			sources: [
				{
					kind: 'partner',
					publisher: { en: 'Test University', fr: 'Université de test' },
					lang: 'pt',
					title: 'Página de teste',
					url: 'https://example.org/test-partners/1',
				},
			],
			summary: {
				en: 'Fictitious institution created for tests, specialised in materials and civil engineering.',
				fr: 'Établissement fictif.',
			},
			agreements: [{ eqfLevels: [7], subjectAreas: [{ iscedFCode: '0713' }], kind: 'study' }],
			coordinates: { lon: -47.9, lat: -15.79 },
			country: 'br',
			name: { en: 'Test University', nativeLang: 'pt', native: 'Universidade de Teste' },
		});
		expect(text).toBe(`name:
  native: Universidade de Teste
  nativeLang: pt
  en: Test University
country: br
coordinates: { lat: -15.79, lon: -47.9 }
agreements:
  - kind: study
    subjectAreas:
      - iscedFCode: '0713'
    eqfLevels: [7]
summary:
  fr: Établissement fictif.
  en: >-
    Fictitious institution created for tests, specialised in materials and civil
    engineering.
sources:
  - url: https://example.org/test-partners/1
    title: Página de teste
    lang: pt
    publisher:
      fr: Université de test
      en: Test University
    kind: partner
consulted: 2026-11-23
`);
		expect(parse(text)['coordinates']).toEqual({ lat: -15.79, lon: -47.9 });
	});
});

describe('patchYaml', () => {
	test('changes one line for one value, and keeps every comment', () => {
		const result = change('bauman', (data) => {
			data.city = 'Moskva';
		});
		expect(result.rewritten).toBe(false);
		expect(result.changed).toEqual(['city']);
		expect(lineDiff(result.original, result.text)).toEqual({
			added: ['city: Moskva'],
			removed: ['city: Moscow'],
		});
	});

	test('adds a field after the one the schema puts before it, and removes one', () => {
		const result = change('kagawa', (data) => {
			data.city = 'Takamatsu';
			data.status = 'active';
			delete data.name.fr;
		});
		expect(result.rewritten).toBe(false);
		const lines = result.text.split('\n');
		expect(lines.indexOf('city: Takamatsu')).toBe(lines.indexOf('country: jp') + 1);
		expect(lines.indexOf('status: active')).toBe(lines.indexOf('sources:') - 1);
		expect(lines).not.toContain('  fr: Université de Kagawa');
		expect(parse(result.text)['name']).toEqual({
			native: '香川大学',
			nativeLang: 'ja',
			en: 'Kagawa University',
		});
		expect(result.text.startsWith('# Kagawa University (Japan).')).toBe(true);
	});

	test('keeps the quotes of a text it changes, on one line however long', () => {
		const title =
			'Destinations Erasmus+ 2027/28 de la Faculté d’ingénierie civile et industrielle de la Sapienza, mise à jour';
		const result = change('sapienza', (data) => {
			data.sources[0].title = title;
			data.sources[0].publisher.en = 'ErasmusWiz (a student project)';
		});
		expect(result.rewritten).toBe(false);
		expect(result.changed).toEqual(['sources.0.title', 'sources.0.publisher.en']);
		const { added } = lineDiff(result.original, result.text);
		expect(added).toEqual([`    title: '${title}'`, "      en: 'ErasmusWiz (a student project)'"]);
	});

	test('changes, adds and removes agreements in place', () => {
		const result = change('sapienza', (data) => {
			data.agreements[0].kind = 'internship';
			data.agreements[0].eqfLevels = [6, 7];
			data.agreements.push({ kind: 'staff', languages: [{ language: 'it', cefr: 'B1' }] });
		});
		expect(result.rewritten).toBe(false);
		expect(result.changed).toEqual(['agreements.0.kind', 'agreements.0.eqfLevels', 'agreements.1']);
		expect(lineDiff(readPartner('sapienza'), result.text)).toEqual({
			added: [
				'  - kind: internship',
				'    eqfLevels: [6, 7]',
				'  - kind: staff',
				'    languages:',
				'      - language: it',
				'        cefr: B1',
			],
			removed: ['  - kind: study', '    eqfLevels: [7]'],
		});
		const removed = change('ifsul', (data) => {
			data.agreements = [];
		});
		expect(parse(removed.text)['agreements']).toEqual([]);
		expect(removed.text).toContain('\nagreements: []\nsummary:');
	});

	test('always gives the intended data, whatever the change', () => {
		const ids = contentIds('partners');
		const edit = fc.record({
			id: fc.constantFrom(...ids),
			city: fc.option(fc.constantFrom('Lyon', 'Ville : deux-points', "l'Isle", '+33', '0713'), {
				nil: undefined,
			}),
			status: fc.option(fc.constantFrom('active', 'ended'), { nil: undefined }),
			abbreviation: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
			note: fc.option(fc.lorem({ maxCount: 40 }), { nil: undefined }),
			places: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
			dropFirstAgreement: fc.boolean(),
		});
		fc.assert(
			fc.property(edit, ({ id, city, status, abbreviation, note, places, dropFirstAgreement }) => {
				const result = change(id, (data) => {
					if (city === undefined) delete data.city;
					else data.city = city;
					if (status === undefined) delete data.status;
					else data.status = status;
					if (abbreviation === undefined) delete data.abbreviation;
					else data.abbreviation = abbreviation;
					if (dropFirstAgreement) data.agreements?.shift();
					const first = data.agreements?.[0];
					if (first) {
						if (note !== undefined) first.notes = { fr: note, en: note };
						if (places !== undefined) first.mobilitiesPerYear = places;
					}
				});
				expect(parse(result.text)).toEqual(result.after);
				expect(result.rewritten).toBe(false);
			}),
			{ numRuns: 300 }
		);
	}, 30_000);
});

describe('the web editor’s format of data files', () => {
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
			'    A new English summary, long enough to be folded over more than one line of',
			'    the file when it is written.',
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
});

describe('one writer, one folding rule: the editor and the import write the same bytes', () => {
	/** Every file of content/partners/ and content/countries/, with its collection's schema. */
	const files = [
		...contentIds('partners').map((id) => ({ file: `content/partners/${id}.yaml`, tree })),
		...contentIds('countries').map((id) => ({
			file: `content/countries/${id}.yaml`,
			tree: schemaTree(countries.schema),
		})),
	];
	type Edit = (data: Record<string, unknown>) => void;

	/** The editor's save: the file read by its format, changed as in a form, written back. */
	const editorSave = (text: string, edit: Edit = () => {}) => {
		const data = structuredClone(yamlContentFormat.fromFile(text));
		edit(data);
		return yamlContentFormat.toFile(data, Object.keys(data));
	};
	/** The import's save: the file's data changed, written as the import writes it. */
	const importSave = (text: string, schema: typeof tree, edit: Edit = () => {}) => {
		const before = parse(text);
		const after = structuredClone(before);
		edit(after);
		const same = (path: readonly (string | number)[]) =>
			isDeepStrictEqual(at(before, path), at(after, path));
		return patchYaml(text, after, schema, same).text;
	};

	/** Paths of the texts of prose (a space, no address) below the top level, in file order. */
	const prosePaths = (data: unknown, path: (string | number)[] = []): (string | number)[][] =>
		typeof data === 'string'
			? path.length > 1 && data.includes(' ') && !/^https?:/.test(data)
				? [path]
				: []
			: data && typeof data === 'object'
				? Object.entries(data).flatMap(([key, value]) =>
						prosePaths(value, [...path, Array.isArray(data) ? Number(key) : key])
					)
				: [];
	const setAt = (data: Record<string, unknown>, path: (string | number)[], value: unknown) => {
		const parent = at(data, path.slice(0, -1)) as Record<string | number, unknown>;
		parent[path.at(-1)!] = value;
	};
	const long =
		'Texte réécrit pour l’essai : assez long pour ne pas tenir sur sa ligne, il est plié en un bloc de lignes de quatre-vingts colonnes au plus, quel que soit l’outil qui l’écrit.';

	test.each(files)('$file', ({ file, tree: schema }) => {
		const text = read(file);
		// Saved with no change, by either path: byte for byte.
		expect(editorSave(text)).toBe(text);
		expect(importSave(text, schema)).toBe(text);

		const paths = prosePaths(parse(text));
		expect(paths.length).toBeGreaterThan(1);
		const first: Edit = (data) => setAt(data, paths[0]!, long);
		const last: Edit = (data) => setAt(data, paths.at(-1)!, `${long} Autre texte.`);

		// One change: the same bytes from both paths, and each leaves the other's file as it is.
		const byEditor = editorSave(text, first);
		expect(byEditor).not.toBe(text);
		expect(importSave(text, schema, first)).toBe(byEditor);
		expect(importSave(byEditor, schema)).toBe(byEditor);
		expect(editorSave(importSave(text, schema, first))).toBe(byEditor);

		// Two changes, one by each path, in either order: the same file.
		const editorThenImport = importSave(byEditor, schema, last);
		const importThenEditor = editorSave(importSave(text, schema, first), last);
		expect(importThenEditor).toBe(editorThenImport);
		const expected = parse(text);
		first(expected);
		last(expected);
		expect(parse(editorThenImport)).toEqual(expected);
		// Written lines fit in 80 columns, but for a text that keeps its quotes (on one line).
		for (const line of editorThenImport.split('\n'))
			if (!text.split('\n').includes(line) && !/^\s*\w+: '/.test(line))
				expect(line.length, line).toBeLessThanOrEqual(80);
	});
});
