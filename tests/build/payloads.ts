import type { z } from 'astro/zod';
import { stringify } from 'yaml';
import {
	contacts,
	countries,
	glossary,
	partners,
	programmes,
	type CollectionDefinition,
} from '../../src/lib/collections';
import { fieldsOf, schemaTree, type SchemaNode } from '../../src/lib/schema-tree';
import { readContent } from '../../src/loaders/read-content';
import { validateData } from '../../src/lib/validate';
import { projectRoot } from './project';

/**
 * Attacks an editor could type into a text field, each marked with its own code (`XSS01`…), in
 * every part that could become markup: if a script, a frame, a handler or a style survives, it
 * carries the code, and the test finds it. Raw HTML, Markdown, attribute breakouts, HTML
 * entities, autolinks, `javascript:` and `data:` addresses, and the breakout of a JSON block.
 */
export const payloads: { code: string; what: string; text: string }[] = [
	{ what: 'script', text: '<script>alert("XSS01")</script>' },
	{
		what: 'img onerror',
		text: '<img src="https://evil.example/XSS02.png" onerror="alert(\'XSS02\')"> <img src=x onerror=alert(/XSS02/)>',
	},
	{
		what: 'svg onload',
		text: '<svg onload="alert(\'XSS03\')"><script>alert("XSS03")</script><a xlink:href="javascript:alert(\'XSS03\')">XSS03</a></svg>',
	},
	{
		what: 'iframe',
		text: '<iframe src="https://evil.example/XSS04" srcdoc="<script>alert(\'XSS04\')</script>"></iframe>',
	},
	{
		what: 'form',
		text: '<form action="https://evil.example/XSS05"><input name="XSS05" value="XSS05"><button formaction="javascript:alert(\'XSS05\')">XSS05</button></form>',
	},
	{
		what: 'style',
		text: '<style>body{background:url("https://evil.example/XSS06.png")}</style><p style="background:url(https://evil.example/XSS06.png)">XSS06</p>',
	},
	{ what: 'a href="javascript:"', text: '<a href="javascript:alert(\'XSS07\')">XSS07</a>' },
	{
		what: 'Markdown javascript: links',
		text: '[XSS08](javascript:alert("XSS08")) [XSS08](JaVaScRiPt:alert("XSS08")) [XSS08](%20javascript:alert("XSS08"))',
	},
	{
		what: 'data: addresses',
		text: '[XSS09](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTMDknKTwvc2NyaXB0Pg==) ![XSS09](data:image/svg+xml,%3Csvg%20onload=alert(%22XSS09%22)%3E) <a href="data:text/html,XSS09">XSS09</a>',
	},
	{
		what: 'object and embed',
		text: '<object data="https://evil.example/XSS10.swf">XSS10</object><embed src="https://evil.example/XSS10.swf">',
	},
	{
		what: 'meta refresh',
		text: '<meta http-equiv="refresh" content="0;url=https://evil.example/XSS11">',
	},
	{
		what: 'attribute breakout',
		text: "\" onmouseover=\"alert('XSS12')\" data-x=\"' onfocus='alert(`XSS12`)' autofocus '><b>XSS12</b>",
	},
	{
		what: 'HTML entities',
		text: '&lt;script&gt;alert("XSS13")&lt;/script&gt; &#60;img src=x onerror=alert("XSS13")&#62; <a href="&#106;avascript:alert(\'XSS13\')">XSS13</a> <a href="jav&#x09;ascript:alert(\'XSS13\')">XSS13</a>',
	},
	{
		what: 'autolinks',
		text: '<javascript:alert("XSS14")> <https://evil.example/XSS14> www.evil.example/XSS14 <mailto:XSS14@evil.example>',
	},
	{
		what: 'script and comment breakout',
		text: '</script><script>alert("XSS15")</script><!-- XSS15 --> ]]> </style><script>alert("XSS15")</script>',
	},
	{
		what: 'base and link',
		text: '<base href="https://evil.example/XSS16/"><link rel="stylesheet" href="https://evil.example/XSS16.css">XSS16',
	},
	{
		what: 'template and noscript',
		text: '<template><img src=x onerror=alert("XSS17")></template><noscript><p title="</noscript><img src=x onerror=alert(\'XSS17\')>">XSS17</p></noscript>',
	},
].map((payload, index) => ({ ...payload, code: `XSS${String(index + 1).padStart(2, '0')}` }));

