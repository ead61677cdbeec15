import type { APIRoute } from 'astro';
import type { Partner } from '../../../lib/resolve';
import { partnerExport } from '../../../lib/views/partner';
import { partnerDataPaths } from '../../../loaders/site-data';

export const getStaticPaths = partnerDataPaths;

/** One partner as JSON, in the same form as in `/data/partners.json`. */
export const GET: APIRoute<{ partner: Partner }> = ({ props: { partner }, site }) =>
	new Response(JSON.stringify(partnerExport(partner, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
