/**
 * A small XML writer for the files the site publishes (the EWP factsheet): elements, attributes
 * and text, nothing else (no mixed content, no comments, no DTD). Text and attribute values are
 * escaped here, once, so that callers pass plain strings.
 */

/** An element: its qualified name (`p:e164`), its attributes and its children. */
export interface XmlElement {
	name: string;
	attributes: Readonly<Record<string, string>>;
	children: readonly XmlElement[] | string;
}

/**
 * An element with text or child elements. Children given as `undefined` are left out, so that an
 * optional element can be written inline (`value && element('x', value)`).
 */
export function element(
	name: string,
	content: string | number | readonly (XmlElement | undefined | false)[],
	attributes: Readonly<Record<string, string>> = {}
): XmlElement {
	return {
		name,
		attributes,
		children:
			typeof content === 'string' || typeof content === 'number'
				? String(content)
				: content.filter((child): child is XmlElement => Boolean(child)),
	};
}

/**
 * Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, line feed
 * and carriage return, unpaired surrogates, U+FFFE and U+FFFF. They are dropped.
 */
const forbidden =
	// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&`, `<` and `>` as entities (`>` too, so that `]]>` never appears). */
export function escapeText(text: string): string {
	return text
		.replace(forbidden, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#13;');
}

/** An attribute value, for double quotes: also `"`, and tab and line breaks as references. */
export function escapeAttribute(value: string): string {
	return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function write(node: XmlElement, depth: number, lines: string[]): void {
	const indent = '\t'.repeat(depth);
	const attributes = Object.entries(node.attributes)
		.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
		.join('');
	if (typeof node.children === 'string') {
		lines.push(`${indent}<${node.name}${attributes}>${escapeText(node.children)}</${node.name}>`);
	} else if (node.children.length === 0) {
		lines.push(`${indent}<${node.name}${attributes}/>`);
	} else {
		lines.push(`${indent}<${node.name}${attributes}>`);
		for (const child of node.children) write(child, depth + 1, lines);
		lines.push(`${indent}</${node.name}>`);
	}
}

/** A whole document in UTF-8, with its XML declaration, indented with tabs. */
export function xmlDocument(root: XmlElement): string {
	const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
	write(root, 0, lines);
	return lines.join('\n') + '\n';
}
