import {
	CST,
	Document,
	Parser,
	isMap,
	isPair,
	isScalar,
	isSeq,
	parseDocument,
	Scalar,
	visit,
	type Node,
	type Pair,
} from 'yaml';
import { fileNameField, sourceField } from '../lib/editor-config.ts';
import { isRecord } from '../lib/paths.ts';
import { parseYaml } from '../loaders/yaml.ts';
import { withImports, withoutImports, type ReadImports } from '../lib/page-components.ts';
import { inLanguage } from '../schemas/messages.ts';

/**
 * How the web editor reads and writes the content files (Decap CMS "custom formats"), so that a
 * file it saves is one the build reads the same way, and one a person can still read in git:
 *
 * - YAML 1.2 with the core schema, parsed by the loaders' own parser (`src/loaders/yaml.ts`):
 *   dates stay text, `'0713'` stays quoted;
 * - an edited file keeps its comments and its layout: the YAML as it was read is kept with the
 *   entry (`__source`) and, on save, only the values that changed are rewritten in it;
 * - the reserved `identifiant` field, which names a new entry's file, is never written into it
 *   (the file name is the id; the schemas are strict);
 * - new values are written as the files are written by hand: text that does not fit on its line
 *   as a folded block (`>-`), several paragraphs as a literal block (`|-`), short lists on one
 *   line (`eqfLevels: [7]`);
 * - pages (`.mdx`): the frontmatter as above, and the text after it exactly as typed, without
 *   its `import … from '~/components';` line, which the editor never shows: the line as it was
 *   is kept with the entry (`__imports`) and written back when the text still uses the same
 *   components, otherwise a line importing exactly the components the text uses.
 * @see https://decapcms.org/docs/custom-formatters/
 */

