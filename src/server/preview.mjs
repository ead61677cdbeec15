// @ts-check
/**
 * `npm run preview` (and `npm start`, which builds first): serves the built site on this machine
 * with the rules of the production nginx configuration (`site.conf`), in plain Node, so that it
 * works on any editor's machine right after `npm install`, without nginx:
 * - a path is a file, or a folder with its `index.html`; a folder without its final slash is
 *   redirected to it (301, relative `Location`);
 * - an unknown path under `/en/` gets the English 404 page (`en/404/index.html`), any other the
 *   French one (`404.html`), with status 404;
 * - the security headers of `security-headers.conf` on every response, but those of the web
 *   editor's area (`/admin/`), which has its own (`editor-headers.conf`), its own types (`.yml`,
 *   `text/javascript`) and no error page of the site;
 * - `Cache-Control`: a year for content-hashed assets (`_astro/`, Pagefind's index and
 *   fragments), `no-cache` for everything else; calendar and CSV exports with their types;
 * - with a base path (`BASE_PATH=/international/`), the site lives under it and `/` redirects
 *   to it (302), as `nginx.mjs --base` renders it.
 * It does not compress (nginx does; nothing else depends on it). `tests/e2e/preview.spec.ts`
 * compares its answers with nginx's.
 *
 * Why a server of our own: nginx itself (`npm run serve:nginx`) is not on editors' machines, and
 * the static servers on npm do not reproduce these rules. `serve` (its `serve-handler`) has
 * headers by path, but one error page, `404.html`, for the whole site: no English 404 under
 * `/en/`, and no types of the editor's area; `astro preview` has one set of headers for every
 * path (`server.headers`). Keep this file while that holds, and only as long as it mirrors
 * `site.conf`.
 *
 *   node src/server/preview.mjs [--root dist] [--base /] [--port 4321] [--host 127.0.0.1]
 *
 * The defaults come from the build's own variables (`OUT_DIR`, `BASE_PATH`) and `PORT`.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Security headers of every response, read from the nginx configuration's own file.
 * @param {string} [file] `security-headers.conf`, or `editor-headers.conf` for `/admin/`
 */
