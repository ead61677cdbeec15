// @ts-check
/**
 * The web editor's local backend (`npm run edit`): Decap CMS's own local server, `decap-server`,
 * in its file mode — it reads and writes the files of the repository, nothing else — plus one
 * commit per save holding exactly the files Decap wrote or deleted for that save.
 *
 * decap-server's git mode runs `git add .` before each commit, which sweeps every uncommitted
 * change of the folder (a spreadsheet import not yet committed, a personal file) into the
 * editor's commit. Here, after decap-server has written an entry, only that entry's files are
 * committed (`git commit --only -- <paths>`): other changes stay as they were, modified, staged
 * or untracked. A page and its translation are one save, hence one commit.
 *
 * One more action, `workingCopy`, lists the changes of the folder the editor did not make
 * (`git status`): the admin page shows them in a notice (`src/editor/foreign-changes.ts`).
 *
 * Environment: `GIT_REPO_DIRECTORY` (the repository, default the current folder), `PORT`
 * (default 8081), `BIND_HOST` (default 127.0.0.1: the backend has no authentication),
 * `LOG_LEVEL` (decap-server's, default `warn`).
 * @see https://decapcms.org/docs/working-with-a-local-git-repository/
 * @see node_modules/decap-server/src/middlewares/localFs/index.ts (the protocol)
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officeLang } from '../loaders/system-lang.ts';
import { editMessages } from '../scripts/edit-messages.ts';
import { parsePorcelain, savedPaths } from './working-copy.mjs';

/** What the backend prints in the terminal: French unless the system's locale is English. */
const messages = editMessages(officeLang());

// express and cors as decap-server itself loads them (its own dependencies, wherever npm put them).
const decapRequire = createRequire(
	createRequire(import.meta.url).resolve('decap-server/package.json')
);
/** @type {any} */
const express = decapRequire('express');
/** @type {any} */
const cors = decapRequire('cors');
/** @type {{ registerLocalFs: (app: unknown, options?: { logLevel?: string }) => Promise<void> }} */
const decap = decapRequire('./dist/middlewares.js');

/** The origins decap-server accepts by default: pages of this machine. */
const localOrigins = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/**
 * Runs git in the repository.
 * @param {string} root
 * @param {string[]} args
 * @returns {Promise<string>}
 */
const git = (root, args) =>
	new Promise((done, fail) =>
		execFile('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout) =>
			error ? fail(error) : done(stdout)
		)
	);

/**
 * Commits exactly these files, as they are now on disk (written, or deleted), with this message.
 * Nothing else of the index or of the folder changes. A save that changed nothing makes no
 * commit.
 * @param {string} root
 * @param {string[]} paths
 * @param {string} message
 */
export async function commitOnly(root, paths, message) {
	const tracked = new Set(
		(await git(root, ['ls-files', '-z', '--', ...paths])).split('\0').filter(Boolean)
	);
	// A new file must be known to git before `--only` commits it; a deleted one must have been tracked.
	const known = paths.filter((path) => tracked.has(path) || existsSync(resolve(root, path)));
	if (known.length === 0) return;
	await git(root, ['add', '--all', '--', ...known]);
	const pending = await git(root, ['diff', '--cached', '--name-only', 'HEAD', '--', ...known]);
	if (!pending.trim()) return;
	await git(root, [
		'commit',
		'--quiet',
		'--no-verify',
		'--no-gpg-sign',
		'--only',
		'-m',
		message,
		'--',
		...known,
	]);
}

/** The changes of the folder not committed yet (the editor commits its own at once). */
export async function workingCopy(/** @type {string} */ root) {
	return parsePorcelain(
		await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all'])
	);
}

/**
 * Why a deletion is refused: the entries and pages that still link to a deleted entry of a data
 * collection (`src/lib/links-to.ts`, on the files as they are on disk). The admin page asks the
 * same question before it deletes anything; this is the same rule for any other client.
 * @param {string} root
 * @param {string[]} paths the files to delete
 * @returns {Promise<string | undefined>} the French refusal, or undefined when nothing links to them
 */
