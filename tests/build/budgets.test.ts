import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, createOurs, createVanilla, eagerScriptBytes, sizes } from '../bench/projects';

/**
 * Byte budgets that must hold for a network of thousands of partners, checked on small builds
 * (the benchmark, `npm run bench`, measures them at 2000): a partner page does not grow with the
 * number of partners, a content page loads no more JavaScript than vanilla Starlight's plus 2 KB,
 * and the finder stays under 150 KB gzip for 2000 partners.
 */
const small = 20;
const large = 220;
const dists: Record<'small' | 'large' | 'vanilla', string> = { small: '', large: '', vanilla: '' };

beforeAll(async () => {
	const projects = {
		small: createOurs(small, 'budget-small'),
		large: createOurs(large, 'budget-large'),
		vanilla: createVanilla(small, 'budget-vanilla'),
	};
	const results = await Promise.all(Object.values(projects).map((dir) => build(dir)));
	results.forEach((result) => expect(result.ok, result.output.slice(-2000)).toBe(true));
	for (const [name, dir] of Object.entries(projects))
		dists[name as keyof typeof dists] = join(dir, 'dist');
}, 600_000);

const partnerPage = 'partenaires/test-partner-0001/index.html';

describe('page weight as the partner network grows', () => {
	test(`a partner page weighs the same with ${large} partners as with ${small} (≤ 1.05×)`, () => {
		const ratio =
			sizes(join(dists.large, partnerPage)).raw / sizes(join(dists.small, partnerPage)).raw;
		expect(ratio).toBeLessThanOrEqual(1.05);
	});

	test('a content page loads at most 2 KB gzip of JavaScript more than vanilla Starlight', () => {
		const ours = eagerScriptBytes(dists.small, partnerPage);
		const vanilla = eagerScriptBytes(dists.vanilla, partnerPage);
		expect(ours).toBeLessThanOrEqual(vanilla + 2048);
	});

	test('the finder’s own JavaScript stays under 10 KB gzip', () => {
		// Astro inlines the finder's small module script into the page; it imports nothing else.
		const html = readFileSync(join(dists.large, 'partenaires/index.html'), 'utf8');
		const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
			(match) => match[1] ?? ''
		);
		const finder = scripts.find((code) => code.includes('data-finder-form'));
		expect(finder, 'the finder page carries the finder’s script').toBeDefined();
		expect(finder).not.toMatch(/\bimport\b/);
		const size = gzipSync(finder!, { level: 9 }).length;
		expect(size).toBeGreaterThan(500);
		expect(size).toBeLessThan(10 * 1024);
	});

	test('the finder, projected to 2000 partners, stays under 150 KB gzip', () => {
		const smaller = sizes(join(dists.small, 'partenaires/index.html')).gzip;
		const larger = sizes(join(dists.large, 'partenaires/index.html')).gzip;
		const perPartner = (larger - smaller) / (large - small);
		const projected = larger + perPartner * (2000 - large);
		expect(perPartner).toBeGreaterThan(0);
		expect(projected).toBeLessThanOrEqual(150 * 1024);
	});
});
