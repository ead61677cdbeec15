/**
 * The doc comments of a schema as `schema-docs.ts` reads them, apart from that reader (which
 * loads the TypeScript compiler): the web editor reads the hints from the build cache.
 */

/** The comments of a value: its own, and those of its fields or of its list's items. */
export interface DocTree {
	/** The comment, in English, without its tags. */
	doc?: string | undefined;
	/** Its `@fr` tag: what the field is, in French, for the office. */
	fr?: string | undefined;
	fields?: Record<string, DocTree>;
	item?: DocTree;
}
/**
 * The comment of a field at a path (`*` for list items) of a doc tree: its English text, or its
 * `@fr` tag.
 */
export function docAt(
	tree: DocTree | undefined,
	path: readonly string[],
	lang: 'en' | 'fr' = 'en'
): string | undefined {
	let node = tree;
	for (const key of path) node = key === '*' ? node?.item : node?.fields?.[key];
	return lang === 'fr' ? node?.fr : node?.doc;
}
