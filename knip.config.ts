import type { KnipConfig } from 'knip';

/**
 * Knip: unused files, exports, types and dependencies, run by `npm run check`. Its Astro, Vitest,
 * Playwright and ESLint plugins find the pages, the content config, the tests and the configs;
 * the entries below are the files it cannot see, started by name rather than imported.
 * @see https://knip.dev/overview/configuration
 * @see https://knip.dev/reference/plugins/astro
 */
const config: KnipConfig = {
	entry: [
		// Starlight's route middleware, named by path in astro.config.mjs (`routeMiddleware`).
		'src/route-data.ts',
		// The web editor's browser script, bundled by src/integrations/editor-files.ts (esbuild).
		'src/editor/main.ts',
		// Scripts run by path: by npm scripts, by other scripts (`astro-build.mjs`), or by hand.
		'src/scripts/*.{ts,mjs}',
		'src/server/*.mjs',
		'tests/tools/*.mjs',
		'tests/fixtures/workbooks/export.ts',
		// Written pages import their components from the barrel (`~/components`).
		'content/docs/**/*.mdx',
	],
	// An export used in its own file is alive: only exports nothing uses are reported (about 110
	// exports are used only where they are declared, as parts of their module's interface).
	ignoreExportsUsedInFile: true,
	ignoreDependencies: [
		// Its built files are copied from node_modules/decap-cms/dist/ (src/integrations/editor-files.ts).
		'decap-cms',
		// Found with createRequire().resolve() by src/server/editor-backend.mjs.
		'decap-server',
	],
	// Programs of the system, not of npm: Java (the Nu Html Checker), libxml2's xmllint, diff and uptime.
	ignoreBinaries: ['java', 'xmllint', 'diff', 'uptime'],
	project: [
		'src/**/*.{ts,mjs,astro}',
		'tests/**/*.{ts,mjs}',
		'content/docs/**/*.mdx',
		'*.{ts,mjs,js}',
	],
};

export default config;
