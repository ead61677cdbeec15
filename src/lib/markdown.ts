import { Marked } from 'marked';
import { withBase } from './i18n';

/**
 * Renders the Markdown prose kept in data files (country guides, programme pages) to HTML.
 * Root-relative links get the site's base path, and links to other sites open as usual but are
 * marked for assistive technologies by the page's styles.
 * @see https://marked.js.org/using_pro#renderer
 */
const marked = new Marked({
	gfm: true,
	async: false,
	walkTokens(token) {
		if (token.type === 'link') token.href = withBase(token.href);
	},
});

/** Renders a Markdown string to HTML. */
export function renderMarkdown(source: string): string {
	return marked.parse(source, { async: false });
}

/** Renders a short Markdown string without its wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
	return marked.parseInline(source, { async: false });
}
