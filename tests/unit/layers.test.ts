import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { dataFiles, routes } from '../../src/lib/routes';

/**
 * The layers of `src/`, each importing only the layers below it:
 *
 *   vocab ← schemas ← lib ← loaders ← components ← pages
 *
 * (config, integrations, scripts and the Starlight route middleware sit beside pages). These tests
 * read every import of every source file and fail on one that goes up, as Starlight's
 * `__tests__/basics/no-internal-barrel-imports.test.ts` guards its own rules.
 * @see https://github.com/withastro/starlight/blob/main/packages/starlight/__tests__/basics/no-internal-barrel-imports.test.ts
 */

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The layer of a file or folder of `src/`, by its first folder. */
function layerOf(path: string): string {
	const inside = relative(src, path).split(/[\\/]/);
	return inside.length > 1 ? inside[0]! : inside[0]!.replace(/\.\w+$/, '');
}

interface Import {
	file: string;
	specifier: string;
	typeOnly: boolean;
	/** The layer of `src/` it points to, for a relative import; undefined for a package. */
	target?: string | undefined;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
}

function importsOf(file: string): Import[] {
	const text = readFileSync(file, 'utf8');
	const found: Import[] = [];
	const patterns = [
		/^\s*import\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm,
		/^\s*import\s+['"]([^'"]+)['"]/gm,
		/^\s*export\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm,
		/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
	];
	for (const [index, pattern] of patterns.entries()) {
		for (const match of text.matchAll(pattern)) {
			const specifier = (index === 0 || index === 2 ? match[2] : match[1])!;
			const typeOnly = (index === 0 || index === 2) && Boolean(match[1]);
			const target = specifier.startsWith('.')
				? layerOf(resolve(dirname(file), specifier))
				: specifier.startsWith('~/')
					? layerOf(join(src, specifier.slice(2)))
					: undefined;
			found.push({ file: relative(src, file), specifier, typeOnly, target });
		}
	}
	return found;
}

const imports = sourceFiles(src).flatMap(importsOf);
const from = (layer: string) => imports.filter((entry) => layerOf(join(src, entry.file)) === layer);
const describeImport = (entry: Import) => `${entry.file} imports ${entry.specifier}`;

/** Layers each layer may import (besides itself and packages). */
const allowed: Record<string, string[]> = {
	vocab: [],
	schemas: ['vocab'],
	lib: ['vocab', 'schemas'],
	loaders: ['vocab', 'schemas', 'lib'],
	components: ['vocab', 'lib', 'loaders'],
	pages: ['vocab', 'schemas', 'lib', 'loaders', 'components'],
};

describe('the layers of src/', () => {
	test('reads imports of every layer (the test sees the code it guards)', () => {
		for (const layer of Object.keys(allowed)) expect(from(layer).length, layer).toBeGreaterThan(0);
	});

	test.each(Object.entries(allowed))('%s imports only the layers below it', (layer, below) => {
		const upward = from(layer).filter(
			(entry) =>
				entry.target !== undefined &&
				entry.target !== layer &&
				!below.includes(entry.target) &&
				// The UI strings' schema is derived from the French strings file (data, not code).
				!(layer === 'schemas' && entry.specifier.endsWith('/content/i18n/fr.json'))
		);
		expect(upward.map(describeImport)).toEqual([]);
	});

	test('components import schemas for their types only', () => {
		const values = from('components').filter(
			(entry) => entry.target === 'schemas' && !entry.typeOnly
		);
		expect(values.map(describeImport)).toEqual([]);
	});

	test('vocabularies import no package but each other', () => {
		expect(
			from('vocab')
				.filter((entry) => entry.target === undefined)
				.map(describeImport)
		).toEqual([]);
	});

	test('schemas import zod and nothing else from outside the project', () => {
		const packages = from('schemas').filter(
			(entry) => entry.target === undefined && entry.specifier !== 'astro/zod'
		);
		expect(packages.map(describeImport)).toEqual([]);
	});

	test('lib imports no astro:* module and no Astro runtime', () => {
		const astro = from('lib').filter(
			(entry) => entry.specifier.startsWith('astro:') || entry.specifier === 'astro'
		);
		expect(astro.map(describeImport)).toEqual([]);
	});

	test('pure layers import with explicit .ts extensions, so Node runs them without a bundler', () => {
		const bare = ['vocab', 'schemas', 'lib']
			.flatMap(from)
			.filter((entry) => entry.specifier.startsWith('.') && !/\.(ts|json)$/.test(entry.specifier));
		expect(bare.map(describeImport)).toEqual([]);
	});
});

describe('URLs', () => {
	/** The first segment of every route and data file: what a hand-built URL would contain. */
	const segments = [
		...new Set(
			[
				...Object.values(routes).map((route) => route('x')),
				...Object.values(dataFiles).map((file) => file('x')),
			]
				.map((path) => path.split('/')[1])
				.filter(Boolean)
		),
	];

	test('no page or component builds a site URL: only the route table does', () => {
		expect(segments).toEqual(
			expect.arrayContaining(['partenaires', 'pays', 'programmes', 'glossaire', 'data'])
		);
		const literal = new RegExp(`['"\`]/(?:${segments.join('|')})(?:/|['"\`])`);
		const offenders = sourceFiles(src)
			.filter((file) => ['pages', 'components'].includes(layerOf(file)))
			.flatMap((file) =>
				readFileSync(file, 'utf8')
					.split('\n')
					.map((line, index) => ({ line, index }))
					.filter(({ line }) => literal.test(line) && !/^(\/\*|\*|\/\/)/.test(line.trim()))
					.map(({ index }) => `${relative(src, file)}:${index + 1}`)
			);
		expect(offenders).toEqual([]);
	});
});
