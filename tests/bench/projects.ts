/**
 * Projects and measurements shared by the benchmark (`npm run bench`) and the byte-budget tests:
 * a copy of this site holding N synthetic partners, a vanilla Starlight site holding as many plain
 * pages in two locales, their builds (wall time, peak memory) and the bytes they produce.
 * Everything is built under tests/.tmp/, never in content/.
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { partnersWorkbook } from '../../src/lib/exporters/workbook.ts';
import { copyProject, projectRoot } from '../build/project.ts';
import { syntheticPartners } from '../fixtures/synthetic-partners.ts';

export { projectRoot };
const scratch = join(projectRoot, 'tests/.tmp/bench');

/** An empty folder for a project, under tests/.tmp/bench/. */
function freshDir(name: string): string {
	const dir = join(scratch, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

const write = (path: string, contents: string) => {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, contents);
};

/** Real country and programme ids, to spread synthetic partners over. */
function ids(folder: string): string[] {
	return readdirSync(join(projectRoot, 'content', folder))
		.filter((file) => /\.ya?ml$/.test(file))
		.map((file) => file.replace(/\.ya?ml$/, ''));
}

/**
 * A copy of this site with `count` synthetic partners added to its real content (whose pages link
 * to the real partners, which therefore stay).
 */
export function createOurs(count: number, name = `ours-${count}`): string {
	const dir = freshDir(name);
	copyProject(dir);
	for (const [id, partner] of syntheticPartners({
		count,
		countries: ids('countries'),
		programmes: ids('programmes'),
	})) {
		write(join(dir, 'content/partners', `${id}.yaml`), stringify(partner));
	}
	return dir;
}

/**
 * A copy of the content alone (data collections and pages, no code) with `count` synthetic
 * partners added, for `check:content` and the import, which take the folder as `CONTENT_ROOT`.
 */
export function createContent(count: number, name = `content-${count}`): string {
	const dir = freshDir(name);
	cpSync(join(projectRoot, 'content'), join(dir, 'content'), { recursive: true });
	for (const [id, partner] of syntheticPartners({
		count,
		countries: ids('countries'),
		programmes: ids('programmes'),
	})) {
		write(join(dir, 'content/partners', `${id}.yaml`), stringify(partner));
	}
	return dir;
}

/** A workbook (`partners.xlsx`) of `count` synthetic partners, under tests/.tmp/bench/. */
export async function createWorkbook(count: number): Promise<string> {
	const file = join(freshDir(`workbook-${count}`), 'partners.xlsx');
	const partners = syntheticPartners({
		count,
		countries: ids('countries'),
		programmes: ids('programmes'),
	});
	await partnersWorkbook([...partners].map(([id, data]) => ({ id, data }))).xlsx.writeFile(file);
	return file;
}

/**
 * Runs one of the project's commands (`src/scripts/…`) on a content folder, under GNU time: its
 * wall time and its CPU time (user + system) in seconds. On a busy machine the CPU time says
 * what the command costs; the wall time, what the office waits.
 */
export function timeCommand(
	script: string,
	args: string[],
	contentRoot: string
): Promise<{ ok: boolean; seconds: number; cpuSeconds: number; output: string }> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(
			'/usr/bin/time',
			['-f', 'CPU_SECONDS=%U+%S', join(projectRoot, 'node_modules/.bin/node'), script, ...args],
			{
				cwd: projectRoot,
				env: { ...process.env, CONTENT_ROOT: contentRoot, LANG: 'C.UTF-8', NO_COLOR: '1' },
			}
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => {
			const [user = 0, system = 0] = (/CPU_SECONDS=([\d.]+)\+([\d.]+)/.exec(output) ?? [])
				.slice(1)
				.map(Number);
			resolve({
				ok: code === 0,
				seconds: (performance.now() - started) / 1000,
				cpuSeconds: user + system,
				output,
			});
		});
	});
}

/**
 * A vanilla Starlight site (same versions, default configuration, French root and English
 * locale) with `count` plain Markdown pages per locale, each the size of a partner's summary.
 * Only the cache folder moves into the project, so that parallel builds never share it.
 */
