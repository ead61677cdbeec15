import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Completes the Content-Security-Policy <meta> that Astro writes on each page: Astro hashes the
 * scripts it bundles, but not `is:inline` scripts, and Starlight has a few (theme, sidebar state,
 * search shortcut). After the build, each page's inline scripts are hashed and their hashes added
 * to its `script-src`, so they run without `'unsafe-inline'`. Only scripts present in the built
 * page are hashed: the site's own code, never user input.
 * @see https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 */
export function cspInlineScripts(): AstroIntegration {
	return {
		name: 'csp-inline-scripts',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				let pages = 0;
				for (const file of await htmlFiles(root)) {
					const html = await readFile(file, 'utf8');
					const updated = addInlineScriptHashes(html);
					if (updated !== html) {
						await writeFile(file, updated);
						pages++;
					}
				}
				logger.info(`hashed inline scripts in ${pages} page(s)`);
			},
		},
	};
}

/** Adds the hash of every inline script of a page to the `script-src` of its CSP <meta>. */
export function addInlineScriptHashes(html: string): string {
	const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/.exec(html);
	if (!meta) return html;
	const policy = meta[2]!;
	const hashes = new Set<string>();
	for (const [, attributes = '', body = ''] of html.matchAll(
		/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g
	)) {
		if (
			/\ssrc=/.test(attributes) ||
			/type="application\/(ld\+)?json"/.test(attributes) ||
			body.trim() === ''
		)
			continue;
		const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
		if (!policy.includes(hash)) hashes.add(hash);
	}
	if (hashes.size === 0) return html;
	const updated = policy.replace(/(script-src[^;]*)/, `$1 ${[...hashes].join(' ')}`);
	return (
		html.slice(0, meta.index) +
		meta[1] +
		updated +
		meta[3] +
		html.slice(meta.index + meta[0].length)
	);
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}
