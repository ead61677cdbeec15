/**
 * `npm run test:properties`: the long run of the content pipeline's property tests
 * (`tests/properties/content.ts`), with a new seed each run, printed. `npm test` runs a few hundred
 * cases from one fixed seed (the same cases on every run); this explores: thousands of cases from
 * a new seed, for a scheduled job or before a release.
 *
 *   npm run test:properties                                   a new seed, the default numbers of runs
 *   npm run test:properties -- --runs 20000                   more runs of each property
 *   npm run test:properties -- --seed 42                      replays a run
 *   npm run test:properties -- --seed 42 --path "3:1:0" --only validate
 *                                                             replays one counterexample
 *
 * Exits with 1 on a counterexample, printing it with the seed and path that replay it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { properties } from './content.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string' },
		seed: { type: 'string' },
		path: { type: 'string' },
		only: { type: 'string' },
	},
});

/** Runs of each property by default: about a few minutes in all on two cores. */
const defaultRuns: Record<keyof typeof properties, number> = {
	validate: 5_000,
	read: 300,
	pages: 150,
};

const seed =
	values.seed === undefined
		? (Date.now() ^ (Math.random() * 0x100000000)) | 0
		: Number(values.seed);
if (!Number.isInteger(seed)) {
	console.error(`--seed expects a whole number, got "${values.seed}"`);
	process.exit(2);
}
const names = (
	values.only ? values.only.split(',') : Object.keys(properties)
) as (keyof typeof properties)[];
for (const name of names)
	if (!(name in properties)) {
		console.error(`--only expects some of ${Object.keys(properties).join(', ')}, got "${name}"`);
		process.exit(2);
	}

console.log(`Seed: ${seed}`);
let failed = false;
for (const name of names) {
	const numRuns = values.runs ? Number(values.runs) : defaultRuns[name];
	const started = performance.now();
	// Each property has its own input type, which the runner never reads.
	const property = properties[name] as unknown as fc.IProperty<[unknown]>;
	const details = fc.check(property, {
		seed,
		numRuns,
		...(values.path === undefined ? {} : { path: values.path }),
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (details.failed) {
		failed = true;
		console.log(`✗ ${name}: counterexample after ${details.numRuns} runs (${seconds} s)`);
		console.log(fc.defaultReportMessage(details));
		console.log(
			`Replay: npm run test:properties -- --seed ${details.seed} --path "${details.counterexamplePath}" --only ${name}`
		);
	} else console.log(`✓ ${name}: ${details.numRuns} runs in ${seconds} s`);
}
process.exit(failed ? 1 : 0);
