// @ts-check
/**
 * Renders the nginx server block of the site (`site.conf`) for a base path, a document root and
 * a listen address. Used by the end-to-end tests, and by whoever deploys the site:
 *
 *   node src/server/nginx.mjs --base /international/ --root /var/www/html --listen 80 \
 *     > /etc/nginx/sites-available/international
 *
 * then copy dist/ (built with the same BASE_PATH) to /var/www/html/international/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = new URL('./', import.meta.url);

/**
 * @param {{ base?: string, root: string, listen: string | number, headers?: string, editorHeaders?: string }} options
 * @returns {string} the server block
 */
export function renderNginxConfig({
	base = '/',
	root,
	listen,
	headers = fileURLToPath(new URL('security-headers.conf', here)),
	editorHeaders = fileURLToPath(new URL('editor-headers.conf', here)),
}) {
	const basePath = base.replace(/\/+$/, '');
	if (basePath && !/^\/[\w./-]+$/.test(basePath)) throw new Error(`Invalid base path: ${base}`);
	let config = readFileSync(new URL('site.conf', here), 'utf8')
		.replaceAll('@LISTEN@', String(listen))
		.replaceAll('@ROOT@', root.replace(/\/+$/, ''))
		.replaceAll('@EDITOR_HEADERS@', editorHeaders)
		.replaceAll('@HEADERS@', headers)
		.replaceAll('@BASE@', basePath);
	if (basePath) {
		// Readers who open the server's root land on the site.
		config = config.replace(
			/\n}\s*$/,
			`\n\n\tlocation = / {\n\t\treturn 302 ${basePath}/;\n\t}\n}\n`
		);
	}
	return config;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			base: { type: 'string', default: '/' },
			root: { type: 'string' },
			listen: { type: 'string', default: '80' },
		},
	});
	if (!values.root) {
		console.error(
			'Usage: node src/server/nginx.mjs --root /var/www/html [--base /international/] [--listen 80]'
		);
		process.exit(2);
	}
	process.stdout.write(
		renderNginxConfig({ base: values.base, root: values.root, listen: values.listen })
	);
}
