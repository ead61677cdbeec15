import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromJS, OrderedMap } from 'immutable';
import { describe, expect, test, vi } from 'vitest';
import {
	pageComponents,
	remarkPageStyle,
	restoreBlocks,
	usedComponents,
	withImports,
	withoutImports,
} from '../../src/lib/page-components';
import { importsField, pageFormat } from '../../src/editor/formats';

/**
 * The pages in the web editor's rich-text mode: every page of content/docs, opened and saved
 * unchanged, keeps every byte — through the pages' format (the import line hidden, then written
 * back), through each component's pattern (`toBlock(fromBlock(…))`), and through Decap's own
 * Markdown editor (its serializers, with the components and the remark plugin the admin script
 * registers).
 */

// Decap's serializers read the registered components from its Markdown widget: the pages' ones.
const registered = OrderedMap(
	pageComponents.map((component) => [
		component.id,
		{ ...component, fields: fromJS(component.fields) },
	])
);
vi.mock('decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js', () => ({
	getEditorComponents: () => registered,
}));

const pages = readdirSync('content/docs', { recursive: true, encoding: 'utf8' })
	.filter((path) => path.endsWith('.mdx'))
	.map((path) => join('content/docs', path))
	.sort();

const read = (path: string) => readFileSync(path, 'utf8');
const bodyOf = (path: string) => String(pageFormat.fromFile(read(path))['body']);

describe('the pages’ format hides the import line', () => {
	test.each(pages)('%s: read and written unchanged, byte for byte', (path) => {
		const text = read(path);
		const data = pageFormat.fromFile(text);
		expect(String(data['body'])).not.toMatch(/^import /m);
		expect(pageFormat.toFile(data, Object.keys(data))).toBe(text);
	});
});

describe('the import line, written by the format', () => {
	const read = { line: "import { Steps, Aside, Foreign } from '~/components';", body: 'x\n' };

	test('hidden when read, with the text it came with', () => {
		const data = pageFormat.fromFile(
			`---\ntitle: A\n---\n\n${read.line}\n\n<Aside type="note">\n  x\n</Aside>\n`
		);
		expect(data['body']).toBe('<Aside type="note">\n  x\n</Aside>\n');
		expect(data[importsField]).toEqual({ line: read.line, body: data['body'] });
		expect(withoutImports('Texte.\n')).toEqual({ body: 'Texte.\n' });
	});

	test('as read for an unchanged text, even with a component it does not use', () => {
		expect(withImports(read.body, read)).toBe(`${read.line}\n\n${read.body}`);
	});

	test('exactly the components a changed text uses, once, old ones first', () => {
		const body =
			'<Aside type="note">\n  A <Term id="caf" />.\n</Aside>\n\n<Steps>\n\n1. a\n\n</Steps>\n';
		expect(usedComponents(body)).toEqual(['Aside', 'Steps', 'Term']);
		expect(withImports(body, read)).toBe(
			`import { Steps, Aside, Term } from '~/components';\n\n${body}`
		);
		// A line typed in the raw mode is merged, not doubled.
		expect(withImports(`import { Term } from '~/components';\n\n${body}`)).toBe(
			`import { Term, Aside, Steps } from '~/components';\n\n${body}`
		);
		// No component: no line.
		expect(withImports('Texte.\n', read)).toBe('Texte.\n');
	});

	test('the same components in the same order keep the line as it was', () => {
		const line = "import { Term, Aside } from '~/components';";
		const body = '<Aside type="tip">\n  <Term id="ects" />\n</Aside>\n';
		expect(withImports(body, { line, body: 'autre\n' })).toBe(`${line}\n\n${body}`);
	});
});

describe('the components’ patterns', () => {
	test.each(pages)('%s: each component written back as it was', (path) => {
		const body = bodyOf(path);
		for (const component of pageComponents) {
			const flags = component.type === 'inline' ? 'g' : 'gm';
			for (const match of body.matchAll(new RegExp(component.pattern.source, flags)))
				expect(component.toBlock(component.fromBlock(match))).toBe(match[0]);
		}
	});
});

describe('Decap’s rich-text mode', () => {
	test.each(pages)('%s: opened and saved unchanged, the same text', async (path) => {
		const { markdownToSlate, slateToMarkdown } = (await import(
			// @ts-expect-error: Decap's serializers have no types.
			'decap-cms-widget-markdown/dist/esm/serializers/index.js'
		)) as {
			markdownToSlate(text: string, options: object): unknown;
			slateToMarkdown(value: unknown, options: object): string;
		};
		const body = bodyOf(path);
		const slate = markdownToSlate(body, { remarkPlugins: [remarkPageStyle] });
		const written = slateToMarkdown(slate, { remarkPlugins: [remarkPageStyle] });
		// Decap writes emphasis `*…*` as `_…_`: the blocks it only restyled are kept as read.
		expect(`${restoreBlocks(written, body)}\n`).toBe(body);
		// And the whole file, through the format, as Decap hands the text to it.
		const text = read(path);
		const data = pageFormat.fromFile(text);
		expect(pageFormat.toFile({ ...data, body: written }, Object.keys(data))).toBe(text);
	});
});
