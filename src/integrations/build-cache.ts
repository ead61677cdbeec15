import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/**
 * A value made from files, kept between builds in `node_modules/.astro/build-cache/` and made
 * again only when one of those files changed: the cache holds the value, the files it was made
 * from and their SHA-256 hashes (and a `key` for what is not a file: options, versions). A build
 * reads the hashes again; one file changed, moved or gone, or another key, and the value is made
 * again from the files as they are. A cache that cannot be read or written is no cache: the value
 * is made as if there were none.
 *
 * Used for the web editor's files (`editor-files.ts`), whose making (a bundle, the TypeScript
 * compiler reading the schemas) would otherwise cost every build a few seconds.
 */

/**
 * What `make` returns: the value, and the files it read (absolute, or relative to the root); none
 * when the key says all the value depends on.
 */
export interface Made<T> {
	value: T;
	inputs: Iterable<string>;
}

interface Entry<T> {
	key: string;
	inputs: [path: string, hash: string][];
	value: T;
}

const hashOf = (path: string): string | undefined => {
	try {
		return createHash('sha256').update(readFileSync(path)).digest('hex');
	} catch {
		return undefined;
	}
};

/** The cache's folder: beside Astro's own cache, in the project's node_modules. */
export const cacheFolder = (root: string) => join(root, 'node_modules/.astro/build-cache');

/**
 * The value named `name`, from the cache when the files it was made from are unchanged, and the
 * same `key`; otherwise made by `make` and kept.
 */
export async function cached<T>(
	root: string,
	name: string,
	key: string,
	make: () => Promise<Made<T>> | Made<T>
): Promise<T> {
	const file = join(cacheFolder(root), `${name}.json`);
	try {
		const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry<T>;
		if (
			entry.key === key &&
			entry.inputs.every(([path, hash]) => hashOf(join(root, path)) === hash)
		)
			return entry.value;
	} catch {
		// No cache yet, or one that cannot be read: made below.
	}
	const { value, inputs } = await make();
	const entry: Entry<T> = {
		key,
		inputs: [...new Set(inputs)].map((path) => {
			const absolute = isAbsolute(path) ? path : join(root, path);
			return [relative(root, absolute), hashOf(absolute) ?? ''];
		}),
		value,
	};
	try {
		mkdirSync(cacheFolder(root), { recursive: true });
		// Written whole, then renamed: two builds at once never read half a file.
		const temporary = `${file}.${process.pid}`;
		writeFileSync(temporary, JSON.stringify(entry));
		renameSync(temporary, file);
	} catch {
		// A read-only node_modules: no cache, the next build makes the value again.
	}
	return value;
}
