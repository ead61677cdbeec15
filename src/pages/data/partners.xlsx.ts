import type { APIRoute } from 'astro';
import { partnersXlsx } from '../../lib/exporters/workbook';
import { getSiteData } from '../../loaders/site-data';

/**
 * The partner list as an Excel workbook (one sheet per kind of record and a read-me), which
 * `npm run import:partners` reads back (see `src/lib/exporters/workbook.ts`).
 */
export const GET: APIRoute = async () => {
	const { partners, countries, programmes, recognitions, reports } = await getSiteData();
	const latest = Math.max(0, ...partners.map((partner) => partner.data.consulted.getTime()));
	const body = await partnersXlsx(partners, {
		references: {
			countries: countries.map((country) => ({ id: country.id, label: country.data.name })),
			programmes: programmes.map((programme) => ({
				id: programme.id,
				label: programme.data.name,
			})),
		},
		date: new Date(latest),
		entries: { recognitions, reports },
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		},
	});
};
