import fc from 'fast-check';
import { describe, test } from 'vitest';
import { properties } from '../properties/content';

/**
 * The content pipeline under mutated real files (see `tests/properties/content.ts`): a bounded
 * number of cases drawn from a fixed seed, so that `npm test` answers the same on every run of
 * the same commit. A failure prints the seed and path, which
 * `npm run test:properties -- --seed <seed> --path <path>` replays. `npm run test:properties`
 * explores: a new seed each run, printed, and many more cases.
 */
const seed = 20261206;

describe('the content pipeline under mutated real files', () => {
	test('validating a data file accepts it, or names the file and the field', () => {
		fc.assert(properties.validate, { seed, numRuns: 300 });
	}, 120_000);

	test('reading all the content with one broken file names only that file', () => {
		fc.assert(properties.read, { seed, numRuns: 15 });
	}, 120_000);

	test('checking written pages accepts each, or names the page and the fault (25 pages a run)', () => {
		fc.assert(properties.pages, { seed, numRuns: 6 });
	}, 120_000);
});
