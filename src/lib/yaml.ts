import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLError, type Document } from 'yaml';
import { say } from '../schemas/messages.ts';
import { ContentError, type Problem } from './problems.ts';

/**
 * YAML as the content files use it: YAML 1.2 with the core schema, so that a date stays the text
 * it is (`2026-02-30` reaches the schema, which says that day does not exist, instead of becoming
 * 2 March as under YAML 1.1) and a code such as `0713` is read as the number 713 (the schema
 * then says to quote it). Duplicate keys are errors, aliases are bounded (no "billion laughs"),
 * and every value keeps its position, so that messages give the line of the field at fault.
 * @see https://eemeli.org/yaml/#options
 */

/** A parsed YAML file: its data, and the line of any field of it. */
export interface ParsedYaml {
	data: unknown;
	/** Line (1-based) of the value at `path`, or of its nearest parent present in the file. */
	lineOf: (path: readonly (string | number)[]) => number | undefined;
	/**
	 * The value at `path` as it is written in the file (`+33466785160`, `0713`), when it is a
	 * plain value: messages show it when YAML read it as something else, such as a number.
	 */
	sourceOf: (path: readonly (string | number)[]) => string | undefined;
}

/** At most this many aliases are expanded in one file: real content uses none. */
const maxAliasCount = 100;

/**
 * Parses a YAML file, or throws a `ContentError` with the problems found (syntax errors with
 * their line and column, duplicate keys, alias bombs), naming `file`.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
	const lineCounter = new LineCounter();
	const source = text.replace(/^\uFEFF/, '');
	let document: Document.Parsed;
	try {
		document = parseDocument(source, {
			version: '1.2',
			schema: 'core',
			uniqueKeys: true,
			prettyErrors: false,
			lineCounter,
		});
	} catch (error) {
		// The parser is recursive: thousands of nested levels exhaust the call stack.
		if (error instanceof RangeError) throw new ContentError([tooDeep(file)]);
		throw error;
	}
	const problems = document.errors.map((error) => syntaxProblem(error, file, lineCounter));
	if (problems.length > 0) throw new ContentError(problems);
	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount });
	} catch (error) {
		if (error instanceof RangeError) throw new ContentError([tooDeep(file)]);
		throw new ContentError([
			{
				file,
				field: '(YAML)',
				message: say({
					en: `not valid YAML: ${(error as Error).message}`,
					fr: `YAML invalide : ${(error as Error).message}`,
				}),
			},
		]);
	}
	return {
		data,
		lineOf: (path) => lineOf(document, lineCounter, path),
		sourceOf: (path) => {
			const node = document.getIn(path, true);
			const range = isScalar(node) ? node.range : undefined;
			return range ? source.slice(range[0], range[1]) : undefined;
		},
	};
}

/** The problem of a file nested too deeply for the parser (found by the property tests). */
function tooDeep(file: string): Problem {
	return {
		file,
		field: '(YAML)',
		message: say({
			en: 'nested too deeply to be read (thousands of levels): content files nest a few levels at most; check the indentation',
			fr: 'imbriqué trop profondément pour être lu (des milliers de niveaux) : un fichier de contenu n’a que quelques niveaux ; vérifiez l’indentation',
		}),
	};
}

function syntaxProblem(error: YAMLError, file: string, lineCounter: LineCounter): Problem {
	const { line, col } = lineCounter.linePos(error.pos[0]);
	const what = error.message.split('\n')[0] ?? '';
	// The parser reports its own exhausted call stack as a syntax error.
	if (/Maximum call stack size exceeded/.test(what)) return { ...tooDeep(file), line };
	const where = { en: `line ${line}, column ${col}`, fr: `ligne ${line}, colonne ${col}` };
	// The two mistakes hand-edited files make, said in the editor's words; the parser's otherwise.
	const known: Partial<Record<string, { en: string; fr: string }>> = {
		DUPLICATE_KEY: {
			en: `${where.en}: a key appears twice in the same block; keep only one`,
			fr: `${where.fr} : une clé apparaît deux fois dans le même bloc ; n’en gardez qu’une`,
		},
		TAB_AS_INDENT: {
			en: `${where.en}: a tab is used to indent; indent with spaces`,
			fr: `${where.fr} : une tabulation sert d’indentation ; indentez avec des espaces`,
		},
	};
	const message = say(
		known[error.code] ?? {
			en: `not valid YAML at ${where.en}: ${what}`,
			fr: `YAML invalide ${where.fr} : ${what}`,
		}
	);
	return { file, line, field: '(YAML)', message };
}

/**
 * The line of the key (for a field of a map) or of the item (for an element of a list) at the end
 * of `path`, or of the deepest part of it present in the file.
 */
function lineOf(
	document: Document,
	lineCounter: LineCounter,
	path: readonly (string | number)[]
): number | undefined {
	let node: unknown = document.contents;
	// A field missing at the top level has no line of its own.
	let line = path.length === 0 ? rangeLine(node, lineCounter) : undefined;
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(segment)
			);
			if (!pair) break;
			line = rangeLine(pair.key, lineCounter) ?? line;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item: unknown = node.items[segment];
			if (item === undefined) break;
			line = rangeLine(item, lineCounter) ?? line;
			node = item;
		} else break;
	}
	return line;
}

function rangeLine(node: unknown, lineCounter: LineCounter): number | undefined {
	const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
	return range ? lineCounter.linePos(range[0]).line : undefined;
}
