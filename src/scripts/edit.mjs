// @ts-check
/**
 * `npm run edit`: the web editor on this machine, in one command. Starts the editor's local
 * backend (`src/server/editor-backend.mjs`: Decap CMS's `decap-server` writing the files, then one
 * commit per save holding only the files of the entry saved) and the development server, then
 * prints the address of the editor (`/admin/`). Its messages, and its backend's, are in French
 * unless the system's locale is English (`officeLang()`, `src/scripts/edit-messages.ts`), like
 * `check:content` and `import:partners`.
 *
 * The local backend has no authentication: it listens on 127.0.0.1 only, so that nobody else on
 * the network can write to the repository. `EDIT_PORT` (default 4321) and `EDIT_BACKEND_PORT`
 * (default 8081) move the two servers; a busy backend port is replaced by a free one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { officeLang } from '../loaders/system-lang.ts';
import { editMessages } from './edit-messages.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const host = '127.0.0.1';
const messages = editMessages(officeLang());

/** @param {string[]} args */
const git = (...args) =>
	execFileSync('git', args, {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	}).trim();

/** A git setting, empty when unset (`git config` then exits with 1). @param {string} key */
const setting = (key) => {
	try {
		return git('config', key);
	} catch {
		return '';
	}
};

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
	console.error(messages.notGitRepo);
	process.exit(1);
}
if (branch === 'HEAD') {
	console.error(messages.detachedHead);
	process.exit(1);
}
if (!setting('user.name') || !setting('user.email')) {
	console.error(messages.noIdentity);
	process.exit(1);
}
const pending = git('status', '--porcelain');
if (pending) console.warn(messages.pending(pending));

const sitePort = Number(process.env['EDIT_PORT'] ?? 4321);
let backendPort = Number(process.env['EDIT_BACKEND_PORT'] ?? 8081);
if (!(await isFree(sitePort))) console.warn(messages.sitePortBusy(sitePort));
if (!(await isFree(backendPort))) {
	const wanted = backendPort;
	backendPort = await anyPort();
	console.warn(messages.backendPortBusy(wanted, backendPort));
}
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
		console.log(messages.address(admin, branch, backendUrl));
	}
});

let stopping = false;
const stop = () => {
	stopping = true;
	for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child, index) =>
	child.on('exit', (code) => {
		// A server that stops by itself (not by Ctrl+C) stops the other: say so.
		if (!stopping && code)
			console.error(messages.serverStopped(index === 0 ? 'backend' : 'site', code));
		stop();
		process.exitCode = code ?? 0;
	})
);
