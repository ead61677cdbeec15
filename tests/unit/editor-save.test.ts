import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
	describeChanges,
	listedFiles,
	openFileWarning,
} from '../../src/editor/working-copy-notice';
import { entryName, linksTo, sameName, type ReadEntry } from '../../src/lib/links-to';
import { readContent } from '../../src/loaders/read-content';
import { commitOnly, deletionRefusal, workingCopy } from '../../src/server/editor-backend.mjs';
import { parsePorcelain, savedPaths } from '../../src/server/working-copy.mjs';

const root = join(import.meta.dirname, '../..');

describe('the files a request of Decap’s local-backend protocol saves', () => {
	test('a save: every data file of the entry (both languages of a page), with Decap’s message', () => {
		expect(
			savedPaths({
				action: 'persistEntry',
				params: {
					branch: 'main',
					dataFiles: [
						{ slug: 'logement', path: 'content/docs/guides/logement.mdx', raw: 'fr' },
						{ slug: 'logement', path: 'content/docs/en/guides/logement.mdx', raw: 'en' },
					],
					assets: [],
					options: { commitMessage: 'Modification : Page « logement »' },
				},
			})
		).toEqual({
			paths: ['content/docs/guides/logement.mdx', 'content/docs/en/guides/logement.mdx'],
			message: 'Modification : Page « logement »',
		});
	});

	test('a deletion: its files; a rename: both paths; reading: nothing', () => {
		expect(
			savedPaths({
				action: 'deleteFiles',
				params: { paths: ['content/countries/in.yaml'], options: { commitMessage: 'S' } },
			})
		).toEqual({ paths: ['content/countries/in.yaml'], message: 'S' });
		expect(
			savedPaths({
				action: 'persistEntry',
				params: { dataFiles: [{ path: 'a.yaml', newPath: 'b.yaml' }], assets: [], options: {} },
			})?.paths
		).toEqual(['a.yaml', 'b.yaml']);
		expect(savedPaths({ action: 'entriesByFolder', params: {} })).toBeUndefined();
		expect(savedPaths({ action: 'workingCopy' })).toBeUndefined();
	});
});

describe('the working copy, as git status reports it', () => {
	test('modified, staged, untracked, deleted and renamed files', () => {
		const output = [
			' M content/glossary/cvec.yaml',
			'M  content/partners/sapienza.yaml',
			'?? notes personnelles.txt',
			' D content/countries/in.yaml',
			'R  content/new.yaml',
			'content/old.yaml',
			'',
		].join('\0');
		expect(parsePorcelain(output)).toEqual([
			{ path: 'content/glossary/cvec.yaml', kind: 'modified', staged: false },
			{ path: 'content/partners/sapienza.yaml', kind: 'modified', staged: true },
			{ path: 'notes personnelles.txt', kind: 'untracked', staged: false },
			{ path: 'content/countries/in.yaml', kind: 'deleted', staged: false },
			{ path: 'content/new.yaml', kind: 'renamed', staged: true },
		]);
		expect(parsePorcelain('')).toEqual([]);
	});

	test('the notice: one calm sentence, each file with its state, a count beyond the list', () => {
		const notice = describeChanges([
			{ path: 'notes.txt', kind: 'untracked', staged: false },
			{ path: 'content/partners/upm.yaml', kind: 'added', staged: true },
		]);
		expect(notice.sentence).toBe(
			'Des modifications non enregistrées par l’éditeur sont présentes dans le dossier du site\u00a0; elles ne seront pas incluses dans vos enregistrements.'
		);
		expect(notice.summary).toBe('Voir les 2 fichiers concernés');
		expect(notice.lines).toEqual([
			{ path: 'notes.txt', state: 'nouveau fichier, jamais enregistré' },
			{ path: 'content/partners/upm.yaml', state: 'ajouté, prêt pour le prochain commit' },
		]);
		const many = describeChanges(
			Array.from({ length: listedFiles + 3 }, (_, index) => ({
				path: `f${index}`,
				kind: 'modified' as const,
				staged: false,
			}))
		);
		expect(many.lines).toHaveLength(listedFiles + 1);
		expect(many.lines.at(-1)).toEqual({ path: '…', state: 'et 3 autres fichiers' });
	});

	test('the form of an entry whose own file is among those changes says a save includes them', () => {
		const changes = [
			{ path: 'content/glossary/cvec.yaml', kind: 'modified' as const, staged: false },
		];
		expect(openFileWarning(changes, 'content/glossary/cvec.yaml')).toBe(
			'Le fichier de cette fiche (content/glossary/cvec.yaml) fait partie de ces modifications\u00a0: l’enregistrer les inclura dans votre enregistrement, telles que le formulaire les montre.'
		);
		expect(openFileWarning(changes, 'content/partners/kagawa.yaml')).toBeUndefined();
		expect(openFileWarning(changes, undefined)).toBeUndefined();
	});
});

