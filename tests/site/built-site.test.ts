import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { collection, dataCollections, type DataCollectionName } from '../../src/lib/collections';
import { entrySheets, partnerSheets } from '../../src/lib/exporters/workbook';
import { dataFiles, fileHref, localePath, routes } from '../../src/lib/routes';
import { formatImportProblem, importPartners } from '../../src/loaders/import-partners';
import { langs } from '../../src/vocab/locales';
import { contentIds, root } from '../fixtures/content';
import {
	attributeValues,
	basePath,
	distDir,
	distFiles,
	editorFolder,
	fileForPath,
	htmlPages,
	readDist,
	readSubpath,
} from './dist';

const files = new Set(distFiles());
const pages = htmlPages();
const withBase = (lang: (typeof langs)[number], path: string) =>
	`${basePath}${localePath(lang, path).slice(1)}`;
const langOf = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

describe('the built site', () => {
	test('has both locales: French at the root, English under /en/', () => {
		expect(langOf(readDist('index.html'))).toBe('fr');
		expect(langOf(readDist('en/index.html'))).toBe('en');
	});

	test('gives every page the lang of its locale', () => {
		const wrong = pages.filter(
			(page) => langOf(readDist(page)) !== (page.startsWith('en/') ? 'en' : 'fr')
		);
		expect(wrong).toEqual([]);
	});

	test('sends readers no HTML comment: the developers’ notes stay in the source', () => {
		const commented = pages.filter((page) => readDist(page).includes('<!--'));
		expect(pages.length).toBeGreaterThan(100);
		expect(commented).toEqual([]);
	});

	test('has an English twin for every French page, and the reverse', () => {
		// Error pages differ by design: /404.html serves every French path, /en/404/ the English ones.
		const french = pages.filter((page) => !page.startsWith('en/') && page !== '404.html');
		const english = pages
			.filter((page) => page.startsWith('en/') && page !== 'en/404/index.html')
			.map((page) => page.slice('en/'.length));
		expect(french.length).toBeGreaterThan(10);
		expect(english).toEqual(french);
		expect(files.has('404.html') && files.has('en/404/index.html')).toBe(true);
	});

	test.each(dataCollections.filter((collection) => collection.page).map(({ name }) => name))(
		'turns every file of content/%s into a page in each language',
		(name) => {
			const page = collection(name)!.page!;
			const ids = contentIds(name as DataCollectionName);
			expect(ids.length).toBeGreaterThan(0);
			for (const id of ids) {
				for (const lang of langs) {
					const file = `${localePath(lang, page(id)).slice(1)}index.html`;
					expect(files.has(file), file).toBe(true);
				}
			}
		}
	);

	test('gives every page a title and a description', () => {
		const missing = pages.filter((page) => {
			const html = readDist(page);
			return (
				!/<title>[^<]+<\/title>/.test(html) ||
				!/<meta name="description" content="[^"]+"/.test(html)
			);
		});
		expect(missing).toEqual([]);
	});

	test('has no broken internal link, asset or anchor', () => {
		const broken: string[] = [];
		const idsByFile = new Map<string, Set<string>>();
		const ids = (file: string) => {
			if (!idsByFile.has(file)) idsByFile.set(file, new Set(attributeValues(readDist(file), 'id')));
			return idsByFile.get(file)!;
		};
		for (const page of pages) {
			const html = readDist(page);
			const pageUrl = new URL(`http://site${basePath}${page.replace(/index\.html$/, '')}`);
			for (const value of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
				if (/^(mailto:|tel:|data:|javascript:)/.test(value)) continue;
				const url = new URL(value, pageUrl);
				if (url.origin !== 'http://site') continue;
				const target = fileForPath(url.pathname, files);
				if (!target) {
					broken.push(`${page} → ${value}`);
					continue;
				}
				const hash = decodeURIComponent(url.hash.slice(1));
				if (hash && hash !== '_top' && target.endsWith('.html') && !ids(target).has(hash))
					broken.push(`${page} → ${value} (no #${hash})`);
			}
		}
		expect(broken).toEqual([]);
	});

	test('loads nothing from another origin: no fonts, CDN, analytics or embeds', () => {
		const external: string[] = [];
		for (const page of pages) {
			const html = readDist(page);
			const loaded = [
				...[
					...html.matchAll(
						/<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\ssrc="([^"]+)"/g
					),
				].map((match) => match[1]!),
				...[...html.matchAll(/<link\b[^>]*\shref="([^"]+)"[^>]*>/g)]
					.filter((match) =>
						/rel="(?:stylesheet|preload|modulepreload|icon|prefetch|preconnect|dns-prefetch)"/.test(
							match[0]
						)
					)
					.map((match) => match[1]!),
			];
			for (const url of loaded) if (/^(https?:)?\/\//.test(url)) external.push(`${page}: ${url}`);
		}
		expect(external).toEqual([]);
	});

	test('builds a search index for each language', () => {
		const entry = JSON.parse(readDist('pagefind/pagefind-entry.json')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages).sort()).toEqual(['en', 'fr']);
		expect(entry.languages['en']!.page_count).toBe(entry.languages['fr']!.page_count);
	});

	test('publishes the open data of every partner', () => {
		const ids = contentIds('partners').sort();
		const dataset = JSON.parse(readDist('data/partners.json')) as {
			version: string;
			partners: { id: string }[];
		};
		expect(dataset.partners.map((partner) => partner.id).sort()).toEqual(ids);
		for (const id of ids) {
			expect(files.has(`data/partners/${id}.json`), id).toBe(true);
			expect(files.has(`data/partners/${id}.ics`), id).toBe(true);
		}
		for (const file of [
			'data/partners.csv',
			'data/partners.xlsx',
			'data/partners.schema.json',
			'data/deadlines.ics',
			'data/factsheet.json',
		])
			expect(files.has(file), file).toBe(true);
	});

	test('with SITE_URL, lists both locales in the sitemap and gives absolute links the origin', () => {
		const sitemap = readSubpath('sitemap-0.xml');
		expect(sitemap).toMatch(
			/<loc>https:\/\/intranet\.example\.org\/international\/en\/partenaires\/<\/loc>/
		);
		expect(sitemap).toMatch(
			/<loc>https:\/\/intranet\.example\.org\/international\/partenaires\/<\/loc>/
		);
		const page = readSubpath('en/partenaires/index.html');
		expect(page).toContain(
			'<link rel="canonical" href="https://intranet.example.org/international/en/partenaires/"'
		);
		expect(page).toMatch(
			/hreflang="fr"[^>]*href="https:\/\/intranet\.example\.org\/international\/partenaires\/"|href="https:\/\/intranet\.example\.org\/international\/partenaires\/"[^>]*hreflang="fr"/
		);
	});

	test('shows readers no research note: unknowns are said calmly, once, with whom to ask', () => {
		const notes =
			/n[’']a pas été (?:consulté|vérifié)|sources publiques consultées|nos sources ne|our sources do not|sources disagree|not been (?:consulted|checked)|à confirmer|to be confirmed/i;
		const found = pages.flatMap((page) => {
			// Visible text only: tags, scripts and styles removed.
			const text = readDist(page)
				.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
				.replace(/<[^>]+>/g, ' ');
			const match = notes.exec(text);
			return match
				? [
						`${page}: “${text.slice(Math.max(0, match.index - 40), match.index + 60).replace(/\s+/g, ' ')}”`,
					]
				: [];
		});
		expect(found).toEqual([]);
	});

	test('without SITE_URL, never points to localhost nor to any origin it does not know', () => {
		expect(files.has('sitemap-index.xml')).toBe(false);
		// The editor's area names the local backend of `npm run edit` on purpose (editor.test.ts).
		const wrong = distFiles()
			.filter((file) => !file.startsWith(editorFolder))
			.filter((file) => /\.(html|json|xml|ics|csv|txt)$/.test(file))
			.filter((file) => /localhost|127\.0\.0\.1/.test(readDist(file)));
		expect(wrong).toEqual([]);
		for (const page of pages) {
			const html = readDist(page);
			expect(html, page).not.toMatch(/<link rel="canonical"|hreflang=|property="og:url"/);
		}
	});
});

