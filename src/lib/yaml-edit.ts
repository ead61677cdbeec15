import {
	Document,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	type Node,
	type Pair,
	type Scalar,
	type YAMLMap,
	type YAMLSeq,
} from 'yaml';
import { getAt, isRecord } from './paths.ts';
import type { SchemaNode } from './schema-tree.ts';

/**
 * Writing content files from data: the one writer of the web editor (`src/editor/formats.ts`)
 * and of the spreadsheet import, so that a file saved by one is left as it is by the other.
 *
 * A file is parsed with `yaml`'s Document API (`parseDocument`), and only the fields whose value
 * changed are written again, at their place (`node.range`), each rendered by `yaml` itself
 * (`toString()`) in the house style below; everything else — comments, blank lines, the order of
 * fields, text folded by hand at any width — keeps its bytes, so an untouched file is saved
 * byte for byte. The result is parsed again and must hold exactly the new data; if it did not (a
 * layout this code does not foresee), the file is written whole with `setIn()`/`deleteIn()` and
 * `toString()`, which keep comments and the order of fields but fold every long text again.
 *
 * House style, the one rule of both: text that does not fit on its line in {@link lineWidth}
 * columns is written as a folded block (`>-`) folded at that width, several paragraphs as a
 * literal block (`|-`), other text on one line (a changed text keeps its quotes); short lists on
 * one line (`eqfLevels: [7]`), coordinates too (`coordinates: { lat: 21.02, lon: 105.84 }`).
 * @see https://eemeli.org/yaml/#documents
 */

/** YAML as the content files are read (`src/lib/yaml.ts`): dates stay text. */
const parseOptions = { version: '1.2', schema: 'core' } as const;

/** Lines are folded at this width, as the content files are written. */
const lineWidth = 80;

/** Options of `toString()`: single quotes where quotes are needed, `[7]` without inner spaces. */
const writeOptions = {
	lineWidth,
	minContentWidth: 20,
	singleQuote: true,
	flowCollectionPadding: false,
} as const;

const keyOf = (pair: Pair) => String((pair.key as { value?: unknown }).value);

/** Whether two values read from YAML are equal (the order of keys aside). */
function equal(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a))
		return (
			Array.isArray(b) && a.length === b.length && a.every((item, index) => equal(item, b[index]))
		);
	if (!isRecord(a) || !isRecord(b)) return false;
	const keys = Object.keys(a);
	return (
		keys.length === Object.keys(b).length &&
		keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]))
	);
}

/** The fields of an object node in the schema's order, or undefined for a node that is not one. */
const fieldsOf = (node: SchemaNode | undefined) =>
	node?.kind === 'object' ? node.fields : undefined;

/**
 * A copy of data with the keys of every object in the order of the schema (keys the schema does
 * not know after them, in their order), and no `undefined` values.
 */
function inSchemaOrder(node: SchemaNode | undefined, data: unknown): unknown {
	if (Array.isArray(data))
		return data.map((item) => inSchemaOrder(node?.kind === 'array' ? node.item : undefined, item));
	if (!isRecord(data)) return data;
	const fields = fieldsOf(node) ?? [];
	const known = new Set(fields.map((field) => field.key));
	const ordered: Record<string, unknown> = {};
	for (const field of fields)
		if (data[field.key] !== undefined)
			ordered[field.key] = inSchemaOrder(field.node, data[field.key]);
	for (const [key, value] of Object.entries(data))
		if (!known.has(key) && value !== undefined) ordered[key] = inSchemaOrder(undefined, value);
	return ordered;
}

/** How the file wrote a value: the style of a collection, the quotes of a text. */
interface Kept {
	/** Whether a collection was written on one line (`[7]`, `{ lat: 1, lon: 2 }`). */
	flow(path: (string | number)[]): boolean | undefined;
	/** The quotes of a one-line text (`'Rome'`): a changed text keeps them. */
	quotes(path: (string | number)[]): Scalar.Type | undefined;
}

const keepNothing: Kept = { flow: () => undefined, quotes: () => undefined };

const isShort = (node: unknown) =>
	isScalar(node) &&
	(typeof node.value === 'number' || (typeof node.value === 'string' && node.value.length <= 12));

/**
 * Gives a new document the house style (see above), its root starting at `column`; `kept` keeps
 * the style a collection or a text had in the file. Whether it holds a folded block.
 */
