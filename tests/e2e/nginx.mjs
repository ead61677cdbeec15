// @ts-check
/**
 * Starts nginx in the foreground with the site's production config (src/server/) on loopback,
 * for the end-to-end tests: the build of dist/ at the root on one port, and the build of
 * dist-subpath/ (BASE_PATH=/international/) on another. Stops with the process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNginxConfig } from '../../src/server/nginx.mjs';
import { ports, scratchNginxConfig, subpath } from './servers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// `--root-only` serves dist/ alone (for the Lighthouse and RGAA audits), from its own scratch
// folder; `--port=N` serves it on port N instead of the tests' port, so that an audit can run
// while another checkout's tests hold that port.
const rootOnly = process.argv.includes('--root-only');
const portArgument = process.argv.find((argument) => argument.startsWith('--port='));
const rootPort = portArgument ? Number(portArgument.slice('--port='.length)) : ports.root;
const prefix = join(root, rootOnly ? 'tests/.tmp/nginx-root' : 'tests/.tmp/nginx');
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
if (!nginx) {
	console.error('nginx is not installed. Install it with: sudo apt-get install -y nginx-light');
	process.exit(1);
}
for (const dir of rootOnly ? ['dist'] : ['dist', 'dist-subpath']) {
	if (!existsSync(join(root, dir, 'index.html'))) {
		console.error(
			`${dir}/ has no build: run \`npm run build\` and \`npm run build:subpath\` first.`
		);
		process.exit(1);
	}
}

rmSync(prefix, { recursive: true, force: true });
mkdirSync(join(prefix, 'logs'), { recursive: true });
// The sub-path build lives at <docroot>/international/, as on a real server.
const subpathRoot = join(prefix, 'subpath-root');
if (!rootOnly) {
	mkdirSync(join(subpathRoot, subpath, '..'), { recursive: true });
	symlinkSync(resolve(root, 'dist-subpath'), join(subpathRoot, subpath.replace(/\/$/, '')), 'dir');
}

const conf = scratchNginxConfig(prefix, [
	renderNginxConfig({ root: resolve(root, 'dist'), listen: `127.0.0.1:${rootPort}` }),
	...(rootOnly
		? []
		: [
				renderNginxConfig({
					root: subpathRoot,
					base: subpath,
					listen: `127.0.0.1:${ports.subpath}`,
				}),
			]),
]);
writeFileSync(join(prefix, 'nginx.conf'), conf);
const child = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
	stdio: 'inherit',
});
const stop = () => child.kill('SIGQUIT');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
