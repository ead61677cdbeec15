import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { z } from 'astro/zod';
import { descriptions } from '../../schemas/common.ts';
import { DATASET_VERSION, datasetSchema, type Dataset } from '../../schemas/partner-export.ts';
import type { Partner } from '../resolve.ts';
import { absoluteUrl, pageHref, routes } from '../routes.ts';
import { deadlineEvents, partnerExport } from '../views/partner.ts';
import { partnerSheets, sheetCsv, sheetRows, type PartnerRecord } from './workbook.ts';
import { isoDate } from '../dates.ts';

/**
 * The partner data as files for reuse: JSON (whole dataset and one file per partner), CSV (the
 * workbook's partner sheet) and iCalendar (nomination and application deadlines). Each serialises the
 * records of the partner view (`src/lib/views/partner.ts`), derived from the same resolved
 * partners as the pages.
 */

/** The whole dataset. */
export function partnersDataset(partners: Partner[], site: URL | undefined): Dataset {
	const latest = partners.reduce(
		(max, partner) => Math.max(max, partner.data.consulted.getTime()),
		0
	);
	return {
		version: DATASET_VERSION,
		consulted: isoDate(new Date(latest)),
		source: absoluteUrl(site, pageHref('fr', routes.home())),
		partners: partners.map((partner) => partnerExport(partner, site)),
	};
}

/**
 * The JSON Schema of the dataset (`/data/partners.schema.json`), generated from the zod schema:
 * each field described by its `field()`.
 */
export function datasetJsonSchema(id: string): Record<string, unknown> {
	return {
		$id: id,
		...z.toJSONSchema(datasetSchema, {
			target: 'draft-2020-12',
			unrepresentable: 'any',
			// Each field's English description, from its `field()`.
			metadata: descriptions,
		}),
	};
}

/**
 * The partners as CSV for spreadsheets: the workbook's `partners` sheet (`./workbook.ts`), with
 * the same columns and the same cell rules — one row per partner, lists in one cell separated by
 * `;`, a text that would start a formula after a `'` (`./cells.ts`). UTF-8 with a byte-order mark
 * so that Excel reads accents correctly. `npm run import:partners` reads it back.
 */
export function partnersCsv(partners: readonly PartnerRecord[]): string {
	const [sheet] = partnerSheets();
	return sheetCsv(
		sheet!.columns.map((column) => column.header),
		sheetRows(sheet!, partners)
	);
}

/**
 * Nomination and application deadlines as an iCalendar feed (RFC 5545): one all-day event per
 * deadline, repeating every year, with a stable UID so that subscribed calendars update in place.
 * A feed with no deadline still holds a VTIMEZONE, since RFC 5545 requires one component.
 * @see https://sebbo2002.github.io/ical-generator/
 */
export function deadlinesCalendar(
	partners: Partner[],
	{ name, site }: { name: string; site: URL | undefined }
): string {
	const calendar = ical({
		name,
		prodId: { company: 'IMT Mines Ales', product: 'international-site', language: 'EN' },
		method: ICalCalendarMethod.PUBLISH,
	});
	for (const partner of partners) {
		for (const event of deadlineEvents(partner, site)) {
			calendar.createEvent({
				id: event.uid,
				start: event.start,
				allDay: true,
				repeating: { freq: ICalEventRepeatingFreq.YEARLY },
				stamp: event.stamp,
				summary: event.summary,
				url: event.url,
			});
		}
	}
	if (calendar.events().length === 0)
		calendar.timezone({ name: 'Europe/Paris', generator: getVtimezoneComponent });
	return calendar.toString();
}
