/**
 * Finds the external addresses of the content with the file, line and field where each is written.
 * YAML (data files, a page's frontmatter) is parsed and every string value read, however deep; a
 * page's body is scanned for addresses (Markdown links, autolinks, JSX attributes, bare text).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit } from 'yaml';

/** One place of an address: file (relative, `/`), line, YAML field (`sources.1.url`) if any. */
export type Occurrence = { file: string; line: number; field?: string };

/** A command line, path or file the command cannot use; the message says which and why. */
export class InputError extends Error {}

/**
 * The http(s) addresses of a text, with their offsets. An address stops at white space, `<>"'\``;
 * trailing punctuation and unbalanced closing brackets are left out, as GitHub does, so that
 * `[page](https://example.org/a_(b)).` gives `https://example.org/a_(b)`.
 */
export function findUrls(text: string): { url: string; index: number }[] {
	const found = [];
	for (const match of text.matchAll(/https?:\/\/[^\s<>"'`]+/gi)) {
		let url = match[0].replaceAll('&amp;', '&');
		for (let trimmed = true; trimmed;) {
			const last = url.at(-1) ?? '';
			const open = { ')': '(', ']': '[', '}': '{' }[last];
			trimmed =
				/[?!.,:;]/.test(last) ||
				(open !== undefined && url.split(last).length > url.split(open).length);
			if (trimmed) url = url.slice(0, -1);
		}
		if (/^https?:\/\/./i.test(url)) found.push({ url, index: match.index });
	}
	return found;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The addresses of YAML text starting on line `firstLine`, from every string value. */
export function extractFromYaml(text: string, file: string, firstLine = 1) {
	const lines = new LineCounter();
	const found: (Occurrence & { url: string })[] = [];
	const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
	for (const document of Array.isArray(documents) ? documents : []) {
		const [error] = document.errors;
		if (error) {
			const line = lines.linePos(error.pos[0]).line + firstLine - 1;
			throw new InputError(`${file}:${line}: invalid YAML: ${error.message}`);
		}
		visit(document, {
			Scalar(_key, node, path) {
				if (typeof node.value !== 'string' || !/https?:\/\//i.test(node.value)) return;
				const parts: string[] = [];
				const chain = [...path, node];
				for (const [index, parent] of chain.entries()) {
					const child = chain[index + 1];
					if (isPair(parent) && child === parent.key) return; // a key, not a value
					if (isPair(parent))
						parts.push(String(isScalar(parent.key) ? parent.key.value : parent.key));
					if (isSeq(parent)) parts.push(String(parent.items.indexOf(child as never)));
				}
				const [start = 0, end = start] = node.range ?? [];
				const source = text.slice(start, end);
				for (const { url } of findUrls(node.value)) {
					// Found in the source, an address gets its own line in a multi-line string.
					const at = Math.max(source.indexOf(url), 0);
					const line = lines.linePos(start + at).line + firstLine - 1;
					found.push({ url, file, line, ...(parts.length > 0 && { field: parts.join('.') }) });
				}
			},
		});
	}
	return found;
}

/** The addresses of a Markdown or MDX page: its frontmatter as YAML, then its body. */
export function extractFromPage(text: string, file: string) {
	const head = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
	const bodyStart = head?.[0].length ?? 0;
	const body = findUrls(text.slice(bodyStart)).map(({ url, index }) => ({
		url,
		file,
		line: lineAt(text, bodyStart + index),
	}));
	return [...(head ? extractFromYaml(head[1] ?? '', file, 2) : []), ...body];
}

/** A path relative to `root` with `/` separators, or absolute when it is outside `root`. */
export function displayPath(root: string, path: string): string {
	const shown = relative(root, path);
	return (shown === '' || shown.startsWith('..') ? path : shown).split(sep).join('/');
}

/** The `.yaml`, `.yml`, `.md` and `.mdx` files under `paths` (files or folders), sorted. */
async function listFiles(paths: readonly string[]): Promise<string[]> {
	const files: string[] = [];
	for (const path of paths) {
		const info = await stat(path).catch(() => undefined);
		if (!info) throw new InputError(`${path}: no such file or folder`);
		const inside = info.isDirectory() ? await readdir(path, { recursive: true }) : [''];
		const content = (file: string) => /\.(ya?ml|mdx?)$/i.test(file) && !/(^|[\\/])\./.test(file);
		files.push(...inside.filter((f) => f === '' || content(f)).map((f) => join(path, f)));
	}
	return [...new Set(files)].sort();
}

/** The files under `paths` (named relative to `root`), and each address with its places. */
export async function collectLinks(paths: readonly string[], root: string) {
	const files = await listFiles(paths);
	const links = new Map<string, Occurrence[]>();
	for (const path of files) {
		const text = await readFile(path, 'utf8');
		const file = displayPath(root, path);
		const found = /\.ya?ml$/i.test(path)
			? extractFromYaml(text, file)
			: extractFromPage(text, file);
		for (const { url, ...place } of found) links.set(url, [...(links.get(url) ?? []), place]);
	}
	return { files: files.map((path) => displayPath(root, path)), links };
}
