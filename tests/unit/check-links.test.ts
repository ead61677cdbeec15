import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	checkLinks,
	describeFetchError,
	interleaveByHost,
	type LinkResult,
} from '../../src/scripts/links/check.ts';
import { parseArguments, UsageError } from '../../src/scripts/links/cli.ts';
import {
	collectLinks,
	extractFromPage,
	extractFromYaml,
	findUrls,
	LinkSourceError,
} from '../../src/scripts/links/extract.ts';
import {
	buildReport,
	parisDate,
	renderMarkdown,
	writeReport,
	type LinkReport,
} from '../../src/scripts/links/report.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const tmpRoot = join(projectRoot, 'tests/.tmp');
const userAgent = 'MinesAlesInternationalLinkCheck/1.0 (+https://test.invalid/)';

/** Requests in progress across every test server, to observe the global concurrency. */
const everyServer = { inFlight: 0, maxInFlight: 0 };

/** A request a test server received. */
interface Received {
	method: string;
	path: string;
	userAgent: string | undefined;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) whose routes answer the way broken and healthy
 * sites do. It records every request and how many were in progress at once.
 */
class TestServer {
	readonly server: Server;
	readonly received: Received[] = [];
	inFlight = 0;
	maxInFlight = 0;
	origin = '';
	#flakyFailures = 3;

