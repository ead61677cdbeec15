import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblemList } from '../../src/lib/problems';
import { checkContent } from '../../src/loaders/check';
import { checkedCases } from './broken-content';
import { projectRoot, TemporaryProject } from './project';

/**
 * Each case adds one broken file to a copy of the content and runs the content check on it, as
 * `npm run build` does before Astro starts (and `npm run check:content`): the check must name
 * the file and the field at fault, in a numbered list of errors that names no other file and no
 * path of the machine. That a content error stops the build with this same list, and leaves the
 * output folder as it was, is tested once, by a real build (`content-builds.test.ts`).
 *
 * The copy holds the data files and the case's files, not the site's written pages
 * (`content/docs/`): none of them can be at fault for an added file, and compiling them is most
 * of the check's time (`npm run check:content` and the build check them).
 */

/** The folders of `content/` but the written pages. */
const dataFolders = readdirSync(`${projectRoot}/content`)
	.filter((name) => name !== 'docs')
	.map((name) => `content/${name}`);

const copies: TemporaryProject[] = [];
afterAll(() => copies.forEach((copy) => copy.remove()));

describe('a content file that breaks the rules is reported by the content check', () => {
	test.each(checkedCases)('$name', ({ name, files, expected }) => {
		const copy = new TemporaryProject(`check-${name.replace(/\W+/g, '-')}`, dataFolders);
		copies.push(copy);
		for (const [path, contents] of Object.entries(files)) copy.write(path, contents);
		const errors = checkContent(copy.root, { lang: 'en' }).problems.filter(
			(problem) => problem.severity !== 'warning'
		);
		const list = formatProblemList(errors, 'en');
		expect(errors.length, list).toBeGreaterThan(0);
		for (const text of expected) expect(list, list).toContain(text);
		// Only the added files are at fault: the rest of the copy is the real, valid content.
		for (const error of errors) expect(Object.keys(files), list).toContain(error.file);
		const [heading, ...items] = list.split('\n');
		expect(heading, list).toMatch(/^\d+ errors? in the content:$/);
		for (const item of items) expect(item, list).toMatch(/^ *\d+\. content\//);
		expect(list).not.toContain(copy.root);
		expect(list).not.toContain('node_modules');
	});
});