describe('a save’s commit, on a real repository', () => {
	let folder = '';
	afterEach(() => {
		if (folder) rmSync(folder, { recursive: true, force: true });
	});
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
	const write = (path: string, text: string) => writeFileSync(join(folder, path), text);

	test('holds only the saved files; other changes keep their content and their state', async () => {
		folder = mkdtempSync(join(tmpdir(), 'editor-save-'));
		git('init', '--quiet', '--initial-branch=main');
		git('config', 'user.name', 'Test');
		git('config', 'user.email', 'test@example.org');
		git('config', 'commit.gpgsign', 'false');
		for (const name of ['entry.yaml', 'old.yaml', 'other.yaml', 'staged.yaml'])
			write(name, `${name}\n`);
		git('add', '.');
		git('commit', '--quiet', '-m', 'start');
		write('other.yaml', 'changed by hand\n');
		write('staged.yaml', 'imported\n');
		git('add', 'staged.yaml');
		write('notes.txt', 'personal\n');
		const before = {
			status: git('status', '--porcelain'),
			cached: git('diff', '--cached'),
			diff: git('diff'),
		};
		expect(await workingCopy(folder)).toEqual([
			{ path: 'other.yaml', kind: 'modified', staged: false },
			{ path: 'staged.yaml', kind: 'modified', staged: true },
			{ path: 'notes.txt', kind: 'untracked', staged: false },
		]);

		// A save of an existing entry and of a new one (as decap-server wrote them).
		write('entry.yaml', 'saved\n');
		write('new.yaml', 'created\n');
		await commitOnly(folder, ['entry.yaml', 'new.yaml'], 'Modification : entrée');
		expect(git('show', '--name-only', '--format=%s', 'HEAD').split('\n')).toEqual([
			'Modification : entrée',
			'',
			'entry.yaml',
			'new.yaml',
		]);
		expect(git('status', '--porcelain')).toBe(before.status);
		expect(git('diff', '--cached')).toBe(before.cached);
		expect(git('diff')).toBe(before.diff);
		expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('personal\n');

		// A deletion.
		unlinkSync(join(folder, 'old.yaml'));
		await commitOnly(folder, ['old.yaml'], 'Suppression : old');
		expect(git('show', '--name-status', '--format=', 'HEAD')).toBe('D\told.yaml');
		expect(git('status', '--porcelain')).toBe(before.status);

		// A save that changed nothing makes no commit.
		const head = git('rev-parse', 'HEAD');
		await commitOnly(folder, ['entry.yaml'], 'Modification : entrée');
		expect(git('rev-parse', 'HEAD')).toBe(head);
	});
});