export async function deletionRefusal(root, paths) {
	const { dataCollections, docs } = await import('../lib/collections.ts');
	const { linksTo } = await import('../lib/links-to.ts');
	const { parse } = await import('yaml');
	const { readdir, readFile } = await import('node:fs/promises');
	/** @param {string} folder @param {RegExp} pattern */
	const files = async (folder, pattern) =>
		(await readdir(resolve(root, folder), { recursive: true }).catch(() => []))
			.map((name) => String(name).split('\\').join('/'))
			.filter((name) => pattern.test(name))
			.map((name) => `${folder}/${name}`);
	const targets = paths.flatMap((path) => {
		const definition = dataCollections.find(
			(candidate) => !candidate.single && path.startsWith(`${candidate.folder}/`)
		);
		const id = path.slice((definition?.folder.length ?? 0) + 1).replace(/\.ya?ml$/, '');
		return definition && !id.includes('/') ? [{ collection: definition.name, id, path }] : [];
	});
	if (targets.length === 0) return undefined;
	/** @type {import('../lib/links-to.ts').ReadEntry[]} */
	const entries = [];
	for (const definition of dataCollections)
		for (const path of await files(definition.folder, /^[^/]+\.ya?ml$/))
			entries.push({
				collection: definition.name,
				id: path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
				data: parse(await readFile(resolve(root, path), 'utf8')),
			});
	const pages = await Promise.all(
		(await files(docs.folder, /\.mdx?$/)).map(async (path) => ({
			path,
			text: await readFile(resolve(root, path), 'utf8'),
		}))
	);
	const deleted = (/** @type {{ collection?: string; id?: string }} */ link) =>
		targets.some((other) => other.collection === link.collection && other.id === link.id);
	const refusals = targets.flatMap((target) => {
		const links = linksTo(target, entries, pages).filter((link) => !deleted(link));
		return links.length > 0
			? [`${target.path} : ${links.map((link) => link.label).join(', ')}`]
			: [];
	});
	return refusals.length > 0
		? `Suppression refusée : d’autres fiches ou des pages y renvoient encore (${refusals.join(' ; ')}). Retirez d’abord ces liens.`
		: undefined;
}

/**
 * The server: decap-server's file mode behind a step that commits each save's files.
 * @param {{ root: string; logLevel?: string }} options
 */
export async function editorBackend({ root, logLevel = 'warn' }) {
	const app = express();
	app.use(cors({ origin: process.env['ORIGIN'] || localOrigins }));
	app.use(express.json({ limit: '50mb' }));
	// One write at a time: a save's files are written and committed before the next save starts.
	let queue = Promise.resolve();
	app.post(
		'/api/v1',
		async (/** @type {any} */ request, /** @type {any} */ response, /** @type {any} */ next) => {
			if (request.body?.action === 'info') {
				// A git backend, as decap-server's git mode says: each save is a commit.
				response.json({ repo: basename(root), publish_modes: ['simple'], type: 'local_git' });
				return;
			}
			if (request.body?.action === 'workingCopy') {
				try {
					response.json({ changes: await workingCopy(root) });
				} catch {
					response.status(500).json({ error: 'git status a échoué dans le dossier du site.' });
				}
				return;
			}
			const save = savedPaths(request.body);
			if (!save) return next();
			if (request.body.action === 'deleteFiles' || request.body.action === 'deleteFile') {
				try {
					const refusal = await deletionRefusal(root, save.paths);
					if (refusal) return response.status(409).json({ error: refusal });
				} catch (error) {
					console.error(messages.linkCheckFailed(/** @type {Error} */ (error).message));
					return response.status(500).json({
						error:
							'Impossible de vérifier ce qui renvoie à cette fiche : elle n’est pas supprimée.',
					});
				}
			}
			/** @type {() => void} */
			let release = () => {};
			const previous = queue;
			queue = new Promise((done) => (release = done));
			await previous;
			response.on('close', release);
			const send = response.json.bind(response);
			response.json = (/** @type {unknown} */ body) => {
				if (response.statusCode >= 400) return send(body);
				commitOnly(root, save.paths, save.message).then(
					() => send(body),
					(/** @type {Error} */ error) => {
						console.error(messages.commitRefused(error.message));
						response.status(500);
						send({
							error: `Le fichier est écrit mais git n’a pas pu l’enregistrer dans un commit (${save.paths.join(', ')}). Prévenez un développeur.`,
						});
					}
				);
				return response;
			};
			next();
		}
	);
	await decap.registerLocalFs(app, { logLevel });
	return app;
}

// `node src/server/editor-backend.mjs`: started by `npm run edit` and by the end-to-end tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = resolve(process.env['GIT_REPO_DIRECTORY'] || process.cwd());
	const host = process.env['BIND_HOST'] || '127.0.0.1';
	const port = Number(process.env['PORT'] || 8081);
	const app = await editorBackend({ root, logLevel: process.env['LOG_LEVEL'] || 'warn' });
	const server = app.listen(port, host, () => console.log(messages.backendListening(host, port)));
	server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
		console.error(error.code === 'EADDRINUSE' ? messages.backendPortRefused(port) : error.message);
		process.exit(1);
	});
}
