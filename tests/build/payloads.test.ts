import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { localePath, routes } from '../../src/lib/routes';
import { siteHandler } from '../../src/server/preview.mjs';
import { chromiumFlags, findChromium } from '../e2e/servers.mjs';
import { countries, partners, payloadContent, payloads, programmes } from './payloads';
import { fixturesBuilt } from './fixtures-build';

/**
 * Nothing an editor types can attack a reader: a copy of the project gets, for each payload of
 * `payloads.ts` (script, event handlers, javascript: and data: addresses, SVG, style, frames,
 * forms, attribute breakouts, entities, autolinks…), a partner, a country, a programme, a
 * contact and a glossary term with the payload in every text field whose schema accepts it,
 * the titles and publishers of their sources included (fields found by walking the schemas, so
 * a new field is covered by itself; addresses, codes and dates rightly reject it, and that
 * rejection is checked too). The copy is built (the one of `fixtures-build.ts`, which also holds
 * imported partners and recognised courses), then:
 * - every page of the build is parsed: no event-handler attribute, no `javascript:`, `data:` or
 *   `vbscript:` address, and no script, frame, object, form, style, SVG, meta, base, link,
 *   template or image that carries a payload's code: the payloads reach pages only as text;
 * - every page showing a payload is opened in Chromium, served with the production rules
 *   (`src/server/preview.mjs`): no Content-Security-Policy violation, no console error, no
 *   dialog, no request to another site, after moving the mouse and the focus over the page.
 */

const { root } = inject('fixturesBuild');
const build = await fixturesBuilt(root);
const { entries } = payloadContent();
const output = build.output;
/** Every HTML file of the copy's build, relative to its `dist/`. */
const pages =
	build.code === 0
		? readdirSync(join(root, 'dist'), { recursive: true })
				.map(String)
				.filter((file) => file.endsWith('.html'))
		: [];

// —— What markup may never come from content ——

interface Node {
	nodeName: string;
	tagName?: string;
	attrs?: { name: string; value: string }[];
	childNodes?: Node[];
	content?: Node;
	value?: string;
}

/** Elements that run code, load other content, change the page or take input. */
const activeElements = new Set([
	'script',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'form',
	'input',
	'button',
	'textarea',
	'select',
	'style',
	'link',
	'meta',
	'base',
	'svg',
	'math',
	'img',
	'image',
	'video',
	'audio',
	'source',
	'template',
	'noscript',
	'portal',
]);

const marker = /XSS\d\d/;
/** Attributes where a value acts: addresses, styles, documents. */
const actingAttributes = new Set([
	'src',
	'srcset',
	'href',
	'xlink:href',
	'action',
	'formaction',
	'data',
	'poster',
	'background',
	'srcdoc',
	'style',
]);
const unsafeAddress = (value: string) =>
	// eslint-disable-next-line no-control-regex -- the control characters are what it removes
	/^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]+/g, ''));

const textOf = (node: Node): string =>
	node.nodeName === '#text'
		? (node.value ?? '')
		: [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].map(textOf).join('');

