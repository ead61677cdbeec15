/**
 * `npm run bench`: this site against vanilla Starlight at 50, 500 and 2000 partners.
 *
 * For each N it builds, under tests/.tmp/bench/, a copy of this site whose partners are N
 * synthetic ones, and a vanilla Starlight site (same versions, default configuration) holding N
 * plain Markdown pages in each of two locales. It reports build time, time per page, peak memory,
 * pages, output size, HTML bytes of a partner page, the home page and the finder, JavaScript
 * loaded eagerly, the search index and the bytes one query fetches (measured in Chromium), and the
 * finder's filtering time for N partners (main-thread time in Chromium). It also times
 * `check:content` on today's content and with N synthetic partners, and `npm run import:partners`
 * of a workbook of the largest N partners (into files, then again with nothing to change). It
 * prints the tables and writes them to tests/bench/RESULTS.md with the machine, the versions and
 * the date.
 *
 *   npm run bench               # N = 50, 500, 2000
 *   BENCH_SIZES=50,200 npm run bench
 *   BENCH_PARTS=content npm run bench   # only check:content and the import (keeps the build table)
 *
 * Run by Node 24 directly (type stripping), like the rest of tests/bench.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from '@playwright/test';
import { chromiumFlags, findChromium } from '../e2e/servers.mjs';
import {
	build,
	createContent,
	createOurs,
	createVanilla,
	createWorkbook,
	eagerScriptBytes,
	folderBytes,
	files,
	projectRoot,
	sizes,
	timeCommand,
} from './projects.ts';

const sizesToRun = (process.env['BENCH_SIZES'] ?? '50,500,2000').split(',').map(Number);
const parts = (process.env['BENCH_PARTS'] ?? 'builds,content').split(',');
const executablePath = findChromium();

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.yml': 'text/yaml',
};

/** Serves a folder on a loopback port. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
	return new Promise((resolve) => {
		const server = createServer((request, response) => {
			let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
			if (path.endsWith('/')) path += 'index.html';
			const file = join(dir, path);
			if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
				response.writeHead(404).end();
				return;
			}
			response.writeHead(200, {
				'Content-Type': types[extname(file)] ?? 'application/octet-stream',
			});
			response.end(readFileSync(file));
		});
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })
		);
	});
}

/** Measurements a browser makes on a built site. */
interface BrowserMeasures {
	contentJs: number;
	finderJs: number | undefined;
	searchBytes: number;
	filterMs: number | undefined;
}

async function browserMeasures(
	dist: string,
	{
		contentPage,
		finderPage,
		query,
	}: { contentPage: string; finderPage: string | undefined; query: string }
): Promise<BrowserMeasures> {
	const { server, origin } = await serve(dist);
	const browser: Browser = await chromium.launch({
		executablePath,
		args: chromiumFlags,
	});
	try {
		// JavaScript a page fetches until its load event (Pagefind's interface, loaded once the page
		// is idle, is counted apart), plus its inline scripts; gzip -9.
		const scriptBytes = async (path: string) => {
			const page = await browser.newPage();
			const bodies: Promise<number>[] = [];
			let loaded = false;
			page.on('response', (response: Response) => {
				if (!loaded && response.request().resourceType() === 'script') {
					bodies.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
				}
			});
			await page.goto(`${origin}${path}`, { waitUntil: 'load' });
			loaded = true;
			let total = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
			const html = await page.content();
			for (const [, body = ''] of html.matchAll(
				/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g
			)) {
				total += gzipSync(body, { level: 9 }).length;
			}
			await page.close();
			return total;
		};
		const contentJs = await scriptBytes(contentPage);
		const finderJs = finderPage ? await scriptBytes(finderPage) : undefined;

		// Bytes fetched for one search, from opening the dialog to the results.
		const page = await browser.newPage();
		await page.goto(`${origin}${contentPage}`, { waitUntil: 'networkidle' });
		await page
			.locator('#starlight__search .pagefind-ui__search-input')
			.waitFor({ state: 'attached' });
		let searchBytes = 0;
		page.on('response', async (response: Response) => {
			if (response.url().includes('/pagefind/')) searchBytes += (await response.body()).length;
		});
		await page.keyboard.press('Control+k');
		await page.locator('dialog[open] .pagefind-ui__search-input').fill(query);
		await page.locator('dialog[open] li.pagefind-ui__result').first().waitFor();
		await page.waitForLoadState('networkidle');
		await page.close();

		// Main-thread time of one filter change in the finder, layout included (median of 5).
		let filterMs: number | undefined;
		if (finderPage) {
			const finder = await browser.newPage();
			await finder.goto(`${origin}${finderPage}`, { waitUntil: 'networkidle' });
			const timings: number[] = [];
			for (const value of ['study', 'internship', 'double-degree', 'staff', 'study']) {
				timings.push(
					await finder.evaluate((kind: string) => {
						const select = document.querySelector<HTMLSelectElement>('#finder-kind')!;
						const start = performance.now();
						select.value = kind;
						select.dispatchEvent(new Event('change', { bubbles: true }));
						void document.body.offsetHeight;
						return performance.now() - start;
					}, value)
				);
			}
			filterMs = timings.sort((a, b) => a - b)[2];
			await finder.close();
		}
		return { contentJs, finderJs, searchBytes, filterMs };
	} finally {
		await browser.close();
		server.close();
	}
}

