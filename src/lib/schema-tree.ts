import type { z } from 'astro/zod';
import { choiceLabels, fieldMeta, references, type FieldMeta } from '../schemas/common.ts';
import type { Bilingual } from '../vocab/locales.ts';

/**
 * The shape of a collection's data, read off its zod schema: every field with its label, its
 * type, whether it is optional, its allowed values and the collection it refers to. Whatever is
 * derived from the schemas rather than written again — the web editor's forms, the spreadsheet's
 * columns, the reference checks — walks this tree, so a new field reaches all of them by itself.
 *
 * Reads zod 4's public definitions (`schema._zod.def`), which is how zod's own JSON Schema
 * generator walks schemas.
 * @see https://zod.dev/library-authors
 */

/** A value's type, as the tree describes it. */
export type SchemaNode =
	| { kind: 'object'; fields: FieldNode[]; strict: boolean }
	| { kind: 'array'; item: SchemaNode; minItems?: number | undefined }
	| {
			kind: 'string';
			format?: 'url' | 'email' | undefined;
			patterns: RegExp[];
			/**
			 * The schema itself, to ask it for its message (the editor's inline checks); absent from
			 * nodes made by hand (the workbook's `id` column).
			 */
			schema?: z.core.$ZodType | undefined;
	  }
	| { kind: 'reference'; collection: string }
	| {
			kind: 'enum';
			values: (string | number)[];
			/** Readable labels of the values, for a vocabulary. */
			labels?: Readonly<Record<string, Bilingual>> | undefined;
	  }
	| { kind: 'number'; integer: boolean; min?: number | undefined; max?: number | undefined }
	| { kind: 'boolean' }
	| { kind: 'date' }
	| { kind: 'unknown'; type: string };

/** A field of an object. */
export interface FieldNode {
	key: string;
	/** Path from the entry's root, e.g. `['agreements', '*', 'languages', '*', 'cefr']`. */
	path: string[];
	label: Bilingual;
	/** What the field is, in French, for the office (`FieldMeta.hint`). */
	hint?: string | undefined;
	/** What the field is, in English, for reusers (`FieldMeta.description`). */
	description?: string | undefined;
	/** The finder matches its words against this field (`FieldMeta.search`). */
	search?: boolean | undefined;
	/** `markdown` for prose fields. */
	format?: FieldMeta['format'];
	/** Whose fact it is: public sources, or only the office (`FieldMeta.fact`). */
	fact?: FieldMeta['fact'];
	/** A detail only some entries have: absent, it is on no list. */
	detail?: boolean | undefined;
	/** A value may be left out. */
	optional: boolean;
	/** Value used when it is left out, if any. */
	defaultValue?: unknown;
	node: SchemaNode;
	/**
	 * The field's own schema, without its optional or default wrapper: what validates one value of
	 * it (the spreadsheet's read-me asks it what it expects).
	 */
	schema: AnySchema;
}

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string };

const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/** Unwraps optional, default and readonly wrappers, noting what they say. */
function unwrap(schema: AnySchema): {
	inner: AnySchema;
	optional: boolean;
	defaultValue?: unknown;
} {
	let inner = schema;
	let optional = false;
	let defaultValue: unknown;
	for (;;) {
		const def = defOf(inner);
		if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') {
			optional ||= def.type !== 'readonly';
			inner = def['innerType'] as AnySchema;
		} else if (def.type === 'default' || def.type === 'prefault') {
			optional = true;
			const value = def['defaultValue'];
			defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
			inner = def['innerType'] as AnySchema;
		} else return { inner, optional, defaultValue };
	}
}

const trees = new WeakMap<AnySchema, SchemaNode>();

/**
 * The label of a field of a schema, by its path (`*` for list items): the name its `field()`
 * gives it, for the pages as for the editor.
 * @example labelAt(partnerSchema, ['city']) // { fr: 'Ville', en: 'City' }
 */
export function labelAt(schema: AnySchema, path: readonly string[]): Bilingual {
	let node: SchemaNode | undefined = trees.get(schema);
	if (!node) trees.set(schema, (node = schemaTree(schema)));
	let label: Bilingual | undefined;
	for (const key of path) {
		if (key === '*' && node?.kind === 'array') {
			node = node.item;
			continue;
		}
		const field: FieldNode | undefined =
			node?.kind === 'object' ? node.fields.find((candidate) => candidate.key === key) : undefined;
		if (!field) throw new Error(`no field ${path.join('.')} in the schema`);
		label = field.label;
		node = field.node;
	}
	if (!label) throw new Error('expected the path of a field');
	return label;
}

/** The paths of the fields the finder searches (`search` in their `field()`), in the schema's order. */
export function searchedPaths(schema: AnySchema): string[][] {
	const paths: string[][] = [];
	const visit = (node: SchemaNode) => {
		if (node.kind !== 'object') return;
		for (const field of node.fields)
			if (field.search) paths.push(field.path);
			else visit(field.node);
	};
	visit(schemaTree(schema));
	return paths;
}