/** Markup of a page that a payload may have produced: one line per finding. */
function unsafeMarkup(html: string): string[] {
	const findings: string[] = [];
	const visit = (node: Node) => {
		const tag = node.tagName;
		if (tag) {
			const attributes = node.attrs ?? [];
			const described = `<${tag}${attributes.map((attribute) => ` ${attribute.name}="${attribute.value.slice(0, 60)}"`).join('')}>`;
			for (const attribute of attributes) {
				if (/^on/i.test(attribute.name)) findings.push(`event handler: ${described}`);
				if (unsafeAddress(attribute.value)) findings.push(`unsafe address: ${described}`);
				if (attribute.name === 'style' && marker.test(attribute.value))
					findings.push(`style from content: ${described}`);
			}
			// Markup a payload made carries its code where markup acts: in an address, a style or
			// a document (`srcdoc`), or in the text of a script or a style. Elsewhere (a title, a
			// meta description, an option of the finder) the code is text, and harmless.
			const carries =
				attributes.some(
					(attribute) => actingAttributes.has(attribute.name) && marker.test(attribute.value)
				) ||
				((tag === 'script' || tag === 'style') && marker.test(textOf(node)));
			if (tag === 'script') {
				const type = attributes.find((attribute) => attribute.name === 'type')?.value ?? '';
				if (/json/.test(type)) {
					try {
						JSON.parse(textOf(node));
					} catch {
						findings.push(`a JSON block broken by content: ${described}`);
					}
				} else if (carries) findings.push(`script from content: ${described}`);
			} else if (activeElements.has(tag) && carries)
				findings.push(`<${tag}> from content: ${described}`);
			if (
				tag === 'meta' &&
				attributes.some(
					(attribute) =>
						attribute.name === 'http-equiv' &&
						attribute.value.toLowerCase() !== 'content-security-policy'
				)
			)
				findings.push(`meta http-equiv: ${described}`);
			if (tag === 'base') findings.push(`base: ${described}`);
		}
		for (const child of node.childNodes ?? []) visit(child);
		if (node.content) visit(node.content);
	};
	visit(parse(html) as unknown as Node);
	return findings;
}

const read = (page: string) => readFileSync(join(root, 'dist', page), 'utf8');

