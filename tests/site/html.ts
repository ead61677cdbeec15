import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

/** A parsed page: parse5's tree, as a browser would build it from the built HTML. */
export const parseHtml = (html: string) => parse(html);

/** The value of an attribute of an element, or `undefined`. */
export const attribute = (element: Element, name: string) =>
	element.attrs.find((attr) => attr.name === name)?.value;

const isElement = (node: Node): node is Element => 'tagName' in node;

/** Elements whose text is not read as the page's prose. */
const skipped = new Set(['script', 'style', 'template', 'noscript']);

/** A run of text and where it sits: its element, the element's effective language. */
export interface TextInContext {
	text: string;
	element: Element;
	/** The `lang` of the nearest ancestor (or the element itself) that has one. */
	lang: string | undefined;
	/** `text` for a text node, or the name of the attribute it comes from (`alt`, `title`…). */
	source: string;
}

/** Attributes whose text a screen reader reads out. */
const spokenAttributes = ['alt', 'title', 'aria-label', 'placeholder'];

/**
 * Every piece of text of a document a reader meets (text nodes, and the attributes a screen
 * reader reads out) with its effective language, following `lang` down the tree as browsers do.
 */
export function* textsWithLang(document: Node): Generator<TextInContext> {
	function* walk(
		node: Node,
		lang: string | undefined,
		parent: Element | undefined
	): Generator<TextInContext> {
		if (isElement(node)) {
			if (skipped.has(node.tagName)) return;
			const own = attribute(node, 'lang');
			const effective = own === undefined ? lang : own;
			for (const name of spokenAttributes) {
				const value = attribute(node, name);
				if (value) yield { text: value, element: node, lang: effective, source: name };
			}
			for (const child of node.childNodes) yield* walk(child, effective, node);
			return;
		}
		if (node.nodeName === '#text' && parent) {
			yield {
				text: (node as DefaultTreeAdapterTypes.TextNode).value,
				element: parent,
				lang,
				source: 'text',
			};
			return;
		}
		if ('childNodes' in node) for (const child of node.childNodes) yield* walk(child, lang, parent);
	}
	yield* walk(document, undefined, undefined);
}

/** Every element of a document, in document order (template contents left out). */
export function* elements(node: Node): Generator<Element> {
	if (isElement(node)) yield node;
	if ('childNodes' in node && !(isElement(node) && node.tagName === 'template'))
		for (const child of node.childNodes) yield* elements(child);
}

/** The text of an element as a reader sees it: its text nodes and images' `alt`, whitespace collapsed. */
export function textContent(node: Node): string {
	const parts: string[] = [];
	const walk = (current: Node) => {
		if (isElement(current)) {
			if (skipped.has(current.tagName)) return;
			if (current.tagName === 'img') parts.push(attribute(current, 'alt') ?? '');
			if (attribute(current, 'aria-hidden') === 'true') return;
		}
		if (current.nodeName === '#text')
			parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
		if ('childNodes' in current) current.childNodes.forEach(walk);
	};
	walk(node);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * A short description of where an element is, for failure messages:
 * `main > div.sl-markdown-content > p > a`.
 */
export function describe(element: Element): string {
	const path: string[] = [];
	for (
		let current: Element | undefined = element;
		current && current.tagName !== 'html' && path.length < 5;
		current = current.parentNode && isElement(current.parentNode) ? current.parentNode : undefined
	) {
		const id = attribute(current, 'id');
		const className = attribute(current, 'class')
			?.split(/\s+/)
			.find((name) => name && !name.startsWith('astro-'));
		path.unshift(`${current.tagName}${id ? `#${id}` : className ? `.${className}` : ''}`);
		if (id) break;
	}
	return path.join(' > ');
}