/** Country codes that no file of `content/countries/` uses: one per payload. */
export const spareCountryCodes = [
	'fi',
	'dk',
	'nl',
	'at',
	'pl',
	'hu',
	'sk',
	'si',
	'hr',
	'lt',
	'lv',
	'ee',
	'lu',
	'is',
	'ch',
	'ca',
	'mx',
	'ar',
	'cl',
	'co',
];

type Path = (string | number)[];
/** A path with list indexes written `*`, as `schemaTree` writes them. */
const pattern = (path: Path) => path.map((key) => (typeof key === 'number' ? '*' : key)).join('.');

/** Every value of the real content of a collection, by field pattern: valid values to fall back on. */
function realValues(collection: CollectionDefinition): Map<string, unknown[]> {
	const values = new Map<string, unknown[]>();
	const entries = (readContent(projectRoot).raw as unknown as Record<string, { data: unknown }[]>)[
		collection.name
	]!;
	const walk = (value: unknown, path: Path) => {
		if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
		else if (value !== null && typeof value === 'object' && !(value instanceof Date))
			for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
		else if (typeof value === 'string' || typeof value === 'number') {
			const key = pattern(path);
			values.set(key, [...(values.get(key) ?? []), value]);
		}
	};
	for (const entry of entries) walk(entry.data, []);
	return values;
}

/**
 * The text fields of a schema's tree (`fieldsOf` of `src/lib/schema-tree.ts`), lists of text
 * included: `name.en`, `aliases.*`, `agreements.*.notes.fr`…
 */
function textPaths(tree: SchemaNode): string[] {
	return [...fieldsOf(tree)].flatMap((field) => {
		let node = field.node;
		let path = field.path.join('.');
		while (node.kind === 'array') {
			node = node.item;
			path += '.*';
		}
		return node.kind === 'string' ? [path] : [];
	});
}

/** What an entry holds: every field of its schema filled, every text field with `text`. */
function fill(node: SchemaNode, text: string, references: Record<string, string>): unknown {
	switch (node.kind) {
		case 'object':
			return Object.fromEntries(
				node.fields.map((field) => [field.key, fill(field.node, text, references)])
			);
		case 'array':
			return Array.from({ length: Math.max(node.minItems ?? 1, 1) }, () =>
				fill(node.item, text, references)
			);
		case 'string':
			return text;
		case 'reference':
			return references[node.collection];
		case 'enum':
			return node.values[0];
		case 'number': {
			let value = Math.max(node.min ?? 1, 1);
			if (node.max !== undefined) value = Math.min(value, node.max);
			return value;
		}
		case 'boolean':
			return true;
		case 'date':
			return '2026-11-23';
		case 'unknown':
			return undefined;
	}
}

function setAt(data: unknown, path: Path, value: unknown): void {
	let node = data as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	if (value === undefined) {
		if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
		else delete node[path.at(-1)!];
	} else node[path.at(-1)!] = value;
}

/** An entry of a collection carrying a payload, and what its schema did with it. */
export interface PayloadEntry {
	data: unknown;
	/** Text fields that carry the payload (patterns such as `agreements.*.notes.fr`). */
	carrying: string[];
	/** Text fields whose schema rejected the payload (addresses, codes…), with the message. */
	rejected: { field: string; message: string }[];
}

/**
 * An entry of `collection` with `text` in every text field its schema accepts it in; the others
 * get a valid value of the real content, or are left out when optional. Every text field of the
 * schema is covered, so a field added later carries the payloads by itself.
 */
