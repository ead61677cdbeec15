// @ts-check
import { existsSync } from 'node:fs';

/**
 * Loopback ports of the servers the end-to-end tests run against. `E2E_ROOT_PORT` and
 * `E2E_SUBPATH_PORT` move them, so that two checkouts on one machine can run their tests at once.
 */
export const ports = {
	root: Number(process.env['E2E_ROOT_PORT'] ?? 4380),
	subpath: Number(process.env['E2E_SUBPATH_PORT'] ?? 4381),
};
/** The base path of the sub-path build. */
export const subpath = '/international/';

/**
 * Flags for the system's Chromium on these machines: no sandbox as root, and no background
 * network traffic (the machines reach no other host, and Chromium would keep trying).
 */
export const chromiumFlags = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * The system's Chromium (Debian's `chromium` package), or the one CHROMIUM_PATH names. Browsers
 * cannot be downloaded here, so without one the tests, the audit and the benchmark stop with
 * a message saying how to install it.
 * @returns {string}
 */
export function findChromium() {
	const path = [
		process.env['CHROMIUM_PATH'],
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
	].find((candidate) => candidate && existsSync(candidate));
	if (!path) {
		throw new Error(
			'No Chromium found. Install Debian’s: `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome binary).'
		);
	}
	return path;
}

/**
 * A whole nginx configuration for a server run by the tests as an ordinary user: its pid, logs
 * and temporary files in `prefix`, around the given `server` blocks (from `renderNginxConfig`).
 * @param {string} prefix
 * @param {string[]} servers
 */
export function scratchNginxConfig(prefix, servers) {
	return `worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${prefix}/client;
	proxy_temp_path ${prefix}/proxy;
	fastcgi_temp_path ${prefix}/fastcgi;
	uwsgi_temp_path ${prefix}/uwsgi;
	scgi_temp_path ${prefix}/scgi;
	${servers.join('\n\t')}
}
`;
}
