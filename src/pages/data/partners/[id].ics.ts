import type { APIRoute } from 'astro';
import { deadlinesCalendar } from '../../../lib/exporters/partners';
import type { Partner } from '../../../lib/resolve';
import { partnerDataPaths } from '../../../loaders/site-data';

export const getStaticPaths = partnerDataPaths;

/** One partner's nomination and application deadlines, as an iCalendar feed. */
export const GET: APIRoute<{ partner: Partner }> = ({ props: { partner }, site }) =>
	new Response(
		deadlinesCalendar([partner], { name: `${partner.data.name.en} — deadlines`, site }),
		{ headers: { 'Content-Type': 'text/calendar; charset=utf-8' } }
	);
