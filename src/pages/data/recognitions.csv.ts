import type { APIRoute } from 'astro';
import { recognitionsCsv } from '../../lib/exporters/recognitions';
import { getSiteData } from '../../loaders/site-data';

/** The courses already recognised as CSV, one row per course, for spreadsheets. */
export const GET: APIRoute = async () => {
	const { recognitions } = await getSiteData();
	return new Response(recognitionsCsv(recognitions), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
