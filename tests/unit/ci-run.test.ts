import { execFileSync, spawnSync } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * `.ci/run` on a fresh clone: it fails, naming the files, when `npm install` changes a tracked
 * file (the lock file rewritten, for instance), and runs the tests
 * otherwise. The script runs for real in a scratch repository, with a stand-in `npm` on the PATH
 * that either rewrites the lock file or leaves it alone, and records whether the tests ran.
 */

const script = fileURLToPath(new URL('../../.ci/run', import.meta.url));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A repository holding `.ci/run` and a lock file, and a stand-in `npm`. */
function scratch(
	npm: string,
	{ present = ['chromium', 'nginx', 'xmllint'], isolated = false } = {}
): {
	root: string;
	run: () => { status: number | null; output: string };
} {
	const root = mkdtempSync(join(tmpdir(), 'ci-run-'));
	folders.push(root);
	mkdirSync(join(root, '.ci'));
	cpSync(script, join(root, '.ci/run'));
	writeFileSync(join(root, 'package-lock.json'), '{\n  "lockfileVersion": 3\n}\n');
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
			cwd: root,
		});
	git('init', '-q');
	git('add', '.');
	git('commit', '-q', '-m', 'fresh');
	const bin = join(root, 'bin');
	mkdirSync(bin);
	// Chromium, nginx and xmllint are taken as present, so that the script installs nothing;
	// apt-get and sudo only say what they were asked.
	for (const tool of present)
		writeFileSync(join(bin, tool), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
	for (const tool of ['apt-get', 'sudo'])
		writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*"\n`, { mode: 0o755 });
	// Isolated: the PATH holds only the stand-ins and the commands the script needs, so that a
	// tool installed on this machine is not found.
	const system = join(root, 'system');
	if (isolated) {
		mkdirSync(system);
		for (const tool of ['git', 'dirname', 'id'])
			symlinkSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), join(system, tool));
	}
	writeFileSync(join(bin, 'npm'), `#!/bin/sh\n${npm}\n`);
	chmodSync(join(bin, 'npm'), 0o755);
	return {
		root,
		run: () => {
			const result = spawnSync(isolated ? '/bin/bash' : 'bash', ['.ci/run'], {
				cwd: root,
				env: { ...process.env, PATH: `${bin}:${isolated ? system : process.env['PATH']}` },
				encoding: 'utf8',
			});
			return { status: result.status, output: result.stdout + result.stderr };
		},
	};
}

describe('.ci/run', () => {
	test('fails, naming the file, when npm install changes a tracked file', () => {
		const { run } = scratch(
			'if [ "$1" = install ]; then printf "{\\n    \\"lockfileVersion\\": 3\\n}\\n" > package-lock.json; fi\n' +
				'if [ "$1" = test ]; then echo TESTS-RAN; fi'
		);
		const { status, output } = run();
		expect(status, output).not.toBe(0);
		expect(output).toContain(
			'npm install changed tracked files, so a fresh clone does not stay clean:'
		);
		expect(output).toContain('M package-lock.json');
		expect(output).not.toContain('TESTS-RAN');
	});

	test('runs the tests when the install leaves the clone clean', () => {
		const { run } = scratch(
			'if [ "$1" = install ]; then touch node_modules-stand-in; fi\n' +
				'if [ "$1" = test ]; then echo TESTS-RAN; fi'
		);
		const { status, output } = run();
		expect(status, output).toBe(0);
		expect(output).toContain('TESTS-RAN');
	});

	test('installs xmllint (libxml2-utils), which validates the EWP factsheet, when it is absent', () => {
		const { run } = scratch('if [ "$1" = test ]; then echo TESTS-RAN; fi', {
			present: ['chromium', 'nginx'],
			isolated: true,
		});
		const { status, output } = run();
		expect(status, output).toBe(0);
		expect(output).toContain('Installing libxml2-utils…');
		expect(output).toMatch(/apt-get install -y -q libxml2-utils$/m);
		expect(output).toContain('TESTS-RAN');
	});
});
