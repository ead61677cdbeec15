import { getCollection } from 'astro:content';
import { resolveSiteData, type RawCollections, type SiteData } from './site-data';

let cache: Promise<SiteData> | undefined;

/**
 * All data collections, validated and with references resolved, loaded once per build and
 * shared by every route (pages, finder, map, exports). A reference to a missing entry stops the
 * build with the file and field at fault.
 */
export function getSiteData(): Promise<SiteData> {
	cache ??= (async () => {
		const [partners, countries, programmes, contacts, glossary] = await Promise.all([
			getCollection('partners'),
			getCollection('countries'),
			getCollection('programmes'),
			getCollection('contacts'),
			getCollection('glossary'),
		]);
		return resolveSiteData({
			partners,
			countries,
			programmes,
			contacts,
			glossary,
		} as RawCollections);
	})();
	return cache;
}