function houseStyle(document: Document, column: number, kept: Kept): boolean {
	let folds = false;
	/** A text at `column` (where it starts on its line). */
	const text = (node: unknown, path: (string | number)[], column: number) => {
		if (!isScalar(node) || typeof node.value !== 'string') return;
		if (node.value.includes('\n')) {
			node.type = 'BLOCK_LITERAL';
			return;
		}
		const quotes = kept.quotes(path);
		if (quotes) node.type = quotes;
		else if (node.value.includes(' ') && column + node.value.length > lineWidth) {
			node.type = 'BLOCK_FOLDED';
			folds = true;
		}
	};
	/** A collection whose keys or dashes are at `column`. */
	const walk = (node: unknown, path: (string | number)[], column: number) => {
		if (isMap(node)) {
			if (node.items.length > 0)
				node.flow =
					kept.flow(path) ??
					(path.length > 0 &&
						node.items.length <= 3 &&
						node.items.every(
							(pair) => isScalar(pair.value) && typeof pair.value.value === 'number'
						));
			for (const pair of node.items) {
				const key = keyOf(pair as Pair);
				text(pair.value, [...path, key], column + key.length + 2);
				walk(pair.value, [...path, key], column + 2);
			}
		} else if (isSeq(node)) {
			if (node.items.length > 0)
				node.flow = kept.flow(path) ?? (node.items.length <= 4 && node.items.every(isShort));
			node.items.forEach((item, index) => {
				text(item, [...path, index], column + 2);
				walk(item, [...path, index], column + 2);
			});
		}
	};
	walk(document.contents, [], column);
	return folds;
}

/**
 * A value as YAML text at column 0, to be placed at `column`, ending with a line break. Only
 * folded blocks are folded: a one-line text that keeps its quotes stays on one line.
 */
function render(value: unknown, column: number, kept: Kept = keepNothing): string {
	const document = new Document(value, parseOptions);
	const folds = houseStyle(document, column, kept);
	return withPadding(
		document.toString({
			...writeOptions,
			lineWidth: folds ? Math.max(40, lineWidth - column) : 0,
		})
	);
}

