import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { dataCollections, type CollectionDefinition } from '../../src/lib/collections.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { pagesProblems } from '../../src/loaders/pages.ts';
import { readContent, yamlFiles } from '../../src/loaders/read-content.ts';
import { validateYamlFile } from '../../src/lib/validate.ts';
import type { Lang } from '../../src/vocab/locales.ts';

/**
 * Property-based tests of the content pipeline, shared by the bounded run of `npm test`, from a
 * fixed seed (`tests/unit/content-properties.test.ts`), and the long run from a new seed each time
 * (`npm run test:properties`, `tests/properties/run.ts`).
 *
 * The inputs are the real content files, mutated the way editors and their tools break files: a
 * field dropped, duplicated or given the wrong type, random Unicode (right-to-left text, emoji,
 * combining marks, control characters), very long text, YAML anchors and alias bombs, duplicate
 * keys, a byte-order mark, Windows line endings, tabs, truncated or garbled text, deep nesting,
 * tags. Whatever the input, the pipeline either accepts the file or rejects it with problems that
 * name the file and a field — never an uncaught exception, never a long wait.
 */

/** The project root. */
export const root = new URL('../../', import.meta.url).pathname;

/** Longest time one file may take to validate, in milliseconds (a loaded machine included). */
export const timeLimit = 10_000;
/** Longest time a batch of pages may take (a process start, then each page). */
const batchTimeLimit = 60_000;

/** A real data file of the content. */
export interface DataFile {
	collection: CollectionDefinition;
	id: string;
	file: string;
	text: string;
}

/** Every data file of `content/`, read once. */
export const dataFiles: DataFile[] = dataCollections.flatMap((collection) =>
	yamlFiles(join(root, collection.folder)).map(({ id, name }) => ({
		collection,
		id,
		file: `${collection.folder}/${name}`,
		text: readFileSync(join(root, collection.folder, name), 'utf8'),
	}))
);

/** Every written page of `content/docs/`, read once. */
export const pageFiles: { file: string; text: string }[] = readdirSync(join(root, 'content/docs'), {
	recursive: true,
})
	.map(String)
	.filter((name) => /\.mdx?$/.test(name))
	.sort()
	.map((name) => ({
		file: `content/docs/${name.split('\\').join('/')}`,
		text: readFileSync(join(root, 'content/docs', name), 'utf8'),
	}));

// —— Values an editor (or a spreadsheet, or a copy and paste) may put in a field ——

/** Text that has broken parsers, renderers and terminals before. */
const awkwardText = fc.constantFrom(
	'',
	' ',
	'\t',
	'مرحبا بكم في جامعة الإسكندرية',
	'אוניברסיטת תל אביב',
	'\u202Eevil.exe\u202C',
	'\u200B\u200C\u200D\uFEFF',
	'👩🏽‍🔬🇫🇷🏳️‍🌈',
	'e\u0301\u0301\u0301',
	'\u0000\u0007\u001B[31m',
	'\uD800',
	'null',
	'~',
	'yes',
	'NO',
	'0713',
	'2026-02-30',
	'.nan',
	'-.inf',
	'0x1F',
	'1e400',
	'<script>alert(1)</script>',
	'${process.exit(1)}',
	'{{constructor.constructor("x")()}}',
	'__proto__',
	'constructor'
);

/** Any text: awkward, random Unicode, or very long. */
const anyText = fc.oneof(
	{ weight: 3, arbitrary: awkwardText },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{
		weight: 1,
		arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 5_000, maxLength: 30_000 }),
	}
);

/** Any value a YAML file can hold, nested a little. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		anyText,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.date({ noInvalidDate: true }),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 })
	),
})).value;

// —— Mutations of a file ——

/** A mutation of a file, as data (so that a counterexample prints readably). */
export type Mutation =
	| { kind: 'drop'; at: number }
	| { kind: 'set'; at: number; value: unknown }
	| { kind: 'add'; at: number; key: string; value: unknown }
	| { kind: 'rename'; at: number; key: string }
	| { kind: 'duplicate-line'; at: number }
	| { kind: 'delete-line'; at: number }
	| { kind: 'swap-lines'; at: number; with: number }
	| { kind: 'delete-char'; at: number }
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'truncate'; at: number }
	| { kind: 'tabs'; at: number }
	| { kind: 'crlf' }
	| { kind: 'bom' }
	| { kind: 'anchor'; at: number }
	| { kind: 'alias-bomb'; depth: number; width: number }
	| { kind: 'deep-nesting'; depth: number; flow: boolean }
	| { kind: 'tag'; at: number; tag: string }
	| { kind: 'merge-key' }
	| { kind: 'documents' };

