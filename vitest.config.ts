/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Three groups of tests, run by `npm test` in this order:
 * - unit: schemas and helpers, no build (`astro:content` resolves through Astro's Vite config);
 * - site: checks of the production build in `dist/` (run after `npm run build`);
 * - content-errors: builds of temporary copies of the project with broken content files.
 * @see https://docs.astro.build/en/guides/testing/#vitest
 */
export default getViteConfig({
	test: {
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'content-errors',
					include: ['tests/build/**/*.test.ts'],
					testTimeout: 300_000,
					hookTimeout: 300_000,
					maxConcurrency: 2,
					// Full case names in titles ($name), not truncated at 40 characters.
					chaiConfig: { truncateThreshold: 0 },
				},
			},
		],
	},
});
