import { getEntry } from 'astro:content';
import type { LegalData } from '../schemas/legal';

let cache: Promise<LegalData> | undefined;

/**
 * The facts of the legal notice, the personal-data page and the accessibility statement
 * (`content/site/legal.yaml`), loaded once per build: every page's footer reads the
 * accessibility status from it.
 */
export function getLegal(): Promise<LegalData> {
	cache ??= (async () => {
		const entry = await getEntry('legal', 'legal');
		if (!entry)
			throw new Error(
				'content/site/legal.yaml is missing: the footer’s accessibility status and the legal pages are published from it.'
			);
		return entry.data;
	})();
	return cache;
}
