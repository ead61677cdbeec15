/**
 * Finds every external http(s) address in the content files, with each place it occurs, so that
 * the link report can tell the office which file (and line, and field) to fix.
 *
 * YAML is parsed, never matched with regular expressions: every string value of the parsed
 * document is read, however deep, so that a `sources:` entry written as a plain string and one
 * written as a record (`{ url, title, publisher, date }`) are both found. Markdown and MDX pages
 * have their frontmatter parsed the same way; their body is scanned for addresses in Markdown
 * links, autolinks, JSX attributes (`href="…"`, `href={'…'}`) and bare text.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Node } from 'yaml';

/** One place where an address is written. */
export interface Occurrence {
	/** The file, relative to the folder the command runs from, with `/` separators. */
	file: string;
	/** 1-based line of the address in the file. */
	line: number;
	/**
	 * The YAML field holding the address, as a dotted path (`sources.1.url`), for YAML files and
	 * frontmatter; absent in a page's body.
	 */
	field?: string;
}

/** An address and one place where it is written. */
export interface UrlOccurrence extends Occurrence {
	url: string;
}

/** An address found in a text, and where it starts (a character offset into that text). */
export interface FoundUrl {
	url: string;
	index: number;
}

/** File extensions the collector reads: data files and pages. */
export const contentExtensions: readonly string[] = ['.yaml', '.yml', '.md', '.mdx'];

/**
 * A file the collector cannot read as what its extension says (invalid YAML, for instance). The
 * message names the file and the line, so that whoever runs the check can fix it.
 */
export class LinkSourceError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LinkSourceError';
	}
}

const urlStart = /\bhttps?:\/\//gi;
/** Characters that never belong to an address in running text. */
const hardStop = /[\s<>"`]/;
/**
 * Trailing characters GFM leaves out of a bare address ("see https://example.org.").
 * @see https://github.github.com/gfm/#extended-autolink-path-validation
 */
const trailingPunctuation = /[?!.,:;*_~'"]$/;

/**
 * Finds the http(s) addresses in a piece of Markdown, MDX or plain text. Where an address ends
 * depends on what precedes it: `<…>` (autolink), a quote (`href="…"`, `href={'…'}`), `](…)` (a
 * Markdown link destination, which may hold balanced parentheses, as Wikipedia's do) or nothing
 * (a bare address, whose trailing punctuation and unbalanced closing bracket are left out, as
 * GitHub does).
 *
 * Hand-written rather than a Markdown parser: the project has no direct dependency that parses
 * MDX and GFM autolinks together (`marked` reads JSX attributes as raw HTML), and the only rule
 * needed here is where an address ends.
 * @example
 * findUrls('See [the page](https://example.org/a_(b)) or https://example.org/c.')
 * // → [{ url: 'https://example.org/a_(b)', index: 15 }, { url: 'https://example.org/c', index: 45 }]
 */
export function findUrls(text: string): FoundUrl[] {
	const found: FoundUrl[] = [];
	for (const match of text.matchAll(urlStart)) {
		const start = match.index;
		const before = text[start - 1] ?? '';
		let url: string;
		if (before === '<') {
			url = takeUntil(text, start, (char) => char === '>' || /\s/.test(char));
		} else if (before === '"' || before === "'" || before === '`') {
			url = takeUntil(text, start, (char) => char === before || /\s/.test(char));
		} else if (before === '(' && text[start - 2] === ']') {
			url = linkDestination(text, start);
		} else {
			url = trimBare(takeUntil(text, start, (char) => hardStop.test(char)));
		}
		url = url.replaceAll('&amp;', '&');
		// "https://" alone (prose about addresses) is not a link.
		if (/^https?:\/\/./i.test(url)) found.push({ url, index: start });
	}
	return found;
}

function takeUntil(text: string, start: number, stop: (char: string) => boolean): string {
	let end = start;
	while (end < text.length && !stop(text[end]!)) end++;
	return text.slice(start, end);
}

/** A Markdown link destination: up to white space or the `)` that closes the link. */
function linkDestination(text: string, start: number): string {
	let depth = 0;
	let end = start;
	for (; end < text.length; end++) {
		const char = text[end]!;
		if (/\s/.test(char)) break;
		if (char === '\\') {
			end++;
			continue;
		}
		if (char === '(') depth++;
		if (char === ')') {
			if (depth === 0) break;
			depth--;
		}
	}
	return text.slice(start, end).replace(/\\([()])/g, '$1');
}

/** Leaves out trailing punctuation and unbalanced closing brackets, as GFM does. */
function trimBare(url: string): string {
	let trimmed = url;
	for (;;) {
		if (trailingPunctuation.test(trimmed)) {
			trimmed = trimmed.slice(0, -1);
			continue;
		}
		const last = trimmed.at(-1);
		const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : undefined;
		if (open && count(trimmed, last!) > count(trimmed, open)) {
			trimmed = trimmed.slice(0, -1);
			continue;
		}
		return trimmed;
	}
}

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

/** Offsets of the start of each line, to turn an offset into a line number. */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
		starts.push(index + 1);
	}
	return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (starts[middle]! <= offset) low = middle;
		else high = middle - 1;
	}
	return low + 1;
}

