/**
 * The written pages and their translations, edited as pairs. The site keeps a French page at
 * `content/docs/<path>.mdx` and its English twin at `content/docs/en/<path>.mdx`. Decap CMS's
 * i18n edits both languages of an entry side by side and saves them in one commit, but its
 * `multiple_folders` structure expects every language in a folder of its own, next to the file
 * name: `content/docs/<folder>/fr/<name>.mdx` and `content/docs/<folder>/en/<name>.mdx`. No
 * structure of Decap 3 leaves the default language at the root.
 *
 * So the admin script wraps each backend (local, GitLab, Gitea, Forgejo) in one that translates
 * those paths both ways, for the files under `content/docs/` only: Decap sees the layout it
 * expects, the repository keeps the site's. Everything else passes through unchanged.
 * @see https://decapcms.org/docs/i18n/
 */

/** Where the pages are, and how their languages are laid out. */
export interface PagesLayout {
	/** Folder of the pages, e.g. `content/docs`. */
	root: string;
	/** The language at the root of the folder (`fr`). */
	defaultLocale: string;
	/** The other languages, each in a sub-folder of the same name (`en` → `content/docs/en/`). */
	locales: readonly string[];
}

const split = (path: string) => path.split('/').filter(Boolean);

/** The path inside the pages folder, or undefined for a path outside it. */
function inside(layout: PagesLayout, path: string): string[] | undefined {
	const root = split(layout.root);
	const parts = split(path);
	return root.every((part, index) => parts[index] === part) && parts.length > root.length
		? parts.slice(root.length)
		: undefined;
}

/**
 * The path Decap uses for a file of the repository.
 * @example toEditorPath(layout, 'content/docs/guides/logement.mdx') // 'content/docs/guides/fr/logement.mdx'
 * @example toEditorPath(layout, 'content/docs/en/guides/logement.mdx') // 'content/docs/guides/en/logement.mdx'
 */
export function toEditorPath(layout: PagesLayout, path: string): string {
	const rest = inside(layout, path);
	if (!rest) return path;
	const locale = layout.locales.includes(rest[0]!) && rest.length > 1 ? rest[0]! : undefined;
	const parts = locale ? rest.slice(1) : rest;
	const name = parts.pop()!;
	return [...split(layout.root), ...parts, locale ?? layout.defaultLocale, name].join('/');
}

/**
 * The repository's path of a file Decap names.
 * @example toRepositoryPath(layout, 'content/docs/guides/fr/logement.mdx') // 'content/docs/guides/logement.mdx'
 */
export function toRepositoryPath(layout: PagesLayout, path: string): string {
	const rest = inside(layout, path);
	if (!rest || rest.length < 2) return path;
	const name = rest.at(-1)!;
	const locale = rest.at(-2)!;
	const folders = rest.slice(0, -2);
	if (locale === layout.defaultLocale) return [...split(layout.root), ...folders, name].join('/');
	if (layout.locales.includes(locale))
		return [...split(layout.root), locale, ...folders, name].join('/');
	return path;
}

/** The repository's folder of one language of a folder of pages Decap names. */
export function repositoryFolder(layout: PagesLayout, folder: string, locale: string): string {
	const rest = inside(layout, `${folder}/x`)?.slice(0, -1) ?? [];
	return locale === layout.defaultLocale
		? [...split(layout.root), ...rest].join('/')
		: [...split(layout.root), locale, ...rest].join('/');
}

/** A file as Decap's backends list it. */
interface ListedFile {
	file: { path: string; [key: string]: unknown };
	[key: string]: unknown;
}

/** The part of a Decap backend implementation the wrapper translates. */
export interface BackendImplementation {
	entriesByFolder(folder: string, extension: string, depth: number): Promise<ListedFile[]>;
	allEntriesByFolder?(
		folder: string,
		extension: string,
		depth: number,
		pathRegex?: RegExp
	): Promise<ListedFile[]>;
	entriesByFiles(files: { path: string; [key: string]: unknown }[]): Promise<ListedFile[]>;
	getEntry(path: string): Promise<ListedFile>;
	persistEntry(
		entry: { dataFiles: { path: string; newPath?: string; [key: string]: unknown }[] },
		options: unknown
	): Promise<unknown>;
	deleteFiles(paths: string[], message: string): Promise<unknown>;
	unpublishedEntry?(args: Record<string, unknown>): Promise<unknown>;
	unpublishedEntryDataFile?(
		collection: string,
		slug: string,
		path: string,
		id: string
	): Promise<unknown>;
}

