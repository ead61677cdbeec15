import { getCollection } from 'astro:content';
import { dataCollections } from '../lib/collections';
import { resolveSiteData, type RawCollections, type SiteData } from '../lib/resolve';

let cache: Promise<SiteData> | undefined;

/**
 * All data collections, validated and with references resolved, loaded once per build and
 * shared by every route (pages, finder, map, exports). A reference to a missing entry stops the
 * build with the file and field at fault.
 */
export function getSiteData(): Promise<SiteData> {
	cache ??= (async () => {
		const entries = await Promise.all(
			dataCollections.map(async ({ name }) => [name, await getCollection(name as never)] as const)
		);
		return resolveSiteData(Object.fromEntries(entries) as unknown as RawCollections);
	})();
	return cache;
}

/**
 * `getStaticPaths()` of the per-partner data files (`/data/partners/<id>.json`, `.ics`): one
 * path per partner, the partner passed as a prop.
 */
export async function partnerDataPaths() {
	const { partners } = await getSiteData();
	return partners.map((partner) => ({ params: { id: partner.id }, props: { partner } }));
}
