import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { failureProblems } from '../../src/scripts/build-report.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A project folder holding the links validator's report with these errors, in this order. */
function projectWithLinkErrors(errors: { docsPath: string; link: string; line: number }[]) {
	const root = mkdtempSync(join(tmpdir(), 'build-report-'));
	roots.push(root);
	mkdirSync(join(root, '.starlight-links-validator'));
	writeFileSync(
		join(root, '.starlight-links-validator', 'errors.json'),
		JSON.stringify({
			errors: errors.map(({ docsPath, link, line }) => ({
				docsPath,
				link,
				position: { line, column: 1 },
				message: 'invalid link',
			})),
		})
	);
	return root;
}

describe('the problems of a build that failed on links', () => {
	test('are listed by file and line, whatever order the pages were rendered in', () => {
		const root = projectWithLinkErrors([
			{ docsPath: 'test-broken.mdx', link: '/nulle-part/', line: 11 },
			{ docsPath: 'en/test-broken.mdx', link: '/partenaires/', line: 14 },
			{ docsPath: 'en/test-broken.mdx', link: '/pays/', line: 9 },
		]);
		const problems = failureProblems(
			{ name: 'AstroUserError', message: 'Links validation failed.' },
			root,
			'en'
		);
		expect(problems.map(({ file, line, field }) => `${file}:${line} ${field}`)).toEqual([
			'content/docs/en/test-broken.mdx:9 /pays/',
			'content/docs/en/test-broken.mdx:14 /partenaires/',
			'content/docs/test-broken.mdx:11 /nulle-part/',
		]);
		expect(problems[0]!.message).toBe('invalid link: no page of the site has this address');
	});
});
