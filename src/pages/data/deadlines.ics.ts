import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/content';
import { deadlinesCalendar } from '../../lib/exports';

/** Nomination and application deadlines of every partner, as an iCalendar feed. */
export const GET: APIRoute = async ({ site }) => {
	const { partners } = await getSiteData();
	return new Response(
		deadlinesCalendar(partners, { name: 'Mines Alès — partner deadlines', site }),
		{
			headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
		}
	);
};