	constructor() {
		this.server = createServer((request, response) => this.#handle(request, response));
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	url(path: string): string {
		return `${this.origin}${path}`;
	}

	/** Requests received for a path, by method. */
	count(path: string, method: 'HEAD' | 'GET'): number {
		return this.received.filter((each) => each.path === path && each.method === method).length;
	}

	#handle(request: IncomingMessage, response: ServerResponse): void {
		const path = request.url ?? '/';
		this.received.push({
			method: request.method ?? '',
			path,
			userAgent: request.headers['user-agent'],
		});
		this.inFlight++;
		everyServer.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		everyServer.maxInFlight = Math.max(everyServer.maxInFlight, everyServer.inFlight);
		response.on('close', () => {
			this.inFlight--;
			everyServer.inFlight--;
		});
		const redirect = (status: number, location: string): void => {
			response.writeHead(status, { Location: location }).end();
		};
		switch (path) {
			case '/ok':
				response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
				return;
			case '/moved':
				return redirect(301, '/ok');
			case '/found':
				return redirect(302, '/ok');
			case '/moved-then-found':
				return redirect(308, '/found');
			case '/moved-to-missing':
				return redirect(301, '/gone');
			case '/loop-a':
				return redirect(302, '/loop-b');
			case '/loop-b':
				return redirect(302, '/loop-a');
			case '/missing':
			case '/gone':
				response.writeHead(404).end('not found');
				return;
			case '/error':
				response.writeHead(500).end('error');
				return;
			case '/no-head':
				response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
				return;
			case '/flaky':
				response.writeHead(this.#flakyFailures-- > 0 ? 503 : 200).end();
				return;
			case '/hang':
				return; // never answers
			case '/reset':
				request.socket.destroy();
				return;
			case '/slow':
				setTimeout(() => response.writeHead(200).end(), 3000);
				return;
			default:
				if (path.startsWith('/delay/')) {
					setTimeout(() => response.writeHead(200).end(), 60);
					return;
				}
				response.writeHead(404).end();
		}
	}
}

/** Runs the real command line with Node 24 and returns its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['src/scripts/check-links.ts', ...args], {
			cwd: projectRoot,
			env: { ...process.env, SITE_URL: '' },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

let scratch: string;

beforeAll(async () => {
	await mkdir(tmpRoot, { recursive: true });
	scratch = await mkdtemp(join(tmpRoot, 'check-links-'));
});

afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('findUrls', () => {
	test('ends an address where its Markdown, autolink, JSX or bare context ends', () => {
		const text = [
			'Un [lien](https://example.org/md "titre") et <https://example.org/auto>.',
			'Voir https://example.org/bare, puis (https://example.org/paren).',
			'<LinkCard href="https://example.org/jsx-double" /> <A href={\'https://example.org/jsx-single\'} />',
			'[wiki](https://fr.wikipedia.org/wiki/Alès_(Gard)) et https://example.org/q?a=1&amp;b=2.',
			'Interne : [page](/guides/logement/), mailto:office@example.org, et « https:// » seul.',
		].join('\n');
		expect(findUrls(text).map((found) => found.url)).toEqual([
			'https://example.org/md',
			'https://example.org/auto',
			'https://example.org/bare',
			'https://example.org/paren',
			'https://example.org/jsx-double',
			'https://example.org/jsx-single',
			'https://fr.wikipedia.org/wiki/Alès_(Gard)',
			'https://example.org/q?a=1&b=2',
		]);
	});
});

describe('extractFromYaml', () => {
	const yaml = [
		'# A partner, with sources as plain strings and as records',
		'name: Example',
		'website: https://example.org/home',
		'sources:',
		'  - https://example.org/plain',
		'  - url: https://example.org/record',
		'    title: Record (see https://example.org/in-title.)',
		'    publisher: Publisher',
		'    date: 2026-01-01',
		'notes:',
		'  fr: >-',
		'    Voir [la page](https://example.org/md-in-yaml) et',
		'    https://example.org/bare-in-yaml.',
		'count: 3',
		'https://example.org/key: a key is not a link',
		'',
	].join('\n');

	test('finds every string value at any depth, with its line and field', () => {
		expect(extractFromYaml(yaml, 'partner.yaml')).toEqual([
			{ url: 'https://example.org/home', file: 'partner.yaml', line: 3, field: 'website' },
			{ url: 'https://example.org/plain', file: 'partner.yaml', line: 5, field: 'sources.0' },
			{ url: 'https://example.org/record', file: 'partner.yaml', line: 6, field: 'sources.1.url' },
			{
				url: 'https://example.org/in-title',
				file: 'partner.yaml',
				line: 7,
				field: 'sources.1.title',
			},
			{ url: 'https://example.org/md-in-yaml', file: 'partner.yaml', line: 12, field: 'notes.fr' },
			{
				url: 'https://example.org/bare-in-yaml',
				file: 'partner.yaml',
				line: 13,
				field: 'notes.fr',
			},
		]);
	});

	test('names the file and the line of invalid YAML', () => {
		expect(() => extractFromYaml('a: 1\nb: [unclosed\n', 'broken.yaml')).toThrow(LinkSourceError);
		expect(() => extractFromYaml('a: 1\nb: [unclosed\n', 'broken.yaml')).toThrow(
			/^broken\.yaml:\d+: invalid YAML: /
		);
	});
});

describe('extractFromPage', () => {
	const mdx = [
		'---',
		'title: Page',
		'sources:',
		'  - https://example.org/front',
		"  - { url: 'https://example.org/front-record', title: Titre }",
		'lastReviewed: 2026-11-23',
		'---',
		'',
		"import { LinkCard } from '~/components';",
		'',
		'Un [lien](https://example.org/md) et <https://example.org/auto>.',
		'<LinkCard title="x" href="https://example.org/jsx" />',
		"<LinkCard title='y' href={'https://example.org/jsx-expression'} />",
		'Adresse nue : https://example.org/bare.',
		'',
	].join('\n');

	test('reads the frontmatter as YAML and scans the body, with lines', () => {
		expect(extractFromPage(mdx, 'page.mdx')).toEqual([
			{ url: 'https://example.org/front', file: 'page.mdx', line: 4, field: 'sources.0' },
			{
				url: 'https://example.org/front-record',
				file: 'page.mdx',
				line: 5,
				field: 'sources.1.url',
			},
			{ url: 'https://example.org/md', file: 'page.mdx', line: 11 },
			{ url: 'https://example.org/auto', file: 'page.mdx', line: 11 },
			{ url: 'https://example.org/jsx', file: 'page.mdx', line: 12 },
			{ url: 'https://example.org/jsx-expression', file: 'page.mdx', line: 13 },
			{ url: 'https://example.org/bare', file: 'page.mdx', line: 14 },
		]);
	});

	test('collects files from a folder, grouping the places of each address', async () => {
		const folder = join(scratch, 'extract');
		await mkdir(join(folder, 'docs'), { recursive: true });
		await writeFile(join(folder, 'docs/page.mdx'), mdx);
		await writeFile(
			join(folder, 'partner.yaml'),
			'sources:\n  - { url: https://example.org/front, title: Same page }\n'
		);
		await writeFile(join(folder, 'notes.txt'), 'https://example.org/not-content');
		const { files, links } = await collectLinks([folder], scratch);
		expect(files).toEqual(['extract/docs/page.mdx', 'extract/partner.yaml']);
		expect(links.get('https://example.org/front')).toEqual([
			{ file: 'extract/docs/page.mdx', line: 4, field: 'sources.0' },
			{ file: 'extract/partner.yaml', line: 2, field: 'sources.0.url' },
		]);
		expect(links.has('https://example.org/not-content')).toBe(false);
		await expect(collectLinks([join(folder, 'absent')], scratch)).rejects.toThrow(
			/absent: no such file or folder/
		);
	});
});

describe('collectLinks over content/', { timeout: 20_000 }, () => {
	test('finds the seed page in many files, each place pointing at a line holding the address', async () => {
		const { files, links } = await collectLinks([join(projectRoot, 'content')], projectRoot);
		const seed = links.get('http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite');
		expect(seed?.length).toBeGreaterThan(30);
		expect(seed).toContainEqual({
			file: 'content/docs/erasmus.mdx',
			line: expect.any(Number),
			field: expect.stringMatching(/^sources\.\d+\.url$/),
		});
		expect(new Set(seed?.map((place) => place.file.split('/')[1]))).toEqual(
			new Set([
				'contacts',
				'countries',
				'docs',
				'glossary',
				'partners',
				'programmes',
				'factsheet',
				'site',
			])
		);
		expect(links.size).toBeGreaterThan(100);

		const sources = new Map<string, string>();
		for (const file of files) sources.set(file, await readFile(join(projectRoot, file), 'utf8'));
		const data = new Map<string, unknown>();
		/** The parsed YAML of a data file, or of a page's frontmatter. */
		const parsed = (file: string) => {
			if (!data.has(file)) {
				const text = sources.get(file) ?? '';
				const yaml = file.endsWith('.yaml') ? text : /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
				data.set(file, parseYaml(yaml ?? ''));
			}
			return data.get(file);
		};
		const wrong: string[] = [];
		for (const [url, places] of links) {
			if (!URL.canParse(url)) wrong.push(`${url}: not a valid URL`);
			if (/[.,;:)\]'"]$/.test(url)) wrong.push(`${url}: trailing punctuation`);
			for (const { file, line, field } of places) {
				const text = sources.get(file) ?? '';
				if (!text.split('\n')[line - 1]?.includes(url)) wrong.push(`${file}:${line}: no ${url}`);
				if (field === undefined) continue;
				// The field path leads, in the parsed YAML (or frontmatter), to a string holding it.
				const value = field
					.split('.')
					.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], parsed(file));
				if (typeof value !== 'string' || !value.includes(url)) {
					wrong.push(`${file} ${field}: no ${url}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});
});

describe('checkLinks against a local server', () => {
	const server = new TestServer();
	// Generous limits for the routes that answer, so that a loaded machine is not mistaken for a
	// slow server; a short timeout only for the route that never answers.
	const options = {
		userAgent,
		timeoutMs: 5000,
		retries: 2,
		retryDelayMs: 10,
		concurrency: 4,
		slowMs: 2000,
	};
	const hangOptions = { ...options, timeoutMs: 250 };
	const paths = [
		'/ok',
		'/moved',
		'/found',
		'/moved-then-found',
		'/moved-to-missing',
		'/loop-a',
		'/missing',
		'/error',
		'/no-head',
		'/flaky',
		'/hang',
		'/reset',
		'/slow',
	];
	let results: Map<string, LinkResult>;
	let refusedUrl: string;
	let report: LinkReport;
	let written: { markdown: string; json: string };

	beforeAll(async () => {
		await server.start();
		// A port that was just free: nothing listens there any more.
		const closed = await new TestServer().start();
		refusedUrl = closed.url('/ok');
		await closed.stop();
		const urls = [...paths.map((path) => server.url(path)), refusedUrl, 'https://exa mple.org/'];
		const hang = server.url('/hang');
		const [answering, [hung]] = await Promise.all([
			checkLinks(
				urls.filter((url) => url !== hang),
				options
			),
			checkLinks([hang], hangOptions),
		]);
		const list = urls.map((url) => (url === hang ? hung! : answering.find((r) => r.url === url)!));
		results = new Map(list.map((result) => [result.url.replace(server.origin, ''), result]));
		report = buildReport({
			results: list,
			links: new Map(
				urls.map((url, index) => [
					url,
					[
						{ file: 'content/partners/example.yaml', line: index + 2, field: `sources.${index}` },
						{ file: 'content/docs/page.mdx', line: 40 + index },
					],
				])
			),
			files: 2,
			paths: ['content'],
			options,
			now: new Date('2026-11-30T23:30:00Z'),
		});
		written = await writeReport(report, join(scratch, 'reports'));
	}, 30_000);

	afterAll(() => server.stop());

	const result = (path: string) => results.get(path)!;

	test('a page that answers 200 is ok, after one HEAD', () => {
		expect(result('/ok')).toMatchObject({ status: 'ok', finalUrl: server.url('/ok'), slow: false });
		expect(result('/ok').hops).toEqual([
			{ url: server.url('/ok'), status: 200, method: 'HEAD', ms: expect.any(Number) },
		]);
		expect(server.count('/ok', 'GET')).toBe(0);
	});

	test('a 301 is a permanent redirect to its final page, with the chain', () => {
		expect(result('/moved')).toMatchObject({
			status: 'redirected',
			redirect: 'permanent',
			movedTo: server.url('/ok'),
			finalUrl: server.url('/ok'),
		});
		expect(result('/moved').hops.map((hop) => [hop.url, hop.status])).toEqual([
			[server.url('/moved'), 301],
			[server.url('/ok'), 200],
		]);
	});

	test('a 302 is a temporary redirect', () => {
		expect(result('/found')).toMatchObject({
			status: 'redirected',
			redirect: 'temporary',
			finalUrl: server.url('/ok'),
		});
		expect(result('/found').movedTo).toBeUndefined();
	});

	test('a permanent redirect followed by a temporary one has moved to the first target', () => {
		expect(result('/moved-then-found')).toMatchObject({
			status: 'redirected',
			redirect: 'permanent',
			movedTo: server.url('/found'),
			finalUrl: server.url('/ok'),
		});
	});

	test('a redirect to a missing page is broken, with its chain', () => {
		expect(result('/moved-to-missing')).toMatchObject({
			status: 'broken',
			problem: { code: 'http', message: 'page introuvable (erreur 404)' },
		});
		expect(result('/moved-to-missing').hops.map((hop) => hop.status)).toEqual([301, 404]);
	});

	test('a redirect loop is broken and stops', () => {
		expect(result('/loop-a')).toMatchObject({
			status: 'broken',
			problem: { code: 'redirect-loop' },
		});
		expect(server.count('/loop-a', 'HEAD')).toBe(1);
		expect(server.count('/loop-b', 'HEAD')).toBe(1);
	});

	test('a 404 is broken, confirmed by one GET and not retried', () => {
		expect(result('/missing')).toMatchObject({
			status: 'broken',
			problem: { code: 'http', message: 'page introuvable (erreur 404)' },
			requests: 2,
		});
		expect([server.count('/missing', 'HEAD'), server.count('/missing', 'GET')]).toEqual([1, 1]);
	});

	test('a 500 is broken after the retries', () => {
		expect(result('/error')).toMatchObject({
			status: 'broken',
			problem: { code: 'http', message: 'erreur du serveur (erreur 500)' },
			requests: 4,
		});
		expect([server.count('/error', 'HEAD'), server.count('/error', 'GET')]).toEqual([1, 3]);
	});

	test('a server refusing HEAD with 405 is ok through GET', () => {
		expect(result('/no-head')).toMatchObject({ status: 'ok', requests: 2 });
		expect(result('/no-head').hops).toEqual([
			{ url: server.url('/no-head'), status: 200, method: 'GET', ms: expect.any(Number) },
		]);
	});

	test('a server failing twice and then answering is ok thanks to the retries', () => {
		expect(result('/flaky')).toMatchObject({ status: 'ok', requests: 4 });
		expect([server.count('/flaky', 'HEAD'), server.count('/flaky', 'GET')]).toEqual([1, 3]);
	});

	test('a server that never answers times out, retried, and nothing hangs', () => {
		expect(result('/hang')).toMatchObject({
			status: 'broken',
			problem: { code: 'timeout', message: 'pas de réponse en 0,25 s (délai dépassé)' },
			requests: 4,
			hops: [],
		});
		expect([server.count('/hang', 'HEAD'), server.count('/hang', 'GET')]).toEqual([1, 3]);
	});

	test('a connection reset is broken, retried', () => {
		expect(result('/reset')).toMatchObject({
			status: 'broken',
			problem: { code: 'reset', message: 'connexion coupée par le serveur avant sa réponse' },
		});
		expect([server.count('/reset', 'HEAD'), server.count('/reset', 'GET')]).toEqual([1, 3]);
	});

	test('a slow answer is ok but slow', () => {
		expect(result('/slow')).toMatchObject({ status: 'ok', slow: true });
		expect(result('/slow').elapsedMs).toBeGreaterThanOrEqual(2990);
	});

	test('a closed port and a malformed address are broken', () => {
		expect(results.get(refusedUrl)).toMatchObject({
			status: 'broken',
			problem: { code: 'refused' },
		});
		expect(results.get('https://exa mple.org/')).toMatchObject({
			status: 'broken',
			problem: { code: 'invalid-url', message: 'adresse mal formée' },
			requests: 0,
		});
	});

	test('every request names the site and a contact', () => {
		expect(new Set(server.received.map((each) => each.userAgent))).toEqual(new Set([userAgent]));
	});

	test('writes a JSON report with the same data', async () => {
		expect(written.json).toBe(join(scratch, 'reports', 'links-2026-12-01.json'));
		const json = JSON.parse(await readFile(written.json, 'utf8')) as LinkReport;
		expect(json).toEqual(JSON.parse(JSON.stringify(report)));
		expect(json.summary).toEqual({
			total: 15,
			ok: 4,
			redirected: 3,
			permanent: 2,
			broken: 8,
			slow: 1,
		});
		expect(json.noAnswer).toBe(false);
		expect(json.links.map((link) => link.status)).toEqual([
			...Array(8).fill('broken'),
			...Array(3).fill('redirected'),
			...Array(4).fill('ok'),
		]);
	});

	test('warns when no server answered at all (the machine is offline)', () => {
		const offline = buildReport({
			results: [results.get(refusedUrl)!],
			links: new Map([[refusedUrl, [{ file: 'content/partners/example.yaml', line: 2 }]]]),
			files: 1,
			paths: ['content'],
			options,
			now: new Date('2026-11-30T12:00:00Z'),
		});
		expect(offline.noAnswer).toBe(true);
		expect(renderMarkdown(offline)).toContain('> **Attention : aucun site n’a répondu.**');
		expect(renderMarkdown(report)).not.toContain('Attention');
	});

	test('writes a Markdown report in French, each address under its heading with its files', async () => {
		expect(written.markdown).toBe(join(scratch, 'reports', 'links-2026-12-01.md'));
		const markdown = await readFile(written.markdown, 'utf8');
		expect(markdown).toBe(renderMarkdown(report));
		expect(markdown).toMatch(/^# Liens externes : rapport du 1 décembre 2026\n/);
		expect(markdown).toContain('- **8 liens cassés** : à corriger ou à retirer.');
		expect(markdown).toContain('- **3 redirections**, dont 2 permanentes : à mettre à jour.');
		const sections = Object.fromEntries(
			markdown
				.split(/^##+ /m)
				.slice(1)
				.map((section) => [section.slice(0, section.indexOf('\n')), section])
		);
		expect(Object.keys(sections)).toEqual([
			'Liens cassés',
			'Redirections',
			'Redirections permanentes',
			'Redirections temporaires',
			'Liens lents',
			'Liens corrects',
		]);
		const missing = server.url('/missing');
		expect(sections['Liens cassés']).toContain(
			[
				`- <${missing}>`,
				'  - État : page introuvable (erreur 404)',
				'  - Se trouve dans 2 fichiers :',
				'    - `content/partners/example.yaml` : ligne 8 (champ `sources.6`)',
				'    - `content/docs/page.mdx` : ligne 46',
			].join('\n')
		);
		expect(sections['Liens cassés']).toContain('pas de réponse en 0,25 s (délai dépassé)');
		expect(sections['Liens cassés']).toContain('`https://exa mple.org/`');
		expect(sections['Redirections permanentes']).toContain(
			`- <${server.url('/moved')}>\n  - Nouvelle adresse : <${server.url('/ok')}>`
		);
		expect(sections['Redirections temporaires']).toContain(`- <${server.url('/found')}>`);
		expect(sections['Liens lents']).toMatch(
			new RegExp(`- <${server.url('/slow')}>\\n  - Réponse en \\d+(,\\d+)? s`)
		);
		expect(sections['Liens corrects']).toContain(`- <${server.url('/no-head')}>`);
		expect(sections['Liens corrects']).not.toContain(server.url('/missing'));
	});
});

