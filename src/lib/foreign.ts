import { foreignTerms, termPattern } from '../vocab/foreign-terms.ts';
import type { Lang } from '../vocab/locales.ts';
import type { Part } from './views/values.ts';

/**
 * Marks the known foreign terms (`src/vocab/foreign-terms.ts`) of text written in the data files
 * with their language, so that screen readers switch voice (RGAA criterion 8.7): editors write
 * "the « convention de stage »" and the page carries `<span lang="fr">convention de stage</span>`.
 */

/** The terms foreign to a page's language, with one pattern each. */
const patterns: Record<Lang, { lang: string; pattern: RegExp }[]> = {
	fr: foreignTerms.fr.map(([lang, term]) => ({ lang, pattern: termPattern(term) })),
	en: foreignTerms.en.map(([lang, term]) => ({ lang, pattern: termPattern(term) })),
};

/** The foreign terms found in a text, in order, without overlaps. */
function findTerms(text: string, pageLang: Lang) {
	const found: { start: number; end: number; lang: string }[] = [];
	for (const { lang, pattern } of patterns[pageLang]) {
		for (const match of text.matchAll(pattern)) {
			const start = match.index;
			const end = start + match[0].length;
			if (!found.some((other) => start < other.end && end > other.start))
				found.push({ start, end, lang });
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

/**
 * Plain text as parts, the foreign terms marked with their language.
 * @example foreignParts('Sign the convention de stage.', 'en')
 * // [{ text: 'Sign the ' }, { text: 'convention de stage', lang: 'fr' }, { text: '.' }]
 */
export function foreignParts(text: string, pageLang: Lang): Part[] {
	const parts: Part[] = [];
	let position = 0;
	for (const { start, end, lang } of findTerms(text, pageLang)) {
		if (start > position) parts.push({ text: text.slice(position, start) });
		parts.push({ text: text.slice(start, end), lang });
		position = end;
	}
	if (position < text.length || parts.length === 0) parts.push({ text: text.slice(position) });
	return parts;
}

/**
 * Rendered HTML with the foreign terms of its text wrapped in `<span lang>`. Only text between
 * tags is touched, and never inside an element that already says its language.
 */
export function markForeignTerms(html: string, pageLang: Lang): string {
	let depth = 0;
	return html
		.split(/(<[^>]+>)/)
		.map((piece) => {
			if (piece.startsWith('<')) {
				if (/^<span\s[^>]*\blang=/.test(piece) || (depth > 0 && /^<span[\s>]/.test(piece))) depth++;
				else if (depth > 0 && piece === '</span>') depth--;
				return piece;
			}
			if (depth > 0 || piece === '') return piece;
			return findTerms(piece, pageLang).reduceRight(
				(text, { start, end, lang }) =>
					`${text.slice(0, start)}<span lang="${lang}">${text.slice(start, end)}</span>${text.slice(end)}`,
				piece
			);
		})
		.join('');
}
