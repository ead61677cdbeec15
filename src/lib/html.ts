/**
 * Escapes text for use in HTML built as a string (fact lists).
 * @example escapeHtml('R&D <lab>') // 'R&amp;D &lt;lab&gt;'
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
