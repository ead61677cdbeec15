import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseArguments, run } from '../../src/scripts/check-links.ts';
import { checkLinks, type LinkResult } from '../../src/scripts/links/check.ts';
import {
	collectLinks,
	extractFromPage,
	extractFromYaml,
	findUrls,
	InputError,
} from '../../src/scripts/links/extract.ts';
import { parisDate, type LinkReport } from '../../src/scripts/links/report.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const tmpRoot = join(projectRoot, 'tests/.tmp');
const userAgent = 'MinesAlesInternationalLinkCheck/1.0 (+https://test.invalid/)';

/**
 * A real HTTP server on 127.0.0.1 (random port) whose routes answer the way healthy and broken
 * sites do. It records the User-Agent of each request and how many were in progress at once.
 */
class TestServer {
	readonly server = createServer((request, response) => this.#handle(request, response));
	readonly userAgents = new Set<string | undefined>();
	inFlight = 0;
	maxInFlight = 0;
	origin = '';

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

	#handle(request: IncomingMessage, response: ServerResponse): void {
		this.userAgents.add(request.headers['user-agent']);
		this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
		response.on('close', () => this.inFlight--);
		const path = request.url ?? '/';
		const after = (ms: number, status: number) =>
			setTimeout(() => response.writeHead(status).end(), ms);
		if (path === '/ok') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
		else if (path === '/moved') response.writeHead(301, { Location: '/ok' }).end();
		else if (path === '/moved-to-missing') response.writeHead(302, { Location: '/gone' }).end();
		else if (path === '/slow') after(700, 200);
		else if (path === '/hang')
			after(5_000, 200); // later than any timeout of these tests
		else if (path.startsWith('/delay/')) after(40, 200);
		else response.writeHead(404).end('not found');
	}
}