const position = fc.nat({ max: 1_000_000 });

/** Every mutation, with its parameters. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('drop' as const), at: position }),
	fc.record({ kind: fc.constant('set' as const), at: position, value: anyValue }),
	fc.record({
		kind: fc.constant('add' as const),
		at: position,
		key: fc.oneof(fc.string({ maxLength: 12 }), awkwardText),
		value: anyValue,
	}),
	fc.record({
		kind: fc.constant('rename' as const),
		at: position,
		key: fc.string({ maxLength: 12 }),
	}),
	fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
	fc.record({ kind: fc.constant('delete-line' as const), at: position }),
	fc.record({ kind: fc.constant('swap-lines' as const), at: position, with: position }),
	fc.record({ kind: fc.constant('delete-char' as const), at: position }),
	fc.record({
		kind: fc.constant('insert' as const),
		at: position,
		text: fc.oneof(
			fc.constantFrom(
				':',
				'- ',
				'"',
				"'",
				'#',
				'&a ',
				'*a',
				'!!str ',
				'{',
				'[',
				'\n  ',
				'\t',
				'|',
				'>',
				'%',
				'@',
				'`'
			),
			fc.string({ unit: 'binary', maxLength: 8 })
		),
	}),
	fc.record({ kind: fc.constant('truncate' as const), at: position }),
	fc.record({ kind: fc.constant('tabs' as const), at: position }),
	fc.constant({ kind: 'crlf' as const }),
	fc.constant({ kind: 'bom' as const }),
	fc.record({ kind: fc.constant('anchor' as const), at: position }),
	fc.record({
		kind: fc.constant('alias-bomb' as const),
		depth: fc.integer({ min: 2, max: 12 }),
		width: fc.integer({ min: 2, max: 12 }),
	}),
	fc.record({
		kind: fc.constant('deep-nesting' as const),
		// Block nesting grows the file as the square of the depth: 1,500 levels make 2 MB, enough
		// to exhaust the parser's stack (the unit tests of validate keep a 3,000-level case).
		depth: fc.integer({ min: 10, max: 1_500 }),
		flow: fc.boolean(),
	}),
	fc.record({
		kind: fc.constant('tag' as const),
		at: position,
		tag: fc.constantFrom(
			'!!binary',
			'!!set',
			'!!omap',
			'!!timestamp',
			'!!float',
			'!!js/function',
			'!custom',
			'!!map',
			'!!seq',
			'!<tag:yaml.org,2002:str>'
		),
	}),
	fc.constant({ kind: 'merge-key' as const }),
	fc.constant({ kind: 'documents' as const })
);

/** Paths of every value of some data, parents first. */
function pathsOf(data: unknown, path: (string | number)[] = []): (string | number)[][] {
	const here = path.length > 0 ? [path] : [];
	// Plain lists and maps only: a tag may give a `Uint8Array`, a `Set`, a `Map`…
	if (
		data !== null &&
		typeof data === 'object' &&
		!Array.isArray(data) &&
		Object.getPrototypeOf(data) !== Object.prototype
	)
		return here;
	if (Array.isArray(data))
		return [...here, ...data.flatMap((item, index) => pathsOf(item, [...path, index]))];
	if (data !== null && typeof data === 'object')
		return [
			...here,
			...Object.entries(data).flatMap(([key, value]) => pathsOf(value, [...path, key])),
		];
	return here;
}

