import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataCollections, type DataCollectionName } from '../lib/collections.ts';
import type { Problem } from '../lib/problems.ts';
import type { Entry, Locate, RawCollections } from '../lib/resolve.ts';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Lang } from '../vocab/locales.ts';
import { validateYamlFile } from '../lib/validate.ts';

/**
 * The data collections read straight from the content folders, without Astro: what
 * `check:content`, the spreadsheet import and the tests use. Each file is validated exactly as
 * the build validates it (`src/lib/validate.ts`).
 */

/** The YAML files of a folder, by id (file name without extension), sorted. */
export function yamlFiles(dir: string): { id: string; name: string }[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	return names.sort().flatMap((name) => {
		const match = /^([^_.][^/]*)\.ya?ml$/.exec(name);
		return match ? [{ id: match[1]!, name }] : [];
	});
}

/** What reading the content gives: the valid entries, the problems, and where each field is. */
export interface ContentRead {
	raw: RawCollections;
	problems: Problem[];
	/** The line of a field of a file that was read, for messages about references. */
	locate: Locate;
}

/**
 * Reads and validates every data collection under `root` (the project root). Files with
 * problems are left out of `raw` and reported in `problems`, so that every problem of every file
 * is known at once.
 */
export function readContent(
	root: string,
	{
		lang = 'en',
		override,
	}: {
		lang?: Lang;
		/** Data to use instead of a collection's folder (tests, spreadsheet import). */
		override?: Partial<Record<DataCollectionName, Map<string, string>>>;
	} = {}
): ContentRead {
	const problems: Problem[] = [];
	const lines = new Map<string, (path: readonly (string | number)[]) => number | undefined>();
	const raw = {} as Record<DataCollectionName, Entry<unknown>[]>;
	for (const definition of dataCollections) {
		const entries: Entry<unknown>[] = [];
		const fileById = new Map<string, string>();
		const overridden = override?.[definition.name];
		// An array, not a map: two files with one id (`x.yaml`, `x.yml`) must both be seen.
		const files: [string, string | { name: string; text: string }][] = overridden
			? [...overridden]
			: yamlFiles(join(root, definition.folder)).map(({ id, name }) => [
					id,
					{ name, text: readFileSync(join(root, definition.folder, name), 'utf8') },
				]);
		for (const [id, entry] of files) {
			const { name, text } =
				typeof entry === 'string' ? { name: `${id}.yaml`, text: entry } : entry;
			const file = `${definition.folder}/${name}`;
			const previous = fileById.get(id);
			if (previous) {
				problems.push({
					file,
					field: '(file name)',
					message: inLanguage(lang, () =>
						say({
							en: `id "${id}" is already used by ${previous}; every file of a collection needs its own name`,
							fr: `l’identifiant « ${id} » est déjà celui de ${previous} ; chaque fichier d’une collection a son propre nom`,
						})
					),
				});
				continue;
			}
			fileById.set(id, file);
			const validated = validateYamlFile(text, { id, file }, definition, lang);
			if (!validated.ok) {
				problems.push(...validated.problems);
				continue;
			}
			lines.set(file, validated.lineOf);
			entries.push({ id, filePath: file, data: validated.data });
		}
		raw[definition.name] = entries;
	}
	return {
		raw: raw as unknown as RawCollections,
		problems,
		locate: (file, path) => lines.get(file)?.(path),
	};
}