/** A port nothing listens on: a server's, once closed. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
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
		expect(() => extractFromYaml('a: 1\nb: [unclosed\n', 'broken.yaml')).toThrow(InputError);
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

describe('checkLinks against a local server', { timeout: 20_000 }, () => {
	const server = new TestServer();
	const options = { timeoutMs: 1_500, retries: 0, concurrency: 2, slowMs: 500, userAgent };
	let results: Map<string, LinkResult>;
	let refused: string;

	beforeAll(async () => {
		await server.start();
		refused = `http://127.0.0.1:${await closedPort()}/page`;
		const paths = ['/ok', '/ok#section', '/missing', '/moved', '/moved-to-missing', '/slow'];
		const urls = [...paths.map((path) => server.url(path)), server.url('/hang'), refused];
		const checked = await checkLinks([...urls, 'https://exa mple.org/'], options);
		results = new Map(checked.map((result) => [result.url, result]));
	});

	afterAll(() => server.stop());

	test('a page that answers 200 is ok, with or without a fragment', () => {
		expect(results.get(server.url('/ok'))).toMatchObject({ status: 'ok', code: 200 });
		expect(results.get(server.url('/ok#section'))).toMatchObject({ status: 'ok', code: 200 });
	});

	test('a 404 is broken, in plain French', () => {
		expect(results.get(server.url('/missing'))).toMatchObject({
			status: 'broken',
			code: 404,
			problem: 'page introuvable (erreur 404)',
		});
	});

	test('a redirect is reported with the address it leads to', () => {
		expect(results.get(server.url('/moved'))).toMatchObject({
			status: 'redirected',
			finalUrl: server.url('/ok'),
		});
		expect(results.get(server.url('/moved-to-missing'))).toMatchObject({
			status: 'broken',
			finalUrl: server.url('/gone'),
			problem: 'page introuvable (erreur 404)',
		});
	});

	test('a slow answer is ok but slow; one past the timeout is broken', () => {
		const slow = results.get(server.url('/slow'));
		expect(slow).toMatchObject({ status: 'ok', slow: true });
		expect(slow?.elapsedMs).toBeGreaterThanOrEqual(650);
		expect(results.get(server.url('/hang'))).toMatchObject({
			status: 'broken',
			code: 0,
			problem: 'pas de réponse en 1,5 s',
		});
	});

	test('a server that refuses the connection and a malformed address are broken', () => {
		expect(results.get(refused)).toMatchObject({
			status: 'broken',
			problem: 'connexion refusée : aucun serveur à cette adresse',
		});
		expect(results.get('https://exa mple.org/')).toMatchObject({
			status: 'broken',
			problem: 'adresse mal formée',
		});
	});

	test('sends one request at a time to the site, naming the robot', () => {
		expect(server.maxInFlight).toBe(1);
		expect([...server.userAgents]).toEqual([userAgent]);
	});
});

describe('politeness', { timeout: 20_000 }, () => {
	test('one request at a time per site, while sites are checked at once', async () => {
		const servers = await Promise.all([new TestServer().start(), new TestServer().start()]);
		const urls = servers.flatMap((server) =>
			Array.from({ length: 6 }, (_, index) => server.url(`/delay/${index}`))
		);
		const results = await checkLinks(urls, {
			...{ timeoutMs: 2_000, retries: 0, concurrency: 4, slowMs: 5_000, userAgent },
		});
		expect(results.every((result) => result.status === 'ok')).toBe(true);
		expect(servers.map((server) => server.maxInFlight)).toEqual([1, 1]);
		await Promise.all(servers.map((server) => server.stop()));
	});
});

describe('parseArguments', () => {
	test('has defaults, reads options and paths, and rejects wrong values', () => {
		expect(parseArguments([])).toMatchObject({ paths: ['content'], timeoutMs: 15_000, retries: 2 });
		expect(parseArguments(['content/partners', '--slow', '100'])).toMatchObject({
			paths: ['content/partners'],
			slowMs: 100,
		});
		expect(() => parseArguments(['--timeout', 'soon'])).toThrow(InputError);
		expect(() => parseArguments(['--retries', '-1'])).toThrow(/--retries|-1/);
	});
});

describe('npm run check:links', { timeout: 30_000 }, () => {
	const server = new TestServer();
	const options = ['--timeout', '2000', '--retries', '0', '--slow', '500'];
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
			join(folder, 'broken/partner.yaml'),
			`sources:\n  - url: ${server.url('/missing')}\n    title: Page\nwebsite: ${server.url('/slow')}\n`
		);
		await writeFile(join(folder, 'healthy/partner.yaml'), `website: ${server.url('/moved')}\n`);
	});

	afterAll(() => server.stop());

	/** Runs the command in the project's folder, collecting its output. */
	async function command(args: string[]) {
		let stdout = '';
		let stderr = '';
		const io = {
			...{ cwd: projectRoot, now: () => new Date('2026-12-06T10:00:00Z') },
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: (text: string) => (stderr += text) },
		};
		return { code: await run(args, io), stdout, stderr };
	}

	test('exits with 1 on a broken link; the French report names files and lines', async () => {
		const out = join(folder, 'reports-broken');
		const { code, stdout, stderr } = await command([
			join(folder, 'broken'),
			'--out',
			out,
			...options,
		]);
		expect(stderr).toBe('');
		expect(code).toBe(1);
		expect(stdout).toContain('4 links checked in 2 files: 1 broken, 1 redirected, ');
		expect(stdout).toContain(`broken: ${server.url('/missing')} (page introuvable (erreur 404))`);
		expect(stdout).toMatch(/Report: tests\/\.tmp\/.*\/cli\/reports-broken\/links-2026-12-06\.md/);
		const markdown = await readFile(join(out, 'links-2026-12-06.md'), 'utf8');
		const dir = `${folder.slice(projectRoot.length)}/broken`;
		expect(markdown).toContain('# Liens externes : rapport du 6 décembre 2026');
		expect(markdown).toContain('- **1 lien cassé** : à corriger ou à retirer.');
		expect(markdown).toContain(
			[
				`- <${server.url('/missing')}>`,
				'  - État : page introuvable (erreur 404)',
				'  - Se trouve dans 2 fichiers :',
				`    - \`${dir}/page.mdx\` : ligne 7`,
				`    - \`${dir}/partner.yaml\` : ligne 2 (champ \`sources.0.url\`)`,
			].join('\n')
		);
		expect(markdown).toContain(
			[
				`- <${server.url('/moved')}>`,
				`  - Nouvelle adresse : <${server.url('/ok')}>`,
				`  - Se trouve dans \`${dir}/page.mdx\` : ligne 7`,
			].join('\n')
		);
		expect(markdown).toMatch(
			new RegExp(
				`- <${server.url('/slow')}>\n {2}- Réponse en [\\d,]+ s\n {2}- Se trouve dans .*partner\\.yaml\` : ligne 4 \\(champ \`website\`\\)`
			)
		);
		expect(markdown).toContain('ne dit pas si la redirection est permanente ou temporaire');
		const json = JSON.parse(
			await readFile(join(out, 'links-2026-12-06.json'), 'utf8')
		) as LinkReport;
		expect(json.summary).toMatchObject({ total: 4, broken: 1, redirected: 1, ok: 2 });
		expect(json.links.find((link) => link.url.endsWith('/slow'))).toMatchObject({ slow: true });
		expect(json.links[0]).toMatchObject({ url: server.url('/missing'), status: 'broken' });
		expect(json.settings.userAgent).toBe(
			'MinesAlesInternationalLinkCheck/1.0 (+https://imt-mines-ales.fr/)'
		);
	});

	test('exits with 0 when every link is ok or redirected', async () => {
		const out = join(folder, 'reports-healthy');
		const { code, stdout } = await command([join(folder, 'healthy'), '--out', out, ...options]);
		expect(code).toBe(0);
		expect(stdout).toContain('1 links checked in 1 files: 0 broken, 1 redirected');
	});

	test('exits with 2 on a usage error or a missing path', async () => {
		const usage = await command(['--timeout', 'soon']);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('--timeout: expected a whole number of at least 1, got "soon"');
		expect(usage.stderr).toContain('Usage: npm run check:links');
		const missing = await command([join(folder, 'absent')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/absent: no such file or folder/);
	});

	test('the real command prints its help', async () => {
		const { code, stdout } = await runCli(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain(
			'--concurrency <n>    sites checked at once; one request at a time per site'
		);
		expect(parisDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
	});
});