export function payloadEntry(
	collection: CollectionDefinition,
	text: string,
	references: Record<string, string>
): PayloadEntry {
	const tree = schemaTree(collection.schema as z.core.$ZodType);
	const textFields = textPaths(tree);
	const real = realValues(collection);
	const data = fill(tree, text, references) as Record<string, unknown>;
	const rejected: PayloadEntry['rejected'] = [];
	const replaced = new Set<string>();
	for (let round = 0; round < 20; round++) {
		const validated = validateData(collection.schema, structuredClone(data), 'payload.yaml');
		if (validated.ok) {
			const carrying = textFields.filter(
				(field) => !rejected.some((rejection) => rejection.field === field)
			);
			return { data, carrying, rejected };
		}
		for (const problem of validated.problems) {
			const path = problem.field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
			const field = pattern(path);
			if (!textFields.includes(field)) {
				// A number or a code the schema describes more narrowly than its tree says (a year
				// from 1950): a value of the real content.
				const known = real.get(field)?.[0];
				if (known === undefined || replaced.has(problem.field))
					throw new Error(
						`${collection.name}: ${problem.field} rejects a filled entry: ${problem.message}`
					);
				replaced.add(problem.field);
				setAt(data, path, known);
				continue;
			}
			if (replaced.has(problem.field))
				throw new Error(
					`${collection.name}: ${problem.field} rejects the payload, and no file of the real content gives it a valid value to use instead: ${problem.message}`
				);
			replaced.add(problem.field);
			if (!rejected.some((rejection) => rejection.field === field))
				rejected.push({ field, message: problem.message });
			// A valid value from the real content, or nothing (the field is then optional).
			setAt(data, path, real.get(field)?.[0]);
		}
	}
	throw new Error(`${collection.name}: no valid entry found with the payload ${text}`);
}

/** The YAML of an entry. */
export const toYaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/** The entries that carry one payload, and the ids of those with a page. */
export interface PayloadEntries {
	results: Record<'partner' | 'country' | 'programme' | 'contact' | 'glossary', PayloadEntry>;
	ids: { partner: string; country: string; programme: string };
}

/**
 * For each payload, a partner, a country, a programme, a contact and a glossary term carrying
 * it (by payload code), and their files (by path in the project): the same every time, so that
 * the tests can read what the build of a copy holding these files was given.
 */
export function payloadContent(): {
	entries: Map<string, PayloadEntries>;
	files: Record<string, string>;
} {
	const contact = readContent(projectRoot).raw.contacts[0]!.id;
	const taken = new Set(readContent(projectRoot).raw.countries.map((entry) => entry.id));
	const codes = spareCountryCodes.filter((code) => !taken.has(code));
	if (codes.length < payloads.length)
		throw new Error(
			`${payloads.length} payloads and only ${codes.length} spare country codes: add some to spareCountryCodes`
		);
	const entries = new Map<string, PayloadEntries>();
	const files: Record<string, string> = {};
	payloads.forEach((payload, index) => {
		const id = `test-payload-${index + 1}`;
		const ids = { partner: id, country: codes[index]!, programme: id };
		const contactEntry = payloadEntry(contacts, payload.text, {});
		const term = payloadEntry(glossary, payload.text, {});
		const programme = payloadEntry(programmes, payload.text, { contacts: id });
		const country = payloadEntry(countries, payload.text, {});
		const partner = payloadEntry(partners, payload.text, {
			countries: ids.country,
			programmes: ids.programme,
			contacts: contact,
		});
		files[`content/contacts/${id}.yaml`] = toYaml(contactEntry.data);
		files[`content/glossary/${id}.yaml`] = toYaml(term.data);
		files[`content/programmes/${ids.programme}.yaml`] = toYaml(programme.data);
		files[`content/countries/${ids.country}.yaml`] = toYaml(country.data);
		files[`content/partners/${ids.partner}.yaml`] = toYaml(partner.data);
		entries.set(payload.code, {
			results: { partner, country, programme, contact: contactEntry, glossary: term },
			ids,
		});
	});
	return { entries, files };
}

export { contacts, countries, glossary, partners, programmes };
