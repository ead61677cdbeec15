import type { APIRoute } from 'astro';
import { getFactsheet, getSiteData } from '../../lib/content';
import { factsheetToEwp } from '../../lib/factsheet';

/** The school's factsheet for partner offices, in the structure of the EWP Mobility Factsheet API. */
export const GET: APIRoute = async () => {
	const [factsheet, { contactById }] = await Promise.all([getFactsheet(), getSiteData()]);
	return new Response(
		JSON.stringify(
			factsheetToEwp(factsheet, { contact: contactById.get('head-of-office') }),
			null,
			'\t'
		) + '\n',
		{
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
		}
	);
};
