import { describe, expect, test } from 'vitest';
import { labelAt } from '../../src/lib/schema-tree';
import { countrySchema } from '../../src/schemas/country';
import { partnerSchema } from '../../src/schemas/partner';
import { presentedPartners } from '../../src/lib/partners';
import { resolveSiteData } from '../../src/lib/resolve';
import { localePath, routes } from '../../src/lib/routes';
import { langs, type Lang } from '../../src/vocab/locales';
import { realContent } from '../fixtures/content';
import { translate } from '../fixtures/translate';
import { htmlPages, readDist } from './dist';
import {
	attributions,
	emergencyNumbers,
	factValue,
	linksIn,
	officeLines,
	partnerLinks,
	statedPartnerCount,
} from './reader-rules';
import { textContent } from './html';

/**
 * The rules of a guide's voice, counted on the built site: readers are sent to the office at
 * most once per page, current rules are stated rather than attributed, every country guide gives
 * its emergency numbers, every partner sheet its city and website, and every count of partners
 * agrees. The counts are pure functions of a page's HTML (`reader-rules.ts`), each shown to fail
 * on a page that breaks its rule in `tests/unit/reader-rules.test.ts`.
 */

const pages = htmlPages();
const site = resolveSiteData(realContent());
const presented = presentedPartners(site.partners);
/** The built file of a page (the tests read the build made for the root, `dist/`). */
const fileOf = (lang: Lang, path: string) => `${localePath(lang, path).slice(1)}index.html`;
const both = <T>(make: (lang: Lang) => T[]) => langs.flatMap(make);

/** Pages sorted by a count, worst first, for failure messages. */
const worst = (counts: Map<string, number>, limit = 10) =>
	[...counts]
		.filter(([, count]) => count > 0)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, limit)
		.map(([page, count]) => `${count} ${page}`);

describe('readers are sent to the office once per page at most', () => {
	test('one "ask the office" box or sentence per page, no more', () => {
		const counts = new Map<string, number>();
		const detail: string[] = [];
		for (const page of pages) {
			const { boxes, prose } = officeLines(readDist(page));
			counts.set(page, boxes + prose.length);
			if (boxes + prose.length > 1)
				detail.push(`${page}: ${boxes} box(es); ${prose.map((line) => `« ${line} »`).join(', ')}`);
		}
		if (detail.length > 0)
			console.log(`Pages sending readers to the office more than once:\n${detail.join('\n')}`);
		expect(worst(counts).filter((line) => Number(line.split(' ')[0]) > 1)).toEqual([]);
		// Every page of the site is parsed: more than the default 5 s on a loaded machine.
	}, 60_000);
});

describe('current rules are stated, not attributed', () => {
	const counts = new Map(pages.map((page) => [page, attributions(readDist(page))]));
	const total = [...counts.values()].reduce((sum, found) => sum + found.length, 0);
	const byCount = new Map([...counts].map(([page, found]) => [page, found.length]));
	console.log(
		`Attributions (Selon, D’après, According to) in main content: ${total} in all; worst pages:\n${worst(byCount).join('\n')}`
	);

	test('at most 80 attributions over the built site', () => {
		expect(total).toBeLessThanOrEqual(80);
	});

	test('at most 4 on any page', () => {
		const over = [...counts]
			.filter(([, found]) => found.length > 4)
			.map(
				([page, found]) =>
					`${page} (${found.length}): ${found.map((text) => `…${text}…`).join(' | ')}`
			);
		expect(over).toEqual([]);
	});
});

describe('public facts are stated', () => {
	test.each(both((lang) => site.countries.map((country) => [lang, country.id] as const)))(
		'the %s country guide %s states its emergency numbers',
		(lang, id) => {
			const html = readDist(fileOf(lang, routes.country(id)));
			expect(emergencyNumbers(html, labelAt(countrySchema, ['emergency'])[lang])).not.toEqual([]);
		}
	);

	test.each(both((lang) => presented.map((partner) => [lang, partner.id] as const)))(
		'the %s sheet of the presented partner %s states its city and links to its website',
		(lang, id) => {
			const html = readDist(fileOf(lang, routes.partner(id)));
			const city = factValue(html, labelAt(partnerSchema, ['city'])[lang]);
			expect(city && textContent(city), 'city').toBeTruthy();
			const website = factValue(html, labelAt(partnerSchema, ['websiteUrl'])[lang]);
			expect(website && linksIn(website).filter((href) => /^https?:\/\//.test(href))).not.toEqual(
				[]
			);
			expect(website).toBeDefined();
		}
	);
});

describe('the partner counts agree everywhere', () => {
	const ids = presented.map((partner) => partner.id).sort();

	test.each(langs)('home page and finder state the same count (%s)', (lang) => {
		expect(statedPartnerCount(readDist(fileOf(lang, routes.home())))).toBe(ids.length);
		const finder = readDist(fileOf(lang, routes.partners()));
		expect(statedPartnerCount(finder)).toBe(ids.length);
		// One map marker per presented partner.
		expect(finder.match(/\sdata-map-marker[\s=>]/g)?.length ?? 0).toBe(ids.length);
	});

	test.each(langs)('the country index sums to the same count (%s)', (lang) => {
		const t = translate(lang);
		const index = readDist(fileOf(lang, routes.countries()));
		// "2 partenaires", never the institutions in contact.
		const one = t('country.partnerCount', { count: 1 }).replace('1', '(\\d+)');
		const many = t('country.partnerCount', { count: 2 }).replace('2', '(\\d+)');
		const sum = [
			...index.matchAll(new RegExp(`>(?:[^<]* · )?(?:${one}|${many})(?: · [^<]*)?<`, 'g')),
		]
			.map((match) => Number(match[1] ?? match[2]))
			.reduce((total, count) => total + count, 0);
		expect(sum).toBe(ids.length);
	});

	test.each(langs)('country pages list the presented partners, once each (%s)', (lang) => {
		const listed: string[] = [];
		const contacts: string[] = [];
		for (const country of site.countries) {
			const html = readDist(fileOf(lang, routes.country(country.id)));
			listed.push(...partnerLinks(html, 'partners'));
			contacts.push(...partnerLinks(html, 'contacts'));
		}
		expect(listed.sort()).toEqual(ids);
		expect(contacts.filter((id) => ids.includes(id))).toEqual([]);
	});

	test.each(langs)('programme pages list only presented partners (%s)', (lang) => {
		for (const programme of site.programmes) {
			const html = readDist(fileOf(lang, routes.programme(programme.id)));
			const listed = partnerLinks(html, 'partners');
			expect(
				listed.filter((id) => !ids.includes(id)),
				programme.id
			).toEqual([]);
			expect(listed.length, programme.id).toBe(presentedPartners(programme.partners).length);
		}
	});
});
