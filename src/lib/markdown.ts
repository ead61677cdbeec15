import GithubSlugger from 'github-slugger';
import { Marked, type Tokens } from 'marked';
import { withBase } from './i18n';

/**
 * Renders the Markdown prose kept in data files (country guides, programme pages, glossary) to
 * HTML: root-relative links get the site's base path, and headings get ids (as Starlight gives
 * Markdown pages) so that they appear in the page's table of contents.
 * @see https://marked.js.org/using_pro#renderer
 */

/** A heading of rendered prose, as Starlight's table of contents takes it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

const base = {
	gfm: true,
	async: false as const,
	walkTokens: (token: { type: string; href?: string }) => {
		if (token.type === 'link' && token.href) token.href = withBase(token.href);
	},
};
const inline = new Marked(base);

/**
 * Renders Markdown to HTML and lists its headings. Pass the same `slugger` for every piece of
 * prose of a page so that ids stay unique on it.
 */
export function renderMarkdown(
	source: string,
	slugger: GithubSlugger = new GithubSlugger()
): { html: string; headings: Heading[] } {
	const headings: Heading[] = [];
	const marked = new Marked(base, {
		renderer: {
			heading(
				this: { parser: { parseInline: (tokens: Tokens.Heading['tokens']) => string } },
				{ tokens, depth, text }: Tokens.Heading
			) {
				const slug = slugger.slug(text);
				headings.push({ depth, slug, text });
				return `<h${depth} id="${slug}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
			},
		},
	});
	return { html: marked.parse(source, { async: false }), headings };
}

/** Renders a short Markdown string without its wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
	return inline.parseInline(source, { async: false });
}
