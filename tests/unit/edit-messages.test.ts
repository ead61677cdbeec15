import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { officeLang } from '../../src/loaders/system-lang';
import { editMessages } from '../../src/scripts/edit-messages';

const root = join(import.meta.dirname, '../..');
const french = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const english = { LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** Every message of a language, with sample values for the ones that take some. */
function texts(lang: 'fr' | 'en'): Record<string, string> {
	const m = editMessages(lang);
	return {
		notGitRepo: m.notGitRepo,
		detachedHead: m.detachedHead,
		noIdentity: m.noIdentity,
		pending: m.pending(' M content/partners/upm.yaml'),
		sitePortBusy: m.sitePortBusy(4321),
		backendPortBusy: m.backendPortBusy(8081, 40000),
		address: m.address('http://127.0.0.1:4321/admin/', 'main', 'http://127.0.0.1:8081/api/v1'),
		serverStopped: m.serverStopped('site', 1),
		backendListening: m.backendListening('127.0.0.1', 8081),
		backendPortRefused: m.backendPortRefused(8081),
		linkCheckFailed: m.linkCheckFailed('ENOENT'),
		commitRefused: m.commitRefused('nothing to commit'),
	};
}

describe('npm run edit speaks French unless the system is English', () => {
	test('C.UTF-8 is French, en_GB.UTF-8 is English', () => {
		expect(editMessages(officeLang(french)).address('A', 'main', 'B')).toContain(
			'Éditeur du site : A'
		);
		expect(editMessages(officeLang(english)).address('A', 'main', 'B')).toContain('Site editor: A');
	});

	test('every message exists in both languages, and they differ', () => {
		const fr = texts('fr');
		const en = texts('en');
		expect(Object.keys(en)).toEqual(Object.keys(fr));
		expect(Object.keys(fr)).toEqual(Object.keys(editMessages('fr')));
		for (const key of Object.keys(fr)) {
			expect(fr[key], key).not.toBe(en[key]);
			expect(fr[key], key).not.toMatch(/undefined|\[object/);
			expect(en[key], key).not.toMatch(/undefined|\[object/);
		}
		// French typography in French, none of it in English.
		expect(fr['notGitRepo']).toMatch(/^npm run edit : /);
		expect(en['notGitRepo']).toMatch(/^npm run edit: /);
		expect(Object.values(en).join('\n')).not.toMatch(/[éèàù]| : /);
	});

	// The script itself, in a folder git does not know as a repository (GIT_DIR points nowhere):
	// it stops before starting any server, with the first message in the system's language.
	test.each([
		['French', french, 'npm run edit : ce dossier n’est pas un dépôt git.'],
		['English', english, 'npm run edit: this folder is not a git repository.'],
	])('outside a git repository, in %s', (_, locale, first) => {
		const run = spawnSync(process.execPath, [join(root, 'src/scripts/edit.mjs')], {
			cwd: root,
			env: { ...process.env, ...locale, GIT_DIR: join(root, 'tests/.tmp/no-such-repository') },
			encoding: 'utf8',
			timeout: 20_000,
		});
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.split('\n')[0]).toMatch(
			new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
		);
	});
});
