import type { APIRoute } from 'astro';
import { recognitionsDataset } from '../../lib/exporters/recognitions';
import { getSiteData } from '../../loaders/site-data';

/** The courses already recognised as JSON (see `src/lib/exporters/recognitions.ts`). */
export const GET: APIRoute = async ({ site }) => {
	const { recognitions } = await getSiteData();
	return new Response(JSON.stringify(recognitionsDataset(recognitions, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
