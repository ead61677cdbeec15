/**
 * Escapes text for use in HTML built as a string (fact lists).
 * @example escapeHtml('R&D <lab>') // 'R&amp;D &lt;lab&gt;'
 */
export function escapeHtml(text: string): string {
	return text
		.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
		.replace(/&#38;/g, '&amp;')
		.replace(/&#60;/g, '&lt;')
		.replace(/&#62;/g, '&gt;');
}

/** An HTML link; `external` links get `rel="noopener"`. */
export function linkHtml(url: string, text: string): string {
	const external = /^https?:/.test(url);
	return `<a href="${escapeHtml(url)}"${external ? ' rel="noopener"' : ''}>${escapeHtml(text)}</a>`;
}
