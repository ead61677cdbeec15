import type { APIRoute } from 'astro';
import { reportsCsv } from '../../lib/exporters/reports';
import { getSiteData } from '../../loaders/site-data';

/** The returnee reports as CSV (the workbook's sheet), consented ones only, for spreadsheets. */
export const GET: APIRoute = async () => {
	const { reports } = await getSiteData();
	return new Response(reportsCsv(reports), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
