import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { ports, subpath } from './tests/e2e/servers.mjs';

/**
 * End-to-end tests in real Chromium against the production builds served by nginx with the
 * site's own configuration (src/server/): `dist/` at the root, and `dist-subpath/` built for
 * BASE_PATH=/international/. Playwright cannot download browsers here: it drives the system's
 * Chromium (Debian's `chromium` package), found below. Without one the run fails; it never skips.
 */
const candidates = [
	process.env['CHROMIUM_PATH'],
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
];
const executablePath = candidates.find((path): path is string => Boolean(path && existsSync(path)));
if (!executablePath) {
	throw new Error(
		'No Chromium found for the end-to-end tests. Install Debian’s: `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome binary).'
	);
}

const isCI = Boolean(process.env['CI']);

export default defineConfig({
	testDir: './tests/e2e',
	forbidOnly: isCI,
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
		trace: 'off',
	},
	projects: [
		{
			name: 'root',
			use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${ports.root}/` },
			testIgnore: /subpath-only/,
		},
		{
			name: 'subpath',
			use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${ports.subpath}${subpath}` },
			testMatch: /(navigation|search|finder|subpath-only)\.spec\.ts/,
		},
	],
	webServer: {
		command: 'node tests/e2e/nginx.mjs',
		url: `http://127.0.0.1:${ports.root}/`,
		reuseExistingServer: !isCI,
		timeout: 30_000,
	},
});