describe('politeness', () => {
	const servers: TestServer[] = [];

	beforeAll(async () => {
		for (let index = 0; index < 3; index++) servers.push(await new TestServer().start());
	});

	afterAll(() => Promise.all(servers.map((server) => server.stop())));

	const urls = () =>
		servers.flatMap((server) => [1, 2, 3, 4].map((index) => server.url(`/delay/${index}`)));

	/** Checks 4 addresses on each of the 3 servers and returns the peaks of requests in progress. */
	async function peaks(concurrency: number) {
		for (const server of servers) server.maxInFlight = 0;
		everyServer.maxInFlight = 0;
		const results = await checkLinks(urls(), { userAgent, concurrency, timeoutMs: 2000 });
		expect(results.map((result) => result.status)).toEqual(Array(12).fill('ok'));
		return {
			perHost: servers.map((server) => server.maxInFlight),
			all: everyServer.maxInFlight,
		};
	}

	test('never sends two requests at once to one host, even with workers to spare', async () => {
		// 4 workers, 3 hosts: one worker always waits for a host to be free.
		expect(await peaks(4)).toEqual({ perHost: [1, 1, 1], all: 3 });
	});

	test('sends no more than `concurrency` requests at once in all', async () => {
		expect(await peaks(2)).toEqual({ perHost: [1, 1, 1], all: 2 });
	});

	test('orders addresses so that consecutive ones are on different hosts', () => {
		expect(
			interleaveByHost([
				'https://a.example/1',
				'https://a.example/2',
				'https://a.example/3',
				'https://b.example/1',
				'https://c.example/1',
				'https://c.example/2',
			])
		).toEqual([
			'https://a.example/1',
			'https://b.example/1',
			'https://c.example/1',
			'https://a.example/2',
			'https://c.example/2',
			'https://a.example/3',
		]);
	});
});

