import { defineConfig } from '@playwright/test';
import { chromiumFlags, findChromium, ports, subpath } from './tests/e2e/servers.mjs';

/**
 * End-to-end tests in real Chromium against the production builds served by nginx with the
 * site's own configuration (src/server/): `dist/` at the root, and `dist-subpath/` built for
 * BASE_PATH=/international/. Playwright cannot download browsers here: it drives the system's
 * Chromium (Debian's `chromium` package), found below. Without one the run fails; it never skips.
 */
const executablePath = findChromium();

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
			args: chromiumFlags,
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
