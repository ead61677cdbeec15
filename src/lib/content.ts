import { getCollection } from 'astro:content';
import { resolveFactsheet, type Factsheet, type RawFactsheet } from './factsheet';
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

let factsheetCache: Promise<Factsheet> | undefined;

/** The school's EWP factsheet (`content/factsheet/mines-ales.yaml`), with its contacts resolved. */
export function getFactsheet(): Promise<Factsheet> {
	factsheetCache ??= (async () => {
		const [{ contactById }, entries] = await Promise.all([
			getSiteData(),
			getCollection('factsheet'),
		]);
		const entry = entries.find((candidate) => candidate.id === 'mines-ales');
		if (!entry)
			throw new Error(
				'content/factsheet/mines-ales.yaml is missing: the school’s factsheet is published from it.'
			);
		return resolveFactsheet(
			entry.data as unknown as RawFactsheet,
			entry.filePath ?? 'content/factsheet/mines-ales.yaml',
			contactById
		);
	})();
	return factsheetCache;
}

/**
 * `getStaticPaths()` of the per-partner data files (`/data/partners/<id>.json`, `.ics`): one
 * path per partner, the partner passed as a prop.
 */
export async function partnerDataPaths() {
	const { partners } = await getSiteData();
	return partners.map((partner) => ({ params: { id: partner.id }, props: { partner } }));
}