/**
 * The addresses in YAML text: every string value of every document, at any depth, whether it is
 * an address by itself or prose containing addresses. Keys are not read.
 * @param text The YAML source.
 * @param file The file name to put in each occurrence and in error messages.
 * @param firstLine The line of the file the text starts on (2 for a page's frontmatter).
 * @throws {LinkSourceError} when the YAML does not parse, naming the file and the line.
 */
export function extractFromYaml(text: string, file: string, firstLine = 1): UrlOccurrence[] {
	const lineCounter = new LineCounter();
	const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
	// parseAllDocuments returns an EmptyStream (not an array) for a file with no document.
	if (!Array.isArray(documents)) return [];
	const found: UrlOccurrence[] = [];
	for (const document of documents) {
		const [error] = document.errors;
		if (error) {
			const line = lineCounter.linePos(error.pos[0]).line + firstLine - 1;
			throw new LinkSourceError(`${file}:${line}: invalid YAML: ${error.message}`);
		}
		visit(document, {
			Scalar(_key, node, path) {
				if (typeof node.value !== 'string' || !/https?:\/\//i.test(node.value)) return;
				const field = fieldPath(path, node);
				if (field === undefined) return;
				const whole = node.value.trim();
				const urls = /^https?:\/\/\S+$/i.test(whole)
					? [whole]
					: findUrls(node.value).map((each) => each.url);
				const [start = 0, end = start] = node.range ?? [];
				const source = text.slice(start, end);
				let from = 0;
				for (const url of urls) {
					// The address as written in the source gives its exact line in a multi-line
					// string; one whose escapes the YAML changed is placed on the string's first line.
					const at = source.indexOf(url, from);
					if (at !== -1) from = at + url.length;
					const line = lineCounter.linePos(start + Math.max(at, 0)).line + firstLine - 1;
					found.push(field ? { url, file, line, field } : { url, file, line });
				}
			},
		});
	}
	return found;
}

/**
 * The dotted path of a value in its document (`sources.1.url`), or undefined for a key.
 * `path` is the list of ancestors `visit` gives, from the document down to the node's parent.
 */
function fieldPath(path: readonly unknown[], node: Node): string | undefined {
	const chain = [...path, node];
	const parts: string[] = [];
	for (let index = 0; index < chain.length - 1; index++) {
		const parent = chain[index];
		const child = chain[index + 1];
		if (isPair(parent)) {
			if (child === parent.key) return undefined;
			parts.push(isScalar(parent.key) ? String(parent.key.value) : String(parent.key));
		} else if (isSeq(parent)) {
			parts.push(String(parent.items.indexOf(child)));
		}
	}
	return parts.join('.');
}

/** A page's frontmatter: `---` on the first line, up to the next line holding only `---`. */
const frontmatter = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * The addresses in a Markdown or MDX page: its frontmatter, parsed as YAML (with field paths),
 * and its body, scanned with {@link findUrls}.
 * @param text The page's source.
 * @param file The file name to put in each occurrence.
 * @throws {LinkSourceError} when the frontmatter is not valid YAML.
 */
export function extractFromPage(text: string, file: string): UrlOccurrence[] {
	const found: UrlOccurrence[] = [];
	const head = frontmatter.exec(text);
	let bodyStart = 0;
	if (head) {
		found.push(...extractFromYaml(head[1] ?? '', file, 2));
		bodyStart = head[0].length;
	}
	const starts = lineStarts(text);
	for (const { url, index } of findUrls(text.slice(bodyStart))) {
		found.push({ url, file, line: lineOf(starts, bodyStart + index) });
	}
	return found;
}

/**
 * Lists the content files under the given paths (files or folders, read recursively), sorted.
 * @throws {LinkSourceError} when a path does not exist.
 */
export async function listContentFiles(paths: readonly string[]): Promise<string[]> {
	const files = new Set<string>();
	async function add(path: string, explicit: boolean): Promise<void> {
		const info = await stat(path).catch(() => undefined);
		if (!info) throw new LinkSourceError(`${path}: no such file or folder`);
		if (info.isDirectory()) {
			const entries = await readdir(path, { withFileTypes: true });
			for (const entry of entries) {
				if (entry.name.startsWith('.')) continue;
				await add(join(path, entry.name), false);
			}
		} else if (explicit || contentExtensions.includes(extname(path).toLowerCase())) {
			files.add(path);
		}
	}
	for (const path of paths) await add(path, true);
	return [...files].sort();
}

/**
 * A path as the report shows it: relative to `root` with `/` separators, or absolute when it is
 * outside `root` (a `../../` path helps nobody).
 * @example displayPath('/site', '/site/content/a.yaml') // → 'content/a.yaml'
 */
export function displayPath(root: string, path: string): string {
	const relativePath = relative(root, path);
	const shown = relativePath === '' || relativePath.startsWith('..') ? path : relativePath;
	return shown.split(sep).join('/');
}

/**
 * Reads the addresses of one file: YAML files as YAML, anything else as a Markdown page.
 * @param path The file to read.
 * @param root The folder occurrences' file names are relative to.
 */
export async function extractFromFile(path: string, root: string): Promise<UrlOccurrence[]> {
	const text = await readFile(path, 'utf8');
	const file = displayPath(root, path);
	return /\.ya?ml$/i.test(path) ? extractFromYaml(text, file) : extractFromPage(text, file);
}

/** Every address of a set of files, with the places it occurs, in the order first met. */
export interface CollectedLinks {
	/** The files read, relative to the root. */
	files: string[];
	/** Each distinct address and where it is written. */
	links: Map<string, Occurrence[]>;
}

/**
 * Collects the external addresses of the content files under `paths`.
 * @param paths Files or folders to read (folders recursively, `.yaml`, `.yml`, `.md`, `.mdx`).
 * @param root The folder file names in the result are relative to (the command's folder).
 * @throws {LinkSourceError} when a path does not exist or a file does not parse.
 * @example
 * const { links } = await collectLinks(['content'], process.cwd());
 * links.get('http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite');
 * // → [{ file: 'content/docs/erasmus.mdx', line: 9, field: 'sources.0' }, …]
 */
export async function collectLinks(
	paths: readonly string[],
	root: string
): Promise<CollectedLinks> {
	const files = await listContentFiles(paths);
	const links = new Map<string, Occurrence[]>();
	for (const path of files) {
		for (const { url, ...occurrence } of await extractFromFile(path, root)) {
			const list = links.get(url) ?? [];
			list.push(occurrence);
			links.set(url, list);
		}
	}
	return { files: files.map((path) => displayPath(root, path)), links };
}