export function createVanilla(count: number, name = `vanilla-${count}`): string {
	const dir = freshDir(name);
	symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
	// The same versions as this project (Vite reads the dependencies to bundle Starlight's components).
	const ours = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	const dependencies = Object.fromEntries(
		['astro', '@astrojs/starlight'].map((name) => [name, ours.dependencies[name]])
	);
	write(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'vanilla-starlight', private: true, type: 'module', dependencies })
	);
	write(
		join(dir, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
	outDir: process.env.OUT_DIR ?? './dist',
	cacheDir: './.astro/cache',
	vite: { cacheDir: './.astro/vite' },
	integrations: [starlight({ title: 'Vanilla', defaultLocale: 'root', locales: { root: { label: 'Français', lang: 'fr' }, en: { label: 'English', lang: 'en' } } })],
});
`
	);
	write(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`
	);
	const partners = syntheticPartners({ count, countries: ['de'], programmes: ['erasmus-plus'] });
	for (const [locale, prefix] of [
		['fr', ''],
		['en', 'en/'],
	] as const) {
		write(
			join(dir, 'src/content/docs', prefix, 'index.md'),
			`---\ntitle: ${locale === 'fr' ? 'Accueil' : 'Home'}\n---\n\n${locale === 'fr' ? 'Bienvenue.' : 'Welcome.'}\n`
		);
		for (const [id, partner] of partners) {
			const data = partner as {
				name: { en: string };
				summary: Record<string, string>;
				city: string;
			};
			write(
				join(dir, 'src/content/docs', prefix, 'partenaires', `${id}.md`),
				`---\ntitle: ${data.name.en}\n---\n\n${data.summary[locale]}\n\n## ${locale === 'fr' ? 'En bref' : 'At a glance'}\n\n- ${data.city}\n`
			);
		}
	}
	return dir;
}

/** Result of a build. */
export interface BuildResult {
	ok: boolean;
	seconds: number;
	/** Peak resident memory of the build, in MiB (GNU time's maximum resident set size). */
	peakRssMiB: number;
	output: string;
}

/** Builds a project with `astro build` under GNU time, into `<dir>/dist`. */
export function build(dir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(
			'/usr/bin/time',
			['-f', 'PEAK_RSS_KB=%M', join(dir, 'node_modules/.bin/astro'), 'build'],
			{
				cwd: dir,
				env: {
					...process.env,
					PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH']}`,
					ASTRO_TELEMETRY_DISABLED: '1',
					NO_COLOR: '1',
					OUT_DIR: join(dir, 'dist'),
					...env,
				},
			}
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => {
			const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(output)?.[1] ?? 0);
			resolve({
				ok: code === 0,
				seconds: (performance.now() - started) / 1000,
				peakRssMiB: rss / 1024,
				output,
			});
		});
	});
}

/** Every file of a folder, recursively, relative to it. */
export function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) =>
			posix.join(posix.relative(dir, entry.parentPath).split('\\').join('/'), entry.name)
		);
}

/** Total size of a folder in bytes. */
export const folderBytes = (dir: string) =>
	existsSync(dir) ? files(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) : 0;

/** Raw and gzip size of a file (gzip level 9, as a server would send it). */
export function sizes(path: string): { raw: number; gzip: number } {
	const contents = readFileSync(path);
	return { raw: contents.length, gzip: gzipSync(contents, { level: 9 }).length };
}

/**
 * JavaScript a page loads before any interaction, read from the built files: its inline scripts,
 * its `<script src>` modules and every module these import statically (dynamic `import()` is
 * loaded later, on demand). Returns the gzip size.
 */
export function eagerScriptBytes(dist: string, page: string): number {
	const html = readFileSync(join(dist, page), 'utf8');
	const seen = new Set<string>();
	let total = 0;
	for (const [, attributes = '', body = ''] of html.matchAll(
		/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g
	)) {
		const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
		if (src) queue(src.replace(/^\/+/, ''));
		else if (!/type="application\/(ld\+)?json"/.test(attributes))
			total += gzipSync(body, { level: 9 }).length;
	}
	function queue(file: string) {
		if (seen.has(file) || !existsSync(join(dist, file))) return;
		seen.add(file);
		const code = readFileSync(join(dist, file), 'utf8');
		total += gzipSync(code, { level: 9 }).length;
		for (const [, specifier] of code.matchAll(
			/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g
		)) {
			if (specifier?.startsWith('.'))
				queue(posix.normalize(posix.join(posix.dirname(file), specifier)));
			else if (specifier?.startsWith('/')) queue(specifier.replace(/^\/+/, ''));
		}
	}
	return total;
}
