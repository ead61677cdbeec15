import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * `.ci/run` on a fresh clone: it fails, naming the files, when `npm install` changes a tracked
 * file (the lock file rewritten, as the review of 30 November found), and runs the tests
 * otherwise. The script runs for real in a scratch repository, with a stand-in `npm` on the PATH
 * that either rewrites the lock file or leaves it alone, and records whether the tests ran.
 */

const script = fileURLToPath(new URL('../../.ci/run', import.meta.url));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A repository holding `.ci/run` and a lock file, and a stand-in `npm`. */
function scratch(npm: string): {
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
	// Chromium and nginx are taken as present, so that the script installs nothing.
	for (const tool of ['chromium', 'nginx'])
		writeFileSync(join(bin, tool), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
	writeFileSync(join(bin, 'npm'), `#!/bin/sh\n${npm}\n`);
	chmodSync(join(bin, 'npm'), 0o755);
	return {
		root,
		run: () => {
			const result = spawnSync('bash', ['.ci/run'], {
				cwd: root,
				env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` },
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
});