/** The value at `path`. */
function valueAt(data: unknown, path: (string | number)[]): unknown {
	let node = data;
	for (const key of path) node = (node as Record<string | number, unknown>)[key];
	return node;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** The parent of the value at `path`, and its key there. */
function parentOf(
	data: unknown,
	path: (string | number)[]
): [Record<string | number, unknown>, string | number] {
	let node = data as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	return [node, path.at(-1)!];
}

/** Applies a mutation to the data of a file (parsed) and returns its new text. */
function mutateData(text: string, apply: (data: unknown) => void): string {
	let data: unknown;
	try {
		data = parse(text, { version: '1.2', schema: 'core', maxAliasCount: 100 });
	} catch {
		return text;
	}
	if (data === null || typeof data !== 'object') return text;
	try {
		apply(data);
	} catch {
		// A mutation that does not apply to this data (a frozen or exotic value) leaves it as is.
		return text;
	}
	try {
		return stringify(data, { aliasDuplicateObjects: false });
	} catch {
		return text;
	}
}

const lines = (text: string) => text.split('\n');
const pick = <T>(items: readonly T[], at: number): T | undefined =>
	items.length === 0 ? undefined : items[at % items.length];

/** Applies one mutation to the text of a file. */
export function applyMutation(text: string, change: Mutation): string {
	switch (change.kind) {
		case 'drop':
			return mutateData(text, (data) => {
				const path = pick(pathsOf(data), change.at);
				if (!path) return;
				const [parent, key] = parentOf(data, path);
				if (Array.isArray(parent)) parent.splice(Number(key), 1);
				else delete parent[key];
			});
		case 'set':
			return mutateData(text, (data) => {
				const path = pick(pathsOf(data), change.at);
				if (!path) return;
				const [parent, key] = parentOf(data, path);
				parent[key] = change.value;
			});
		case 'add':
			return mutateData(text, (data) => {
				const objects = [[], ...pathsOf(data)].filter((path) => isObject(valueAt(data, path)));
				const target = valueAt(data, pick(objects, change.at) ?? []);
				if (isObject(target)) target[change.key] = change.value;
			});
		case 'rename':
			return mutateData(text, (data) => {
				const path = pick(
					pathsOf(data).filter((each) => typeof each.at(-1) === 'string'),
					change.at
				);
				if (!path) return;
				const [parent, key] = parentOf(data, path);
				const value = parent[key];
				delete parent[key];
				parent[change.key] = value;
			});
		case 'duplicate-line': {
			const all = lines(text);
			const index = change.at % all.length;
			all.splice(index, 0, all[index]!);
			return all.join('\n');
		}
		case 'delete-line': {
			const all = lines(text);
			all.splice(change.at % all.length, 1);
			return all.join('\n');
		}
		case 'swap-lines': {
			const all = lines(text);
			const [a, b] = [change.at % all.length, change.with % all.length];
			[all[a], all[b]] = [all[b]!, all[a]!];
			return all.join('\n');
		}
		case 'delete-char': {
			const index = change.at % Math.max(text.length, 1);
			return text.slice(0, index) + text.slice(index + 1);
		}
		case 'insert': {
			const index = change.at % (text.length + 1);
			return text.slice(0, index) + change.text + text.slice(index);
		}
		case 'truncate':
			return text.slice(0, change.at % (text.length + 1));
		case 'tabs':
			// Indentation by tabs, on one line or on all of them.
			return change.at % 2 === 0
				? text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2))
				: lines(text)
						.map((line, index) =>
							index === change.at % lines(text).length ? line.replace(/^ {2}/, '\t') : line
						)
						.join('\n');
		case 'crlf':
			return text.replace(/\r?\n/g, '\r\n');
		case 'bom':
			return `\uFEFF${text}`;
		case 'anchor': {
			// The value of one top-level key anchored, and reused by another key.
			const keys = [...text.matchAll(/^([A-Za-z]\w*):(.*)$/gm)];
			const target = pick(keys, change.at);
			if (!target) return text;
			const [line, key, rest] = target;
			return `${text.replace(line, `${key}: &shared${rest}`)}\nreused: *shared\n`;
		}
		case 'alias-bomb': {
			// "Billion laughs": each level lists the previous one `width` times.
			const levels = [`l0: &l0 [${Array(change.width).fill('"lol"').join(', ')}]`];
			for (let level = 1; level < change.depth; level++)
				levels.push(
					`l${level}: &l${level} [${Array(change.width)
						.fill(`*l${level - 1}`)
						.join(', ')}]`
				);
			return `${levels.join('\n')}\n${text}`;
		}
		case 'deep-nesting':
			return change.flow
				? `deep: ${'['.repeat(change.depth)}${']'.repeat(change.depth)}\n${text}`
				: `${Array.from({ length: change.depth }, (_, level) => `${'  '.repeat(level)}k${level}:`).join('\n')} x\n${text}`;
		case 'tag': {
			const values = [...text.matchAll(/^(\s*[A-Za-z]\w*: )(\S.*)$/gm)];
			const target = pick(values, change.at);
			if (!target) return text;
			return text.replace(target[0], `${target[1]}${change.tag} ${target[2]}`);
		}
		case 'merge-key':
			return `base: &base\n  extra: 1\n${text.replace(/^(\w+):\s*$/m, '$1:\n  <<: *base')}`;
		case 'documents':
			return `${text}\n---\n${text}`;
	}
}

