import type { APIRoute } from 'astro';
import { reportsCsv } from '../../lib/exporters/reports';
import { getSiteData } from '../../loaders/site-data';

/** The returnee reports as CSV, one row per report, consented ones only, for spreadsheets. */
export const GET: APIRoute = async ({ site }) => {
	const { reports } = await getSiteData();
	return new Response(reportsCsv(reports, site), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
