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
 * and, beside the pages, what builds and serves them: the Starlight route middleware
 * (`route-data.ts`), the collections (`content.config.ts`), Starlight's config (`config/`), the
 * Astro integrations (`integrations/`), the web editor's browser script (`editor/`), the
 * commands (`scripts/`) and the local servers (`server/`). CONTRIBUTING.md states the rules these
 * tests read every import of every source file for, as Starlight's
 * `__tests__/basics/no-internal-barrel-imports.test.ts` guards its own.
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

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);
const from = (layer: string) => imports.filter((entry) => layerOf(join(src, entry.file)) === layer);
const describeImport = (entry: Import) => `${entry.file} imports ${entry.specifier}`;

/** Layers each layer may import (besides itself and packages). */
const allowed: Record<string, string[]> = {
	vocab: [],
	schemas: ['vocab'],
	lib: ['vocab', 'schemas'],
	loaders: ['vocab', 'schemas', 'lib'],
	// Loaders only from `components/mdx/` (see below).
	components: ['vocab', 'lib', 'loaders'],
	pages: ['vocab', 'lib', 'loaders', 'components'],
	// Beside the pages.
	'route-data': ['vocab', 'lib', 'loaders'],
	'content.config': ['vocab', 'schemas', 'lib', 'loaders'],
	/** Astro's types of `Astro.locals`, from the views. */
	'env.d': ['lib'],
	config: ['vocab', 'schemas', 'lib'],
	integrations: ['vocab', 'schemas', 'lib', 'loaders'],
	/** A browser bundle: see "the web editor's script" below. */
	editor: ['vocab', 'schemas', 'lib'],
	scripts: ['vocab', 'schemas', 'lib', 'loaders'],
	/** `npm run edit`'s backend prints the command's own messages (`scripts/edit-messages.ts`). */
	server: ['vocab', 'schemas', 'lib', 'loaders', 'scripts'],
};

/** The files a file imports for their values (type imports aside), as paths of `src/`. */
function valueImports(file: string): string[] {
	return imports
		.filter((entry) => entry.file === file && !entry.typeOnly && entry.specifier.startsWith('.'))
		.map((entry) => relative(src, resolveFile(join(src, dirname(file)), entry.specifier)))
		.filter((path) => !path.startsWith('..'));
}

/** A relative specifier's file: as written, or with the extension a bundler would add. */
function resolveFile(dir: string, specifier: string): string {
	const path = resolve(dir, specifier);
	const candidates = [path, `${path}.ts`, `${path}.mjs`, `${path}.astro`, join(path, 'index.ts')];
	return candidates.find((candidate) => files.includes(candidate)) ?? path;
}

/** Every file of `src/` the given files reach through value imports, themselves included. */
function reachedFrom(start: string[]): string[] {
	const seen = new Set<string>();
	const queue = [...start];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		queue.push(...valueImports(file));
	}
	return [...seen].sort();
}

const inLayer = (...layers: string[]) =>
	files
		.map((file) => relative(src, file))
		.filter((file) => layers.includes(layerOf(join(src, file))));

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

	test('every source file is in a layer these rules name', () => {
		const unnamed = files
			.map((file) => relative(src, file))
			.filter((file) => !(layerOf(join(src, file)) in allowed));
		expect(unnamed).toEqual([]);
	});

	test('no page imports a schema, not even for its types: views hand pages their values', () => {
		const schemas = from('pages').filter((entry) => entry.target === 'schemas');
		expect(schemas.map(describeImport)).toEqual([]);
	});

	test('components render what they are given: only those of MDX pages (mdx/) read the data', () => {
		const reading = from('components').filter(
			(entry) => entry.target === 'loaders' && !entry.file.startsWith('components/mdx/')
		);
		expect(reading.map(describeImport)).toEqual([]);
	});

	test('a component of MDX pages reads the data and calls one view, as a page does', () => {
		const mdx = inLayer('components').filter((file) => file.startsWith('components/mdx/'));
		expect(mdx.length).toBeGreaterThan(0);
		for (const file of mdx) {
			const values = imports.filter((entry) => entry.file === file && !entry.typeOnly);
			const views = values.filter((entry) => /\/lib\/views\//.test(entry.specifier));
			expect(
				views.map((entry) => entry.specifier),
				file
			).toHaveLength(1);
			expect(
				values.map((entry) => entry.specifier),
				file
			).toContain('../../loaders/site-data');
		}
	});

	test('Starlight’s overrides read the page from the route data, never the data itself', () => {
		const reading = from('components').filter(
			(entry) => entry.file.startsWith('components/starlight/') && entry.target === 'loaders'
		);
		expect(reading.map(describeImport)).toEqual([]);
	});

	test('the web editor’s script reaches no loader, no astro:* module and no Node built-in', () => {
		const bundle = reachedFrom(['editor/main.ts']);
		expect(bundle).toEqual(expect.arrayContaining(['lib/yaml.ts', 'lib/validate.ts']));
		const outside = bundle.filter(
			(file) => !['editor', 'vocab', 'schemas', 'lib'].includes(layerOf(join(src, file)))
		);
		expect(outside).toEqual([]);
		const runtime = imports.filter(
			(entry) =>
				bundle.includes(entry.file) &&
				!entry.typeOnly &&
				(entry.specifier.startsWith('astro:') ||
					entry.specifier === 'astro' ||
					entry.specifier.startsWith('node:'))
		);
		expect(runtime.map(describeImport)).toEqual([]);
	});

	test('commands, servers, integrations and config reach no astro:* module (they run outside the pages)', () => {
		const started = inLayer('scripts', 'server', 'integrations', 'config');
		const reached = reachedFrom(started);
		const virtual = imports.filter(
			(entry) =>
				reached.includes(entry.file) && !entry.typeOnly && entry.specifier.startsWith('astro:')
		);
		expect(virtual.map(describeImport)).toEqual([]);
	});

	test('what commands and servers reach imports with explicit extensions, so Node runs it', () => {
		const reached = reachedFrom(inLayer('scripts', 'server'));
		const bare = imports.filter(
			(entry) =>
				reached.includes(entry.file) &&
				entry.specifier.startsWith('.') &&
				!/\.(ts|mjs|json)$/.test(entry.specifier)
		);
		expect(bare.map(describeImport)).toEqual([]);
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
