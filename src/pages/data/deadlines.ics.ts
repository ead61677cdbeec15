import type { APIRoute } from 'astro';
import { deadlinesCalendar } from '../../lib/exporters/partners';
import { getSiteData } from '../../loaders/site-data';

/** Nomination and application deadlines of every partner, as an iCalendar feed. */
export const GET: APIRoute = async ({ site }) => {
	const { partners } = await getSiteData();
	return new Response(
		deadlinesCalendar(partners, { name: 'Mines Alès — partner deadlines', site }),
		{ headers: { 'Content-Type': 'text/calendar; charset=utf-8' } }
	);
};
