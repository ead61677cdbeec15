import type { APIRoute } from 'astro';
import { pageUrl } from '../../lib/exports';
import { datasetJsonSchema } from '../../schemas/partner-export';

/** The JSON Schema of `/data/partners.json`, generated from the zod schema. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		JSON.stringify(datasetJsonSchema(pageUrl(site, '/data/partners.schema.json')), null, '\t') +
			'\n',
		{
			headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
		}
	);
