import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../lib/content';
import { partnerToExport } from '../../../lib/exports';

export const getStaticPaths = (async () => {
	const { partners } = await getSiteData();
	return partners.map((partner) => ({ params: { id: partner.id } }));
}) satisfies GetStaticPaths;

/** One partner as JSON, in the same form as in `/data/partners.json`. */
export const GET: APIRoute = async ({ params, site }) => {
	const partner = (await getSiteData()).partnerById.get(params.id ?? '')!;
	return new Response(JSON.stringify(partnerToExport(partner, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
