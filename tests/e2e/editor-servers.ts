import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { renderNginxConfig } from '../../src/server/nginx.mjs';
import { projectRoot, TemporaryProject } from '../build/project.ts';
import { scratchNginxConfig } from './servers.mjs';

/**
 * Servers for the web editor's end-to-end tests: a temporary copy of the project that is a real
 * git repository, Decap's local backend (`decap-server` in git mode) on it, and nginx serving its
 * build with the production configuration.
 */

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Runs git in a folder and returns what it printed. */
export function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/**
 * A copy of the project under `tests/.tmp/` made into a git repository with one commit on
 * `main`, as a school's clone would be: decap-server commits every save to it.
 */
export function gitProject(name: string): TemporaryProject {
	const project = new TemporaryProject(name);
	// mkdtemp makes the folder private; nginx's workers must read the build inside it.
	chmodSync(project.root, 0o755);
	// What the build and the tests write must not be swept into the editor's commits (decap-server
	// runs `git add .`).
	project.write(
		'.gitignore',
		['node_modules', 'dist/', 'dist.tmp-*/', '.astro/', 'tests/', 'nginx/', ''].join('\n')
	);
	git(project.root, 'init', '--quiet', '--initial-branch=main');
	git(project.root, 'config', 'user.name', 'Service Pédagogie Internationale');
	git(project.root, 'config', 'user.email', 'international@example.org');
	git(project.root, 'config', 'commit.gpgsign', 'false');
	git(project.root, 'add', '.');
	git(project.root, 'commit', '--quiet', '-m', 'Copy of the site for the editor’s tests');
	return project;
}

/** The local backend's address in a build made without `EDITOR_LOCAL_URL` (`npm run build`). */
const defaultBackendOrigin = 'http://127.0.0.1:8081';

/**
 * The site's own build (`dist/`, which `npm test` makes before the end-to-end tests) copied into
 * a project, its editor pointed at a local backend on `port`: the two files of the build that
 * name the backend, the editor's configuration (`proxy_url`) and its page's Content-Security-
 * Policy (`connect-src`), say that port instead of the default one. The same build as a build
 * with `EDITOR_LOCAL_URL` set, without building the site once more for each test file.
 */
export function copyBuildFor(project: TemporaryProject, port: number): string {
	const source = join(projectRoot, 'dist');
	if (!existsSync(join(source, 'admin/config.yml')))
		throw new Error(`${source} has no web editor: run npm run build before the editor's tests`);
	const dist = join(project.root, 'dist');
	cpSync(source, dist, { recursive: true });
	for (const file of ['admin/config.yml', 'admin/index.html']) {
		const text = readFileSync(join(dist, file), 'utf8');
		if (!text.includes(defaultBackendOrigin))
			throw new Error(
				`${source}/${file} does not name ${defaultBackendOrigin}: was it built with EDITOR_LOCAL_URL set?`
			);
		writeFileSync(
			join(dist, file),
			text.replaceAll(defaultBackendOrigin, `http://127.0.0.1:${port}`)
		);
	}
	return dist;
}

/**
 * Starts the editor's local backend, as `npm run edit` does (`src/server/editor-backend.mjs`:
 * decap-server writing the files, then one commit of exactly the files of each save), on a
 * repository and a loopback port, and waits until it answers.
 */
export async function startEditorBackend(repository: string, port: number): Promise<ChildProcess> {
	const child = spawn(
		join(projectRoot, 'node_modules/.bin/node'),
		[join(projectRoot, 'src/server/editor-backend.mjs')],
		{
			env: {
				...process.env,
				GIT_REPO_DIRECTORY: repository,
				BIND_HOST: '127.0.0.1',
				PORT: String(port),
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		}
	);
	for (let attempt = 0; attempt < 300; attempt++) {
		if (child.exitCode !== null) throw new Error(`editor backend exited with ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ action: 'info' }),
			});
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error('editor backend did not answer within 30 s');
}

/** Serves a build with the production nginx configuration on a loopback port. */
export async function startNginx(
	dist: string,
	port: number,
	prefix: string
): Promise<ChildProcess> {
	const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
	if (!nginx) throw new Error('nginx is not installed: sudo apt-get install -y nginx-light');
	rmSync(prefix, { recursive: true, force: true });
	mkdirSync(join(prefix, 'logs'), { recursive: true });
	writeFileSync(
		join(prefix, 'nginx.conf'),
		scratchNginxConfig(prefix, [renderNginxConfig({ root: dist, listen: `127.0.0.1:${port}` })])
	);
	const child = spawn(
		nginx,
		['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		}
	);
	// nginx prints nothing when it starts: wait until it answers.
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
		try {
			await fetch(`http://127.0.0.1:${port}/`);
			return child;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	throw new Error('nginx did not answer');
}

/** Stops a child process and waits for it to exit. */
export function stop(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** What an editor spec works on: a git copy of the project, its local backend, nginx. */
export interface EditorSite {
	project: TemporaryProject;
	/** The local backend's API (`http://127.0.0.1:<port>/api/v1`). */
	backendUrl: string;
	/** An address of the admin area (`admin('todo/')`, `admin('#/collections/partners')`). */
	admin: (path?: string) => string;
	/** Stops the servers and removes the copy. */
	stop: () => Promise<void>;
}

/**
 * A git copy of the project named `name`, the editor's local backend on it, and nginx serving the
 * site's own build (`copyBuildFor`) with the editor pointed at that backend, each on a free port.
 */
export async function startEditorSite(name: string): Promise<EditorSite> {
	const project = gitProject(name);
	const [backendPort, webPort] = [await freePort(), await freePort()];
	const dist = copyBuildFor(project, backendPort);
	const backend = await startEditorBackend(project.root, backendPort);
	const nginx = await startNginx(dist, webPort, join(project.root, 'nginx'));
	return {
		project,
		backendUrl: `http://127.0.0.1:${backendPort}/api/v1`,
		admin: (path = '') => `http://127.0.0.1:${webPort}/admin/${path}`,
		stop: async () => {
			await stop(backend);
			await stop(nginx);
			project.remove();
		},
	};
}
