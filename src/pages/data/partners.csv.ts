import type { APIRoute } from 'astro';
import { partnersCsv } from '../../lib/exporters/partners';
import { getSiteData } from '../../loaders/site-data';

/** The workbook's partner sheet as CSV, for spreadsheets (one row per partner). */
export const GET: APIRoute = async () => {
	const { partners } = await getSiteData();
	return new Response(partnersCsv(partners), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
