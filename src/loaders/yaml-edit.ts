import { isDeepStrictEqual } from 'node:util';
import {
	Document,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	visit,
	type Node,
	type Pair,
	type Scalar,
	type YAMLMap,
	type YAMLSeq,
} from 'yaml';
import { isRecord } from '../lib/paths.ts';
import type { SchemaNode } from '../lib/schema-tree.ts';

/**
 * Writing content files from data, for the spreadsheet import: new files in the order of the
 * schema and the house style of `content/` (long text folded with `>-`, ISCED codes quoted,
 * coordinates on one line), and changes to existing files that touch only what changed.
 *
 * `yaml`'s `doc.setIn()` then `doc.toString()` keeps comments and the order of fields, but
 * re-folds every long text of the file to its own line width, so that changing one city would
 * rewrite ten lines of the summary. Here the file is parsed with the same Document API, and only
 * the text of the fields that changed is replaced, at their positions (`node.range`), each
 * rendered by `yaml` itself; everything else keeps its bytes. The result is parsed again and must
 * hold exactly the new data; if it did not (a layout this code does not foresee), the file is
 * written with `setIn()`/`toString()` instead.
 * @see https://eemeli.org/yaml/#documents
 */

/** YAML as the content files are read (`src/loaders/yaml.ts`). */
const parseOptions = { version: '1.2', schema: 'core' } as const;

/** Text longer than this is written as a folded block (`>-`), as in the files written by hand. */
const foldAbove = 60;

/** The fields of an object node in the schema's order, or undefined for a node that is not one. */
const fieldsOf = (node: SchemaNode | undefined) =>
	node?.kind === 'object' ? node.fields : undefined;

/**
 * A copy of data with the keys of every object in the order of the schema (keys the schema does
 * not know last, as found), and no `undefined` values.
 */
