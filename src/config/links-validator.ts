import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import starlightLinksValidator from 'starlight-links-validator';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { dataCollections } from '../lib/collections';

/** Generated files linked from pages (data exports): every path under `/data/`. */
const generatedFiles = [/^\/data\/[a-z0-9./-]+$/];

/** Paths (without locale prefix) of the Markdown pages of `content/docs/` (French tree). */
export function docsPaths(root: URL): Set<string> {
	const dir = fileURLToPath(new URL('content/docs/', root));
	const paths = new Set<string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		const relative =
			`${entry.parentPath.slice(dir.length).split('\\').join('/')}/${entry.name}`.replace(
				/^\/+/,
				''
			);
		const match = /^(?!en\/)(.*?)(?:index)?\.mdx?$/.exec(relative);
		if (entry.isFile() && match) paths.add(`/${match[1]}`.replace(/([^/])$/, '$1/'));
	}
	return paths;
}

/**
 * Paths (without locale prefix) of every page generated from data: from the collection registry
 * and the route table, with the ids read from the content folders.
 */
export function generatedPaths(root: URL): Set<string> {
	const paths = new Set<string>();
	for (const { folder, page, index } of dataCollections) {
		if (index) paths.add(index);
		if (!page) continue;
		for (const file of readdirSync(fileURLToPath(new URL(`${folder}/`, root)))) {
			const match = /^([^_.][^.]*)\.ya?ml$/.exec(file);
			if (match) paths.add(page(match[1]!));
		}
	}
	return paths;
}

/**
 * starlight-links-validator, set up for this project:
 * - Our pages live in `content/docs/`, not `src/content/docs/`, and the plugin computes page ids
 *   from `srcDir` + `content/docs`; it is given the project root as `srcDir` so that ids match.
 * - With a base path, Markdown links carry it, frontmatter links (hero actions) do not; both
 *   are accepted when they lead to an existing page.
 * - Links from Markdown to pages generated from data (partners, countries, programmes…) cannot be
 *   checked by the plugin, which only knows Markdown pages: such a link passes when it leads to
 *   a page that a data file generates, in the same language as the page it is on, and fails
 *   otherwise. The built-site tests check every link of every page besides.
 * @see https://starlight-links-validator.vercel.app/configuration#exclude
 */
export function linksValidator(root: URL, base = '/'): StarlightPlugin {
	let paths: Set<string> | undefined;
	let docs: Set<string> | undefined;
	const basePrefix = base.replace(/\/$/, '');
	const plugin = starlightLinksValidator({
		errorOnInconsistentLocale: true,
		errorOnFallbackPages: true,
		// A JSON report of broken links (`.starlight-links-validator/errors.json`), which
		// `npm run build` turns into its numbered list of problems.
		reporters: { json: true, githubActions: false },
		exclude: ({ file, link }) => {
			let path = link.split(/[?#]/)[0] ?? link;
			// Links in Markdown arrive with the base path (`basePathPlugin` in src/lib/markdown.ts)…
			const prefixed = basePrefix !== '' && path.startsWith(`${basePrefix}/`);
			if (prefixed) path = path.slice(basePrefix.length);
			const english = /[/\\]content[/\\]docs[/\\]en[/\\]/.test(file);
			if (english !== (path === '/en/' || path.startsWith('/en/'))) return false;
			const unlocalized = english ? path.slice('/en'.length) : path;
			paths ??= generatedPaths(root);
			if (paths.has(unlocalized) || generatedFiles.some((pattern) => pattern.test(path)))
				return true;
			// …but links in frontmatter (hero actions) do not: src/route-data.ts adds it. They pass
			// when they lead to a page of content/docs/.
			docs ??= docsPaths(root);
			return basePrefix !== '' && !prefixed && docs.has(unlocalized);
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
