import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import english from '../../src/content/i18n/en.json';
import french from '../../src/content/i18n/fr.json';
import { foreignTerms, termPattern } from '../../src/vocab/foreign-terms';
import { accessibilityStatusLabels } from '../../src/vocab/legal';
import { basePath, distDir, htmlPages, readDist, readSubpath } from './dist';
import {
	attribute,
	describe as where,
	elements,
	parseHtml,
	textContent,
	textsWithLang,
} from './html';

/**
 * RGAA checks of the built site that axe does not make: the language of parts (criterion 8.7),
 * explicit links (6.1), and the legal links every page of a public body's site must carry.
 * Each failure names the page and the element, so that it can be found and fixed.
 * @see https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/
 */

const pages = htmlPages().map((file) => {
	const html = readDist(file);
	const document = parseHtml(html);
	const htmlElement = [...elements(document)].find((element) => element.tagName === 'html')!;
	return { file, document, lang: attribute(htmlElement, 'lang') ?? '(none)' };
});
const primary = (lang: string | undefined) => lang?.toLowerCase().split('-')[0];
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the language of parts (RGAA 8.7)', () => {
	/**
	 * A run of letters of another script than Latin: Chinese, Japanese, Korean, Cyrillic, Arabic,
	 * Greek, Hebrew, Devanagari, Thai… Such text can only be in another language than French or
	 * English, so it must sit in an element whose `lang` says which.
	 */
	const nonLatin = /(?:(?!\p{Script=Latin})\p{L})+/gu;

	test('puts no run of non-Latin letters in an element whose language is the page’s', () => {
		const unmarked: string[] = [];
		for (const page of pages) {
			for (const { text, element, lang, source } of textsWithLang(page.document)) {
				if (primary(lang) !== primary(page.lang)) continue;
				const runs = text.match(nonLatin);
				if (runs)
					unmarked.push(
						`${page.file}: "${collapse(text).slice(0, 80)}" in ${where(element)}${source === 'text' ? '' : ` [${source}]`} (lang ${lang})`
					);
			}
		}
		expect(unmarked).toEqual([]);
	});

	/**
	 * Terms that stay in another language on a locale's pages (French administrative terms on
	 * English pages, English or Portuguese terms on French ones), and the language each must be
	 * marked with. Proper names (the office's name, institutions, registers) are left out: RGAA
	 * 8.7 does not apply to them.
	 */
	// The list lives with the code that marks the terms in data-file text (src/lib/foreign.ts).

	test.each(['fr', 'en'] as const)(
		'marks the known foreign terms of the %s pages with their language',
		(locale) => {
			const unmarked: string[] = [];
			for (const page of pages.filter((candidate) => primary(candidate.lang) === locale)) {
				for (const { text, element, lang, source } of textsWithLang(page.document)) {
					for (const [termLang, term] of foreignTerms[locale]) {
						if (primary(lang) === primary(termLang)) continue;
						for (const [found] of text.matchAll(termPattern(term))) {
							unmarked.push(
								`${page.file}: "${found}" (${termLang}) in ${where(element)}${source === 'text' ? '' : ` [${source}]`}: "${collapse(text).slice(0, 90)}"`
							);
						}
					}
				}
			}
			expect(unmarked).toEqual([]);
		}
	);

	test('finds the terms it checks: the list matches the site', () => {
		// A term that no page uses any more checks nothing: drop it from the list.
		for (const locale of ['fr', 'en'] as const) {
			const text = pages
				.filter((page) => primary(page.lang) === locale)
				.map((page) => textContent(page.document))
				.join('\n');
			for (const [, term] of foreignTerms[locale])
				expect(termPattern(term).test(text), `${locale}: ${term}`).toBe(true);
		}
	});

	test('names each language of the language picker in that language', () => {
		const wrong: string[] = [];
		const expected: Record<string, string> = { Français: 'fr', English: 'en' };
		for (const page of pages) {
			const options = [...elements(page.document)].filter(
				(element) => element.tagName === 'option' && textContent(element) in expected
			);
			if (options.length === 0) wrong.push(`${page.file}: no language picker`);
			for (const option of options) {
				const label = textContent(option);
				if (attribute(option, 'lang') !== expected[label])
					wrong.push(`${page.file}: option "${label}" has lang ${attribute(option, 'lang')}`);
			}
		}
		expect(wrong).toEqual([]);
	});
});