/**
 * A real data file (by path), changed by one to three mutations, with the language of the
 * messages and, now and then, another file name. Kept small, so that a counterexample prints
 * readably; `dataInput()` gives the text to validate.
 */
export const mutatedDataFile = fc.record({
	file: fc.constantFrom(...dataFiles.map((file) => file.file)),
	changes: fc.array(mutation, { minLength: 1, maxLength: 3 }),
	lang: fc.constantFrom<Lang>('en', 'fr'),
	id: fc.oneof(
		{ weight: 9, arbitrary: fc.constant(undefined) },
		{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }
	),
});

/** The file a generated input stands for: its collection, id and mutated text. */
export function dataInput(input: {
	file: string;
	changes: Mutation[];
	lang: Lang;
	id?: string | undefined;
}) {
	const real = dataFiles.find((file) => file.file === input.file)!;
	return {
		...real,
		id: input.id ?? real.id,
		lang: input.lang,
		text: input.changes.reduce(applyMutation, real.text),
	};
}

/** A real written page, changed by one to three text mutations. */
export const mutatedPage = fc
	.record({
		page: fc.constantFrom(...pageFiles),
		changes: fc.array(
			fc.oneof(
				fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
				fc.record({ kind: fc.constant('delete-line' as const), at: position }),
				fc.record({ kind: fc.constant('swap-lines' as const), at: position, with: position }),
				fc.record({ kind: fc.constant('delete-char' as const), at: position }),
				fc.record({
					kind: fc.constant('insert' as const),
					at: position,
					text: fc.oneof(
						fc.constantFrom(
							'<',
							'>',
							'{',
							'}',
							'</',
							'<Term id="pfe">',
							'<script>',
							'<iframe src="https://example.org">',
							' onclick="x"',
							'[x](javascript:alert(1))',
							'{/* */}',
							'import x from "y";\n',
							'export const a = 1;\n',
							'---\n',
							'```\n',
							'<!--'
						),
						fc.string({ unit: 'grapheme', maxLength: 12 })
					),
				}),
				fc.record({ kind: fc.constant('truncate' as const), at: position }),
				fc.constant({ kind: 'crlf' as const }),
				fc.constant({ kind: 'bom' as const })
			),
			{ minLength: 1, maxLength: 3 }
		),
		lang: fc.constantFrom<Lang>('en', 'fr'),
	})
	.map(({ page, changes, lang }) => ({ file: page.file, changes, lang }));

/** The page a generated input stands for, with its mutated text. */
export function pageInput(input: { file: string; changes: Mutation[]; lang: Lang }) {
	const real = pageFiles.find((page) => page.file === input.file)!;
	return { ...input, text: input.changes.reduce(applyMutation, real.text) };
}

// —— The properties ——

/**
 * Checks the problems of a rejected file: at least one, each naming `file` (or, for
 * `allowedFiles`, one of them) and a field, with a message and a sensible line.
 */