describe('text typed by editors in partners, countries, programmes, contacts and glossary terms', () => {
	test('reaches every text field whose schema accepts it; the others reject it, naming the field', () => {
		const summary: string[] = [];
		for (const [code, entry] of entries) {
			for (const [kind, result] of Object.entries(entry.results)) {
				// Free text takes anything: names, summaries, notes, definitions, prose in Markdown,
				// and the title and publisher of every source (shown in each page's provenance).
				const sourceText = ['sources.*.title', 'sources.*.publisher.fr', 'sources.*.publisher.en'];
				const freeText = {
					partner: [
						'name.native',
						'name.en',
						'city',
						'cityFr',
						'summary.fr',
						'summary.en',
						'agreements.*.notes.en',
					],
					country: ['name.fr', 'name.en', 'study.fr', 'internship.en', 'healthCover.summary.en'],
					programme: ['name.fr', 'name.en', 'summary.en', 'body.fr', 'body.en'],
					contact: ['role.fr', 'role.en', 'person', 'description.en'],
					glossary: ['term.fr', 'term.en', 'aliases.*', 'definition.fr', 'definition.en'],
				}[kind]!;
				expect(result.carrying, `${code} ${kind}`).toEqual(
					expect.arrayContaining([...freeText, ...sourceText])
				);
				for (const rejection of result.rejected)
					expect(rejection.message, `${code} ${kind} ${rejection.field}`).toMatch(/^expected /);
				if (code === 'XSS01')
					summary.push(
						`${kind}: ${result.carrying.length} text fields carry the payload (${result.carrying.join(', ')}); rejected by ${result.rejected.map((rejection) => rejection.field).join(', ')}`
					);
			}
		}
		console.log(summary.join('\n'));
	});

	test('builds, and every page of a payload entry shows the payload as text', () => {
		expect(build.code, output).toBe(0);
		expect(output).toMatch(/^Site built: /m);
		for (const [code, { ids }] of entries) {
			for (const lang of ['fr', 'en'] as const) {
				for (const path of [
					partners.page!(ids.partner),
					countries.page!(ids.country),
					programmes.page!(ids.programme),
					routes.contacts(),
					routes.glossary(),
				]) {
					const file = `${localePath(lang, path).replace(/^\//, '')}index.html`;
					expect(pages, file).toContain(file);
					const document = parse(read(file)) as unknown as Node;
					expect(textOf(document), `${file} shows ${code}`).toContain(code);
				}
			}
		}
	});

	test('no page holds markup that came from a payload', () => {
		const findings = pages.flatMap((page) =>
			unsafeMarkup(read(page)).map((finding) => `${page}: ${finding}`)
		);
		expect(findings).toEqual([]);
	});

	test('the check itself finds such markup (it is not blind)', () => {
		expect(unsafeMarkup('<p><img src="x" onerror="alert(1)"></p>')).toHaveLength(1);
		expect(unsafeMarkup('<a href=" java\tscript:alert(1)">x</a>')).toHaveLength(1);
		expect(unsafeMarkup('<script>alert("XSS01")</script>')).toHaveLength(1);
		expect(
			unsafeMarkup('<script type="application/json">{"a":"</script><script>alert("XSS15")</script>')
		).toHaveLength(2);
		expect(
			unsafeMarkup('<style>b{x:url(XSS06)}</style><iframe src="https://e.example/XSS04"></iframe>')
		).toHaveLength(2);
		expect(unsafeMarkup('<meta http-equiv="refresh" content="0;url=x">')).toHaveLength(1);
		expect(unsafeMarkup('<p title="&lt;script&gt;XSS01">&lt;img onerror=XSS02&gt;</p>')).toEqual(
			[]
		);
	});

	describe('in Chromium', () => {
		let browser: Browser;
		let server: Server;
		let origin = '';
		beforeAll(async () => {
			browser = await chromium.launch({ executablePath: findChromium(), args: chromiumFlags });
			server = createServer(siteHandler({ root: join(root, 'dist') }));
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const address = server.address();
			origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		});
		afterAll(async () => {
			await browser?.close();
			await new Promise((resolve) => server?.close(resolve));
		});

		test('pages showing the payloads cause no CSP violation, console error, dialog or foreign request', async () => {
			const shown = pages.filter((page) =>
				marker.test(textOf(parse(read(page)) as unknown as Node))
			);
			expect(shown.length).toBeGreaterThan(payloads.length * 6);
			const context = await browser.newContext();
			await context.addInitScript(() => {
				const found: string[] = [];
				(window as unknown as { violations: string[] }).violations = found;
				document.addEventListener('securitypolicyviolation', (event) =>
					found.push(`${event.violatedDirective} ${event.blockedURI}`)
				);
			});
			const problems: string[] = [];
			// Eight tabs, each opening its share of the pages one after the other: a page waits
			// half a second of network silence after its visit, a wait the other tabs' work fills.
			const queue = [...shown];
			const lane = async () => {
				const tab = await context.newPage();
				let page = '';
				tab.on('console', (message) => {
					if (message.type() === 'error') problems.push(`${page}: console: ${message.text()}`);
				});
				tab.on('pageerror', (error) => problems.push(`${page}: error: ${error.message}`));
				tab.on('dialog', (dialog) => {
					problems.push(`${page}: dialog: ${dialog.message()}`);
					void dialog.dismiss();
				});
				tab.on('request', (request) => {
					if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url()))
						problems.push(`${page}: request to ${request.url()}`);
				});
				for (page = queue.shift() ?? ''; page; page = queue.shift() ?? '') {
					const url = `${origin}/${page.replace(/index\.html$/, '')}`;
					const response = await tab.goto(url, { waitUntil: 'load' });
					if (response?.status() !== 200) problems.push(`${page}: status ${response?.status()}`);
					// Handlers that wait for the mouse or the focus.
					await tab.mouse.move(200, 300);
					await tab.mouse.move(600, 500);
					for (let press = 0; press < 5; press++) await tab.keyboard.press('Tab');
					await tab.waitForLoadState('networkidle');
					const violations = await tab.evaluate(
						() => (window as unknown as { violations: string[] }).violations
					);
					problems.push(...violations.map((violation) => `${page}: CSP violation: ${violation}`));
				}
				await tab.close();
			};
			await Promise.all(Array.from({ length: 8 }, lane));
			await context.close();
			expect(problems).toEqual([]);
		}, 600_000);
	});
});
