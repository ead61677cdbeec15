import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import YAML from 'yaml';
import { dataCollections, docs } from '../lib/collections.ts';
import {
	backendOrigins,
	editorBackend,
	editorConfig,
	type EditorBackend,
} from '../lib/editor-config.ts';
import { escapeHtml } from '../lib/html.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { editorRoutes, withBase } from '../lib/routes.ts';
import {
	fieldName,
	staleLine,
	todoCounts,
	todoList,
	todoPlan,
	type TodoEntry,
	type TodoPlanEntry,
} from '../lib/todo.ts';
import { readContent } from '../loaders/read-content.ts';
import { cached } from './build-cache.ts';

/**
 * The files of the web editor (`/admin/`), made outside Astro's page pipeline: the admin area
 * needs its own Content-Security-Policy (Decap CMS compiles code with `new Function`, which the
 * public pages' policy forbids), stays out of the sitemap and the search index, and is for the
 * office only (French, `noindex`). The `editor` integration writes these files into the build
 * and serves them in development (`npm run edit`).
 *
 * - `admin/index.html`: Decap CMS, with its own policy;
 * - `admin/config.yml`: Decap's configuration, generated from the registry and the schemas;
 * - `admin/editeur-<hash>.js`: the admin script (`src/editor/main.ts`) with the schemas;
 * - `admin/decap/`: Decap CMS's files, copied from `node_modules` (never a CDN);
 * - `admin/todo/`: the office's to-do list; `admin/guide/`: the editor's guide.
 */

/** A file of the admin area: text, or a file to copy. */
export type EditorFile = { text: string; type: string } | { copy: string; type: string };

/** What the admin area is built for. */
export interface EditorContext {
	/** The project root. */
	root: string;
	/** The base path of the site (`/`, `/international/`). */
	base: string;
	/** The environment the backend is chosen from (`EDITOR_*`). */
	env: Record<string, string | undefined>;
}

/** Decap CMS's files: its script, the chunks it loads and its WebAssembly, not the source maps. */
export function decapFiles(root: string): string[] {
	const dist = join(root, 'node_modules/decap-cms/dist');
	return readdirSync(dist).filter(
		(name) => /^(\d+\.)?decap-cms\.js$/.test(name) || /\.wasm$/.test(name)
	);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * Replaces `astro/zod` in the admin bundle by the part of zod the schemas use: zod's `z`
 * namespace also carries every locale's messages and the JSON Schema tools (some 300 KB) that the
 * editor never runs — the schemas' messages are their own (`src/schemas/messages.ts`).
 */
function slimZod(root: string): Plugin {
	const zod = dirname(createRequire(join(root, 'package.json')).resolve('zod/package.json'));
	return {
		name: 'slim-zod',
		setup(build) {
			build.onResolve({ filter: /^astro\/zod$/ }, () => ({ path: 'zod', namespace: 'slim-zod' }));
			build.onLoad({ filter: /.*/, namespace: 'slim-zod' }, () => ({
				contents: [
					`import * as schemas from ${JSON.stringify(join(zod, 'v4/classic/schemas.js'))};`,
					`import { registry } from ${JSON.stringify(join(zod, 'v4/core/index.js'))};`,
					'export const z = { ...schemas, registry };',
				].join('\n'),
				loader: 'js',
				resolveDir: root,
			}));
		},
	};
}

/**
 * Bundles the admin script with esbuild (a dependency of Astro); kept in the build cache
 * (`build-cache.ts`) and made again only when one of the files it bundles changed.
 */
export function bundleEditorScript(root: string): Promise<string> {
	return cached(root, 'editor-script', `esbuild ${esbuildVersion}, 2`, async () => {
		const { text, inputs } = await bundle(root);
		// This file too: it holds the bundle's options.
		return { value: text, inputs: [...inputs, fileURLToPath(import.meta.url)] };
	});
}

/** The admin script's bundle, and the files it was made from. */
async function bundle(root: string): Promise<{ text: string; inputs: string[] }> {
	const result = await build({
		entryPoints: [join(root, 'src/editor/main.ts')],
		absWorkingDir: root,
		bundle: true,
		write: false,
		metafile: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		legalComments: 'none',
		// `siteBase()` reads Vite's `import.meta.env`, which a plain bundle does not have.
		define: { 'import.meta.env': 'undefined' },
		logLevel: 'silent',
		plugins: [slimZod(root)],
	});
	return {
		text: result.outputFiles[0]!.text,
		// Paths relative to the root; the module the plugin writes (`slim-zod:zod`) is not a file.
		inputs: Object.keys(result.metafile.inputs).filter((path) => !/^[\w-]+:/.test(path)),
	};
}

/** The file of each single-entry collection (the school's factsheet, the legal facts). */
function singleFiles(root: string): Record<string, string> {
	return Object.fromEntries(
		dataCollections
			.filter((definition) => definition.single)
			.flatMap((definition) => {
				const name = readdirSync(join(root, definition.folder))
					.filter((file) => /^[^_.].*\.ya?ml$/.test(file))
					.sort()[0];
				return name ? [[definition.name, `${definition.folder}/${name}`]] : [];
			})
	);
}

/** Sub-folders of `content/docs/` that hold French pages (`''` for the folder itself). */
function pageFolders(root: string): string[] {
	const dir = join(root, docs.folder);
	const folders = new Set<string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
		const folder = entry.parentPath
			.slice(dir.length)
			.replace(/^[\\/]/, '')
			.split('\\')
			.join('/');
		if (folder === 'en' || folder.startsWith('en/')) continue;
		folders.add(folder);
	}
	return [...folders].sort();
}

