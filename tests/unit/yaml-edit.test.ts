import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { partners } from '../../src/lib/collections';
import { schemaTree } from '../../src/lib/schema-tree';
import { patchYaml, yamlText } from '../../src/loaders/yaml-edit';
import { contentIds, root } from '../fixtures/content';

/** Writing partner files: new ones in the schema's order, existing ones touched only where they change. */

const tree = schemaTree(partners.schema);
const parse = (text: string) =>
	parseDocument(text, { version: '1.2', schema: 'core' }).toJS() as Record<string, unknown>;
const read = (id: string) => readFileSync(new URL(`content/partners/${id}.yaml`, root), 'utf8');
const at = (data: unknown, path: readonly (string | number)[]) =>
	path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);

/** Patches a real file with a change made to its data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test edits the parsed YAML of its own file freely
function change(id: string, edit: (data: Record<string, any>) => void) {
	const text = read(id);
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
    eqfLevels:
      - 7
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
		expect(lineDiff(read('sapienza'), result.text)).toEqual({
			added: [
				'  - kind: internship',
				'    eqfLevels: [ 6, 7 ]',
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
