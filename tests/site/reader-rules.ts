import type { DefaultTreeAdapterTypes } from 'parse5';
import { attribute, elements, parseHtml, textContent, type Element } from './html';

/**
 * What the reader-facing rules count on a built page, as pure functions of its HTML, so that
 * unit tests can show each count fails on a page that breaks its rule (`tests/unit/reader-rules.test.ts`)
 * and site tests apply them to every page (`tests/site/reader-rules.test.ts`).
 */

type Node = DefaultTreeAdapterTypes.Node;

const isElement = (node: Node): node is Element => 'tagName' in node;
const hasClass = (element: Element, name: string) =>
	(attribute(element, 'class') ?? '').split(/\s+/).includes(name);

/** The one box of a page that names what only the office can give (`<AskOffice>`). */
const isAskOfficeBox = (element: Element) => attribute(element, 'data-ask-office') !== undefined;

/**
 * Parts of `<main>` that are not the page's own content: the Sources block (`.provenance`),
 * the tables of contents, the "ask the office" box (counted on its own), scripts and styles.
 */
function isLeftOut(element: Element): boolean {
	return (
		hasClass(element, 'provenance') ||
		isAskOfficeBox(element) ||
		element.tagName === 'nav' ||
		element.tagName === 'starlight-toc' ||
		element.tagName === 'mobile-starlight-toc' ||
		['script', 'style', 'template', 'noscript'].includes(element.tagName)
	);
}

/** The text of a page's main content, without the Sources block and the "ask the office" box. */
export function mainText(html: string | Node): string {
	const document = typeof html === 'string' ? parseHtml(html) : html;
	const main = [...elements(document)].find((element) => element.tagName === 'main');
	if (!main) return '';
	const parts: string[] = [];
	const walk = (node: Node) => {
		if (isElement(node)) {
			if (isLeftOut(node)) return;
			// Block boundaries separate words, as a reader sees them.
			parts.push(' ');
		}
		if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
		if ('childNodes' in node) node.childNodes.forEach(walk);
	};
	walk(main);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Sentences of prose that send readers to the office for something, in either language. */
export const officePatterns =
	/à demander au Service|\bdemandez[^.;:]{0,60}\bau Service\b|\bdemander[^.;:]{0,60}\bau Service\b|renseignez-vous auprès du Service|\bask the (?:Service|office)\b|\bcontact the (?:Service|office)\b[^.;:]{0,80}\bfor\b/giu;

/** The lines of a page that send readers to the office: its boxes, and such sentences in prose. */
export function officeLines(html: string): { boxes: number; prose: string[] } {
	const document = parseHtml(html);
	const boxes = [...elements(document)].filter(isAskOfficeBox).length;
	return {
		boxes,
		prose: [...mainText(document).matchAll(officePatterns)].map((match) => match[0]),
	};
}

/** Attributions of a statement to a source ("Selon…", "D’après…", "According to…"). */
export const attributionPattern = /(?<![\p{L}])(?:selon|d['’]après|according to)(?![\p{L}])/giu;

/** The attributions of a page's main content (the Sources block left out). */
export function attributions(html: string): string[] {
	const text = mainText(html);
	return [...text.matchAll(attributionPattern)].map((match) =>
		text.slice(Math.max(0, match.index - 30), match.index + 50)
	);
}

/** The value (`<dd>`) of a fact of the page's description lists, by its label (`<dt>`). */
export function factValue(html: string, label: string): Element | undefined {
	for (const element of elements(parseHtml(html))) {
		if (element.tagName !== 'dt' || !textContent(element).startsWith(label)) continue;
		// The `<dd>` that follows, in the same group (`<div><dt/><dd/></div>`) or directly.
		const siblings = (element.parentNode as Element).childNodes.filter(isElement);
		const next = siblings
			.slice(siblings.indexOf(element) + 1)
			.find((node) => node.tagName === 'dd');
		if (next) return next;
	}
	return undefined;
}

/** The links of an element, as their addresses. */
export const linksIn = (element: Element): string[] =>
	[...elements(element)]
		.filter((node) => node.tagName === 'a')
		.map((node) => attribute(node, 'href') ?? '');

/** The emergency numbers a country guide states in its key facts (`tel:` links of the fact). */
export function emergencyNumbers(html: string, label: string): string[] {
	const value = factValue(html, label);
	return value
		? linksIn(value)
				.filter((href) => /^tel:\d{2,4}$/.test(href))
				.map((href) => href.slice('tel:'.length))
		: [];
}

/** The partner pages a page's lists link to, by list kind (`data-partner-list`). */
export function partnerLinks(html: string, kind: 'partners' | 'contacts'): string[] {
	return [...elements(parseHtml(html))]
		.filter((element) => attribute(element, 'data-partner-list') === kind)
		.flatMap(linksIn)
		.map((href) => /\/partenaires\/([^/]+)\/$/.exec(href)?.[1] ?? href);
}

/** The number of presented partners a page's network statement gives. */
export function statedPartnerCount(html: string): number | undefined {
	const value = /data-presented-partners="(\d+)"/.exec(html)?.[1];
	return value === undefined ? undefined : Number(value);
}
