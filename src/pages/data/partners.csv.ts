import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/content';
import { partnersCsv } from '../../lib/exports';

/** Every agreement of every partner as CSV, for spreadsheets. */
export const GET: APIRoute = async ({ site }) => {
	const { partners } = await getSiteData();
	return new Response(partnersCsv(partners, site), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