describe('describeFetchError', () => {
	const failed = (code: string) =>
		new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

	test.each([
		['ENOTFOUND', 'dns', false],
		['EAI_AGAIN', 'dns', true],
		['ECONNRESET', 'reset', true],
		['CERT_HAS_EXPIRED', 'tls', false],
		['UND_ERR_CONNECT_TIMEOUT', 'timeout', true],
		['EHOSTUNREACH', 'network', true],
	])('%s is %s (retryable: %s)', (code, expected, retryable) => {
		expect(describeFetchError(failed(code), 15_000)).toMatchObject({
			problem: { code: expected },
			retryable,
		});
	});

	test('says a timeout in seconds', () => {
		const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
		expect(describeFetchError(error, 15_000).problem.message).toBe(
			'pas de réponse en 15 s (délai dépassé)'
		);
	});
});

describe('parseArguments', () => {
	test('has defaults and reads options and paths', () => {
		expect(parseArguments([])).toMatchObject({
			paths: ['content'],
			out: 'reports/links',
			check: { timeoutMs: 15_000, retries: 2, concurrency: 4, slowMs: 5_000 },
		});
		expect(
			parseArguments(['content/partners', '--timeout', '500', '--retries=0', '--out', 'x'])
		).toMatchObject({
			paths: ['content/partners'],
			out: 'x',
			check: { timeoutMs: 500, retries: 0 },
		});
	});

	test.each([
		[['--timeout', 'soon'], '--timeout: expected a whole number of at least 1, got "soon"'],
		[['--concurrency', '0'], '--concurrency: expected a whole number of at least 1, got "0"'],
		[['--wait'], "Unknown option '--wait'"],
	])('rejects %j', (argv, message) => {
		expect(() => parseArguments(argv)).toThrow(UsageError);
		expect(() => parseArguments(argv)).toThrow(message);
	});
});

