import type { APIRoute } from 'astro';
import { deadlinesCalendar } from '../../../lib/exports';
import { partnerDataPaths } from '../../../lib/content';
import type { Partner } from '../../../lib/site-data';

export const getStaticPaths = partnerDataPaths;

/** One partner's nomination and application deadlines, as an iCalendar feed. */
export const GET: APIRoute<{ partner: Partner }> = ({ props: { partner }, site }) =>
	new Response(
		deadlinesCalendar([partner], { name: `${partner.data.name.en} — deadlines`, site }),
		{
			headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
		}
	);
