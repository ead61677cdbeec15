import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { TemporaryProject } from './project';

/**
 * A French page with no English twin is shown under /en/ as Starlight's untranslated fallback.
 * The translation-parity test forbids it in content/, but if one slips through, its French text
 * must stay out of the English search index (and the English index keeps English pages only).
 */
const project = new TemporaryProject('fallback');
afterAll(() => project.remove());

test('an untranslated page is left out of the other language’s search index', async () => {
	project.write(
		'content/docs/test-fallback.mdx',
		'---\ntitle: Page seulement en français\ndescription: Essai.\naudience: [outgoing]\nsources:\n  - https://example.org/test\nlastReviewed: 2026-11-23\n---\n\nUn texte en français, sans traduction.\n'
	);
	const { code, output } = await project.build();
	expect(code, output).toBe(0);
	const dist = join(project.root, 'dist');
	const french = readFileSync(join(dist, 'test-fallback/index.html'), 'utf8');
	const fallback = readFileSync(join(dist, 'en/test-fallback/index.html'), 'utf8');
	expect(french.includes('data-pagefind-body'), 'the French page is indexed').toBe(true);
	expect(/<html[^>]*lang="en"/.test(fallback), 'the fallback is an English page').toBe(true);
	expect(fallback.includes('data-pagefind-body'), 'the English fallback is indexed').toBe(false);
	const { languages } = JSON.parse(
		readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')
	) as { languages: Record<string, { page_count: number }> };
	expect(languages['en']!.page_count).toBe(languages['fr']!.page_count - 1);
});
