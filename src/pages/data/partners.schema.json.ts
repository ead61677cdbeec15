import type { APIRoute } from 'astro';
import { datasetJsonSchema } from '../../lib/exporters/partners';
import { absoluteUrl, dataFiles, fileHref } from '../../lib/routes';

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
