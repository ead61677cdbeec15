import { getCollection } from 'astro:content';
import { ewpFactsheetXml, type EwpFactsheetXml } from '../lib/exporters/ewp-factsheet-xml';
import type { FactsheetData } from '../schemas/factsheet';
import { getSiteData } from './site-data';

let cache: Promise<EwpFactsheetXml | undefined> | undefined;

/**
 * The school's factsheet as an EWP `factsheet-response` (`/data/factsheet.xml`), or what it
 * lacks to be one; undefined without a factsheet file. Built once per build, shared by the file
 * and the open-data page.
 */
export function getEwpFactsheet(): Promise<EwpFactsheetXml | undefined> {
	cache ??= (async () => {
		const [entry] = await getCollection('factsheet');
		if (!entry) return undefined;
		const { contactById } = await getSiteData();
		return ewpFactsheetXml(entry.data as FactsheetData, (id) => contactById.get(id)?.data);
	})();
	return cache;
}
