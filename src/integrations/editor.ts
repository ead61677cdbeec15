import { createReadStream } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { editorFiles, editorFolder, type EditorContext, type EditorFile } from './editor-files.ts';

/**
 * The web editor (`/admin/`, Decap CMS) as an Astro integration: its files (see
 * `editor-files.ts`) are written into the build when it is done, outside Astro's page pipeline —
 * so the admin keeps its own Content-Security-Policy while the public pages keep theirs, and it is
 * in neither the sitemap nor the search index — and served by the development server
 * (`npm run dev`, `npm run edit`) through a Vite middleware, rebuilt on each request of the page
 * so that a new field appears after a reload.
 * @see https://docs.astro.build/en/reference/integrations-reference/#astrobuilddone
 * @see https://vite.dev/guide/api-plugin.html#configureserver
 */
export function editor(): AstroIntegration {
	let context: EditorContext | undefined;
	return {
		name: 'editor',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				context = {
					root: fileURLToPath(config.root),
					base: config.base,
					env: process.env,
				};
				if (command === 'dev') updateConfig({ vite: { plugins: [devServer(context)] } });
			},
			'astro:build:done': async ({ dir, logger }) => {
				const files = await editorFiles(context!);
				const out = fileURLToPath(dir);
				for (const [path, file] of files) {
					const target = join(out, path);
					await mkdir(dirname(target), { recursive: true });
					if ('copy' in file) await copyFile(file.copy, target);
					else await writeFile(target, file.text);
				}
				logger.info(`wrote the web editor (${files.size} files) in ${editorFolder}`);
			},
		},
	};
}

/** Serves the admin's files in development, at the site's base path. */
function devServer(context: EditorContext): Plugin {
	let files: Promise<Map<string, EditorFile>> | undefined;
	const prefix = `${context.base.replace(/\/$/, '')}/${editorFolder.replace(/\/$/, '')}`;
	return {
		name: 'editor-dev-server',
		configureServer(server) {
			server.middlewares.use(async (request, response, next) => {
				const url = new URL(request.url ?? '/', 'http://localhost');
				if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return next();
				if (url.pathname === prefix) {
					response.writeHead(301, { Location: `${prefix}/` }).end();
					return;
				}
				let path = url.pathname.slice(context.base.replace(/\/$/, '').length + 1);
				if (path.endsWith('/')) path += 'index.html';
				// The page itself rebuilds everything: a changed schema shows after a reload.
				if (!files || path === `${editorFolder}index.html`) files = editorFiles(context);
				try {
					const file = (await files).get(path);
					if (!file) return next();
					response.setHeader('Content-Type', `${file.type}; charset=utf-8`);
					response.setHeader('Cache-Control', 'no-cache');
					if ('copy' in file) createReadStream(file.copy).pipe(response);
					else response.end(file.text);
				} catch (error) {
					files = undefined;
					next(error);
				}
			});
		},
	};
}
