import type { APIRoute } from 'astro';
import { partnerToExport } from '../../../lib/exports';
import { partnerDataPaths } from '../../../lib/content';
import type { Partner } from '../../../lib/site-data';

export const getStaticPaths = partnerDataPaths;

/** One partner as JSON, in the same form as in `/data/partners.json`. */
export const GET: APIRoute<{ partner: Partner }> = ({ props: { partner }, site }) =>
	new Response(JSON.stringify(partnerToExport(partner, site), null, '\t') + '\n', {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