/** A Decap CMS format: what `CMS.registerCustomFormat()` takes. */
export interface EditorFormat {
	fromFile(content: string): Record<string, unknown>;
	toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

/** Lines are folded at this width, as most files are written by hand. */
const lineWidth = 80;

const yamlOptions = { version: '1.2', schema: 'core' } as const;

/** Parses YAML as the build does; a broken file throws with the loaders' French message. */
function parse(text: string): Record<string, unknown> {
	const { data } = inLanguage('fr', () => parseYaml(text, 'fichier'));
	return isRecord(data) ? data : {};
}

const isShort = (node: unknown) =>
	isScalar(node) &&
	(typeof node.value === 'number' || (typeof node.value === 'string' && node.value.length <= 12));

/** Gives new nodes the files' style (see above). */
function style(root: Node) {
	visit(root, {
		Scalar(_, node, path) {
			if (typeof node.value !== 'string') return;
			if (node.value.includes('\n')) {
				node.type = Scalar.BLOCK_LITERAL;
				return;
			}
			// Fold text (not addresses) that would run past the line: `key: ` at its indentation.
			const parent = path.at(-1);
			const key = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
			const depth = path.filter((ancestor) => isMap(ancestor) || isSeq(ancestor)).length;
			const indent = 2 * Math.max(0, depth - 1);
			if (node.value.includes(' ') && indent + key.length + 2 + node.value.length > lineWidth)
				node.type = Scalar.BLOCK_FOLDED;
		},
		Seq(_, node) {
			if (node.items.length > 0 && node.items.length <= 4 && node.items.every(isShort))
				node.flow = true;
		},
		Map(_, node) {
			// Coordinates on one line (`coordinates: { lat: 21.02, lon: 105.84 }`).
			if (
				node.items.length > 0 &&
				node.items.length <= 3 &&
				node.items.every((pair) => isScalar(pair.value) && typeof pair.value.value === 'number')
			)
				node.flow = true;
		},
	});
}

/**
 * The width a file's folded text (`>-`) was written at, so that rewriting the file folds it the
 * same way: the longest line of its folded blocks, or the usual width.
 */
function foldingWidth(source: string): number {
	const document = parseDocument(source, yamlOptions);
	let width = 0;
	visit(document, {
		Scalar(_, node) {
			if (node.type !== Scalar.BLOCK_FOLDED || !node.range) return;
			const lines = source.slice(node.range[0], node.range[1]).split('\n').slice(1);
			for (const line of lines) width = Math.max(width, line.length);
		},
	});
	return width > 0 ? width : lineWidth;
}

/** A new node for a value, in the files' style. */
function created(document: Document, value: unknown): Node {
	const node = document.createNode(value) as Node;
	style(node);
	return node;
}

/**
 * The node of `value`, reusing `node` (the value as it was read) wherever the value did not
 * change, so that its comments and layout survive.
 */
function update(document: Document, node: unknown, value: unknown): Node {
	if (isRecord(value) && isMap(node)) {
		node.items = node.items.filter(
			(pair) => isScalar(pair.key) && String(pair.key.value) in value
		) as Pair<unknown, unknown>[];
		for (const [key, item] of Object.entries(value)) {
			const pair = node.items.find((entry) => isScalar(entry.key) && entry.key.value === key);
			if (pair) pair.value = update(document, pair.value, item);
			else node.items.push(document.createPair(key, created(document, item)) as Pair);
		}
		return node;
	}
	if (Array.isArray(value) && isSeq(node)) {
		node.items = value.map((item, index) => update(document, node.items[index], item));
		return node;
	}
	if (isScalar(node) && node.value === value) return node;
	const fresh = created(document, value);
	if (isScalar(node) || isMap(node) || isSeq(node)) {
		fresh.commentBefore = node.commentBefore ?? null;
		fresh.comment = node.comment ?? null;
	}
	return fresh;
}

/** The data to write: the reserved keys left out, top-level keys in the form's order. */
function writable(data: Record<string, unknown>, sortedKeys: string[]): Record<string, unknown> {
	const order = (key: string) => {
		const index = sortedKeys.indexOf(key);
		return index === -1 ? sortedKeys.length : index;
	};
	return Object.fromEntries(
		Object.entries(data)
			.filter(([key, value]) => key !== fileNameField && key !== sourceField && value !== undefined)
			.sort(([a], [b]) => order(a) - order(b))
	);
}

type Scalarish = string | number | boolean | null;
const isScalarValue = (value: unknown): value is Scalarish =>
	value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * The scalars that changed between two values, or `undefined` when the change is structural (a
 * field or list item added or removed, a value that became a group).
 */
function changedScalars(
	before: unknown,
	after: unknown,
	path: (string | number)[] = [],
	found: { path: (string | number)[]; value: Scalarish }[] = []
) {
	if (isScalarValue(before) && isScalarValue(after)) {
		if (before !== after) found.push({ path, value: after });
		return found;
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		if (before.length !== after.length) return undefined;
		for (const [index, item] of after.entries())
			if (!changedScalars(before[index], item, [...path, index], found)) return undefined;
		return found;
	}
	if (isRecord(before) && isRecord(after)) {
		const keys = Object.keys(after);
		if (keys.length !== Object.keys(before).length || keys.some((key) => !(key in before)))
			return undefined;
		for (const key of keys)
			if (!changedScalars(before[key], after[key], [...path, key], found)) return undefined;
		return found;
	}
	return undefined;
}

/** Folds one paragraph at spaces into lines of at most `width` characters (greedy). */
function fold(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/(?<! ) (?! )/)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
}

/**
 * Rewrites only the changed scalars of a file's source, through YAML's concrete syntax tree: the
 * rest of the file — comments, folding, quotes, blank lines — stays byte for byte. `undefined`
 * when the change is structural.
 */
