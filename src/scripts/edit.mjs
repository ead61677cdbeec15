// @ts-check
/**
 * `npm run edit`: the web editor on this machine, in one command. Starts the editor's local
 * backend (`src/server/editor-backend.mjs`: Decap CMS's `decap-server` writing the files, then one
 * commit per save holding only the files of the entry saved) and the development server, then
 * prints the address of the editor (`/admin/`).
 *
 * The local backend has no authentication: it listens on 127.0.0.1 only, so that nobody else on
 * the network can write to the repository. `EDIT_PORT` (default 4321) and `EDIT_BACKEND_PORT`
 * (default 8081) move the two servers; a busy backend port is replaced by a free one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const host = '127.0.0.1';

/** @param {string[]} args */
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** Whether a loopback port is free. @param {number} port @returns {Promise<boolean>} */
const isFree = (port) =>
	new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});

/** A free loopback port. @returns {Promise<number>} */
const anyPort = () =>
	new Promise((resolve) => {
		const server = createServer();
		server.listen(0, host, () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});

let branch;
try {
	branch = git('rev-parse', '--abbrev-ref', 'HEAD');
} catch {
	console.error(
		'npm run edit : ce dossier n’est pas un dépôt git. L’éditeur enregistre chaque modification dans un commit : clonez le dépôt du site plutôt que de copier ses fichiers.'
	);
	process.exit(1);
}
if (branch === 'HEAD') {
	console.error(
		'npm run edit : aucune branche n’est active (HEAD détachée). Placez-vous sur la branche du site, par exemple : git switch main'
	);
	process.exit(1);
}
if (!git('config', 'user.name') || !git('config', 'user.email')) {
	console.error(
		'npm run edit : git ne sait pas qui signe les commits. Indiquez-le une fois :\n  git config --global user.name "Prénom Nom"\n  git config --global user.email "prenom.nom@mines-ales.fr"'
	);
	process.exit(1);
}
const pending = git('status', '--porcelain');
if (pending) {
	console.warn(
		`Des modifications non enregistrées par l’éditeur sont présentes dans le dossier :\n${pending}\nElles ne seront pas incluses dans les enregistrements de l’éditeur : chaque enregistrement ne contient que la fiche enregistrée. L’éditeur les signale aussi en haut de sa page.\n`
	);
}

const sitePort = Number(process.env['EDIT_PORT'] ?? 4321);
let backendPort = Number(process.env['EDIT_BACKEND_PORT'] ?? 8081);
if (!(await isFree(backendPort))) backendPort = await anyPort();
const backendUrl = `http://${host}:${backendPort}/api/v1`;

const node = process.execPath;
const children = [
	spawn(node, [fileURLToPath(new URL('../server/editor-backend.mjs', import.meta.url))], {
		cwd: root,
		env: {
			...process.env,
			BIND_HOST: host,
			PORT: String(backendPort),
			GIT_REPO_DIRECTORY: root,
			LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
		},
		stdio: ['ignore', 'ignore', 'inherit'],
	}),
	spawn(
		node,
		[
			fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url)),
			'dev',
			'--host',
			host,
			'--port',
			String(sitePort),
		],
		{
			cwd: root,
			env: {
				...process.env,
				ASTRO_TELEMETRY_DISABLED: '1',
				EDITOR_BACKEND: 'local',
				EDITOR_LOCAL_URL: backendUrl,
				EDITOR_BRANCH: branch,
			},
			stdio: ['ignore', 'pipe', 'inherit'],
		}
	),
];

const [, site] = children;
let announced = false;
site?.stdout?.on('data', (chunk) => {
	process.stdout.write(chunk);
	const text = chunk.toString();
	const local = /https?:\/\/(?:localhost|127\.0\.0\.1):(\d+)(\/[^\s]*)?/.exec(text);
	if (!announced && local) {
		announced = true;
		const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
		const admin = `http://${host}:${local[1]}${base}admin/`;
		console.log(
			`\n  Éditeur du site : ${admin}\n  (branche ${branch} ; chaque enregistrement est un commit ; serveur des enregistrements sur ${backendUrl})\n  Arrêter : Ctrl+C\n`
		);
	}
});

const stop = () => {
	for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
	child.on('exit', (code) => {
		stop();
		process.exitCode = code ?? 0;
	});
