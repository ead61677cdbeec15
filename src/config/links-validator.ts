import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import starlightLinksValidator from 'starlight-links-validator';
import type { StarlightPlugin } from '@astrojs/starlight/types';

/**
 * Pages generated from data by the routes of `src/pages/[...lang]/`, one folder of data files
 * each (the file name is the page's id). Keep in step with those route files.
 */
const generatedSections = [
	{ path: '/partenaires/', folder: 'content/partners' },
	{ path: '/pays/', folder: 'content/countries' },
	{ path: '/programmes/', folder: 'content/programmes' },
] as const;

/** Other generated pages, in every language. */
const generatedPages = ['/contacts/', '/fiche-ecole/', '/glossaire/'];

/** Generated files linked from pages (data exports). */
const generatedFiles = [/^\/data\/[a-z0-9./-]+$/];

/** Paths (without locale prefix) of every page generated from data, read from the content folders. */
export function generatedPaths(root: URL): Set<string> {
	const paths = new Set(generatedPages);
	for (const { path, folder } of generatedSections) {
		paths.add(path);
		for (const file of readdirSync(fileURLToPath(new URL(`${folder}/`, root)))) {
			const match = /^([^_.][^.]*)\.ya?ml$/.exec(file);
			if (match) paths.add(`${path}${match[1]}/`);
		}
	}
	return paths;
}

/**
 * starlight-links-validator, set up for this project:
 * - Our pages live in `content/docs/`, not `src/content/docs/`, and the plugin computes page ids
 *   from `srcDir` + `content/docs`; it is given the project root as `srcDir` so that ids match.
 * - Links from Markdown to pages generated from data (partners, countries, programmes…) cannot be
 *   checked by the plugin, which only knows Markdown pages: such a link passes when it leads to
 *   a page that a data file generates, in the same language as the page it is on, and fails
 *   otherwise. The built-site tests check every link of every page besides.
 * @see https://starlight-links-validator.vercel.app/configuration#exclude
 */
export function linksValidator(root: URL): StarlightPlugin {
	let paths: Set<string> | undefined;
	const plugin = starlightLinksValidator({
		errorOnInconsistentLocale: true,
		errorOnFallbackPages: true,
		exclude: ({ file, link }) => {
			const path = link.split(/[?#]/)[0] ?? link;
			const english = /[/\\]content[/\\]docs[/\\]en[/\\]/.test(file);
			if (english !== (path === '/en/' || path.startsWith('/en/'))) return false;
			const unlocalized = english ? path.slice('/en'.length) : path;
			paths ??= generatedPaths(root);
			return paths.has(unlocalized) || generatedFiles.some((pattern) => pattern.test(path));
		},
	});
	const setup = plugin.hooks['config:setup'];
	return {
		...plugin,
		hooks: {
			...plugin.hooks,
			'config:setup': (options) =>
				setup?.({ ...options, astroConfig: { ...options.astroConfig, srcDir: root } }),
		},
	};
}
