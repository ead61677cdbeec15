import type { APIRoute } from 'astro';
import { partnersDataset } from '../../lib/exporters/partners';
import { getSiteData } from '../../loaders/site-data';

/** The whole partner dataset as JSON (see `src/schemas/partner-export.ts`). */
export const GET: APIRoute = async ({ site }) => {
	const { partners } = await getSiteData();
	return new Response(JSON.stringify(partnersDataset(partners, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
