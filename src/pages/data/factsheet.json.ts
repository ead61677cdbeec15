import type { APIRoute } from 'astro';
import { factsheetToEwp } from '../../lib/exporters/ewp-factsheet';
import { getSiteData } from '../../loaders/site-data';

/** The school's factsheet for partner offices, in the structure of the EWP Mobility Factsheet API. */
export const GET: APIRoute = async () => {
	const { factsheet, contactById } = await getSiteData();
	if (!factsheet) throw new Error('content/factsheet/mines-ales.yaml is missing.');
	return new Response(
		JSON.stringify(
			factsheetToEwp(factsheet, { contact: contactById.get('head-of-office') }),
			null,
			'\t'
		) + '\n',
		{ headers: { 'Content-Type': 'application/json; charset=utf-8' } }
	);
};
