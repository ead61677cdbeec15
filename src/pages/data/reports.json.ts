import type { APIRoute } from 'astro';
import { reportsDataset } from '../../lib/exporters/reports';
import { getSiteData } from '../../loaders/site-data';

/** The returnee reports as JSON, consented ones only (see `src/lib/exporters/reports.ts`). */
export const GET: APIRoute = async ({ site }) => {
	const { reports } = await getSiteData();
	return new Response(JSON.stringify(reportsDataset(reports, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
