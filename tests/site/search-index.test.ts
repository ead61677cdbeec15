import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import en from '../../src/content/i18n/en.json';
import fr from '../../src/content/i18n/fr.json';
import { distDir, distFiles, fileForPath, readDist } from './dist';

/** A page as Pagefind indexed it: the text it searches and draws excerpts from, and its metadata. */
interface Fragment {
	url: string;
	content: string;
	meta: Record<string, string>;
}

/** Every page of the search index (Pagefind's fragments: gzip, after a `pagefind_dcd` signature). */
function fragments(): Fragment[] {
	const folder = join(distDir, 'pagefind', 'fragment');
	return readdirSync(folder).map(
		(file) =>
			JSON.parse(
				gunzipSync(readFileSync(join(folder, file)))
					.toString('utf8')
					.replace(/^pagefind_dcd/, '')
			) as Fragment
	);
}

/**
 * Places where two words touch in the indexed text: a lower-case letter then a capital, or letters
 * of two scripts (Latin and Chinese, Cyrillic…). Each gives the whole run of letters around it.
 */
function touchingWords(text: string): string[] {
	const boundary =
		/\p{Ll}\p{Lu}|\p{Script=Latin}[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Arabic}]|[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Arabic}]\p{Script=Latin}/gu;
	return [...text.matchAll(boundary)].map((match) => {
		const before = /\p{L}*$/u.exec(text.slice(0, match.index))![0];
		const after = /^\p{L}*/u.exec(text.slice(match.index + 1))![0];
		return before + text[match.index]! + after;
	});
}

describe('the search index', () => {
	test('never runs the words of two elements together', () => {
		const files = new Set(distFiles());
		const glued: string[] = [];
		for (const { url, content } of fragments()) {
			const file = fileForPath(url, files);
			expect(file, url).toBeDefined();
			const html = readDist(file!);
			// A word written so in the page ("VoiceOver") is a word; one made of two elements' texts
			// ("Kagawa</a><span>Échange" indexed as "KagawaÉchange") is not in the page's HTML.
			for (const word of touchingWords(content)) {
				if (!html.includes(word)) glued.push(`${url}: ${word}`);
			}
		}
		expect(glued).toEqual([]);
	});

	test('searches a page’s search terms without showing them as its text', () => {
		const withTerms = fragments().filter((fragment) => fragment.meta['terms']);
		expect(withTerms.map((fragment) => fragment.url)).toEqual(
			expect.arrayContaining(['/venir-etudier/', '/en/venir-etudier/'])
		);
		for (const { url, content, meta } of withTerms) {
			const terms = meta['terms']!.split(', ');
			expect(terms.length, url).toBeGreaterThan(1);
			// The list as the page's frontmatter gives it is nowhere in the text excerpts come from.
			expect(content, url).not.toContain(terms.join(', '));
			expect(content, url).not.toContain(terms.join(' · '));
		}
	});

	test('leaves out what every partner page repeats: the sections with nothing published yet, the link to all courses', () => {
		const repeated = [fr, en].flatMap((strings) => [
			strings['recognitions.partnerEmpty'],
			strings['reports.empty'],
			strings['recognitions.allLink'],
			strings['partner.noAgreements'],
		]);
		const partnerPages = distFiles().filter((file) =>
			/^(en\/)?partenaires\/[^/]+\/index\.html$/.test(file)
		);
		// The pages show these sentences (the partners have no course or report published yet)…
		expect(
			partnerPages.filter(
				(file) => readDist(file).includes(repeated[1]!) || readDist(file).includes(repeated[4]!)
			).length
		).toBeGreaterThan(2);
		// …and the search does not hold them.
		const found = fragments().flatMap(({ url, content }) =>
			repeated
				.filter((sentence) => content.includes(sentence))
				.map((sentence) => `${url}: ${sentence}`)
		);
		expect(found).toEqual([]);
	});
});
