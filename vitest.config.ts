/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * The groups of tests (vitest projects), run by `npm test` in this order:
 * - unit: schemas and helpers, no build (`astro:content` resolves through Astro's Vite config);
 * - site: checks of the production build in `dist/` (run after `npm run build`);
 * - then the tests that work on temporary copies of the project in `tests/.tmp/`
 *   (`npm run test:builds`):
 *   - broken-content: broken content files, reported by the content check (run in-process on a
 *     copy of `content/`), or failing a real build when the build itself is under test;
 *   - budgets: byte budgets, on small builds of the benchmark's projects;
 *   - fixtures-build: one copy holding a workbook of partners imported as the office would, the
 *     attack payloads in every text field (pages parsed and opened in Chromium) and recognised
 *     courses with returnee reports, built once for the three (tests/build/fixtures-build.ts).
 * The machine that runs them has 2 cores: two test files at a time in every project (vitest's
 * default, the number of cores less one, would leave one core idle), and for the copies at most
 * two builds at once in a file (budgets builds its three projects together), so that both cores
 * stay busy when a file runs a single build or opens pages in Chromium. A build then takes
 * longer: 600 s before a test is said to hang.
 * @see https://docs.astro.build/en/guides/testing/#vitest
 */
const builds = {
	testTimeout: 600_000,
	hookTimeout: 600_000,
	maxConcurrency: 2,
	// After unit and site when all projects run together (`npx vitest run`).
	sequence: { groupOrder: 1 },
	// Full case names in titles ($name), not truncated at 40 characters.
	chaiConfig: { truncateThreshold: 0 },
};

export default getViteConfig({
	test: {
		maxWorkers: 2,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'broken-content',
					include: ['tests/build/content-check.test.ts', 'tests/build/content-builds.test.ts'],
					...builds,
				},
			},
			{
				extends: true,
				test: { name: 'budgets', include: ['tests/build/budgets.test.ts'], ...builds },
			},
			{
				extends: true,
				test: {
					name: 'fixtures-build',
					include: [
						'tests/build/import.test.ts',
						'tests/build/payloads.test.ts',
						'tests/build/recognitions.test.ts',
					],
					globalSetup: ['tests/build/fixtures-build.ts'],
					...builds,
				},
			},
		],
	},
});
