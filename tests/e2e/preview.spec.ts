import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { ports, subpath } from './servers.mjs';

/**
 * `npm start` serves the build with `npm run preview`, a Node server written to follow the
 * production nginx configuration's rules (src/server/preview.mjs): each language's 404 page,
 * folder redirects, headers, caching. These tests start it as `npm start` does, on a free port,
 * and compare its answers with nginx serving the same builds with the production configuration.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8')) as {
	scripts: Record<string, string>;
};

/** Starts the preview server with extra arguments; resolves with its URL once it listens. */
function startPreview(args: string[]): Promise<{ child: ChildProcess; url: string }> {
	const [command, ...scriptArgs] = packageJson.scripts['preview']!.split(' ');
	const child = spawn(command === 'node' ? process.execPath : command!, [...scriptArgs, ...args], {
		cwd: root,
		env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', PORT: '0' },
	});
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const url = /on (http:\/\/\S+?) \(/.exec(output)?.[1];
			if (url) resolve({ child, url: url.replace('localhost', '127.0.0.1') });
		});
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('exit', (code) => reject(new Error(`preview server exited (${code}): ${output}`)));
	});
}

/** What a response says that the rules decide: status, type, redirect, caching, security. */
async function answer(url: string) {
	const response = await fetch(url, { redirect: 'manual' });
	const type = response.headers.get('content-type') ?? '';
	const text = await response.text();
	const lang = /<html[^>]*\slang="([^"]+)"/.exec(text)?.[1] ?? null;
	// Bodies of the site's own files (pages, error pages, data); the servers' built-in messages
	// for redirects and errors differ, and readers never see them.
	const body = response.status === 200 || lang !== null ? text : '';
	return {
		status: response.status,
		type: type.replace(/\s/g, ''),
		location: response.headers.get('location'),
		cacheControl: response.headers.get('cache-control'),
		csp: response.headers.get('content-security-policy'),
		frameOptions: response.headers.get('x-frame-options'),
		body,
		title: /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? null,
		lang,
	};
}

test.describe('npm start’s server', () => {
	test('answers /en/nope/ with the English 404 page and /nope/ with the French one, status 404', async () => {
		const { child, url } = await startPreview([]);
		try {
			const english = await answer(new URL('en/nope/', url).href);
			expect(english.status).toBe(404);
			expect(english.lang).toBe('en');
			expect(english.body).toContain('Page not found');
			const french = await answer(new URL('nope/', url).href);
			expect(french.status).toBe(404);
			expect(french.lang).toBe('fr');
			expect(french.body).toContain('Page introuvable');
			const page = await answer(new URL('en/partenaires/', url).href);
			expect(page.status).toBe(200);
			expect(page.lang).toBe('en');
		} finally {
			child.kill();
		}
	});

	test('answers as nginx does with the production configuration', async () => {
		const { child, url } = await startPreview([]);
		const nginx = `http://127.0.0.1:${ports.root}/`;
		try {
			for (const path of [
				'',
				'index.html',
				'pays',
				'pays/',
				'pays/?q=1',
				'en',
				'en/',
				'en/pays/jp/',
				'nope/',
				'nope',
				'en/nope/',
				'en/nope',
				'en/404/',
				'404.html',
				'a/../pays/',
				'%2e%2e/etc/passwd',
				'_astro/nope.js',
				'data/partners.csv',
				'data/partners.csv/',
				'data/nope.csv',
				'data/deadlines.ics',
				'data/partners.json',
				'pagefind/pagefind-entry.json',
				'sitemap-index.xml',
				'favicon.svg',
				// The web editor's area: headers, types and errors of its own.
				'admin',
				'admin/',
				'admin/config.yml',
				'admin/todo/',
				'admin/guide',
				'admin/decap/decap-cms.js',
				'admin/nope',
			]) {
				const [ours, theirs] = await Promise.all([answer(url + path), answer(nginx + path)]);
				expect(ours, `/${path}`).toEqual(theirs);
			}
		} finally {
			child.kill();
		}
	});

	test('serves a sub-path build under its base path as nginx does', async () => {
		const { child, url } = await startPreview(['--root', 'dist-subpath', '--base', subpath]);
		const origin = new URL(url).origin;
		const nginx = `http://127.0.0.1:${ports.subpath}`;
		try {
			expect(url).toBe(`${origin}${subpath}`);
			for (const path of [
				'/',
				subpath.replace(/\/$/, ''),
				subpath,
				`${subpath}pays`,
				`${subpath}en/nope/`,
				`${subpath}nope/`,
				`${subpath}data/partners.json`,
				`${subpath}admin/`,
				`${subpath}admin/nope`,
			]) {
				const [ours, theirs] = await Promise.all([answer(origin + path), answer(nginx + path)]);
				expect(ours, path).toEqual(theirs);
			}
			expect((await answer(`${origin}${subpath}en/nope/`)).status).toBe(404);
		} finally {
			child.kill();
		}
	});
});