/** The web editor's weight: its own script and Decap CMS, from the files and in Chromium. */
interface AdminMeasures {
	/** The admin script (schemas, validation, formats), gzip. */
	script: number;
	/** Decap CMS's main bundle, gzip. */
	decap: number;
	/** Every script Chromium fetched until the login button shows, gzip. */
	fetched: number;
	/** Time until the login button shows. */
	loginMs: number;
}

async function adminMeasures(dist: string): Promise<AdminMeasures> {
	const html = readFileSync(join(dist, 'admin/index.html'), 'utf8');
	const script = /<script src="(editeur-[^"]+\.js)"/.exec(html)?.[1];
	if (!script) throw new Error('no admin script in admin/index.html');
	const { server, origin } = await serve(dist);
	const browser = await chromium.launch({ executablePath, args: chromiumFlags });
	try {
		const page = await browser.newPage();
		const bodies: Promise<number>[] = [];
		page.on('response', (response: Response) => {
			if (response.request().resourceType() === 'script')
				bodies.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
		});
		const started = performance.now();
		await page.goto(`${origin}/admin/`);
		await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 60_000 });
		const loginMs = performance.now() - started;
		const fetched = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
		return {
			script: sizes(join(dist, 'admin', script)).gzip,
			decap: sizes(join(dist, 'admin/decap/decap-cms.js')).gzip,
			fetched,
			loginMs,
		};
	} finally {
		await browser.close();
		server.close();
	}
}

const kb = (bytes: number | undefined) =>
	bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
interface Row {
	kind: 'ours' | 'vanilla';
	count: number;
	seconds: number;
	perPageMs: number;
	peakRssMiB: number;
	pages: number;
	outputBytes: number;
	partner: { raw: number; gzip: number };
	home: { raw: number; gzip: number };
	finder: { raw: number; gzip: number } | undefined;
	contentEagerJs: number;
	contentEagerJsStatic: number;
	finderEagerJs: number | undefined;
	pagefindBytes: number;
	queryBytes: number;
	filterMs: number | undefined;
}
const results: Row[] = [];
/** The folder of each build of this site, by number of partners. */
const oursDirs = new Map<number, string>();

// `BENCH_ADMIN=dist npm run bench`: only the web editor's weight, on an existing build.
if (process.env['BENCH_ADMIN']) {
	const admin = await adminMeasures(join(projectRoot, process.env['BENCH_ADMIN']));
	console.log(adminReport(admin));
	process.exit(0);
}

/** The installed version of a package. */
function version(name: string): string {
	return JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8'))
		.version;
}

/** The web editor's section of the report. */
function adminReport(admin: AdminMeasures): string {
	return `## Web editor (/admin/)

Not a page readers load: the office's editor (Decap CMS ${version('decap-cms')}), served from the site itself.

| Measure | Figure |
| --- | --- |
| Admin script (schemas, checks, formats), gzip | ${kb(admin.script)} |
| Decap CMS main bundle (decap-cms.js), gzip | ${kb(admin.decap)} |
| JavaScript fetched until the login button (Chromium), gzip | ${kb(admin.fetched)} |
| Time to the login button (Chromium, local server) | ${(admin.loginMs / 1000).toFixed(1)} s |
`;
}

for (const count of parts.includes('builds') ? sizesToRun : []) {
	for (const kind of ['ours', 'vanilla'] as const) {
		const dir = kind === 'ours' ? createOurs(count) : createVanilla(count);
		if (kind === 'ours') oursDirs.set(count, dir);
		process.stdout.write(`${kind} N=${count}: building… `);
		const result = await build(dir);
		if (!result.ok) {
			console.error(result.output.slice(-3000));
			throw new Error(`${kind} build failed at N=${count}`);
		}
		const dist = join(dir, 'dist');
		const pages = files(dist).filter((file) => file.endsWith('.html')).length;
		const partnerPage = 'partenaires/test-partner-0001/index.html';
		const measures = await browserMeasures(dist, {
			contentPage: `/${partnerPage.replace('index.html', '')}`,
			finderPage: kind === 'ours' ? '/partenaires/' : undefined,
			query: 'Test University 17',
		});
		const row: Row = {
			kind,
			count,
			seconds: result.seconds,
			perPageMs: (result.seconds * 1000) / pages,
			peakRssMiB: result.peakRssMiB,
			pages,
			outputBytes: folderBytes(dist),
			partner: sizes(join(dist, partnerPage)),
			home: sizes(join(dist, 'index.html')),
			finder: kind === 'ours' ? sizes(join(dist, 'partenaires/index.html')) : undefined,
			contentEagerJs: measures.contentJs,
			contentEagerJsStatic: eagerScriptBytes(dist, partnerPage),
			finderEagerJs: measures.finderJs,
			pagefindBytes: folderBytes(join(dist, 'pagefind')),
			queryBytes: measures.searchBytes,
			filterMs: measures.filterMs,
		};
		results.push(row);
		console.log(
			`${result.seconds.toFixed(1)} s, ${pages} pages, ${result.peakRssMiB.toFixed(0)} MiB peak`
		);
	}
}