export function inSchemaOrder(node: SchemaNode | undefined, data: unknown): unknown {
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
		if (!known.has(key) && value !== undefined) ordered[key] = value;
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

/**
 * Applies the house style to new nodes: folded prose, one-line maps of numbers (coordinates);
 * `kept` keeps the style a collection or a text had in the file.
 */
function houseStyle(document: Document, kept: Kept) {
	visit(document, {
		Scalar(_key, node) {
			if (typeof node.value !== 'string') return;
			if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
			else if (node.value.length > foldAbove && node.value.includes(' '))
				node.type = 'BLOCK_FOLDED';
		},
	});
	const flow = kept.flow;
	const quote = (node: unknown, path: (string | number)[]) => {
		if (!isScalar(node) || typeof node.value !== 'string' || node.value.includes('\n')) return;
		const quotes = kept.quotes(path);
		if (quotes) node.type = quotes;
	};
	const walk = (node: unknown, path: (string | number)[]) => {
		quote(node, path);
		if (isMap(node)) {
			const kept = node.items.length === 0 ? undefined : flow(path);
			node.flow =
				kept ??
				(path.length > 0 &&
					node.items.length > 0 &&
					node.items.every((pair) => isScalar(pair.value) && typeof pair.value.value === 'number'));
			for (const pair of node.items)
				walk(pair.value, [...path, String((pair.key as { value?: unknown }).value)]);
		} else if (isSeq(node)) {
			const kept = node.items.length === 0 ? undefined : flow(path);
			if (kept !== undefined) node.flow = kept;
			node.items.forEach((item, index) => walk(item, [...path, index]));
		}
	};
	walk(document.contents, []);
}

/** Options of `toString()` for the content files. */
const stringOptions = (indent: number) => ({
	lineWidth: Math.max(40, 80 - indent),
	minContentWidth: 20,
	singleQuote: true,
	flowCollectionPadding: true,
});

/**
 * A value as YAML text at column 0, ending with a line break. Only prose is folded: without a
 * folded block (`>-`), lines are not cut, so that a quoted title the file wrote on one line stays
 * on one line when it changes.
 */
function render(value: unknown, indent: number, kept: Kept = keepNothing): string {
	const document = new Document(value, parseOptions);
	houseStyle(document, kept);
	let folds = false;
	visit(document, {
		Scalar(_key, node) {
			if (node.type === 'BLOCK_FOLDED') folds = true;
		},
	});
	return document.toString({ ...stringOptions(indent), ...(folds ? {} : { lineWidth: 0 }) });
}

/**
 * The text of a new content file holding `data`, its fields in the order of the schema.
 * @example yamlText(partnerTree, { name: { native: '香川大学', en: 'Kagawa University' }, … })
 */
export function yamlText(tree: SchemaNode, data: unknown): string {
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
 * differ. `same(path)` says whether the value at a path is unchanged (the import compares
 * validated values, so that `2026-11-23` and a date, or a missing list and its default `[]`, are
 * the same).
 */
export function patchYaml(
	text: string,
	next: Record<string, unknown>,
	tree: SchemaNode,
	same: (path: readonly (string | number)[]) => boolean
): Patched {
	const document = parseDocument(text, parseOptions);
	const old = document.toJS() as unknown;
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
	/** What the file wrote at the paths below `base`. */
	const keptBelow = (base: (string | number)[]): Kept => ({
		flow: (inner) => flowAt([...base, ...inner]),
		quotes: (inner) => quotesAt([...base, ...inner]),
	});

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
	const keyOf = (pair: Pair) => String((pair.key as { value?: unknown }).value);
	const keyStart = (pair: Pair) => (pair.key as Node).range![0];
	const pairEnd = (pair: Pair) => nodeEnd(pair.value as Node, (pair.key as Node).range![1]);

	/**
	 * What a changed value is written as: the new value, except where `same()` says a part is
	 * unchanged, which keeps its text of the file (`' Rome'` and `'Rome'` are the same city).
	 */
	function intended(before: unknown, after: unknown, path: (string | number)[]): unknown {
		if (path.length > 0 && same(path)) return before;
		if (isRecord(before) && isRecord(after)) {
			const result: Record<string, unknown> = {};
			for (const key of Object.keys({ ...before, ...after })) {
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
		const keys = [
			...fields.map((field) => field.key),
			...Object.keys({ ...oldRecord, ...newRecord }).filter(
				(key) => !fields.some((field) => field.key === key)
			),
		];
		const order = (key: string) => {
			const index = keys.indexOf(key);
			return index === -1 ? keys.length : index;
		};
		const pairs = map.items as Pair[];
		const indent = pairs.length > 0 ? column(keyStart(pairs[0]!)) : 0;
		for (const key of keys) {
			const fieldPath = [...path, key];
			const value = newRecord[key];
			if (same(fieldPath)) continue;
			const field = fields.find((candidate) => candidate.key === key);
			const pair = pairs.find((candidate) => keyOf(candidate) === key);
			if (!pair) {
				if (value === undefined) continue;
				const ordered = inSchemaOrder(field?.node, intended(undefined, value, fieldPath));
				const previous = pairs.filter((candidate) => order(keyOf(candidate)) < order(key)).at(-1);
				if (previous) {
					edits.push({
						start: pairEnd(previous),
						end: pairEnd(previous),
						text: ' '.repeat(indent) + renderPair(key, ordered, fieldPath, indent),
					});
				} else {
					const first = pairs[0];
					if (!first || !atLineStart(keyStart(first))) throw new RewriteItem();
					const start = lineStart(keyStart(first));
					edits.push({
						start,
						end: start,
						text: ' '.repeat(indent) + renderPair(key, ordered, fieldPath, indent),
					});
				}
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
			if (field?.node.kind === 'object' && isMap(child) && !child.flow && isRecord(value)) {
				patchMap(child, oldRecord[key], value, field.node, fieldPath);
				continue;
			}
			if (
				field?.node.kind === 'array' &&
				field.node.item.kind === 'object' &&
				isSeq(child) &&
				!child.flow &&
				Array.isArray(value) &&
				value.length > 0 &&
				Array.isArray(oldRecord[key])
			) {
				patchSeq(child, oldRecord[key] as unknown[], value, field.node.item, fieldPath);
				continue;
			}
			const start = keyStart(pair);
			edits.push({
				start,
				end: pairEnd(pair),
				text: renderPair(
					key,
					inSchemaOrder(field?.node, intended(oldRecord[key], value, fieldPath)),
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
		item: SchemaNode,
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
					{
						flow: (inner) =>
							typeof inner[0] === 'number'
								? flowAt([...path, first + inner[0], ...inner.slice(1)])
								: undefined,
						quotes: (inner) =>
							typeof inner[0] === 'number'
								? quotesAt([...path, first + inner[0], ...inner.slice(1)])
								: undefined,
					}
				),
				indent
			);
		const common = Math.min(before.length, after.length);
		for (let index = 0; index < common; index++) {
			const itemPath = [...path, index];
			if (same(itemPath)) continue;
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

	const expected = intended(old, next, []);
	let patched = text;
	let rewritten = false;
	try {
		if (!isMap(document.contents) || document.contents.flow) throw new RewriteItem();
		patchMap(document.contents, old, next, tree, []);
		// From the end of the file, so that positions hold; insertions at one place keep their order.
		const ordered = edits
			.map((edit, index) => ({ edit, index }))
			.sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
		for (const { edit } of ordered)
			patched = patched.slice(0, edit.start) + edit.text + patched.slice(edit.end);
		const check = parseDocument(patched, parseOptions);
		if (check.errors.length > 0 || !isDeepStrictEqual(check.toJS(), expected))
			throw new RewriteItem();
	} catch (error) {
		if (!(error instanceof RewriteItem)) throw error;
		patched = rewrite(text, inSchemaOrder(tree, expected) as Record<string, unknown>, old);
		rewritten = true;
	}
	return { text: patched, changed, rewritten };
}

/**
 * The whole file written again with the Document API (`setIn`, `deleteIn`, `toString`): comments
 * and field order are kept, long text is folded again.
 */
function rewrite(text: string, next: Record<string, unknown>, old: unknown): string {
	const document = parseDocument(text, parseOptions);
	const apply = (before: unknown, after: unknown, path: (string | number)[]) => {
		if (isDeepStrictEqual(before, after)) return;
		if (isRecord(before) && isRecord(after) && isMap(document.getIn(path, true))) {
			for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...path, key]);
			for (const [key, value] of Object.entries(after)) apply(before[key], value, [...path, key]);
			return;
		}
		document.setIn(path, document.createNode(after));
	};
	apply(old, next, []);
	return document.toString(stringOptions(0));
}
