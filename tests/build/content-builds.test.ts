import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblemList } from '../../src/lib/problems';
import { checkContent } from '../../src/loaders/check';
import { builtCases, checkedCases, page } from './broken-content';
import { TemporaryProject } from './project';

/**
 * Builds of copies of the project where the build itself is under test: a broken file that only
 * Astro finds (a link to no page), or that the content check would find but is built with
 * `SKIP_CONTENT_CHECK=1` to test what the build says when Astro is the one that fails (cases of
 * `broken-content.ts`); one content error, to show that the content check stops the build before
 * Astro starts, with the list that check makes; the untouched copy; `DEBUG=1`; a French locale.
 * A failed build must end with the numbered list of problems (no stack trace, no internal path)
 * and leave no site behind.
 */

/**
 * Checks that a failed build ends with the numbered list of problems: the line saying that the
 * output folder was left as it was, the list's heading, then only numbered items. No stack trace,
 * no `Location:` line, no path of the machine.
 */
function expectProblemListAtEnd(output: string, root: string): void {
	const lines = output.trimEnd().split('\n');
	const heading = lines.findLastIndex((line) => /^\d+ errors? in the content:$/.test(line));
	expect(heading, output).toBeGreaterThan(0);
	expect(lines[heading - 1], output).toBe('Build failed: dist/ was left as it was.');
	const items = lines.slice(heading + 1);
	expect(items.length, output).toBeGreaterThan(0);
	// Errors only: warnings (undated sources…) would push them out of sight; a line before says
	// how many there are, when the content check found some.
	for (const item of items) expect(item, output).toMatch(/^ *\d+\. content\//);
	if (lines[heading - 2]?.startsWith('('))
		expect(lines[heading - 2], output).toMatch(
			/^\(\d+ warnings? not listed here: npm run check:content lists (?:them|it)\.\)$/
		);
	expect(output).not.toMatch(/^\s+at /m);
	expect(output).not.toContain('Location:');
	expect(output).not.toContain(root);
	expect(output).not.toContain('node_modules');
}

const projects: TemporaryProject[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

describe('a content file that breaks the rules fails the build with a clear message', () => {
	test.concurrent.each(builtCases)('$name', async ({ name, files, env, expected }) => {
		const project = new TemporaryProject(name.replace(/\W+/g, '-'));
		projects.push(project);
		for (const [path, contents] of Object.entries(files)) project.write(path, contents);
		const { code, output } = await project.build(env);
		expect(code, output).not.toBe(0);
		for (const text of expected) expect(output, output).toContain(text);
		expectProblemListAtEnd(output, project.root);
		expect(project.has('dist/index.html')).toBe(false);
	});

	test.concurrent(
		'a problem the content check finds stops the build before Astro starts, with the list of that check, and dist/ is left as it was',
		async () => {
			const { name, files, expected } = checkedCases[0]!;
			const project = new TemporaryProject(name.replace(/\W+/g, '-'));
			projects.push(project);
			for (const [path, contents] of Object.entries(files)) project.write(path, contents);
			project.write('dist/index.html', 'the previous build');
			const { code, output } = await project.build();
			expect(code, output).not.toBe(0);
			for (const text of expected) expect(output, output).toContain(text);
			expectProblemListAtEnd(output, project.root);
			const { problems } = checkContent(project.root, { lang: 'en' });
			const errors = problems.filter((problem) => problem.severity !== 'warning');
			const warnings = problems.length - errors.length;
			// Nothing from Astro before the list: the check's errors, and how many warnings it left out.
			expect(output.trim().split('\n'), output).toEqual([
				...(warnings > 0
					? [
							`(${warnings} warning${warnings > 1 ? 's' : ''} not listed here: npm run check:content lists ${warnings > 1 ? 'them' : 'it'}.)`,
						]
					: []),
				'Build failed: dist/ was left as it was.',
				...formatProblemList(errors, 'en').split('\n'),
			]);
			expect(readFileSync(join(project.root, 'dist/index.html'), 'utf8')).toBe(
				'the previous build'
			);
			expect(readdirSync(project.root).filter((entry) => entry.startsWith('dist.tmp-'))).toEqual(
				[]
			);
		}
	);

	test.concurrent(
		'the untouched copy builds, so the failures above come from the broken files; its output is the summary alone',
		async () => {
			const project = new TemporaryProject('valid');
			projects.push(project);
			const { code, output } = await project.build();
			expect(code, output).toBe(0);
			expect(project.has('dist/index.html')).toBe(true);
			// No warning of Astro, Vite, Shiki or the sitemap, no stack trace: pages, time and folder,
			// and, built without SITE_URL, what that leaves out.
			expect(output).not.toMatch(
				/WARN|Warning|MODULE_LEVEL_DIRECTIVE|Could not render|Shiki|Sitemap|^\s+at /m
			);
			expect(output.trim().split('\n'), output).toEqual([
				expect.stringMatching(/^Site built: \d{3,} pages in \d+(?:\.\d)? s, in dist\/$/),
				'View it with: npm run preview',
				'SITE_URL not set: no sitemap and no canonical links (set it to build the public site).',
			]);
			// With SITE_URL, the summary alone, and the sitemap is written.
			const withOrigin = await project.build({ SITE_URL: 'https://intranet.example.org' });
			expect(withOrigin.code, withOrigin.output).toBe(0);
			expect(withOrigin.output.trim().split('\n'), withOrigin.output).toEqual([
				expect.stringMatching(/^Site built: \d{3,} pages in \d+(?:\.\d)? s, in dist\/$/),
				'View it with: npm run preview',
			]);
			expect(project.has('dist/sitemap-index.xml')).toBe(true);
		}
	);

	test.concurrent(
		'DEBUG=1 shows developers what Astro says and the error whole, with its stack',
		async () => {
			const project = new TemporaryProject('debug');
			projects.push(project);
			project.write('content/docs/test-broken.mdx', page('', 'Une { accolade.'));
			project.write('content/docs/en/test-broken.mdx', page(''));
			const { code, output } = await project.build({ SKIP_CONTENT_CHECK: '1', DEBUG: '1' });
			expect(code, output).not.toBe(0);
			expect(output).toMatch(/^\[info\] \[build\] /m);
			expect(output).toContain('MDXError: 11:5: Unexpected end of file in expression');
			expect(output).toMatch(/^\s+at .*node_modules/m);
			expect(output.trimEnd().split('\n').at(-1)).toBe('Build failed: dist/ was left as it was.');
		}
	);

	test.concurrent(
		'under a French locale, the summary and the problems are in French: a broken link, and an English page linking to a French page',
		async () => {
			const project = new TemporaryProject('french');
			projects.push(project);
			const built = await project.build({ LANG: 'fr_FR.UTF-8' });
			expect(built.code, built.output).toBe(0);
			expect(built.output.trim().split('\n'), built.output).toEqual([
				expect.stringMatching(/^Site construit : \d{3,} pages en \d+(?:,\d)? s, dans dist\/$/),
				'Pour le voir : npm run preview',
				'SITE_URL non défini : ni plan du site ni liens canoniques (définissez-le pour construire le site public).',
			]);
			// Both problems of links at once (the link checker reports every broken link): a link to no
			// page, and an English page linking to a French page.
			project.write('content/docs/test-broken.mdx', page('', 'Voir [la page](/nulle-part/).'));
			project.write(
				'content/docs/en/test-broken.mdx',
				page('', 'See [the partners](/partenaires/).')
			);
			const failed = await project.build({ LANG: 'fr_FR.UTF-8' });
			expect(failed.code, failed.output).not.toBe(0);
			expect(failed.output.trimEnd().split('\n').slice(-4), failed.output).toEqual([
				'Échec de la construction : dist/ est resté tel quel.',
				'2 erreurs dans le contenu :',
				'1. content/docs/en/test-broken.mdx:11: /partenaires/: lien invalide : aucune page du site n’a cette adresse',
				'2. content/docs/test-broken.mdx:11: /nulle-part/: lien invalide : aucune page du site n’a cette adresse',
			]);
			expect(project.has('dist/index.html')).toBe(true);
		}
	);
});