/**
 * Wraps a backend implementation so that the pages' paths are translated (see above). The
 * wrapper is a `Proxy`: methods it does not translate reach the backend untouched.
 */
export function pairPages<T extends object>(implementation: T, layout: PagesLayout): T {
	const inner = implementation as unknown as BackendImplementation;
	const toEditor = (file: ListedFile): ListedFile => ({
		...file,
		file: { ...file.file, path: toEditorPath(layout, file.file.path) },
	});
	const toRepository = (path: string) => toRepositoryPath(layout, path);
	const isPages = (folder: string) => inside(layout, `${folder}/x`) !== undefined;
	/** Every file of a folder of pages, in every language, with Decap's paths. */
	const listPages = async (folder: string, extension: string, depth: number) => {
		const lists = await Promise.all(
			[layout.defaultLocale, ...layout.locales].map((locale) => {
				const real = repositoryFolder(layout, folder, locale);
				return inner.allEntriesByFolder
					? inner.allEntriesByFolder(real, extension, depth - 1)
					: inner.entriesByFolder(real, extension, depth - 1);
			})
		);
		return lists.flat().map(toEditor);
	};
	const overrides: Partial<BackendImplementation> = {
		async entriesByFolder(folder, extension, depth) {
			return isPages(folder)
				? listPages(folder, extension, depth)
				: inner.entriesByFolder(folder, extension, depth);
		},
		async allEntriesByFolder(folder, extension, depth, pathRegex) {
			const files = isPages(folder)
				? await listPages(folder, extension, depth)
				: inner.allEntriesByFolder
					? await inner.allEntriesByFolder(folder, extension, depth, pathRegex)
					: await inner.entriesByFolder(folder, extension, depth);
			return pathRegex ? files.filter((file) => pathRegex.test(file.file.path)) : files;
		},
		async entriesByFiles(files) {
			const listed = await inner.entriesByFiles(
				files.map((file) => ({ ...file, path: toRepository(file.path) }))
			);
			return listed.map(toEditor);
		},
		async getEntry(path) {
			return toEditor(await inner.getEntry(toRepository(path)));
		},
		persistEntry(entry, options) {
			return inner.persistEntry(
				{
					...entry,
					dataFiles: entry.dataFiles.map((file) => ({
						...file,
						path: toRepository(file.path),
						...(file.newPath ? { newPath: toRepository(file.newPath) } : {}),
					})),
				},
				options
			);
		},
		deleteFiles(paths, message) {
			return inner.deleteFiles(paths.map(toRepository), message);
		},
		async unpublishedEntry(args) {
			const entry = (await inner.unpublishedEntry!(args)) as {
				diffs?: Record<string, unknown>[];
			};
			return {
				...entry,
				diffs: entry.diffs?.map((diff) =>
					Object.fromEntries(
						Object.entries(diff).map(([key, value]) => [
							key,
							['path', 'newPath', 'oldPath', 'id'].includes(key) && typeof value === 'string'
								? toEditorPath(layout, value)
								: value,
						])
					)
				),
			};
		},
		unpublishedEntryDataFile(collection, slug, path, id) {
			return inner.unpublishedEntryDataFile!(collection, slug, toRepository(path), id);
		},
	};
	return new Proxy(implementation, {
		get(target, property, receiver) {
			if (typeof property === 'string' && property in overrides) {
				if (property === 'unpublishedEntry' && !inner.unpublishedEntry) return undefined;
				if (property === 'unpublishedEntryDataFile' && !inner.unpublishedEntryDataFile)
					return undefined;
				return overrides[property as keyof BackendImplementation];
			}
			const value = Reflect.get(target, property, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
