import type { APIRoute } from 'astro';
import { absoluteUrl, dataFiles, fileHref } from '../../lib/routes';
import { datasetJsonSchema } from '../../schemas/partner-export';

/** The JSON Schema of `/data/partners.json`, generated from the zod schema. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		JSON.stringify(
			datasetJsonSchema(absoluteUrl(site, fileHref(dataFiles.partnersSchema()))),
			null,
			'\t'
		) + '\n',
		{ headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } }
	);