describe('explicit links (RGAA 6.1)', () => {
	/** A link text that is a web address: `https://…`, `www.…` or a bare domain and path. */
	const bareUrl = /^(?:https?:\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?)$/i;

	/**
	 * Links whose text may stay a web address, each with the reason. Keep this list short: a
	 * link's text must say where it goes.
	 */
	const allowed: { page: RegExp; href: RegExp; reason: string }[] = [];

	test('gives no link a bare web address as its text', () => {
		const bare: string[] = [];
		let links = 0;
		for (const page of pages) {
			for (const link of elements(page.document)) {
				if (link.tagName !== 'a' || attribute(link, 'href') === undefined) continue;
				links++;
				const href = attribute(link, 'href')!;
				const name = collapse(attribute(link, 'aria-label') ?? textContent(link));
				// An e-mail address or a phone number says where its link goes.
				if (/^(mailto|tel):/.test(href)) continue;
				if (!bareUrl.test(name)) continue;
				if (allowed.some((entry) => entry.page.test(page.file) && entry.href.test(href))) continue;
				bare.push(`${page.file}: <a href="${href}"> in ${where(link)}`);
			}
		}
		expect(links).toBeGreaterThan(1000);
		expect(bare).toEqual([]);
	});
});

describe('the legal links (article 47 of law 2005-102, RGAA obligations)', () => {
	const legal = parseYaml(
		readFileSync(new URL('../../content/site/legal.yaml', import.meta.url), 'utf8')
	) as {
		accessibility: { status: 'compliant' | 'partially-compliant' | 'non-compliant' };
	};
	const strings = { fr: french, en: english };
	const legalPaths = ['accessibilite/', 'mentions-legales/', 'donnees-personnelles/'];
	const localized = (locale: 'fr' | 'en', path: string) =>
		`${basePath}${locale === 'en' ? 'en/' : ''}${path}`;

	test('every page’s footer shows the accessibility status and links to the three legal pages', () => {
		const wrong: string[] = [];
		for (const page of pages) {
			const locale = primary(page.lang) === 'en' ? 'en' : 'fr';
			const status = accessibilityStatusLabels[legal.accessibility.status][locale];
			const expected = [
				strings[locale]['footer.accessibility'].replace('{{status}}', status),
				strings[locale]['footer.legalNotice'],
				strings[locale]['footer.personalData'],
			];
			const nav = [...elements(page.document)].find(
				(element) =>
					element.tagName === 'nav' && attribute(element, 'class')?.includes('legal-links')
			);
			if (!nav) {
				wrong.push(`${page.file}: no legal links`);
				continue;
			}
			const links = [...elements(nav)].filter((element) => element.tagName === 'a');
			const found = links.map((link) => `${textContent(link)} → ${attribute(link, 'href')}`);
			const wanted = legalPaths.map(
				(path, index) => `${expected[index]} → ${localized(locale, path)}`
			);
			if (JSON.stringify(found) !== JSON.stringify(wanted))
				wrong.push(`${page.file}: ${JSON.stringify(found)}, expected ${JSON.stringify(wanted)}`);
		}
		expect(wrong).toEqual([]);
	});

	test('shows the status the RGAA requires without an audit: « non conforme »', () => {
		// No audit by a person has been made (content/site/legal.yaml has none): the schema allows
		// no other status, and the footer must say so.
		expect(legal.accessibility.status).toBe('non-compliant');
		expect(readDist('index.html')).toContain('Accessibilité : non conforme');
		expect(readDist('en/index.html')).toContain('Accessibility: not compliant');
	});

	test('lists the three pages in the sitemap, in both languages', () => {
		// The sitemap needs the site's origin: the sub-path build is made with SITE_URL.
		const sitemap = readSubpath('sitemap-0.xml');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(match) => new URL(match[1]!).pathname
		);
		for (const locale of ['fr', 'en'] as const)
			for (const path of legalPaths)
				expect(locs).toContain(`/international/${locale === 'en' ? 'en/' : ''}${path}`);
	});

	test('indexes the three pages for search in their language, and no page’s legal links', () => {
		const dir = join(distDir, 'pagefind/fragment');
		const fragments = readdirSync(dir).map((name) => {
			const data = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
			const fragment = JSON.parse(data.slice(data.indexOf('{'))) as {
				url: string;
				content: string;
			};
			return { lang: name.split('_')[0], ...fragment };
		});
		for (const locale of ['fr', 'en'] as const)
			for (const path of legalPaths)
				expect(
					fragments.some(
						(fragment) => fragment.lang === locale && fragment.url === localized(locale, path)
					),
					`${locale}: ${path}`
				).toBe(true);
		// The footer is left out of the index (data-pagefind-ignore): no page is found by its links.
		const footerText = (locale: 'fr' | 'en') =>
			strings[locale]['footer.accessibility'].replace(
				'{{status}}',
				accessibilityStatusLabels[legal.accessibility.status][locale]
			);
		const withFooter = fragments.filter((fragment) =>
			fragment.content.includes(footerText(fragment.lang === 'en' ? 'en' : 'fr'))
		);
		expect(withFooter.map((fragment) => fragment.url)).toEqual([]);
	});
});
