import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ContentError, formatIssue } from './content-error';

interface ContentLoaderOptions {
	/** Glob pattern of the files, relative to `base`. */
	pattern: string;
	/** Folder of the collection, relative to the project root (e.g. `./content/partners`). */
	base: string;
	/** Shape every entry id (the file name without extension) must have. */
	idPattern?: RegExp;
	/** How to describe `idPattern` in an error message. */
	idDescription?: string;
}

/**
 * Astro's `glob()` loader, with errors an editor can act on: a file that breaks its schema, has
 * an invalid name or repeats another file's id stops the build with one line per problem,
 * `content/partners/kagawa.yaml: agreements.0.languages.0.cefr: expected one of A1…C2, got "B3"`.
 *
 * Astro reports schema errors as `**partners → kagawa** data does not match collection schema`
 * followed by `**path**: message` lines; this loader rewrites them to name the file.
 *
 * YAML files are parsed again here with the YAML 1.2 core schema, which keeps `2026-02-30` as the
 * text it is: Astro's YAML 1.1 parser silently turns it into 2 March, so an impossible date would
 * pass. Dates are then checked by the schemas (`dateSchema`).
 * @see https://docs.astro.build/en/reference/content-loader-reference/#parsedata
 */
export function contentLoader({
	pattern,
	base,
	idPattern,
	idDescription,
}: ContentLoaderOptions): Loader {
	const inner = glob({ pattern, base });
	return {
		name: 'content-loader',
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			const filesById = new Map<string, string>();
			const parseData: LoaderContext['parseData'] = async (props) => {
				const file = props.filePath ? relative(root, props.filePath) : `${base}/${props.id}`;
				if (idPattern && !idPattern.test(props.id)) {
					throw new ContentError([
						formatIssue(
							file,
							'(file name)',
							`expected ${idDescription ?? 'a file name in lower-case ASCII words separated by hyphens, e.g. "kagawa.yaml"'}, got "${props.id}"`
						),
					]);
				}
				const previous = filesById.get(props.id);
				if (previous && previous !== file) {
					throw new ContentError([
						formatIssue(
							file,
							'(file name)',
							`id "${props.id}" is already used by ${previous}; every file of a collection needs its own name`
						),
					]);
				}
				filesById.set(props.id, file);
				let data = props.data;
				if (props.filePath && /\.ya?ml$/.test(props.filePath)) {
					try {
						data = parseYaml(await readFile(props.filePath, 'utf8')) as typeof props.data;
					} catch (error) {
						const where =
							error instanceof YAMLParseError && error.linePos
								? ` (line ${error.linePos[0].line})`
								: '';
						throw new ContentError([
							formatIssue(
								file,
								'(YAML)',
								`not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`
							),
						]);
					}
				}
				try {
					return await context.parseData({ ...props, data });
				} catch (error) {
					throw ContentError.fromAstroSchemaError(error, file);
				}
			};
			await inner.load({ ...context, parseData });
		},
	};
}
