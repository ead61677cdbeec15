import type { APIRoute } from 'astro';
import { getEwpFactsheet } from '../../loaders/ewp-factsheet';

/**
 * The school's factsheet as the EWP Mobility Factsheet API answers it (`factsheet-response`,
 * stable-v1). Written only once every fact the schema requires is in the content: until then the
 * response has no body, so the build writes no file (and the open-data page says what is missing).
 */
export const GET: APIRoute = async () => {
	const factsheet = await getEwpFactsheet();
	if (!factsheet?.xml) return new Response(null, { status: 404 });
	return new Response(factsheet.xml, {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
