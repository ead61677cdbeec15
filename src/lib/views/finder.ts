import { agreementKindLabels, agreementKinds } from '../../vocab/agreements.ts';
import { finderRegionLabels, finderRegions } from '../../vocab/countries.ts';
import { iscedFields, type IscedCode } from '../../vocab/isced.ts';
import { languageName } from '../../vocab/languages.ts';
import { cefrLevels, eqfLevelNames, eqfLevels } from '../../vocab/levels.ts';
import type { Lang } from '../../vocab/locales.ts';
import { emptyState, matches, type FinderRecord, type FinderState } from '../finder.ts';
import { compareText, localize } from '../i18n.ts';
import type { MapPoint } from '../map.ts';
import type { SiteData } from '../resolve.ts';
import {
	finderRow,
	mapPoint,
	partnerFieldLabel,
	presentedPartners,
	type FinderRow,
} from './partner.ts';
import type { Translate } from './values.ts';

/** An option of a filter. */
export interface FilterOption {
	value: string;
	label: string;
}

/** A filter of the finder: a select with its options. */
export interface FilterView {
	key: Exclude<keyof FinderState, 'q'>;
	label: string;
	options: FilterOption[];
	hint?: string | undefined;
}

/** The partner finder in one language: its rows, the records the browser filters, its filters. */
export interface FinderView {
	rows: FinderRow[];
	/** What the browser filters on, one per row, in the same order. */
	records: FinderRecord[];
	filters: FilterView[];
	total: number;
	/** The map's markers, one per row, that the filters show and hide with it. */
	mapPoints: MapPoint[];
}

/**
 * The finder's rows and filters, for the partners the site presents (those with an agreement).
 * Filter options come from the vocabularies, kept to the values some partner has, in the
 * vocabularies' order (or the reader's alphabetical order for names). A filter is offered only
 * when it can narrow the list: two values or more, or one value that some partners lack (the
 * level filter while every stated level is the master's: it keeps the agreements that state it).
 */
export function finderView(site: SiteData, lang: Lang, t: Translate): FinderView {
	const partners = presentedPartners(site.partners);
	const rows = partners.map((partner) => finderRow(partner, lang));
	const records = rows.map((row) => row.record);
	const present = (key: 'country' | 'region') => new Set(records.map((record) => record[key]));
	const presentList = (key: 'programmes' | 'kinds' | 'levels' | 'subjects' | 'languages') =>
		new Set(records.flatMap((record) => record[key]));
	const byText = compareText(lang);
	const sortOptions = (options: FilterOption[]) => options.sort((a, b) => byText(a.label, b.label));

	const filters: FilterView[] = [
		{
			key: 'country',
			label: partnerFieldLabel('country', lang),
			options: sortOptions(
				site.countries
					.filter((country) => present('country').has(country.id))
					.map((country) => ({ value: country.id, label: localize(country.data.name, lang) }))
			),
		},
		{
			key: 'region',
			label: t('finder.region'),
			options: finderRegions
				.filter((region) => present('region').has(region))
				.map((region) => ({ value: region, label: finderRegionLabels[region][lang] })),
		},
		{
			key: 'programme',
			label: t('finder.programme'),
			options: site.programmes
				.filter((programme) => presentList('programmes').has(programme.id))
				.map((programme) => ({ value: programme.id, label: localize(programme.data.name, lang) })),
		},
		{
			key: 'kind',
			label: t('finder.kind'),
			options: agreementKinds
				.filter((kind) => presentList('kinds').has(kind))
				.map((kind) => ({ value: kind, label: agreementKindLabels[kind][lang] })),
		},
		{
			key: 'level',
			label: t('finder.level'),
			hint: t('finder.levelHint'),
			options: eqfLevels
				.filter((level) => presentList('levels').has(String(level)))
				.map((level) => ({ value: String(level), label: eqfLevelNames[level][lang] })),
		},
		{
			key: 'subject',
			label: t('finder.subject'),
			options: [...presentList('subjects')].sort().map((code) => ({
				value: code,
				label: iscedFields[code as IscedCode][lang],
			})),
		},
		{
			key: 'language',
			label: t('finder.language'),
			options: sortOptions(
				[...presentList('languages')].map((code) => ({
					value: code,
					label: languageName(code, lang),
				}))
			),
		},
		{
			key: 'cefr',
			label: t('finder.cefr'),
			hint: t('finder.cefrHint'),
			// Useless when no partner states a language requirement.
			options: records.some((record) => record.cefr > 0)
				? cefrLevels.map((level, index) => ({ value: String(index + 1), label: level }))
				: [],
		},
	];
	return {
		rows,
		records,
		filters: filters.filter((filter) => narrows(filter, records)),
		total: rows.length,
		mapPoints: partners.map((partner) => mapPoint(partner, lang, t)),
	};
}

/** Whether setting a filter to one of its values can hide some partner. */
function narrows(filter: FilterView, records: readonly FinderRecord[]): boolean {
	if (filter.options.length > 1) return true;
	const [only] = filter.options;
	return (
		only !== undefined &&
		records.some((record) => !matches(record, { ...emptyState, [filter.key]: only.value }))
	);
}
