import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { DocTree } from './doc-tree.ts';

export type { DocTree };

/**
 * The doc comments of the schemas' fields, read from their source with the TypeScript compiler
 * API, for the web editor's hints. Every field of `src/schemas/` carries a JSDoc comment saying
 * what it is, for developers, and an `@fr` tag saying it in French for the office, who read it
 * under the field in the editor (CONTRIBUTING.md, "Add a field"), e.g. `Institution's website
 * (EWP website-url). @fr L’adresse du site de l’établissement.`
 *
 * Reading those comments, rather than copying them into a `description` in the schemas, keeps
 * the explanation beside the field and lets a new field reach the editor with it by itself. zod
 * does not keep comments at run time, so they are read from the source at build time.
 *
 * The reader follows the schema expressions the way the schemas are written: `labelled(…)`,
 * `z.strictObject({…})` / `z.object({…})` (with spreads such as `...provenanceShape`),
 * `z.array(…)`, method chains (`.optional()`, `.default()`, `.refine()`…), identifiers and helper
 * functions across the files' imports. What it cannot follow (a parameter, a computed key) is a
 * field without comment, which the editor's coverage test reports.
 * @see https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API
 */

/** A module-level binding of a source file: a value's expression, or an import. */
type Binding =
	| { kind: 'value'; node: ts.Expression; file: string }
	| { kind: 'function'; node: ts.Expression | undefined; file: string }
	| { kind: 'import'; from: string; name: string };

/** Reads source files and evaluates their schema expressions into doc trees. */
class SchemaSources {
	readonly #files = new Map<string, Map<string, Binding>>();

	/** Where each file read is added (the build cache's inputs). */
	readonly read: Set<string> | undefined;

	constructor(read?: Set<string>) {
		this.read = read;
	}

	readonly #trees = new Map<ts.Node, DocTree>();

	/** The module-level bindings of a file (parsed once). */
	bindings(file: string): Map<string, Binding> {
		const known = this.#files.get(file);
		if (known) return known;
		this.read?.add(file);
		const source = ts.createSourceFile(
			file,
			readFileSync(file, 'utf8'),
			ts.ScriptTarget.Latest,
			true
		);
		const bindings = new Map<string, Binding>();
		for (const statement of source.statements) {
			if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
				const from = resolve(dirname(file), statement.moduleSpecifier.text);
				const named = statement.importClause?.namedBindings;
				if (named && ts.isNamedImports(named))
					for (const element of named.elements)
						bindings.set(element.name.text, {
							kind: 'import',
							from,
							name: (element.propertyName ?? element.name).text,
						});
			} else if (ts.isVariableStatement(statement)) {
				for (const declaration of statement.declarationList.declarations)
					if (ts.isIdentifier(declaration.name) && declaration.initializer)
						bindings.set(declaration.name.text, {
							kind: 'value',
							node: declaration.initializer,
							file,
						});
			} else if (ts.isFunctionDeclaration(statement) && statement.name) {
				const returned = statement.body?.statements.find(ts.isReturnStatement)?.expression;
				bindings.set(statement.name.text, { kind: 'function', node: returned, file });
			}
		}
		this.#files.set(file, bindings);
		return bindings;
	}

	/** The binding a name refers to in a file, following imports. */
	resolve(name: string, file: string, seen = 0): Binding | undefined {
		const binding = this.bindings(file).get(name);
		if (binding?.kind !== 'import' || seen > 10) return binding;
		return this.resolve(binding.name, binding.from, seen + 1);
	}

	/** The doc tree of a schema expression. */
	evaluate(node: ts.Expression, file: string, depth = 0): DocTree {
		if (depth > 40) return {};
		const cached = this.#trees.get(node);
		if (cached) return cached;
		const tree = this.#evaluate(node, file, depth);
		this.#trees.set(node, tree);
		return tree;
	}

	#evaluate(node: ts.Expression, file: string, depth: number): DocTree {
		const next = (expression: ts.Expression, from = file) =>
			this.evaluate(expression, from, depth + 1);
		if (
			ts.isParenthesizedExpression(node) ||
			ts.isAsExpression(node) ||
			ts.isSatisfiesExpression(node) ||
			ts.isNonNullExpression(node)
		)
			return next(node.expression);
		if (ts.isIdentifier(node)) {
			const binding = this.resolve(node.text, file);
			return binding?.kind === 'value' ? next(binding.node, binding.file) : {};
		}
		if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return next(node.body);
		if (ts.isObjectLiteralExpression(node)) return { fields: this.#shape(node, file, depth) };
		if (!ts.isCallExpression(node)) return {};
		const callee = node.expression;
		const [first, second] = node.arguments;
		if (ts.isPropertyAccessExpression(callee)) {
			const method = callee.name.text;
			const receiver = callee.expression;
			if (ts.isIdentifier(receiver) && receiver.text === 'z') {
				if (['object', 'strictObject', 'looseObject'].includes(method) && first) return next(first);
				if (method === 'array' && first) return { item: next(first) };
				if (method === 'preprocess' && second) return next(second);
				return {};
			}
			if (method === 'extend' && first)
				return { fields: { ...next(receiver).fields, ...next(first).fields } };
			if (method === 'array') return { item: next(receiver) };
			// `.optional()`, `.default()`, `.refine()`, `.min()`…: the same value.
			return next(receiver);
		}
		if (ts.isIdentifier(callee)) {
			if (callee.text === 'labelled' && first) return next(first);
			const binding = this.resolve(callee.text, file);
			if (binding?.kind === 'function' && binding.node) return next(binding.node, binding.file);
			if (binding?.kind === 'value') return next(binding.node, binding.file);
		}
		return {};
	}

	/** The fields of an object literal used as a shape, with their comments. */
	#shape(node: ts.ObjectLiteralExpression, file: string, depth: number): Record<string, DocTree> {
		const fields: Record<string, DocTree> = {};
		for (const property of node.properties) {
			if (ts.isSpreadAssignment(property)) {
				Object.assign(fields, this.evaluate(property.expression, file, depth + 1).fields);
				continue;
			}
			if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))
				continue;
			const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name);
			if (!key) continue;
			const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
			fields[property.name.text] = {
				...this.evaluate(value, file, depth + 1),
				doc: commentOf(property),
				fr: frenchOf(property),
			};
		}
		return fields;
	}
}