// check:content and the import: wall time of the commands, Node's start included.
const contentRows: [string, string, string][] = [];
// Other work on the machine stretches wall times: say how busy it was.
const loadBefore = loadavg()[0]!;
if (parts.includes('content')) {
	const check = async (label: string, root: string) => {
		process.stdout.write(`check:content, ${label}… `);
		const result = await timeCommand('src/scripts/check-content.ts', [], root);
		if (!result.ok) throw new Error(`check:content failed (${label}):\n${result.output}`);
		const partners = readdirSync(join(root, 'content/partners')).length;
		console.log(`${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s)`);
		contentRows.push([
			`\`check:content\`, ${label} (${partners} partner files)`,
			`${result.seconds.toFixed(2)} s`,
			`${result.cpuSeconds.toFixed(2)} s`,
		]);
	};
	await check('today’s content', projectRoot);
	for (const count of sizesToRun) await check(`N=${count}`, createContent(count));
	const count = Math.max(...sizesToRun);
	const workbook = await createWorkbook(count);
	const target = createContent(0, `import-${count}`);
	for (const label of ['new files', 'again, nothing to change']) {
		process.stdout.write(`import:partners, ${count} rows, ${label}… `);
		const result = await timeCommand('src/scripts/import-partners.ts', [workbook], target);
		if (!result.ok) throw new Error(`import failed:\n${result.output.slice(0, 3000)}`);
		console.log(`${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s)`);
		contentRows.push([
			`\`import:partners\` of a ${count}-partner workbook, ${label}`,
			`${result.seconds.toFixed(2)} s`,
			`${result.cpuSeconds.toFixed(2)} s`,
		]);
	}
}
const contentSection = `## Content check and import

Wall time of the commands as the office runs them (Node's start included), on the content alone
(no build), and the CPU time they used (what they cost on a busy machine):
\`npm run check:content\` on today's content and with N synthetic partners added, and
\`npm run import:partners\` of a workbook of synthetic partners, first creating their files, then
a second time with nothing to change. Goals: check:content under 3 s today and under
10 s at 2000 partners. Measured on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC,
on ${cpus().length} cores with a load average of ${loadBefore.toFixed(1)} when it started.

| Measure | Wall time | CPU time (user + system) |
| --- | --- | --- |
${contentRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}
`;