/** Maps on one line with inner spaces, lists without (`{ lat: 1, lon: 2 }`, `[7]`), as Prettier writes them. */
const withPadding = (text: string) =>
	text.replace(/^(\s*(?:- )?[\w-]+: )\{([^{}'"\n]+)\}$/gm, '$1{ $2 }');

/**
 * The text of a new content file holding `data`, its fields in the order of the schema (without
 * one, in the order of `data`).
 * @example yamlText(partnerTree, { name: { native: '香川大学', en: 'Kagawa University' }, … })
 */
export function yamlText(tree: SchemaNode | undefined, data: unknown): string {
	return render(inSchemaOrder(tree, data), 0);
}

/** Raised inside an item of a list when the item must be written again whole. */
class RewriteItem extends Error {}

interface Edit {
	start: number;
	end: number;
	text: string;
}

/** The outcome of `patchYaml`: the new text and the paths of the fields that changed. */
export interface Patched {
	text: string;
	/** Paths of the fields written, e.g. `['city', 'agreements.0.mobilitiesPerYear']`. */
	changed: string[];
	/** Whether the file had to be written again whole (`toString()`), a layout not foreseen. */
	rewritten: boolean;
}

/**
 * The text of an existing content file changed to hold `next`, touching only the fields that
 * differ. A field the file does not have takes its place in the order of the schema (without
 * one, in the order of `next`). `same(path)` says whether the value at a path is unchanged; by
 * default, whether it is equal in the file and in `next` (the import compares validated values,
 * so that `2026-11-23` and a date, or a missing list and its default `[]`, are the same).
 */
export function patchYaml(
	text: string,
	next: Record<string, unknown>,
	tree?: SchemaNode,
	same?: (path: readonly (string | number)[]) => boolean
): Patched {
	const document = parseDocument(text, parseOptions);
	const old = document.toJS() as unknown;
	const wanted = inSchemaOrder(tree, next) as Record<string, unknown>;
	const unchanged = same ?? ((path) => equal(getAt(old, path), getAt(wanted, path)));
	const edits: Edit[] = [];
	const changed: string[] = [];
	const flowAt = (path: (string | number)[]) => {
		const node = document.getIn(path, true);
		return isMap(node) || isSeq(node) ? node.flow === true : undefined;
	};
	const quotesAt = (path: (string | number)[]) => {
		const node = document.getIn(path, true);
		return isScalar(node) && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
			? node.type
			: undefined;
	};
	/** What the file wrote at the paths below `base` (`offset` added to a first index). */
	const keptBelow = (base: (string | number)[], offset?: number): Kept => {
		const at = (inner: (string | number)[]) =>
			offset === undefined
				? [...base, ...inner]
				: typeof inner[0] === 'number'
					? [...base, offset + inner[0], ...inner.slice(1)]
					: undefined;
		return {
			flow: (inner) => {
				const path = at(inner);
				return path && flowAt(path);
			},
			quotes: (inner) => {
				const path = at(inner);
				return path && quotesAt(path);
			},
		};
	};

	const lineStart = (position: number) => text.lastIndexOf('\n', position - 1) + 1;
	const lineEnd = (position: number) => {
		const end = text.indexOf('\n', position);
		return end === -1 ? text.length : end + 1;
	};
	const atLineStart = (position: number) => text.slice(lineStart(position), position).trim() === '';
	const column = (position: number) => position - lineStart(position);
	/** End of a node's text, through the end of its last line. */
	const nodeEnd = (node: Node | null | undefined, fallback: number) => {
		const end = node?.range?.[1] ?? fallback;
		return text[end - 1] === '\n' ? end : lineEnd(end);
	};
	/** Indents every line but the first. */
	const indentRest = (block: string, indent: number) =>
		block.replace(/\n(?=.)/g, `\n${' '.repeat(indent)}`);
	const keyStart = (pair: Pair) => (pair.key as Node).range![0];
	const pairEnd = (pair: Pair) => nodeEnd(pair.value as Node, (pair.key as Node).range![1]);

	/**
	 * What a changed value is written as: the new value, except where `same()` says a part is
	 * unchanged, which keeps its text of the file (`' Rome'` and `'Rome'` are the same city).
	 */
	function intended(before: unknown, after: unknown, path: (string | number)[]): unknown {
		if (path.length > 0 && unchanged(path)) return before;
		if (isRecord(before) && isRecord(after)) {
			const result: Record<string, unknown> = {};
			for (const key of Object.keys({ ...after, ...before })) {
				const value = intended(before[key], after[key], [...path, key]);
				if (value !== undefined) result[key] = value;
			}
			return result;
		}
		if (Array.isArray(before) && Array.isArray(after))
			return after.map((value, index) =>
				index < before.length ? intended(before[index], value, [...path, index]) : value
			);
		return after;
	}

	const renderPair = (key: string, value: unknown, path: (string | number)[], indent: number) =>
		indentRest(render({ [key]: value }, indent, keptBelow(path.slice(0, -1))), indent);

	function patchMap(
		map: YAMLMap,
		before: unknown,
		after: unknown,
		node: SchemaNode | undefined,
		path: (string | number)[]
	): void {
		const fields = fieldsOf(node) ?? [];
		const oldRecord = isRecord(before) ? before : {};
		const newRecord = isRecord(after) ? after : {};
		const keys = Object.keys({ ...newRecord, ...oldRecord });
		const order = (key: string) => {
			const index = keys.indexOf(key);
			return index === -1 ? keys.length : index;
		};
		const pairs = map.items as Pair[];
		const indent = pairs.length > 0 ? column(keyStart(pairs[0]!)) : 0;
		for (const key of keys) {
			const fieldPath = [...path, key];
			const value = newRecord[key];
			if (unchanged(fieldPath)) continue;
			const field = fields.find((candidate) => candidate.key === key)?.node;
			const pair = pairs.find((candidate) => keyOf(candidate) === key);
			if (!pair) {
				if (value === undefined) continue;
				const written = intended(undefined, value, fieldPath);
				const previous = pairs.filter((candidate) => order(keyOf(candidate)) < order(key)).at(-1);
				const first = pairs[0];
				if (!previous && (!first || !atLineStart(keyStart(first)))) throw new RewriteItem();
				const start = previous ? pairEnd(previous) : lineStart(keyStart(first!));
				edits.push({
					start,
					end: start,
					text: ' '.repeat(indent) + renderPair(key, written, fieldPath, indent),
				});
				changed.push(fieldPath.join('.'));
				continue;
			}
			if (value === undefined) {
				if (!atLineStart(keyStart(pair))) throw new RewriteItem();
				edits.push({ start: lineStart(keyStart(pair)), end: pairEnd(pair), text: '' });
				changed.push(fieldPath.join('.'));
				continue;
			}
			const child = pair.value;
			if (isMap(child) && !child.flow && isRecord(value) && isRecord(oldRecord[key])) {
				patchMap(child, oldRecord[key], value, field, fieldPath);
				continue;
			}
			if (
				isSeq(child) &&
				!child.flow &&
				child.items.every((item) => isMap(item)) &&
				Array.isArray(value) &&
				value.length > 0 &&
				Array.isArray(oldRecord[key])
			) {
				const item = field?.kind === 'array' ? field.item : undefined;
				patchSeq(child, oldRecord[key] as unknown[], value, item, fieldPath);
				continue;
			}
			const start = keyStart(pair);
			edits.push({
				start,
				end: pairEnd(pair),
				text: renderPair(
					key,
					inSchemaOrder(field, intended(oldRecord[key], value, fieldPath)),
					fieldPath,
					column(start)
				),
			});
			changed.push(fieldPath.join('.'));
		}
	}

	function patchSeq(
		seq: YAMLSeq,
		before: unknown[],
		after: unknown[],
		item: SchemaNode | undefined,
		path: (string | number)[]
	): void {
		const items = seq.items as Node[];
		const dash = (index: number) => text.lastIndexOf('-', items[index]!.range![0]);
		const indent = column(dash(0));
		const renderItems = (values: unknown[], first: number) =>
			indentRest(
				render(
					values.map((value, offset) =>
						inSchemaOrder(item, intended(before[first + offset], value, [...path, first + offset]))
					),
					indent,
					keptBelow(path, first)
				),
				indent
			);
		const common = Math.min(before.length, after.length);
		for (let index = 0; index < common; index++) {
			const itemPath = [...path, index];
			if (unchanged(itemPath)) continue;
			const node = items[index];
			const mark = edits.length;
			const marked = changed.length;
			try {
				if (!isMap(node) || node.flow || !isRecord(after[index])) throw new RewriteItem();
				patchMap(node, before[index], after[index], item, itemPath);
			} catch (error) {
				if (!(error instanceof RewriteItem)) throw error;
				edits.length = mark;
				changed.length = marked;
				edits.push({
					start: dash(index),
					end: nodeEnd(node, dash(index)),
					text: renderItems([after[index]], index),
				});
				changed.push(itemPath.join('.'));
			}
		}
		if (after.length > before.length) {
			const end = nodeEnd(items.at(-1), text.length);
			edits.push({
				start: end,
				end,
				text: ' '.repeat(indent) + renderItems(after.slice(before.length), before.length),
			});
			for (let index = before.length; index < after.length; index++)
				changed.push([...path, index].join('.'));
		} else if (after.length < before.length) {
			edits.push({
				start: lineStart(dash(after.length)),
				end: nodeEnd(items.at(-1), text.length),
				text: '',
			});
			for (let index = after.length; index < before.length; index++)
				changed.push([...path, index].join('.'));
		}
	}

	const expected = intended(old, wanted, []);
	let patched = text;
	let rewritten = false;
	try {
		if (!isMap(document.contents) || document.contents.flow) throw new RewriteItem();
		patchMap(document.contents, old, wanted, tree, []);
		// From the end of the file, so that positions hold; insertions at one place keep their order.
		const ordered = edits
			.map((edit, index) => ({ edit, index }))
			.sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
		for (const { edit } of ordered)
			patched = patched.slice(0, edit.start) + edit.text + patched.slice(edit.end);
		const check = parseDocument(patched, parseOptions);
		if (check.errors.length > 0 || !equal(check.toJS(), expected)) throw new RewriteItem();
	} catch (error) {
		if (!(error instanceof RewriteItem)) throw error;
		patched = rewrite(text, inSchemaOrder(tree, expected) as Record<string, unknown>, old);
		rewritten = true;
	}
	return { text: patched, changed, rewritten };
}

/**
 * The whole file written again with the Document API (`setIn`, `deleteIn`, `toString`): comments
 * and field order are kept, a new field takes its place in the order of `next`, long text is
 * folded again.
 */
function rewrite(text: string, next: Record<string, unknown>, old: unknown): string {
	const document = parseDocument(text, parseOptions);
	const apply = (before: unknown, after: unknown, path: (string | number)[]) => {
		if (equal(before, after)) return;
		const map = document.getIn(path, true) ?? (path.length === 0 ? document.contents : undefined);
		if (isRecord(before) && isRecord(after) && isMap(map)) {
			for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...path, key]);
			const keys = Object.keys(after);
			for (const [key, value] of Object.entries(after)) {
				if (map.has(key)) {
					apply(before[key], value, [...path, key]);
					continue;
				}
				const earlier = keys.slice(0, keys.indexOf(key));
				const index = map.items.findLastIndex((pair) => earlier.includes(keyOf(pair as Pair)));
				const pair = document.createPair(key, styled(key, value, 2 * path.length));
				map.items.splice(index + 1, 0, pair as Pair<never, never>);
			}
			return;
		}
		const key = path.at(-1);
		document.setIn(path, styled(String(key ?? ''), after, 2 * Math.max(0, path.length - 1)));
	};
	apply(old, next, []);
	return withPadding(document.toString(writeOptions));
}

/** A new node for `value` under `key` (at `column`), in the house style. */
function styled(key: string, value: unknown, column: number): Node {
	const document = new Document({ [key]: value }, parseOptions);
	houseStyle(document, column, keepNothing);
	return (document.contents as YAMLMap).items[0]!.value as Node;
}
