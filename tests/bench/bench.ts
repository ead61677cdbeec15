/**
 * `npm run bench`: this site against vanilla Starlight at 50, 500 and 2000 partners.
 *
 * For each N it builds, under tests/.tmp/bench/, a copy of this site whose partners are N
 * synthetic ones, and a vanilla Starlight site (same versions, default configuration) holding N
 * plain Markdown pages in each of two locales. It reports build time, time per page, peak memory,
 * pages, output size, HTML bytes of a partner page, the home page and the finder, JavaScript
 * loaded eagerly, the search index and the bytes one query fetches (measured in Chromium), and the
 * finder's filtering time for N partners (in Chromium: main-thread time, and the time from the
 * change to the next painted frame). It also times
 * `check:content` on today's content and with N synthetic partners, and `npm run import:partners`
 * of a workbook of the largest N partners (into files, then again with nothing to change). The
 * `editor` part times `npm run edit` in a temporary git clone until the login button of /admin/
 * shows in Chromium, weighs the JavaScript /admin/ loads and times a dry-run import of a
 * 2000-partner workbook. It prints the tables and writes them to tests/bench/RESULTS.md with the
 * machine, the versions and the date.
 *
 *   npm run bench               # N = 50, 500, 2000
 *   BENCH_SIZES=50,200 npm run bench
 *   BENCH_PARTS=content npm run bench   # only check:content and the import (keeps the build table)
 *   BENCH_PARTS=editor npm run bench    # only npm run edit (keeps the other tables)
 *   BENCH_PARTS=finder BENCH_SIZES=2000 npm run bench   # only the finder, on this site's build
 *
 * Run by Node 24 directly (type stripping), like the rest of tests/bench.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from '@playwright/test';
import { freePort, gitProject } from '../e2e/editor-servers.ts';
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
const parts = (process.env['BENCH_PARTS'] ?? 'builds,content,editor').split(',');
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
	frameMs: number | undefined;
}

/** Runs of each finder measure; the median is reported. */
const finderRuns = 9;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * One filter change in the finder (the mobility kind, cycling through its values), median of
 * `finderRuns`: the main-thread time of the change handler with style and layout forced, and the
 * time from the change to the next painted frame (the frame's callbacks, style, layout and paint
 * done: a task posted from its requestAnimationFrame callback runs after them).
 */
async function finderMeasures(
	browser: Browser,
	url: string
): Promise<{ filterMs: number; frameMs: number }> {
	const finder = await browser.newPage();
	await finder.goto(url, { waitUntil: 'networkidle' });
	const kinds = ['study', 'internship', 'double-degree', 'staff'];
	const measure = (kind: string, frame: boolean) =>
		finder.evaluate(
			async ([kind, frame]) => {
				// Start between two frames, as a reader's input would.
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
				const select = document.querySelector<HTMLSelectElement>('#finder-kind')!;
				const start = performance.now();
				select.value = kind as string;
				select.dispatchEvent(new Event('change', { bubbles: true }));
				if (!frame) {
					void document.body.offsetHeight;
					return performance.now() - start;
				}
				await new Promise<void>((resolve) =>
					requestAnimationFrame(() => {
						const channel = new MessageChannel();
						channel.port1.onmessage = () => resolve();
						channel.port2.postMessage(undefined);
					})
				);
				return performance.now() - start;
			},
			[kind, frame] as const
		);
	const filter: number[] = [];
	const frame: number[] = [];
	// Each change moves to the next kind, alternating the two measures.
	for (let run = 0; run < 2 * finderRuns; run++) {
		const kind = kinds[run % kinds.length]!;
		if (run % 2 === 0) filter.push(await measure(kind, false));
		else frame.push(await measure(kind, true));
	}
	await finder.close();
	return { filterMs: median(filter), frameMs: median(frame) };
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
		// Each response's body, awaited before the page closes (a listener that adds as bodies
		// arrive would miss those still on their way).
		const searchBodies: Promise<number>[] = [];
		page.on('response', (response: Response) => {
			if (response.url().includes('/pagefind/'))
				searchBodies.push(response.body().then((body) => body.length));
		});
		await page.keyboard.press('Control+k');
		await page.locator('dialog[open] .pagefind-ui__search-input').fill(query);
		await page.locator('dialog[open] li.pagefind-ui__result').first().waitFor();
		await page.waitForLoadState('networkidle');
		const searchBytes = (await Promise.all(searchBodies)).reduce((sum, size) => sum + size, 0);
		await page.close();

		const { filterMs, frameMs } = finderPage
			? await finderMeasures(browser, `${origin}${finderPage}`)
			: { filterMs: undefined, frameMs: undefined };
		return { contentJs, finderJs, searchBytes, filterMs, frameMs };
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
	frameMs: number | undefined;
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
			frameMs: measures.frameMs,
		};
		results.push(row);
		console.log(
			`${result.seconds.toFixed(1)} s, ${pages} pages, ${result.peakRssMiB.toFixed(0)} MiB peak`
		);
	}
}