// Each test starts a Node process: allow for a loaded machine.
describe('npm run check:links (the real command)', { timeout: 30_000 }, () => {
	const server = new TestServer();
	let folder: string;

	beforeAll(async () => {
		await server.start();
		folder = join(scratch, 'cli');
		await mkdir(join(folder, 'broken'), { recursive: true });
		await mkdir(join(folder, 'healthy'), { recursive: true });
		await writeFile(
			join(folder, 'broken/page.mdx'),
			`---\ntitle: Page\nsources:\n  - ${server.url('/ok')}\n---\n\nVoir [la page](${server.url('/missing')}) et <${server.url('/moved')}>.\n`
		);
		await writeFile(
			join(folder, 'healthy/partner.yaml'),
			`sources:\n  - url: ${server.url('/ok')}\n    title: OK\n  - ${server.url('/found')}\n`
		);
	});

	afterAll(() => server.stop());

	const options = ['--timeout', '5000', '--retries', '0', '--retry-delay', '0'];

	test('exits with 1 on a broken link and writes both reports', async () => {
		const out = join(folder, 'reports-broken');
		const { code, stdout, stderr } = await runCli([
			join(folder, 'broken'),
			'--out',
			out,
			...options,
		]);
		expect(stderr).toBe('');
		expect(code).toBe(1);
		const date = parisDate(new Date());
		expect(stdout).toContain('3 links checked in 1 file: 1 broken, 1 redirected (1 permanent)');
		expect(stdout).toContain(
			`broken: ${server.url('/missing')} (http: page introuvable (erreur 404))`
		);
		expect(stdout).toContain(`Report: tests/.tmp/`);
		expect(stdout).toContain(`/cli/reports-broken/links-${date}.md`);
		const json = JSON.parse(await readFile(join(out, `links-${date}.json`), 'utf8')) as LinkReport;
		expect(json.summary).toMatchObject({ total: 3, broken: 1, redirected: 1, ok: 1 });
		expect(json.links[0]).toMatchObject({
			url: server.url('/missing'),
			occurrences: [{ file: expect.stringMatching(/\/cli\/broken\/page\.mdx$/), line: 7 }],
		});
		expect(json.userAgent).toBe(
			'MinesAlesInternationalLinkCheck/1.0 (+https://imt-mines-ales.fr/)'
		);
		const markdown = await readFile(join(out, `links-${date}.md`), 'utf8');
		expect(markdown).toContain('## Liens cassés');
		expect(markdown).toContain(
			`- <${server.url('/missing')}>\n  - État : page introuvable (erreur 404)`
		);
	});

	test('exits with 0 when every link is ok or redirected', async () => {
		const out = join(folder, 'reports-healthy');
		const { code, stdout } = await runCli([join(folder, 'healthy'), '--out', out, ...options]);
		expect(code).toBe(0);
		expect(stdout).toContain('2 links checked in 1 file: 0 broken, 1 redirected (0 permanent)');
	});

	test('exits with 2 on a usage error, naming the option', async () => {
		const { code, stderr } = await runCli(['--timeout', 'soon']);
		expect(code).toBe(2);
		expect(stderr).toContain('--timeout: expected a whole number of at least 1, got "soon"');
		expect(stderr).toContain('Usage: npm run check:links');
	});

	test('exits with 2 on a path that does not exist', async () => {
		const { code, stderr } = await runCli([join(folder, 'absent')]);
		expect(code).toBe(2);
		expect(stderr).toMatch(/absent: no such file or folder/);
	});
});