function patched(source: string, values: Record<string, unknown>): string | undefined {
	const changes = changedScalars(parse(source), values);
	if (!changes) return undefined;
	if (changes.length === 0) return source;
	const document = parseDocument(source, yamlOptions);
	const offsets = new Map<number, Scalarish>();
	for (const { path, value } of changes) {
		const node = document.getIn(path, true);
		if (!isScalar(node) || !node.range) return undefined;
		offsets.set(node.range[0], value);
	}
	const width = foldingWidth(source);
	const tokens = [...new Parser().parse(source)];
	for (const token of tokens) {
		if (token.type !== 'document') continue;
		CST.visit(token, ({ value: item }) => {
			if (!item || !CST.isScalar(item) || !offsets.has(item.offset)) return;
			const value = offsets.get(item.offset)!;
			offsets.delete(item.offset);
			if (typeof value !== 'string') {
				CST.setScalarValue(item, String(value), { type: 'PLAIN' });
				return;
			}
			const block = item.type === 'block-scalar';
			const plain = new Document(value, yamlOptions).toString({ lineWidth: 0 }).trimEnd();
			const type = value.includes('\n')
				? 'BLOCK_LITERAL'
				: block
					? 'BLOCK_FOLDED'
					: item.type === 'single-quoted-scalar' || /^['"]/.test(plain)
						? 'QUOTE_SINGLE'
						: 'PLAIN';
			CST.setScalarValue(item, value, { afterKey: block || type.startsWith('BLOCK'), type });
			if (type === 'BLOCK_FOLDED' && item.type === 'block-scalar') {
				const indent = ' '.repeat((item.indent ?? 0) + 2);
				item.source = `${fold(value, width - indent.length)
					.map((line) => indent + line)
					.join('\n')}\n`;
			}
		});
	}
	if (offsets.size > 0) return undefined;
	return tokens.map((token) => CST.stringify(token)).join('');
}

/** Writes data as YAML: into the source it was read from when there is one, fresh otherwise. */
function stringify(data: Record<string, unknown>, sortedKeys: string[]): string {
	const values = writable(data, sortedKeys);
	const source = data[sourceField];
	if (typeof source === 'string') {
		const text = patched(source, values);
		if (text !== undefined) return text;
	}
	let document: Document;
	if (typeof source === 'string') {
		document = parseDocument(source, yamlOptions);
		const root = isMap(document.contents) ? document.contents : undefined;
		const keys = root?.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
		document.contents = update(document, document.contents, values) as typeof document.contents;
		// Keys that were not in the file take their place in the form's order.
		if (root && keys) {
			const added = root.items.filter((pair) => !keys.includes(String((pair.key as Scalar).value)));
			const kept = root.items.filter((pair) => keys.includes(String((pair.key as Scalar).value)));
			for (const pair of added) {
				const at = kept.findIndex(
					(other) =>
						sortedKeys.indexOf(String((other.key as Scalar).value)) >
						sortedKeys.indexOf(String((pair.key as Scalar).value))
				);
				kept.splice(at === -1 ? kept.length : at, 0, pair);
			}
			root.items = kept;
		}
	} else {
		document = new Document(values, yamlOptions);
		if (document.contents) style(document.contents);
	}
	const text = document.toString({
		lineWidth: typeof source === 'string' ? foldingWidth(source) : lineWidth,
		minContentWidth: 40,
		singleQuote: true,
		flowCollectionPadding: false,
	});
	// Flow maps with inner spaces, lists without (`{ lat: 1, lon: 2 }`, `[7]`), as Prettier writes them.
	return text.replace(/^(\s*(?:- )?[\w-]+: )\{([^{}'"\n]+)\}$/gm, '$1{ $2 }');
}

/** Data files (`.yaml`). */
export const yamlContentFormat: EditorFormat = {
	fromFile(content) {
		return { ...parse(content), [sourceField]: content };
	},
	toFile(data, sortedKeys = []) {
		return stringify(data, sortedKeys);
	},
};

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/;

/**
 * Where the pages' format keeps a page's import line as it was read (and the text it came with),
 * while the page is edited.
 */
export const importsField = '__imports';

/** Written pages (`.mdx`): YAML frontmatter, then the text under `body`, without its imports. */
export const pageFormat: EditorFormat = {
	fromFile(content) {
		const match = frontmatter.exec(content.replace(/^\uFEFF/, ''));
		if (!match) return { body: content };
		const yaml = match[1] ?? '';
		const { body, imports } = withoutImports((match[2] ?? '').replace(/^\r?\n/, ''));
		return {
			...parse(yaml),
			body,
			...(imports ? { [importsField]: { line: imports, body } satisfies ReadImports } : {}),
			[sourceField]: `${yaml}\n`,
		};
	},
	toFile(data, sortedKeys = []) {
		const { body, [importsField]: imports, ...rest } = data;
		return `---\n${stringify(rest, sortedKeys)}---\n\n${pageText(body, imports)}`;
	},
};

/**
 * The text of a page as written in its file: its import line, then the text, ending with a line
 * break (Decap's Markdown editor leaves the last one out).
 */
export function pageText(body: unknown, imports?: unknown): string {
	const text = (typeof body === 'string' ? body : '').replace(/^\s*\n/, '');
	const read = imports as Partial<ReadImports> | undefined;
	const written = withImports(
		text,
		typeof read?.line === 'string' && typeof read.body === 'string'
			? { line: read.line, body: read.body }
			: undefined
	);
	return written === '' || written.endsWith('\n') ? written : `${written}\n`;
}
