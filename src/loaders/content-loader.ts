import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { ContentError, isContentError } from '../lib/problems.ts';
import { systemLang } from './system-lang.ts';
import { validateData, validateYamlFile, type FileRules } from '../lib/validate.ts';
import { parseYaml } from '../lib/yaml.ts';
import { say } from '../schemas/messages.ts';

interface ContentLoaderOptions extends Partial<FileRules> {
	/** Glob pattern of the files, relative to `base`. */
	pattern: string;
	/** Folder of the collection, relative to the project root (e.g. `./content/partners`). */
	base: string;
	/**
	 * For Markdown pages: the schema of the frontmatter fields the project adds (Starlight checks
	 * its own fields).
	 */
	frontmatter?: z.ZodType | undefined;
}

/**
 * Astro's `glob()` loader, validating each file with the project's own rules before Astro stores
 * it (`src/lib/validate.ts`): its name, its YAML (1.2 core schema, with positions) and its
 * schema. A file that breaks them stops the build with one line per problem,
 * `content/partners/kagawa.yaml:12: agreements.0.languages.0.cefr: expected one of A1…C2, got "B3"`,
 * in French when the system's locale is French. Astro then parses the data again with the
 * collection's schema and stores it; its own message is only used for what the project does not
 * check itself (Starlight's frontmatter fields), as one line naming the file.
 * @see https://docs.astro.build/en/reference/content-loader-reference/#parsedata
 */
export function contentLoader({
	pattern,
	base,
	schema,
	idPattern,
	idDescription,
	frontmatter,
}: ContentLoaderOptions): Loader {
	const inner = glob({ pattern, base });
	const lang = systemLang();
	return {
		name: 'content-loader',
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			const filesById = new Map<string, string>();
			const parseData: LoaderContext['parseData'] = async (props) => {
				const file = props.filePath ? relative(root, props.filePath) : `${base}/${props.id}`;
				const previous = filesById.get(props.id);
				if (previous && previous !== file) {
					throw new ContentError([
						{
							file,
							field: '(file name)',
							message: say({
								en: `id "${props.id}" is already used by ${previous}; every file of a collection needs its own name`,
								fr: `l’identifiant « ${props.id} » est déjà celui de ${previous} ; chaque fichier d’une collection a son propre nom`,
							}),
						},
					]);
				}
				filesById.set(props.id, file);
				let data = props.data;
				if (props.filePath && /\.ya?ml$/.test(props.filePath) && schema) {
					const validated = validateYamlFile(
						await readFile(props.filePath, 'utf8'),
						{ id: props.id, file },
						{ schema, idPattern, idDescription },
						lang
					);
					if (!validated.ok) throw new ContentError(validated.problems);
					// Astro's own YAML parser (YAML 1.1) would read `2026-02-30` as 2 March: the data
					// parsed here, already valid, is what Astro stores.
					data = validated.data as typeof props.data;
				} else if (props.filePath && frontmatter) {
					const text = await readFile(props.filePath, 'utf8');
					const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
					let lineOf: ((path: readonly (string | number)[]) => number | undefined) | undefined;
					try {
						const parsed = parseYaml(block, file);
						// The frontmatter starts on the file's second line.
						lineOf = (path) => {
							const line = parsed.lineOf(path);
							return line === undefined ? undefined : line + 1;
						};
					} catch (error) {
						if (isContentError(error)) throw error;
					}
					const validated = validateData(frontmatter, props.data, file, lang, lineOf);
					if (!validated.ok) throw new ContentError(validated.problems);
				}
				try {
					return await context.parseData({ ...props, data });
				} catch (error) {
					const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
					throw new ContentError([{ file, field: '(frontmatter)', message: message ?? '' }]);
				}
			};
			await inner.load({ ...context, parseData });
		},
	};
}
