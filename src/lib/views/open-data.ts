import type { Lang } from '../../vocab/locales.ts';
import type { EwpFactsheetXml } from '../exporters/ewp-factsheet-xml.ts';
import type { Partner } from '../resolve.ts';
import { dataFiles, fileHref } from '../routes.ts';
import type { Translate } from './values.ts';

/** A published data file, for partner offices. */
export interface DataFileView {
	/** Absent while the file is not published. */
	href?: string | undefined;
	title: string;
	format: string;
	description: string;
	/** What the file waits for, when it is not published yet. */
	missing?: string[] | undefined;
}

/**
 * The open-data page: every file the site publishes for reuse, in one place for partner offices,
 * so that student pages need not speak of formats.
 */
export function openDataPage(
	partners: readonly Partner[],
	lang: Lang,
	t: Translate,
	ewp?: EwpFactsheetXml,
	{ recognitions = 0, reports = 0 }: { recognitions?: number; reports?: number } = {}
) {
	const count = partners.length;
	const files: DataFileView[] = [
		{
			href: fileHref(dataFiles.partnersJson()),
			title: t('openData.partnersJson'),
			format: 'JSON',
			description: t('openData.partnersJsonDescription', { count }),
		},
		{
			href: fileHref(dataFiles.partnersSchema()),
			title: t('openData.schema'),
			format: 'JSON Schema',
			description: t('openData.schemaDescription'),
		},
		{
			href: fileHref(dataFiles.partnersCsv()),
			title: t('openData.csv'),
			format: 'CSV',
			description: t('openData.csvDescription'),
		},
		{
			href: fileHref(dataFiles.partnersXlsx()),
			title: t('openData.xlsx'),
			format: 'Excel (.xlsx)',
			description: t('openData.xlsxDescription'),
		},
		{
			href: fileHref(dataFiles.deadlines()),
			title: t('openData.ics'),
			format: 'iCalendar',
			description: t('openData.icsDescription'),
		},
		{
			href: fileHref(dataFiles.factsheet()),
			title: t('openData.factsheet'),
			format: 'JSON, Erasmus Without Paper',
			description: t('openData.factsheetDescription'),
		},
		// The EWP file is written only once the office has entered what its schema requires.
		...(ewp
			? [
					{
						...(ewp.xml ? { href: fileHref(dataFiles.factsheetXml()) } : {}),
						title: t('openData.factsheetXml'),
						format: 'XML, Erasmus Without Paper',
						description: ewp.xml
							? t('openData.factsheetXmlDescription')
							: t('openData.factsheetXmlPending', {
									path: fileHref(dataFiles.factsheetXml()),
									interpolation: { escapeValue: false },
								}),
						...(ewp.xml ? {} : { missing: ewp.gaps.map((gap) => gap.label[lang]) }),
					},
				]
			: []),
		{
			href: fileHref(dataFiles.recognitionsJson()),
			title: t('openData.recognitionsJson'),
			format: 'JSON',
			description: t('openData.recognitionsJsonDescription', { count: recognitions }),
		},
		{
			href: fileHref(dataFiles.recognitionsCsv()),
			title: t('openData.recognitionsCsv'),
			format: 'CSV',
			description: t('openData.recognitionsCsvDescription'),
		},
		{
			href: fileHref(dataFiles.reportsJson()),
			title: t('openData.reportsJson'),
			format: 'JSON',
			description: t('openData.reportsJsonDescription', { count: reports }),
		},
		{
			href: fileHref(dataFiles.reportsCsv()),
			title: t('openData.reportsCsv'),
			format: 'CSV',
			description: t('openData.reportsCsvDescription'),
		},
	];
	return {
		title: t('openData.title'),
		description: t('openData.description'),
		intro: t('openData.intro'),
		files,
		perPartner: t('openData.perPartner', {
			json: dataFiles.partnerJson('<id>'),
			ics: dataFiles.partnerIcs('<id>'),
			// Text, escaped once by the page: not by the translation too ("&#x2F;data&#x2F;…").
			interpolation: { escapeValue: false },
		}),
		licence: t('openData.note'),
		lang,
	};
}
