import type { APIRoute } from 'astro';
import { partnersCsv } from '../../lib/exporters/partners';
import { getSiteData } from '../../loaders/site-data';

/** Every agreement of every partner as CSV, for spreadsheets. */
export const GET: APIRoute = async ({ site }) => {
	const { partners } = await getSiteData();
	return new Response(partnersCsv(partners, site), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
