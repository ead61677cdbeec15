import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built site checked by these tests (`OUT_DIR` when set, as for the build). */
export const distDir = fileURLToPath(
	new URL(`../../${process.env['OUT_DIR'] ?? 'dist'}/`, import.meta.url)
);

/** Base path the site was built for (`BASE_PATH`), with a trailing slash. */
export const basePath = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');

/** Every file of the build, as paths relative to `distDir` with forward slashes. */
export function distFiles(): string[] {
	if (!existsSync(distDir)) throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else files.push(relative(distDir, path).split('\\').join('/'));
		}
	};
	walk(distDir);
	return files.sort();
}

/** Reads a built file. */
export const readDist = (file: string) => readFileSync(join(distDir, file), 'utf8');

/** Every HTML page of the build. */
export const htmlPages = () => distFiles().filter((file) => file.endsWith('.html'));

/**
 * The file a site URL path is served from, or `undefined` (`/en/pays/` → `en/pays/index.html`).
 * The path is given with the base path, as written in the pages.
 */
export function fileForPath(path: string, files: Set<string>): string | undefined {
	if (!path.startsWith(basePath)) return undefined;
	const inside = decodeURIComponent(path.slice(basePath.length));
	for (const candidate of [inside, `${inside}index.html`, `${inside}/index.html`]) {
		if (files.has(candidate)) return candidate;
	}
	return inside === '' && files.has('index.html') ? 'index.html' : undefined;
}

/** Values of an attribute in an HTML document. */
export function attributeValues(html: string, attribute: string): string[] {
	return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) =>
		match[1]!.replaceAll('&amp;', '&')
	);
}

/**
 * The sub-path build (`npm run build:subpath`), made the way production builds are: with a
 * `SITE_URL` (`https://intranet.example.org`) and a base path (`/international/`).
 */
export const subpathDir = fileURLToPath(new URL('../../dist-subpath/', import.meta.url));

/** Reads a file of the sub-path build. */
export const readSubpath = (file: string) => readFileSync(join(subpathDir, file), 'utf8');