/** The values of an enumeration or a union of literals, in their order; undefined otherwise. */
function enumValues(def: Def): (string | number)[] | undefined {
	if (def.type === 'enum') return Object.values(def['entries'] as Record<string, string>);
	if (def.type === 'literal') return [...(def['values'] as (string | number)[])];
	if (def.type !== 'union') return undefined;
	const values = (def['options'] as AnySchema[]).map((option) => enumValues(defOf(option)));
	return values.every((value) => value !== undefined) ? values.flat() : undefined;
}

/** The tree of a schema. Fields are described by `field()`; others are described as found. */
export function schemaTree(schema: AnySchema, path: string[] = []): SchemaNode {
	const reference = references.get(schema as z.ZodType);
	if (reference) return { kind: 'reference', collection: reference.collection };
	const def = defOf(schema);
	const choices = choiceLabels.get(schema as z.ZodType);
	if (choices)
		return {
			kind: 'enum',
			values: enumValues(def) ?? Object.keys(choices.labels),
			labels: choices.labels,
		};
	switch (def.type) {
		case 'object': {
			const shape = def['shape'] as Record<string, AnySchema>;
			const fields = Object.entries(shape).map(([key, field]): FieldNode => {
				const { inner, optional, defaultValue } = unwrap(field);
				const info = fieldMeta.get(field as z.ZodType);
				const fieldPath = [...path, key];
				return {
					key,
					path: fieldPath,
					label: info?.label ?? { fr: key, en: key },
					hint: info?.hint,
					description: info?.description,
					search: info?.search,
					format: info?.format,
					fact: info?.fact,
					detail: info?.detail,
					optional,
					...(defaultValue === undefined ? {} : { defaultValue }),
					node: schemaTree(inner, fieldPath),
					schema: inner,
				};
			});
			const catchall = def['catchall'] as AnySchema | undefined;
			return {
				kind: 'object',
				fields,
				strict: catchall ? defOf(catchall).type === 'never' : false,
			};
		}
		case 'array': {
			const minimum = (def['checks'] as { _zod: { def: Record<string, unknown> } }[] | undefined)
				?.map((check) => check._zod.def)
				.find((check) => check['check'] === 'min_length')?.['minimum'] as number | undefined;
			return {
				kind: 'array',
				item: schemaTree(unwrap(def['element'] as AnySchema).inner, [...path, '*']),
				minItems: minimum,
			};
		}
		case 'string': {
			// Regular expressions of `.regex()` checks and of formats such as `z.email()`.
			const checks =
				(def['checks'] as { _zod: { def: { pattern?: unknown } } }[] | undefined) ?? [];
			const patterns = [
				...new Set([
					...((schema._zod.bag as { patterns?: Set<RegExp> }).patterns ?? []),
					...[def['pattern'], ...checks.map((check) => check._zod.def.pattern)].filter(
						(pattern): pattern is RegExp => pattern instanceof RegExp
					),
				]),
			];
			const format = def['format'];
			return {
				kind: 'string',
				format: format === 'url' || format === 'email' ? format : undefined,
				patterns,
				schema,
			};
		}
		case 'enum':
		case 'literal':
		case 'union': {
			const values = enumValues(def);
			return values ? { kind: 'enum', values } : { kind: 'unknown', type: def.type };
		}
		case 'number': {
			const bag = schema._zod.bag as { minimum?: number; maximum?: number; format?: string };
			return {
				kind: 'number',
				integer: bag.format === 'safeint' || bag.format === 'int32',
				min: Number.isFinite(bag.minimum) ? bag.minimum : undefined,
				max: Number.isFinite(bag.maximum) ? bag.maximum : undefined,
			};
		}
		case 'boolean':
			return { kind: 'boolean' };
		case 'date':
			return { kind: 'date' };
		case 'pipe': {
			// `z.preprocess(…, z.date())`: described by what comes out.
			const out = def['out'] as AnySchema;
			return schemaTree(defOf(out).type === 'transform' ? (def['in'] as AnySchema) : out, path);
		}
		default:
			return { kind: 'unknown', type: def.type };
	}
}

/** Every field of a tree, depth first, with the node of each. */
export function* fieldsOf(node: SchemaNode): Generator<FieldNode> {
	if (node.kind === 'object') {
		for (const field of node.fields) {
			yield field;
			yield* fieldsOf(field.node);
		}
	} else if (node.kind === 'array') yield* fieldsOf(node.item);
}

/**
 * The references found in an entry's data, with their path and the collection each points to.
 * @example referencesIn(partnerTree, data) // [{ path: ['country'], collection: 'countries', id: 'jp' }, …]
 */
export function referencesIn(
	node: SchemaNode,
	data: unknown,
	path: (string | number)[] = []
): { path: (string | number)[]; collection: string; id: string }[] {
	if (data === undefined || data === null) return [];
	switch (node.kind) {
		case 'reference':
			return typeof data === 'string' ? [{ path, collection: node.collection, id: data }] : [];
		case 'object':
			return node.fields.flatMap((field) =>
				referencesIn(field.node, (data as Record<string, unknown>)[field.key], [...path, field.key])
			);
		case 'array':
			return Array.isArray(data)
				? data.flatMap((item, index) => referencesIn(node.item, item, [...path, index]))
				: [];
		default:
			return [];
	}
}
