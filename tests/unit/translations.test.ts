import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import en from '../../src/content/i18n/en.json';
import fr from '../../src/content/i18n/fr.json';
import { root } from '../fixtures/content';

const docs = fileURLToPath(new URL('content/docs/', root));

/** Paths of the Markdown pages under a folder, relative to it. */
function pages(dir: string, skip?: string): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (path === skip) continue;
		if (statSync(path).isDirectory())
			found.push(...pages(path, skip).map((page) => join(name, page)));
		else if (/\.mdx?$/.test(name) && !name.startsWith('_')) found.push(name);
	}
	return found.sort();
}

/** The frontmatter of a Markdown page. */
function frontmatter(path: string): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
	return match ? (parse(match[1]!) as Record<string, unknown>) : {};
}

describe('translation parity', () => {
	const french = pages(docs, join(docs, 'en'));
	const english = pages(join(docs, 'en'));

	test('every French page has an English twin at the same path, and the reverse', () => {
		expect(french.length).toBeGreaterThan(10);
		expect(english).toEqual(french);
	});

	test('twins share their structured frontmatter; only title, description and search terms differ', () => {
		// Search terms are the words readers type in the page's own language (src/schemas/docs.ts).
		for (const page of french) {
			const {
				title: _frTitle,
				description: _frDescription,
				hero: _frHero,
				searchTerms: _frSearchTerms,
				...frData
			} = frontmatter(join(docs, page));
			const {
				title: _enTitle,
				description: _enDescription,
				hero: _enHero,
				searchTerms: _enSearchTerms,
				...enData
			} = frontmatter(join(docs, 'en', page));
			expect(enData, page).toEqual(frData);
		}
	});

	test('every page has a title, a description, a review date and at least one source', () => {
		for (const path of [
			...french.map((page) => join(docs, page)),
			...english.map((page) => join(docs, 'en', page)),
		]) {
			const data = frontmatter(path);
			const name = relative(docs, path);
			expect(data['title'], name).toBeTruthy();
			expect(data['description'], name).toBeTruthy();
			expect(data['consulted'], name).toBeTruthy();
			expect((data['sources'] as unknown[] | undefined)?.length, name).toBeGreaterThan(0);
		}
	});

	test('UI strings exist in both languages with the same keys and placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
		const placeholders = (text: string) =>
			[...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
		for (const [key, text] of Object.entries(fr)) {
			expect(placeholders((en as Record<string, string>)[key]!), key).toEqual(placeholders(text));
		}
	});

	test('no page or data file is left with filler text', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else {
					// "TODO" in capitals only: "todo" is an ordinary word in Portuguese and Spanish titles.
					const text = readFileSync(path, 'utf8');
					if (/lorem ipsum|placeholder|synthetic/i.test(text) || /\bTODO\b/.test(text))
						offenders.push(relative(fileURLToPath(root), path));
				}
			}
		};
		walk(fileURLToPath(new URL('content/', root)));
		expect(offenders).toEqual([]);
	});
});