/** Decap's configuration, as an object (also what the coverage test reads). */
export function buildEditorConfig(context: EditorContext, backend = editorBackend(context.env)) {
	const home = withBase('/', context.base);
	return editorConfig({
		backend,
		singleFiles: singleFiles(context.root),
		pageFolders: pageFolders(context.root),
		// The public address when the build knows it (`SITE_URL`).
		siteUrl: context.env['SITE_URL'] ? new URL(home, context.env['SITE_URL']).href : undefined,
		logoUrl: withBase('/favicon.svg', context.base),
	});
}

/** The admin page's Content-Security-Policy: Decap needs `'unsafe-eval'`, and its git host. */
export function editorPolicy(backend: EditorBackend): string {
	return [
		"default-src 'self'",
		"script-src 'self' 'unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		`connect-src 'self' ${backendOrigins(backend).join(' ')}`,
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'none'",
	].join('; ');
}

/** The policy of the admin's plain pages (to-do list, guide): no script at all. */
const documentPolicy =
	"default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** The head shared by the admin's pages. */
function head(title: string, policy: string, css: string, base: string, extra = ''): string {
	return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="content-security-policy" content="${escapeHtml(policy)}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${escapeHtml(withBase('/favicon.svg', base))}" type="image/svg+xml">
<link rel="stylesheet" href="${css}">
${extra}</head>`;
}

/** The admin's navigation, on its plain pages. */
function navigation(base: string, current: 'todo' | 'guide'): string {
	const link = (href: string, text: string, here: boolean) =>
		`<a href="${escapeHtml(withBase(href, base))}"${here ? ' aria-current="page"' : ''}>${text}</a>`;
	return `<nav class="admin-nav" aria-label="Espace de l’éditeur">
${link(editorRoutes.home(), 'Éditeur', false)}
${link(editorRoutes.todo(), 'À compléter', current === 'todo')}
${link(editorRoutes.guide(), 'Guide de l’éditeur', current === 'guide')}
${link('/', 'Voir le site', false)}
</nav>`;
}

/** "1 fiche", "0 fiche", "3 fiches": French counts (0 and 1 take the singular). */
const count = (n: number, one: string, many: string) => `${n} ${n < 2 ? one : many}`;

/**
 * The to-do list page, as a work plan: the facts to look up, then those the office must confirm;
 * in each, the presented partners' places, deadlines, language levels and contacts first, then
 * the countries, then the rest, each section with its count. Each entry links to its form; its
 * facts are named as the form names them (no file or field paths).
 */
export function todoPage(entries: readonly TodoEntry[], base: string, css: string): string {
	const counts = todoCounts(entries);
	const stale = entries.filter((entry) => entry.stale).length;
	const item = (entry: TodoPlanEntry) => {
		const href = withBase(editorRoutes.entry(entry.collection, entry.id), base);
		const fields = entry.fields
			.map(
				(field) =>
					`<li data-field="${escapeHtml(field.path)}">${escapeHtml(fieldName(field, 'fr'))}</li>`
			)
			.concat(
				entry.stale ? [`<li class="stale">${escapeHtml(staleLine(entry.stale, 'fr'))}</li>`] : []
			)
			.join('\n');
		return `<li class="todo-entry" data-entry="${escapeHtml(`${entry.collection}/${entry.id}`)}">
<h4><a href="${escapeHtml(href)}">${escapeHtml(entry.name)}</a></h4>
<ul>
${fields}
</ul>
</li>`;
	};
	const plan = todoPlan(entries).filter((part) => part.sections.length > 0);
	// The plan at a glance: its parts and sections, with their counts, linked.
	const contents = `<nav class="toc" aria-label="Sommaire"><ol>
${plan
	.map(
		(part) => `<li><a href="#todo-${part.fact}">${escapeHtml(part.title.fr)} (${part.count})</a>
<ol>
${part.sections.map((section) => `<li><a href="#todo-${part.fact}-${section.name}">${escapeHtml(section.title.fr)} (${section.count})</a></li>`).join('\n')}
</ol></li>`
	)
	.join('\n')}
</ol></nav>`;
	const parts = plan
		.map(
			(
				part
			) => `<section class="todo-part" data-fact="${part.fact}" aria-labelledby="todo-${part.fact}">
<h2 id="todo-${part.fact}">${escapeHtml(part.title.fr)} (${part.count})</h2>
${part.sections
	.map(
		(
			section
		) => `<section class="todo-section" data-section="${section.name}" aria-labelledby="todo-${part.fact}-${section.name}">
<h3 id="todo-${part.fact}-${section.name}">${escapeHtml(section.title.fr)} (${section.count})</h3>
<ol class="todo">
${section.entries.map(item).join('\n')}
</ol>
</section>`
	)
	.join('\n')}
</section>`
		)
		.join('\n');
	return `${head('À compléter — Éditeur du site International', documentPolicy, css, base)}
<body>
${navigation(base, 'todo')}
<main>
<h1>À compléter</h1>
<p>Ce que le site ne peut pas encore dire aux lecteurs, dans l’ordre où ils en ont besoin, en deux listes. <strong>À rechercher</strong> : les informations publiques qu’une page officielle ou celle du partenaire donne, à saisir avec leur source datée. <strong>À confirmer par le Service</strong> : ce que seul le Service Pédagogie Internationale sait. Dans chacune : d’abord, pour les partenaires présentés, les places, les dates limites, le niveau de langue et le contact ; puis les pays ; puis le reste. Le nom d’une fiche l’ouvre dans l’éditeur.</p>
<p class="summary">${count(entries.length, 'fiche', 'fiches')} : ${count(counts.public, 'information', 'informations')} à rechercher, ${count(counts.office, 'information', 'informations')} à confirmer par le Service, ${count(stale, 'fiche', 'fiches')} à revérifier. Même liste dans un terminal : <code>npm run check:content -- --todo</code>.</p>
${contents}
${parts}
</main>
</body>
</html>
`;
}

/** The editor's guide, from its Markdown file, with the one Markdown pipeline of the site. */
export function guidePage(markdown: string, base: string, css: string): string {
	// The first line, `# Title`, is the page's <h1>; the rest is rendered as the site renders prose.
	const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? 'Guide de l’éditeur';
	const rendered = renderMarkdown(markdown.replace(/^#\s+.+\n/m, ''), { base });
	const { headings } = rendered;
	// A block of code that scrolls sideways can be scrolled from the keyboard (WCAG 2.1.1).
	const html = rendered.html.replace(/<pre(?=[\s>])(?![^>]*\btabindex=)/g, '<pre tabindex="0"');
	const contents = headings
		.filter((heading) => heading.depth === 2)
		.map(
			(heading) => `<li><a href="#${escapeHtml(heading.slug)}">${escapeHtml(heading.text)}</a></li>`
		)
		.join('\n');
	return `${head(`${title} — Éditeur du site International`, documentPolicy, css, base)}
<body>
${navigation(base, 'guide')}
<main class="guide">
<h1>${escapeHtml(title)}</h1>
<nav class="toc" aria-label="Sommaire"><h2>Sommaire</h2><ol>
${contents}
</ol></nav>
${html}
</main>
</body>
</html>
`;
}

/** The admin page: Decap CMS and the admin script. */
function editorPage(policy: string, script: string, css: string, base: string): string {
	return `${head(
		'Éditeur — International — Mines Alès',
		policy,
		css,
		base,
		`<script src="${script}" defer></script>
<script src="decap/decap-cms.js" defer></script>
`
	)}
<body class="decap">
<nav class="admin-links" aria-label="Aide de l’éditeur">
<a href="${escapeHtml(withBase(editorRoutes.guide(), base))}">Guide de l’éditeur</a>
<a href="${escapeHtml(withBase(editorRoutes.todo(), base))}">À compléter</a>
<a href="${escapeHtml(withBase('/', base))}">Voir le site</a>
</nav>
</body>
</html>
`;
}

/** Where a page of the admin area is written: its route (`/admin/todo/`) as a file path. */
const fileOf = (route: string) => `${route.replace(/^\//, '')}index.html`;

/** The admin area's folder in the build (`admin/`), from the route table. */
export const editorFolder = editorRoutes.home().replace(/^\//, '');

/**
 * A hash of a value as YAML writes it: its JSON, with an object or list met again marked as such
 * (YAML writes it as an alias of the first).
 */
function shapeKey(value: unknown): string {
	const seen = new Map<object, number>();
	const text = JSON.stringify(value, function (this: unknown, _key, item: unknown) {
		if (item === null || typeof item !== 'object') return item;
		const known = seen.get(item);
		if (known !== undefined) return { '(alias)': known };
		seen.set(item, seen.size);
		return item;
	});
	return createHash('sha256').update(text).digest('hex');
}

/** Every file of the admin area, by path relative to the site's root (`admin/config.yml`). */
export async function editorFiles(context: EditorContext): Promise<Map<string, EditorFile>> {
	const backend = editorBackend(context.env);
	const config = buildEditorConfig(context, backend);
	const script = await bundleEditorScript(context.root);
	// Written as YAML (a second or two for the whole configuration), kept for the same configuration.
	const configYaml = await cached(context.root, 'editor-config', shapeKey(config), () => ({
		value: YAML.stringify(config, { lineWidth: 0 }),
		// The writer's version.
		inputs: [createRequire(join(context.root, 'package.json')).resolve('yaml/package.json')],
	}));
	const css = readFileSync(join(context.root, 'src/editor/editor.css'), 'utf8');
	const scriptName = `editeur-${hash(script)}.js`;
	const cssName = `editeur-${hash(css)}.css`;
	const { raw } = readContent(context.root, { lang: 'fr' });
	const guide = readFileSync(join(context.root, 'src/editor/guide.md'), 'utf8');
	const files = new Map<string, EditorFile>([
		[
			fileOf(editorRoutes.home()),
			{
				text: editorPage(editorPolicy(backend), scriptName, cssName, context.base),
				type: 'text/html',
			},
		],
		[
			`${editorFolder}config.yml`,
			{
				text: `# Generated at build time from src/lib/collections.ts and src/schemas/ (src/lib/editor-config.ts): do not edit.\n${configYaml}`,
				type: 'text/yaml',
			},
		],
		[`${editorFolder}${scriptName}`, { text: script, type: 'text/javascript' }],
		[`${editorFolder}${cssName}`, { text: css, type: 'text/css' }],
		[
			fileOf(editorRoutes.todo()),
			{ text: todoPage(todoList(raw), context.base, `../${cssName}`), type: 'text/html' },
		],
		[
			fileOf(editorRoutes.guide()),
			{ text: guidePage(guide, context.base, `../${cssName}`), type: 'text/html' },
		],
	]);
	for (const name of decapFiles(context.root))
		files.set(`${editorFolder}decap/${name}`, {
			copy: join(context.root, 'node_modules/decap-cms/dist', name),
			type: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
		});
	return files;
}