export function checkProblems(
	problems: readonly Problem[],
	text: string,
	allowedFiles: ReadonlySet<string>,
	{ allowNone = false }: { allowNone?: boolean } = {}
): void {
	if (problems.length === 0 && !allowNone) throw new Error('rejected without any problem');
	const lineCount = text.split(/\r\n|\r|\n/).length;
	for (const problem of problems) {
		const where = JSON.stringify(problem);
		if (!allowedFiles.has(problem.file)) throw new Error(`a problem names another file: ${where}`);
		if (typeof problem.field !== 'string' || problem.field.trim() === '')
			throw new Error(`a problem names no field: ${where}`);
		if (typeof problem.message !== 'string' || problem.message.trim() === '')
			throw new Error(`a problem has no message: ${where}`);
		if (
			problem.line !== undefined &&
			(!Number.isInteger(problem.line) || problem.line < 1 || problem.line > lineCount + 1)
		)
			throw new Error(`a problem gives a line outside the file (${lineCount} lines): ${where}`);
	}
}

/** Runs `run`, failing on an exception or when it takes longer than `timeLimit`. */
export function bounded<T>(what: string, run: () => T, limit = timeLimit): T {
	const started = performance.now();
	let result: T;
	try {
		result = run();
	} catch (error) {
		throw new Error(`${what} threw instead of reporting a problem: ${String(error)}`, {
			cause: error,
		});
	}
	const elapsed = performance.now() - started;
	if (elapsed > limit)
		throw new Error(`${what} took ${Math.round(elapsed)} ms (limit ${limit} ms)`);
	return result;
}

/** Validating a mutated data file accepts it, or rejects it naming the file and the field. */
export const validatesOrNamesTheField = fc.property(mutatedDataFile, (generated) => {
	const input = dataInput(generated);
	const result = bounded(`validateYamlFile(${input.file})`, () =>
		validateYamlFile(input.text, { id: input.id, file: input.file }, input.collection, input.lang)
	);
	if (result.ok) {
		// What was accepted is valid data of the collection, as the build stores it.
		const again = input.collection.schema.safeParse(result.data);
		if (!again.success) throw new Error('accepted data that its schema then rejects');
		return;
	}
	checkProblems(result.problems, input.text, new Set([input.file]));
});

/** In-memory copies of every collection, for `readContent`'s `override`. */
const realCollections = () =>
	Object.fromEntries(
		dataCollections.map((collection) => [
			collection.name,
			new Map(
				dataFiles
					.filter((file) => file.collection === collection)
					.map((file) => [file.id, file.text])
			),
		])
	);

/** Reading all the content with one mutated file reports only that file's problems. */
export const readsTheRestAndNamesTheFile = fc.property(mutatedDataFile, (generated) => {
	const input = dataInput(generated);
	const override = realCollections();
	override[input.collection.name]!.set(input.id, input.text);
	const content = bounded('readContent', () =>
		readContent(root, { lang: input.lang, override: override as never })
	);
	// The real content is valid: every problem is the mutated file's.
	const file = `${input.collection.folder}/${input.id}.yaml`;
	if (content.problems.length > 0) checkProblems(content.problems, input.text, new Set([file]));
});

/**
 * Checking mutated pages (a batch at a time, as the content check compiles them) accepts each, or
 * rejects it naming the page and what is wrong — a crash of the compiler included.
 */
export const checksPagesOrNamesTheFault = fc.property(
	fc.array(mutatedPage, { minLength: 1, maxLength: 25 }),
	fc.constantFrom<Lang>('en', 'fr'),
	(generated, lang) => {
		// Each page under a name of its own, so that every problem points to one of them.
		const pages = generated.map((input, index) => {
			const page = pageInput(input);
			return { ...page, file: page.file.replace(/(\.mdx?)$/, `-${index}$1`) };
		});
		const problems = bounded(
			`pagesProblems(${pages.length} pages)`,
			() => pagesProblems(pages, { root: pathToFileURL(root), lang }),
			batchTimeLimit
		);
		for (const page of pages)
			checkProblems(
				problems.filter((problem) => problem.file === page.file),
				page.text,
				new Set([page.file]),
				{ allowNone: true }
			);
		const files = new Set(pages.map((page) => page.file));
		const elsewhere = problems.filter((problem) => !files.has(problem.file));
		if (elsewhere.length > 0)
			throw new Error(`problems naming no page that was checked: ${JSON.stringify(elsewhere)}`);
	}
);

/** The properties by name, for the long run's `--only`. */
export const properties = {
	validate: validatesOrNamesTheField,
	read: readsTheRestAndNamesTheFile,
	pages: checksPagesOrNamesTheFault,
};