describe('the partner workbook', () => {
	test('opens with exceljs and holds every partner, its lists and the read-me', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			new Uint8Array(readFileSync(join(distDir, 'data/partners.xlsx'))).buffer
		);
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names.slice(0, 3)).toEqual(['Lisez-moi', 'partners', 'agreements']);
		// The partner sheets, then the recognised courses and the returnee reports.
		expect(names).toEqual([
			'Lisez-moi',
			...[...partnerSheets(), ...entrySheets()].map((sheet) => sheet.name),
		]);
		const column = (sheet: string, header: string) => {
			const worksheet = workbook.getWorksheet(sheet)!;
			const index = (worksheet.getRow(1).values as unknown[]).indexOf(header);
			expect(index, `${sheet} › ${header}`).toBeGreaterThan(0);
			const values: unknown[] = [];
			worksheet.eachRow((row, number) => {
				if (number > 1) values.push(row.getCell(index).value);
			});
			return values;
		};
		expect(column('partners', 'id').sort()).toEqual(contentIds('partners').sort());
		// Every agreement of the published data has its row, tied to its partner.
		const dataset = JSON.parse(readDist('data/partners.json')) as {
			partners: { id: string; agreements: unknown[] }[];
		};
		expect(column('agreements', 'id').sort()).toEqual(
			dataset.partners.flatMap((partner) => partner.agreements.map(() => partner.id)).sort()
		);
		// The read-me explains every column of every sheet.
		const explained = new Set<string>();
		workbook.getWorksheet('Lisez-moi')!.eachRow((row) => {
			explained.add(`${String(row.getCell(1).value)} › ${String(row.getCell(2).value)}`);
		});
		for (const sheet of partnerSheets())
			for (const { header } of sheet.columns)
				expect(explained.has(`${sheet.name} › ${header}`), `${sheet.name} › ${header}`).toBe(true);
	});

	test('imported back into the project as it is, would change no file', async () => {
		const result = await importPartners(join(distDir, 'data/partners.xlsx'), {
			root: fileURLToPath(root),
			dryRun: true,
		});
		expect(result.problems.map((problem) => formatImportProblem(problem, 'en'))).toEqual([]);
		expect(result.created).toEqual([]);
		expect(result.updated).toEqual([]);
		expect(result.unchanged.sort()).toEqual(contentIds('partners').sort());
	});

	test('is listed on the open-data page in both languages, and the finder leads there', () => {
		const href = fileHref(dataFiles.partnersXlsx(), basePath);
		for (const lang of langs) {
			const openData = readDist(fileForPath(withBase(lang, routes.openData()), files)!);
			expect(attributeValues(openData, 'href'), lang).toContain(href);
			const finder = readDist(fileForPath(withBase(lang, routes.partners()), files)!);
			expect(attributeValues(finder, 'href'), lang).toContain(withBase(lang, routes.openData()));
		}
	});
});
