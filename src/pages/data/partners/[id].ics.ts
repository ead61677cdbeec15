import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../lib/content';
import { deadlinesCalendar } from '../../../lib/exports';

export const getStaticPaths = (async () => {
	const { partners } = await getSiteData();
	return partners.map((partner) => ({ params: { id: partner.id } }));
}) satisfies GetStaticPaths;

/** One partner's nomination and application deadlines, as an iCalendar feed. */
export const GET: APIRoute = async ({ params, site }) => {
	const partner = (await getSiteData()).partnerById.get(params.id ?? '')!;
	return new Response(
		deadlinesCalendar([partner], { name: `${partner.data.name.en} — deadlines`, site }),
		{
			headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
		}
	);
};