export function securityHeaders(file = 'security-headers.conf') {
	const text = readFileSync(new URL(file, import.meta.url), 'utf8');
	return Object.fromEntries(
		[...text.matchAll(/^add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((match) => [
			match[1],
			match[2],
		])
	);
}

/** Media types of the files a build holds (nginx's `mime.types`, and `types` of `site.conf`). */
const mediaTypes = /** @type {Record<string, string>} */ ({
	'.html': 'text/html',
	'.css': 'text/css',
	'.js': 'application/javascript',
	'.mjs': 'application/javascript',
	'.json': 'application/json',
	'.xml': 'text/xml',
	'.txt': 'text/plain',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pdf': 'application/pdf',
	'.ics': 'text/calendar',
	'.csv': 'text/csv',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});
/** Types of the web editor's area (`types` of its location in `site.conf`), over the others. */
const editorTypes = /** @type {Record<string, string>} */ ({
	'.js': 'text/javascript',
	'.yml': 'text/yaml',
});
/** Types nginx adds `; charset=utf-8` to in the web editor's area (its `charset_types`). */
const editorCharsetTypes = new Set(['text/html', 'text/css', 'text/javascript', 'text/yaml']);

/** Types nginx adds `; charset=utf-8` to (its `charset_types`, and those `site.conf` adds). */
const charsetTypes = new Set([
	'text/html',
	'text/xml',
	'text/plain',
	'application/javascript',
	'text/calendar',
	'text/csv',
]);

/**
 * The request handler of a built site in `root`, served under `base`.
 * @param {{ root: string, base?: string }} options
 * @returns {import('node:http').RequestListener}
 */
export function siteHandler({ root, base = '/' }) {
	const folder = resolve(root);
	const prefix = base.replace(/\/+$/, '');
	const headers = securityHeaders();
	const editorHeaders = securityHeaders('editor-headers.conf');
	const editorArea = `${prefix}/admin/`;
	const hashed = new RegExp(`^${prefix}/(?:_astro|pagefind/index|pagefind/fragment)/`);
	const exports = new RegExp(`^${prefix}/data/.*\\.(?:ics|csv)$`);

	/**
	 * The file of a path inside the site, if it is a file (or, with `folder`, a folder).
	 * @param {string} path path under the base, starting with `/`
	 */
	const find = (path) => {
		const file = join(folder, ...path.split('/'));
		try {
			const stats = statSync(file);
			return { file, isFile: stats.isFile(), isFolder: stats.isDirectory() };
		} catch {
			return undefined;
		}
	};

	return (request, response) => {
		/** The path as nginx sees it, once known. */
		let path = '';
		// As nginx's `add_header … always`: whatever the status, by location.
		const cacheControl = () =>
			hashed.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
		/** Whether the path is in the web editor's area, which has a location of its own. */
		const inEditor = () => path.startsWith(editorArea);
		/** @param {number} status @param {Record<string, string>} [extra] */
		const head = (status, extra = {}) =>
			response.writeHead(status, { ...(inEditor() ? editorHeaders : headers), ...extra });
		/** @param {number} status @param {string} text */
		const plain = (status, text) => {
			head(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': cacheControl() });
			response.end(request.method === 'HEAD' ? undefined : `<h1>${status} ${text}</h1>\n`);
		};
		if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Not Allowed');
		// The path as nginx sees it: decoded, with `.` and `..` resolved, never above the root.
		let decoded;
		try {
			decoded = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
		} catch {
			return plain(400, 'Bad Request');
		}
		if (!decoded.startsWith('/') || decoded.includes('\0')) return plain(400, 'Bad Request');
		/** @type {string[]} */
		const segments = [];
		for (const segment of decoded.split('/').slice(1)) {
			if (segment === '..') {
				if (segments.length === 0) return plain(400, 'Bad Request');
				segments.pop();
			} else if (segment !== '.') segments.push(segment);
		}
		path = `/${segments.join('/')}`;

		if (prefix && path === '/') {
			head(302, {
				Location: `${prefix}/`,
				'Content-Type': 'text/html',
				'Cache-Control': 'no-cache',
			});
			return response.end();
		}
		if (prefix && path === prefix) {
			head(301, {
				Location: `${prefix}/`,
				'Content-Type': 'text/html',
				'Cache-Control': 'no-cache',
			});
			return response.end();
		}
		if (prefix && !path.startsWith(`${prefix}/`)) return plain(404, 'Not Found');
		const inside = path.slice(prefix.length) || '/';

		/** @param {string} file @param {number} status */
		const send = (file, status) => {
			const extension = extname(file).toLowerCase();
			const type =
				(inEditor() ? editorTypes[extension] : undefined) ??
				mediaTypes[extension] ??
				'application/octet-stream';
			const charset = inEditor() ? editorCharsetTypes.has(type) : charsetTypes.has(type);
			head(status, {
				'Content-Type': charset ? `${type}; charset=utf-8` : type,
				'Cache-Control': cacheControl(),
				'Content-Length': String(statSync(file).size),
			});
			if (request.method === 'HEAD') response.end();
			else createReadStream(file).pipe(response);
		};

		// try_files $uri $uri/ =404
		const found = find(inside);
		if (found?.isFile && !inside.endsWith('/')) return send(found.file, 200);
		if (found?.isFolder) {
			if (!inside.endsWith('/')) {
				head(301, {
					Location: `${path}/`,
					'Content-Type': 'text/html',
					'Cache-Control': 'no-cache',
				});
				return response.end();
			}
			const index = find(`${inside}index.html`);
			if (index?.isFile) return send(index.file, 200);
			return plain(403, 'Forbidden');
		}
		// Hashed assets, exports and the editor's area have no error page of their own in site.conf.
		if (hashed.test(path) || exports.test(path) || inEditor()) return plain(404, 'Not Found');
		const english = inside.startsWith('/en/');
		const errorPage = find(english ? '/en/404/index.html' : '/404.html');
		if (errorPage?.isFile) return send(errorPage.file, 404);
		return plain(404, 'Not Found');
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			root: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' },
			base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
			port: { type: 'string', default: process.env['PORT'] ?? '4321' },
			host: { type: 'string', default: '127.0.0.1' },
		},
	});
	const french = /^fr(?:[_.-]|$)/i.test(
		process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || ''
	);
	const root = resolve(values.root);
	const shown = (() => {
		const inside = relative(process.cwd(), root);
		return (inside && !inside.startsWith('..') ? inside.split(sep).join('/') : root) + '/';
	})();
	if (!find404(root)) {
		console.error(
			french
				? `${shown} ne contient pas de site construit : lancez d’abord \`npm run build\` (ou \`npm start\`, qui construit puis sert le site).`
				: `${shown} holds no built site: run \`npm run build\` first (or \`npm start\`, which builds then serves it).`
		);
		process.exit(1);
	}
	const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	const server = createServer(siteHandler({ root, base }));
	server.on('error', (error) => {
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		console.error(
			code === 'EADDRINUSE'
				? french
					? `Le port ${values.port} est déjà pris (un autre serveur ?) : arrêtez-le, ou choisissez un autre port, par exemple PORT=4322 npm run preview.`
					: `Port ${values.port} is already in use (another server?): stop it, or pick another port, e.g. PORT=4322 npm run preview.`
				: String(error)
		);
		process.exit(1);
	});
	server.listen(Number(values.port), values.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : values.port;
		const url = `http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${port}${base}`;
		console.log(
			french
				? `Le site de ${shown} est servi sur ${url} (Ctrl+C pour arrêter).`
				: `Serving ${shown} on ${url} (Ctrl+C to stop).`
		);
	});
}

/** Whether a folder holds a built site (its French 404 page at least). @param {string} root */
function find404(root) {
	try {
		return statSync(join(root, '404.html')).isFile();
	} catch {
		return false;
	}
}