if (!parts.includes('builds')) {
	// Only the content part ran: keep the build tables of the last full run.
	const file = join(projectRoot, 'tests/bench/RESULTS.md');
	const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
	const kept = previous.replace(/\n## Content check and import\n[\s\S]*$/, '\n').trimEnd();
	const report = `${kept}\n\n${contentSection}`;
	writeFileSync(file, report);
	console.log(`\n${contentSection}`);
	process.exit(0);
}

// The web editor does not depend on the number of partners: measured on the smallest build.
const admin = await adminMeasures(join(oursDirs.get(Math.min(...sizesToRun))!, 'dist'));

// Table: one row per measure, ours and vanilla side by side for each N.
const find = (kind: Row['kind'], count: number): Row =>
	results.find((row) => row.kind === kind && row.count === count)!;
const measures: [string, (row: Row) => string][] = [
	['Build wall time', (row) => `${row.seconds.toFixed(1)} s`],
	['Build time per page', (row) => `${row.perPageMs.toFixed(1)} ms`],
	['Peak memory (RSS)', (row) => `${row.peakRssMiB.toFixed(0)} MiB`],
	['Pages (HTML files)', (row) => String(row.pages)],
	['Total output size', (row) => `${(row.outputBytes / 1048576).toFixed(1)} MB`],
	['Partner page HTML, raw / gzip', (row) => `${kb(row.partner.raw)} / ${kb(row.partner.gzip)}`],
	['Home page HTML, raw / gzip', (row) => `${kb(row.home.raw)} / ${kb(row.home.gzip)}`],
	[
		'Finder page HTML, raw / gzip',
		(row) => (row.finder ? `${kb(row.finder.raw)} / ${kb(row.finder.gzip)}` : '—'),
	],
	['Eager JS, content page (gzip, Chromium, until load)', (row) => kb(row.contentEagerJs)],
	['Eager JS, content page (gzip, from files)', (row) => kb(row.contentEagerJsStatic)],
	['Eager JS, finder page (gzip, Chromium, until load)', (row) => kb(row.finderEagerJs)],
	['Pagefind index size', (row) => `${(row.pagefindBytes / 1048576).toFixed(2)} MB`],
	['Bytes fetched for one query', (row) => kb(row.queryBytes)],
	[
		'Finder: one filter change (main thread)',
		(row) => (row.filterMs === undefined ? '—' : `${row.filterMs.toFixed(1)} ms`),
	],
];
const header = `| Measure | ${sizesToRun.map((count) => `N=${count} ours | N=${count} vanilla`).join(' | ')} |`;
const separator = `| --- | ${sizesToRun.map(() => '--- | ---').join(' | ')} |`;
const lines = measures.map(
	([label, format]) =>
		`| ${label} | ${sizesToRun.map((count) => `${format(find('ours', count))} | ${format(find('vanilla', count))}`).join(' | ')} |`
);
lines.push(
	`| Build time ratio ours / vanilla | ${sizesToRun.map((count) => `${(find('ours', count).seconds / find('vanilla', count).seconds).toFixed(2)} (per page ${(find('ours', count).perPageMs / find('vanilla', count).perPageMs).toFixed(2)}) | `).join(' | ')} |`
);

// Budgets.
const smallest = Math.min(...sizesToRun);
const largest = Math.max(...sizesToRun);
const big = find('ours', largest);
const small = find('ours', smallest);
const budgets: [string, boolean, string][] = [
	[
		`Partner page HTML at N=${largest} ≤ 1.05 × N=${smallest}`,
		big.partner.raw <= 1.05 * small.partner.raw,
		`${kb(big.partner.raw)} vs ${kb(small.partner.raw)} (×${(big.partner.raw / small.partner.raw).toFixed(3)})`,
	],
	[
		'Eager JS of a content page ≤ vanilla + 2 KB gzip',
		big.contentEagerJs <= find('vanilla', largest).contentEagerJs + 2048,
		`${kb(big.contentEagerJs)} vs ${kb(find('vanilla', largest).contentEagerJs)}`,
	],
	[
		`Finder page at N=${largest}: HTML + data ≤ 150 KB gzip`,
		(big.finder?.gzip ?? Infinity) <= 150 * 1024,
		kb(big.finder?.gzip),
	],
	[
		`Finder: filtering ${largest} partners < 50 ms main thread`,
		(big.filterMs ?? Infinity) < 50,
		`${big.filterMs?.toFixed(1)} ms`,
	],
	[
		`Build time per page at N=${largest} ≤ 1.3 × vanilla`,
		big.perPageMs <= 1.3 * find('vanilla', largest).perPageMs,
		`${big.perPageMs.toFixed(1)} ms vs ${find('vanilla', largest).perPageMs.toFixed(1)} ms (×${(big.perPageMs / find('vanilla', largest).perPageMs).toFixed(2)})`,
	],
	[`Peak RSS at N=${largest} ≤ 1.5 GB`, big.peakRssMiB <= 1536, `${big.peakRssMiB.toFixed(0)} MiB`],
];

const chromiumVersion = execSync(`${executablePath} --version 2>/dev/null || true`)
	.toString()
	.trim();
const report = `# Benchmark results

Written by \`npm run bench\` (tests/bench/bench.mjs); every figure below comes from its last run.

- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC
- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1073741824).toFixed(0)} GiB
- Versions: Node ${process.version}, Astro ${version('astro')}, Starlight ${version('@astrojs/starlight')}, Pagefind ${version('pagefind')}, ${chromiumVersion}
- "ours": this site with N synthetic partners (tests/fixtures/synthetic-partners.ts) added to its real content (7 partners, 20 countries, programmes, guides).
  "vanilla": Starlight's default configuration with N plain Markdown pages in each of two locales.
- Eager JS: scripts Chromium fetches until the page's load event, plus inline scripts, gzip -9 (Pagefind's interface, loaded once the page is idle, is left out for both sites).
  The "from files" row counts the page's scripts and their static imports in the build.

${header}
${separator}
${lines.join('\n')}

## Budgets

| Budget | Holds | Figure |
| --- | --- | --- |
${budgets.map(([label, holds, figure]) => `| ${label} | ${holds ? 'yes' : '**no**'} | ${figure} |`).join('\n')}
${parts.includes('content') ? `\n${contentSection}` : ''}

${adminReport(admin)}`;
writeFileSync(join(projectRoot, 'tests/bench/RESULTS.md'), report);
console.log(`\n${report}`);