describe('what links to an entry', () => {
	const entries: ReadEntry[] = [
		{
			collection: 'partners',
			id: 'kagawa',
			data: {
				name: { en: 'Kagawa University' },
				country: 'jp',
				agreements: [{ kind: 'exchange', programme: 'erasmus' }],
			},
		},
		{ collection: 'countries', id: 'jp', data: { name: { fr: 'Japon', en: 'Japan' } } },
		{ collection: 'countries', id: 'in', data: { name: { fr: 'Inde', en: 'India' } } },
		{
			collection: 'programmes',
			id: 'erasmus',
			data: { name: { fr: 'Erasmus+' }, contacts: ['head-of-office'] },
		},
		{ collection: 'contacts', id: 'head-of-office', data: { role: { fr: 'Responsable' } } },
		{ collection: 'contacts', id: 'aima', data: { role: { fr: 'AIMA' } } },
	];
	const pages = [
		{
			path: 'content/docs/erasmus.mdx',
			text: 'Voir [le Japon](/pays/jp/).\n<Contact id="aima" />',
		},
		{ path: 'content/docs/en/erasmus.mdx', text: 'See [Japan](/en/pays/jp/).' },
		{ path: 'content/docs/index.mdx', text: 'Les pays : /pays/jpx/ n’est pas /pays/jp.' },
	];

	test('a country: its partners and the pages linking to its page', () => {
		expect(linksTo({ collection: 'countries', id: 'jp' }, entries, pages)).toEqual([
			{
				kind: 'entry',
				label: 'Partenaire « Kagawa University »',
				collection: 'partners',
				id: 'kagawa',
			},
			{ kind: 'page', label: 'Page content/docs/erasmus.mdx', path: 'content/docs/erasmus.mdx' },
			{
				kind: 'page',
				label: 'Page content/docs/en/erasmus.mdx',
				path: 'content/docs/en/erasmus.mdx',
			},
		]);
		expect(linksTo({ collection: 'countries', id: 'in' }, entries, pages)).toEqual([]);
	});

	test('a programme: the partners whose agreements name it; a contact: programmes and pages', () => {
		expect(
			linksTo({ collection: 'programmes', id: 'erasmus' }, entries, pages).map((link) => link.label)
		).toEqual(['Partenaire « Kagawa University »']);
		expect(
			linksTo({ collection: 'contacts', id: 'head-of-office' }, entries, pages).map((l) => l.label)
		).toEqual(['Programme « Erasmus+ »']);
		expect(
			linksTo({ collection: 'contacts', id: 'aima' }, entries, pages).map((link) => link.label)
		).toEqual(['Page content/docs/erasmus.mdx']);
	});

	test('on the site’s content: Japan is Kagawa’s country; nothing links to India', () => {
		const { raw } = readContent(root);
		const all: ReadEntry[] = Object.entries(raw).flatMap(([name, list]) =>
			list.map((entry: { id: string; data: unknown }) => ({
				collection: name,
				id: entry.id,
				data: entry.data,
			}))
		);
		const docs = join(root, 'content/docs');
		const sitePages = readdirSync(docs, { recursive: true, encoding: 'utf8' })
			.filter((name) => /\.mdx?$/.test(name))
			.map((name) => ({
				path: relative(root, join(docs, name)),
				text: readFileSync(join(docs, name), 'utf8'),
			}));
		expect(
			linksTo({ collection: 'countries', id: 'jp' }, all, sitePages).map((link) => link.label)
		).toContain('Partenaire « Kagawa University »');
		expect(linksTo({ collection: 'countries', id: 'in' }, all, sitePages)).toEqual([]);
		expect(
			linksTo({ collection: 'contacts', id: 'head-of-office' }, all, sitePages).some(
				(link) => link.kind === 'page'
			)
		).toBe(true);
	});

	test('the local backend refuses to delete what something links to, whoever asks', async () => {
		expect(await deletionRefusal(root, ['content/countries/jp.yaml'])).toBe(
			'Suppression refusée : d’autres fiches ou des pages y renvoient encore (content/countries/jp.yaml : Partenaire « Kagawa University »). Retirez d’abord ces liens.'
		);
		expect(await deletionRefusal(root, ['content/countries/in.yaml'])).toBeUndefined();
		// Deleting a partner with its country: the partner no longer counts as a link.
		expect(
			await deletionRefusal(root, ['content/countries/jp.yaml', 'content/partners/kagawa.yaml'])
		).toBeUndefined();
		// Files of no data collection are not its business.
		expect(await deletionRefusal(root, ['notes.txt'])).toBeUndefined();
	});

	test('the name to type: the one the lists show, whatever the case and spaces', () => {
		expect(entryName('countries', 'jp', { name: { fr: 'Japon' } })).toBe('Japon');
		expect(entryName('partners', 'x', {})).toBe('x');
		expect(sameName('  japon ', 'Japon')).toBe(true);
		expect(sameName('Japo', 'Japon')).toBe(false);
		expect(sameName('', '')).toBe(false);
	});
});