// `BENCH_PARTS=finder`: the finder alone, on this site's build at each N (no vanilla build); its
// section of RESULTS.md is replaced, the rest kept.
if (parts.includes('finder') && !parts.includes('builds')) {
	const finderRows: string[] = [];
	for (const count of sizesToRun) {
		const dir = createOurs(count);
		process.stdout.write(`ours N=${count}: building… `);
		const result = await build(dir);
		if (!result.ok) {
			console.error(result.output.slice(-3000));
			throw new Error(`build failed at N=${count}`);
		}
		console.log(`${result.seconds.toFixed(1)} s`);
		const { server, origin } = await serve(join(dir, 'dist'));
		const browser = await chromium.launch({ executablePath, args: chromiumFlags });
		try {
			const load = loadavg()[0]!;
			const { filterMs, frameMs } = await finderMeasures(browser, `${origin}/partenaires/`);
			console.log(
				`finder N=${count}: ${filterMs.toFixed(1)} ms, ${frameMs.toFixed(1)} ms to the frame`
			);
			finderRows.push(
				`| ${count} | ${filterMs.toFixed(1)} ms | ${frameMs.toFixed(1)} ms | ${load.toFixed(1)} |`
			);
		} finally {
			await browser.close();
			server.close();
		}
	}
	const section = `## Finder filter change

One change of the mobility filter on the finder page (\`BENCH_PARTS=finder\`), in Chromium, median
of ${finderRuns} changes: main-thread time of the change with style and layout forced, and time from
the change to the next painted frame (its style, layout and paint done). Budget: 50 ms to the
frame at 2000 partners on an idle machine. Measured on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, on ${cpus().length} cores.

| Partners | Main thread | To the next painted frame | Load average (1 min) |
| --- | --- | --- | --- |
${finderRows.join('\n')}
`;
	const file = join(projectRoot, 'tests/bench/RESULTS.md');
	const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
	const old = /\n## Finder filter change\n[\s\S]*?(?=\n## |$)/;
	const next = /\n(?=## (Content check and import|Web editor)\b)/;
	writeFileSync(
		file,
		old.test(previous)
			? previous.replace(old, `\n${section}`)
			: next.test(previous)
				? previous.replace(next, `\n${section}\n`)
				: `${previous.trimEnd()}\n\n${section}`
	);
	console.log(`\n${section}`);
	if (!parts.includes('content') && !parts.includes('editor')) process.exit(0);
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

// `npm run edit` as the office starts it: wall times on a fresh clone, what /admin/
// loads, and a dry-run import.
const editorTitle = '## Editing on this machine (`npm run edit`)';
const editorRows: [string, string][] = [];
const editorUptime = execSync('uptime').toString().trim();
if (parts.includes('editor')) {
	const project = gitProject('bench-editor');
	const [sitePort, backendPort] = [await freePort(), await freePort()];
	// The office's browser is already open: Chromium's own start is not counted.
	const browser = await chromium.launch({ executablePath, args: chromiumFlags });
	process.stdout.write('npm run edit, to the login button… ');
	const started = performance.now();
	const edit = spawn('npm', ['run', 'edit'], {
		cwd: project.root,
		// Its own process group: npm, the script, the backend and Astro stop together.
		detached: true,
		env: {
			...process.env,
			LANG: 'C.UTF-8',
			LC_ALL: '',
			LC_MESSAGES: '',
			NO_COLOR: '1',
			EDIT_PORT: String(sitePort),
			EDIT_BACKEND_PORT: String(backendPort),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise((resolve) => edit.once('exit', resolve));
	try {
		const address = await new Promise<string>((resolve, reject) => {
			let output = '';
			const timer = setTimeout(() => reject(new Error(`no address:\n${output}`)), 180_000);
			const listen = (chunk: Buffer) => {
				output += chunk.toString();
				const found = /Éditeur du site : (\S+)/.exec(output);
				if (found) {
					clearTimeout(timer);
					resolve(found[1]!);
				}
			};
			edit.stdout.on('data', listen);
			edit.stderr.on('data', listen);
			edit.once('exit', (code) =>
				reject(new Error(`npm run edit exited with ${code}:\n${output}`))
			);
		});
		const addressSeconds = (performance.now() - started) / 1000;
		const page = await browser.newPage();
		const scripts: Promise<{ path: string; gzip: number }>[] = [];
		page.on('response', (response: Response) => {
			const path = new URL(response.url()).pathname;
			if (response.request().resourceType() === 'script' && path.startsWith('/admin/'))
				scripts.push(
					response.body().then((body) => ({ path, gzip: gzipSync(body, { level: 9 }).length }))
				);
		});
		await page.goto(address);
		await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 180_000 });
		const loginSeconds = (performance.now() - started) / 1000;
		const fetched = await Promise.all(scripts);
		const sum = (test: (path: string) => boolean) =>
			fetched.filter(({ path }) => test(path)).reduce((total, { gzip }) => total + gzip, 0);
		const ours = sum((path) => /^\/admin\/editeur-[^/]+\.js$/.test(path));
		const decap = sum((path) => path.startsWith('/admin/decap/'));
		console.log(`${loginSeconds.toFixed(1)} s`);
		editorRows.push(
			['`npm run edit` to the editor’s address printed', `${addressSeconds.toFixed(1)} s`],
			['`npm run edit` to the login button of /admin/ (Chromium)', `${loginSeconds.toFixed(1)} s`],
			['JavaScript /admin/ loads, gzip -9, total', kb(sum(() => true))],
			['of which Decap CMS (admin/decap/)', kb(decap)],
			['of which our admin script (admin/editeur-….js)', kb(ours)],
			[
				'Scripts /admin/ loads',
				fetched.map(({ path }) => `\`${path.replace(/-[0-9a-f]{10}\.js$/, '-….js')}\``).join(', '),
			]
		);
	} finally {
		await browser.close();
		if (edit.exitCode === null && edit.pid) process.kill(-edit.pid, 'SIGTERM');
		await exited;
		rmSync(project.root, { recursive: true, force: true });
	}
	const rows = 2000;
	const workbook = await createWorkbook(rows);
	const target = createContent(0, 'import-dry-run');
	const before = readdirSync(join(target, 'content/partners')).length;
	process.stdout.write(`import:partners --dry-run, ${rows} rows… `);
	const result = await timeCommand(
		'src/scripts/import-partners.ts',
		[workbook, '--dry-run'],
		target
	);
	if (!result.ok) throw new Error(`dry-run import failed:\n${result.output.slice(0, 3000)}`);
	if (readdirSync(join(target, 'content/partners')).length !== before)
		throw new Error('the dry-run import wrote files');
	console.log(`${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s)`);
	editorRows.push([
		`\`import:partners --dry-run\` of a ${rows}-partner workbook (made by the site's exporter)`,
		`${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU`,
	]);
}
const editorSection = `${editorTitle}

What the office waits for on its own machine: \`npm run edit\` started in a fresh git clone of the
site (under tests/.tmp, no cache), until it prints the editor's address and until the login
button of /admin/ shows in Chromium (already open); the JavaScript /admin/ loads (the files of
dist/admin/ the development server serves, the same as the build's), gzip -9; and a dry-run
import of a workbook of synthetic partners (tests/fixtures/synthetic-partners.ts), checked and
nothing written. Measured on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, on ${cpus().length} cores;
\`uptime\` when it started: \`${editorUptime}\`.

| Measure | Figure |
| --- | --- |
${editorRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}
`;

/** A report with one section (from its title to the next `## `) replaced, or added at the end. */
function withSection(text: string, title: string, section: string): string {
	const start = text.indexOf(`\n${title}\n`);
	if (start === -1) return `${text.trimEnd()}\n\n${section}`;
	const next = text.indexOf('\n## ', start + 1);
	const rest = next === -1 ? '' : `\n${text.slice(next + 1)}`;
	return `${text.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${rest}`;
}

if (!parts.includes('builds')) {
	// Only some parts ran: replace their sections, keep the others of the last runs.
	const file = join(projectRoot, 'tests/bench/RESULTS.md');
	let report = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
	if (parts.includes('content'))
		report = withSection(report, '## Content check and import', contentSection);
	if (parts.includes('editor')) report = withSection(report, editorTitle, editorSection);
	writeFileSync(file, report);
	if (parts.includes('content')) console.log(`\n${contentSection}`);
	if (parts.includes('editor')) console.log(`\n${editorSection}`);
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
	[
		'Finder: one filter change to the next painted frame',
		(row) => (row.frameMs === undefined ? '—' : `${row.frameMs.toFixed(1)} ms`),
	],
];
const header = `| Measure | ${sizesToRun.map((count) => `N=${count} ours | N=${count} vanilla`).join(' | ')} |`;
const separator = `| --- | ${sizesToRun.map(() => '--- | ---').join(' | ')} |`;
const lines = measures.map(
	([label, format]) =>
		`| ${label} | ${sizesToRun.map((count) => `${format(find('ours', count))} | ${format(find('vanilla', count))}`).join(' | ')} |`
);
/** Ours against vanilla at `count` partners, for a measure of the rows. */
const ratio = (count: number, measure: (row: Row) => number) =>
	measure(find('ours', count)) / measure(find('vanilla', count));
lines.push(
	`| Build time ratio ours / vanilla | ${sizesToRun.map((count) => `${ratio(count, (row) => row.seconds).toFixed(2)} (per page ${ratio(count, (row) => row.perPageMs).toFixed(2)}) | `).join(' | ')} |`,
	`| Bytes of one query, ratio ours / vanilla | ${sizesToRun.map((count) => `${ratio(count, (row) => row.queryBytes).toFixed(2)} | `).join(' | ')} |`
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
		`Finder: filter change to the next painted frame at ${largest} partners ≤ 50 ms`,
		(big.frameMs ?? Infinity) <= 50,
		`${big.frameMs?.toFixed(1)} ms`,
	],
	[
		`Build time per page at N=${largest} ≤ 1.3 × vanilla`,
		big.perPageMs <= 1.3 * find('vanilla', largest).perPageMs,
		`${big.perPageMs.toFixed(1)} ms vs ${find('vanilla', largest).perPageMs.toFixed(1)} ms (×${(big.perPageMs / find('vanilla', largest).perPageMs).toFixed(2)})`,
	],
	[`Peak RSS at N=${largest} ≤ 1.5 GB`, big.peakRssMiB <= 1536, `${big.peakRssMiB.toFixed(0)} MiB`],
	[
		`Build at N=${smallest} ≤ 1.5 × vanilla`,
		ratio(smallest, (row) => row.seconds) <= 1.5,
		`${small.seconds.toFixed(1)} s vs ${find('vanilla', smallest).seconds.toFixed(1)} s (×${ratio(smallest, (row) => row.seconds).toFixed(2)})`,
	],
	...sizesToRun.map((count): [string, boolean, string] => [
		`Bytes fetched for one query at N=${count} ≤ 1.1 × vanilla`,
		ratio(count, (row) => row.queryBytes) <= 1.1,
		`${kb(find('ours', count).queryBytes)} vs ${kb(find('vanilla', count).queryBytes)} (×${ratio(count, (row) => row.queryBytes).toFixed(2)})`,
	]),
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

${adminReport(admin)}${parts.includes('editor') ? `\n${editorSection}` : ''}`;
writeFileSync(join(projectRoot, 'tests/bench/RESULTS.md'), report);
console.log(`\n${report}`);
