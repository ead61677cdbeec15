// @ts-check
import { existsSync } from 'node:fs';

/** Loopback ports and base path of the servers the end-to-end tests run against. */
export const ports = { root: 4380, subpath: 4381 };
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