/** The text of a node's JSDoc comment, on one line, without its tags. */
function commentOf(node: ts.Node): string | undefined {
	const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	const text = docs
		.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
		.join(' ')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return text || undefined;
}

/** The text of a node's `@fr` JSDoc tag, on one line. */
function frenchOf(node: ts.Node): string | undefined {
	const text = ts
		.getJSDocTags(node)
		.filter((tag) => tag.tagName.text === 'fr')
		.map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '')
		.join(' ')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return text || undefined;
}

/**
 * The doc tree of each data collection's schema, by collection name, read from the registry
 * (`src/lib/collections.ts`: each `define({ name, schema })`), and of the written pages' extra
 * frontmatter (`docsExtension` of `src/schemas/docs.ts`) under the name `docs`.
 * @example schemaDocs('/project').get('partners')?.fields?.['country']?.doc
 */
export function schemaDocs(root: string, read?: Set<string>): Map<string, DocTree> {
	const sources = new SchemaSources(read);
	const registry = join(root, 'src/lib/collections.ts');
	read?.add(registry);
	const trees = new Map<string, DocTree>();
	const text = ts.createSourceFile(
		registry,
		readFileSync(registry, 'utf8'),
		ts.ScriptTarget.Latest,
		true
	);
	const visit = (node: ts.Node) => {
		if (
			ts.isCallExpression(node) &&
			ts.isIdentifier(node.expression) &&
			node.expression.text === 'define' &&
			node.arguments[0] &&
			ts.isObjectLiteralExpression(node.arguments[0])
		) {
			const properties = node.arguments[0].properties.filter(ts.isPropertyAssignment);
			const property = (name: string) =>
				properties.find((entry) => ts.isIdentifier(entry.name) && entry.name.text === name)
					?.initializer;
			const name = property('name');
			const schema = property('schema');
			if (name && ts.isStringLiteral(name) && schema)
				trees.set(name.text, sources.evaluate(schema, registry));
		}
		ts.forEachChild(node, visit);
	};
	visit(text);
	const docs = sources.resolve('docsExtension', join(root, 'src/schemas/docs.ts'));
	if (docs?.kind === 'value') trees.set('docs', sources.evaluate(docs.node, docs.file));
	return trees;
}
