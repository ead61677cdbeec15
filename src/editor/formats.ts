import { fileNameField, sourceField } from '../lib/editor-config.ts';
import { isRecord } from '../lib/paths.ts';
import { parseYaml } from '../lib/yaml.ts';
import { patchYaml, yamlText } from '../lib/yaml-edit.ts';
import { withImports, withoutImports, type ReadImports } from '../lib/page-components.ts';
import { inLanguage } from '../schemas/messages.ts';

/**
 * How the web editor reads and writes the content files (Decap CMS "custom formats"), so that a
 * file it saves is one the build reads the same way, and one a person can still read in git:
 *
 * - YAML 1.2 with the core schema, parsed by the loaders' own parser (`src/lib/yaml.ts`):
 *   dates stay text, `'0713'` stays quoted;
 * - an edited file keeps its comments and its layout: the YAML as it was read is kept with the
 *   entry (`__source`) and, on save, only the values that changed are written again in it, by
 *   the writer the spreadsheet import uses too (`src/lib/yaml-edit.ts`), in the same style;
 * - the reserved `identifiant` field, which names a new entry's file, is never written into it
 *   (the file name is the id; the schemas are strict);
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

/** Parses YAML as the build does; a broken file throws with the loaders' French message. */
function parse(text: string): Record<string, unknown> {
	const { data } = inLanguage('fr', () => parseYaml(text, 'fichier'));
	return isRecord(data) ? data : {};
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

/** Writes data as YAML: into the source it was read from when there is one, fresh otherwise. */
function stringify(data: Record<string, unknown>, sortedKeys: string[]): string {
	const values = writable(data, sortedKeys);
	const source = data[sourceField];
	return typeof source === 'string' ? patchYaml(source, values).text : yamlText(undefined, values);
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
