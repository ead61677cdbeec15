import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Folders and files that a build of the project needs. */
const projectEntries = [
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
	'src',
	'content',
	'public',
];

/**
 * Copies what a build of the project needs into a folder, with node_modules linked, not copied;
 * or only the given entries (e.g. `['content']`, all the content check reads), without
 * node_modules.
 */
export function copyProject(target: string, entries: readonly string[] = projectEntries): void {
	for (const entry of entries)
		cpSync(join(projectRoot, entry), join(target, entry), { recursive: true });
	if (entries === projectEntries)
		symlinkSync(join(projectRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/**
 * A throw-away copy of the project in `tests/.tmp/` (node_modules linked, not copied), to build
 * with changed content. Nothing is ever written into the real `content/`. (Copies under the
 * system's /tmp fail to build: Astro 7 resolves the linked node_modules to a wrong path there.)
 */
export class TemporaryProject {
	readonly root: string;

	/** `entries`: only these folders and files of the project (see `copyProject`). */
	constructor(name: string, entries?: readonly string[]) {
		mkdirSync(join(projectRoot, 'tests/.tmp'), { recursive: true });
		this.root = mkdtempSync(join(projectRoot, 'tests/.tmp', `${name}-`));
		copyProject(this.root, entries);
	}

	/** Writes a file, relative to the project root. */
	write(path: string, contents: string): this {
		const target = join(this.root, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, contents);
		return this;
	}

	/** Whether a file exists, relative to the project root. */
	has(path: string): boolean {
		return existsSync(join(this.root, path));
	}

	/**
	 * Runs `npm run build` in the copy, with extra environment variables. Messages are in English
	 * unless `env` sets a French locale.
	 */
	build(env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
		return new Promise((resolve) => {
			const child = spawn('node', ['src/scripts/build.mjs'], {
				cwd: this.root,
				env: {
					...process.env,
					PATH: `${join(this.root, 'node_modules/.bin')}:${process.env['PATH']}`,
					FORCE_COLOR: '0',
					NO_COLOR: '1',
					LANG: 'C.UTF-8',
					LC_ALL: '',
					LC_MESSAGES: '',
					DEBUG: '',
					// Built without the public origin, as editors build it, unless `env` gives one.
					SITE_URL: '',
					...env,
				},
			});
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.on('close', (code) => resolve({ code, output }));
		});
	}

	remove(): void {
		rmSync(this.root, { recursive: true, force: true });
	}
}
