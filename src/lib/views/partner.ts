import {
	agreementKindLabels,
	partnerStatusLabels,
	type AgreementKind,
} from '../../vocab/agreements.ts';
import { partnerSchema } from '../../schemas/partner.ts';
import type { PartnerExport } from '../../schemas/partner-export.ts';
import { deadlineKinds, terms, type DeadlineKind, type Term } from '../../vocab/deadlines.ts';
import { finderRegion } from '../../vocab/countries.ts';
import { iscedFields, broadField, type IscedCode } from '../../vocab/isced.ts';
import { languageName } from '../../vocab/languages.ts';
import { cefrRank, eqfCode, eqfLevelNames, type EqfLevel } from '../../vocab/levels.ts';
import type { Lang } from '../../vocab/locales.ts';
import { normalizeText, type FinderRecord } from '../finder.ts';
import { foreignParts } from '../foreign.ts';
import { formatList, localize, partnerName } from '../i18n.ts';
import type { MapPoint } from '../map.ts';
import { getAt } from '../paths.ts';
import { labelAt, searchedPaths } from '../schema-tree.ts';
import { renderMarkdown } from '../markdown.ts';
import { absolutePages, absoluteUrl, dataFiles, fileHref, pageHref, routes } from '../routes.ts';
import type { Agreement, Partner } from '../resolve.ts';
import { deadlinesView, type DeadlinesView } from './common.ts';
import { countryFieldLabel } from './country.ts';
import {
	hostname,
	lines,
	officeFactsMissing,
	type Fact,
	type Link,
	type Part,
	type TocHeading,
	type Translate,
	type Value,
} from './values.ts';
import { isoDate } from '../dates.ts';

/**
 * Every view of a partner, derived from its one data file: its fact sheet (both languages), its
 * row in the finder, its marker on the map. Exports are in `src/lib/exporters/`, from the same
 * resolved partner.
 */

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** One agreement as its block on the fact sheet shows it. */
export interface AgreementView {
	kind?: AgreementKind | undefined;
	title: string;
	/** The agreement's known facts. */
	facts: { label: string; value: Value }[];
	/**
	 * What readers would need that only the office can give and no source gives: named in the
	 * page's one "ask the office" box.
	 */
	unknown: string[];
}

/** A contact at the partner. */
export interface PartnerContactView {
	name: string;
	role?: string | undefined;
	email?: string | undefined;
	phone?: string | undefined;
}

/** Everything the partner's fact sheet shows, in one language. */
export interface PartnerPageView {
	title: string;
	description: string;
	/** The partnership in a few sentences. */
	lead: Part[];
	/** The French government advises against all travel to the partner's country. */
	travelWarning?: { title: string; html: string; link: Link } | undefined;
	facts: Fact[];
	agreements: AgreementView[];
	deadlines: DeadlinesView | undefined;
	/** The office facts the page lacks, for its one `<AskOffice>` box (none: no box). */
	askOffice: string[];
	contacts: PartnerContactView[];
	seeAlso: Link[];
	/** Adds the partner's deadlines to a calendar, when it has some (not printed). */
	calendarLink?: Link | undefined;
	/** Ids and titles of the page's sections, in order: its table of contents. */
	sections: {
		facts: TocHeading;
		agreements: TocHeading;
		/** Only when the partner publishes at least one deadline. */
		deadlines?: TocHeading | undefined;
		contacts?: TocHeading | undefined;
		seeAlso: TocHeading;
	};
	headings: TocHeading[];
}

/** Where a partner's information entry (housing, visa, insurance) leads: web page, e-mail, phone. */
function information(
	entry:
		| {
				websiteUrl?: string | undefined;
				email?: string | undefined;
				phoneNumber?: string | undefined;
		  }
		| undefined,
	t: Translate
): Value | undefined {
	if (!entry) return undefined;
	return lines(
		entry.websiteUrl !== undefined && [
			{
				href: entry.websiteUrl,
				text: t('partner.infoLink', { host: hostname(entry.websiteUrl) }),
				external: true,
			},
		],
		entry.email !== undefined && [{ href: `mailto:${entry.email}`, text: entry.email }],
		entry.phoneNumber !== undefined && [
			{ href: `tel:${entry.phoneNumber}`, text: entry.phoneNumber },
		]
	);
}

/** A link to the partner's website or catalogue, saying what it is and where it leads. */
const websiteLink = (url: string | undefined, text: (host: string) => string): Value | undefined =>
	url === undefined ? undefined : [[{ href: url, text: text(hostname(url)), external: true }]];

/** The facts of one agreement, in the order of its block. */
function agreementView(agreement: Agreement, lang: Lang, t: Translate): AgreementView {
	const list = (items: string[]) => formatList(items, lang);
	const text = (value: string): Value => [[{ text: value }]];
	const label = (key: keyof Agreement) => labelAt(partnerSchema, ['agreements', '*', key])[lang];
	const facts: { label: string; value: Value | undefined }[] = [
		{
			label: label('programme'),
			value: agreement.programme && [
				[
					{
						href: pageHref(lang, routes.programme(agreement.programme.id)),
						text: localize(agreement.programme.data.name, lang),
					},
				],
			],
		},
		{
			label: label('subjectAreas'),
			value:
				agreement.subjectAreas &&
				agreement.subjectAreas.map((area) => [
					{
						text:
							iscedFields[area.iscedFCode as IscedCode][lang] +
							(area.clarification ? ` — ${localize(area.clarification, lang)}` : ''),
					},
					{ text: ` (${area.iscedFCode})`, muted: true },
				]),
		},
		{
			label: t('agreement.levels'),
			value:
				agreement.eqfLevels &&
				agreement.eqfLevels.map((level) => [
					{ text: eqfLevelNames[level][lang] },
					{ text: ` (${eqfCode(level, lang)})`, muted: true },
				]),
		},
		{
			label: label('mobilitiesPerYear'),
			value:
				agreement.mobilitiesPerYear === undefined
					? undefined
					: text(String(agreement.mobilitiesPerYear)),
		},
		{
			label: t('agreement.months'),
			value:
				agreement.monthsPerMobility === undefined
					? undefined
					: text(t('agreement.monthsValue', { count: agreement.monthsPerMobility })),
		},
		{
			label: t('agreement.instruction'),
			value:
				agreement.instructionLanguages &&
				text(list(agreement.instructionLanguages.map((code) => languageName(code, lang)))),
		},
		{
			label: t('agreement.languages'),
			value:
				agreement.languages &&
				text(
					list(
						agreement.languages.map(
							({ language, cefr }) => `${languageName(language, lang)} ${cefr}`
						)
					)
				),
		},
		{
			label: t('agreement.years'),
			value:
				agreement.firstAcademicYear || agreement.lastAcademicYear
					? text(
							[agreement.firstAcademicYear ?? '…', agreement.lastAcademicYear ?? '…'].join(' – ')
						)
					: undefined,
		},
		{
			label: label('notes'),
			value: agreement.notes && [foreignParts(localize(agreement.notes, lang), lang)],
		},
	];
	// Facts a student needs to choose; notes and years are only shown when a source gives them.
	const expected = new Set([
		label('subjectAreas'),
		t('agreement.levels'),
		label('mobilitiesPerYear'),
		t('agreement.months'),
		t('agreement.languages'),
	]);
	return {
		kind: agreement.kind,
		title: agreement.kind ? agreementKindLabels[agreement.kind][lang] : t('agreement.untyped'),
		facts: facts.filter(
			(fact): fact is { label: string; value: Value } => fact.value !== undefined
		),
		unknown: [
			...(agreement.kind ? [] : [t('agreement.kind')]),
			...facts
				.filter((fact) => fact.value === undefined && expected.has(fact.label))
				.map((fact) => fact.label),
		],
	};
}

/** A partner field's label, from the partner schema: the pages' headings and columns say it so. */
export const partnerFieldLabel = (key: keyof Partner['data'], lang: Lang) =>
	labelAt(partnerSchema, [key])[lang];

/** The partner's fact sheet in one language. */
export function partnerPage(partner: Partner, lang: Lang, t: Translate): PartnerPageView {
	const label = (key: keyof Partner['data']) => partnerFieldLabel(key, lang);
	const { data, country } = partner;
	const countryName = localize(country.data.name, lang);
	const title = partnerName(data.name, lang);
	const countryGuide: Link = {
		href: pageHref(lang, routes.country(country.id)),
		text: t('partner.countryGuide', { country: countryName }),
	};
	// The official name in its own language (marked with it), then the English name and the
	// abbreviation when they differ from the title.
	const names: Part[] = [
		data.name.native !== title
			? {
					text: data.name.native,
					lang: data.name.nativeLang === lang ? undefined : data.name.nativeLang,
				}
			: undefined,
		title !== data.name.en && data.name.en !== data.name.native
			? { text: data.name.en, lang: lang === 'en' ? undefined : 'en' }
			: undefined,
		data.abbreviation === undefined ? undefined : { text: data.abbreviation },
	].filter((name): name is Part & { text: string } => name !== undefined);
	const facts: Fact[] = [
		// The official name only when it says more than the title (no name printed twice).
		...(names.length > 0
			? [
					{
						label: t('partner.nativeName'),
						value: [
							names.flatMap((name, index) => (index === 0 ? [name] : [{ text: ' — ' }, name])),
						],
					},
				]
			: []),
		{
			label: label('country'),
			value: [[{ href: pageHref(lang, routes.country(country.id)), text: countryName }]],
		},
		{
			label: label('city'),
			value: data.city === undefined ? undefined : [[{ text: cityName(partner, lang)! }]],
		},
		{
			label: label('status'),
			value: data.status && [[{ text: partnerStatusLabels[data.status][lang] }]],
			kind: 'office',
		},
		{
			label: label('websiteUrl'),
			value: websiteLink(data.websiteUrl, (host) => t('partner.websiteLink', { host })),
		},
		{
			label: label('courseCatalogueUrl'),
			value: websiteLink(data.courseCatalogueUrl, (host) => t('partner.catalogueLink', { host })),
		},
		{
			label: label('erasmusCode'),
			value: data.erasmusCode === undefined ? undefined : [[{ code: data.erasmusCode }]],
		},
		{ label: label('housingInfo'), value: information(data.housingInfo, t) },
		{ label: label('visaInfo'), value: information(data.visaInfo, t) },
		{ label: label('insuranceInfo'), value: information(data.insuranceInfo, t) },
	];
	const advice = country.data.travelAdvice;
	const contacts = (data.contacts ?? []).map((contact) => ({
		name: contact.name,
		role: contact.role && localize(contact.role, lang),
		email: contact.email,
		phone: contact.phoneNumber,
	}));
	const deadlines = deadlinesView(data.calendar, lang);
	const agreements = partner.agreements.map((agreement) => agreementView(agreement, lang, t));
	const sections = {
		facts: { depth: 2, slug: 'en-bref', text: t('partner.facts') },
		agreements: { depth: 2, slug: 'accords', text: label('agreements') },
		deadlines: deadlines && { depth: 2, slug: 'dates-limites', text: t('partner.deadlines') },
		contacts:
			contacts.length > 0 ? { depth: 2, slug: 'contacts', text: t('site.contacts') } : undefined,
		seeAlso: { depth: 2, slug: 'voir-aussi', text: t('site.seeAlso') },
	};
	return {
		title,
		description: t('partner.pageDescription', { name: title, country: countryName }),
		lead: foreignParts(localize(data.summary, lang), lang),
		travelWarning:
			advice?.level === 'formellement-deconseille'
				? {
						title: countryFieldLabel('travelAdvice', lang),
						html: renderMarkdown(localize(advice.summary, lang), { lang }).html,
						link: countryGuide,
					}
				: undefined,
		// Public facts no source gives yet are left out; office ones go to the page's one box.
		facts: facts.filter((fact) => fact.value !== undefined),
		agreements,
		deadlines,
		askOffice: [
			...officeFactsMissing(facts),
			// With several agreements, say which one a fact is missing from.
			...agreements.flatMap((agreement) =>
				agreement.unknown.map((label) =>
					agreements.length > 1 ? `${label} (${agreement.title.toLocaleLowerCase(lang)})` : label
				)
			),
		],
		contacts,
		seeAlso: [
			countryGuide,
			...[...partner.programmes, ...partner.gatheredBy].map((programme) => ({
				href: pageHref(lang, routes.programme(programme.id)),
				text: localize(programme.data.name, lang),
			})),
		],
		calendarLink:
			deadlines === undefined
				? undefined
				: { href: fileHref(dataFiles.partnerIcs(partner.id)), text: t('partner.addDeadlines') },
		sections,
		headings: Object.values(sections).filter((heading): heading is TocHeading => !!heading),
	};
}

/** Who counts as a partner: defined once in `src/lib/partners.ts`. */
export { presentedPartners } from '../partners.ts';

/** The partner's kinds of agreement, once each, in the order of its agreements. */
export function agreementKinds(partner: Partner): AgreementKind[] {
	return unique(
		partner.agreements.flatMap((agreement) => (agreement.kind ? [agreement.kind] : []))
	);
}

/**
 * The levels of study of an agreement. A double degree with no level given is at master's level:
 * it leads to the school's engineering degree, which is at EQF level 7.
 */
export function agreementLevels(agreement: Agreement): readonly EqfLevel[] {
	if (agreement.eqfLevels && agreement.eqfLevels.length > 0) return agreement.eqfLevels;
	return agreement.kind === 'double-degree' ? [7] : [];
}

/** The fields whose words the finder matches (`search` in the partner schema). */
const searched = searchedPaths(partnerSchema);

/**
 * Flattens a partner into the record the finder filters on: the same record is computed at build
 * time and read by the browser (`src/components/PartnerFinder.astro`), so what the tests check is
 * what readers use.
 */
export function finderRecord(partner: Partner): FinderRecord {
	const { data, agreements } = partner;
	const requirements = agreements.map((agreement) =>
		Math.max(0, ...(agreement.languages ?? []).map((skill) => cefrRank(skill.cefr)))
	);
	return {
		id: partner.id,
		text: normalizeText(
			searched
				.map((path) => getAt(data, path))
				.filter(Boolean)
				.join(' ')
		),
		country: partner.country.id,
		region: finderRegion(partner.country.data),
		programmes: unique(
			agreements.flatMap((agreement) =>
				// A page gathering agreements of a kind (the double degrees) is the kind filter's job.
				agreement.programme && agreement.programme.data.gathers === undefined
					? [agreement.programme.id]
					: []
			)
		),
		kinds: agreementKinds(partner),
		levels: unique(agreements.flatMap((agreement) => agreementLevels(agreement).map(String))),
		subjects: unique(
			agreements.flatMap((agreement) =>
				(agreement.subjectAreas ?? []).map((area) => broadField(area.iscedFCode))
			)
		),
		languages: unique(agreements.flatMap((agreement) => agreement.instructionLanguages ?? [])),
		cefr: requirements.length > 0 ? Math.min(...requirements) : 0,
	};
}

/** One row of the finder's table, in one language. */
export interface FinderRow {
	record: FinderRecord;
	href: string;
	name: string;
	/** The native name, when it differs from the name shown, with its language. */
	nativeName?: { text: string; lang?: string | undefined } | undefined;
	country: string;
	city?: string | undefined;
	kinds: string[];
	programmes: string[];
}

/** The partner's row in the finder. */
export function finderRow(partner: Partner, lang: Lang): FinderRow {
	const name = partnerName(partner.data.name, lang);
	return {
		record: finderRecord(partner),
		href: pageHref(lang, routes.partner(partner.id)),
		name,
		nativeName:
			partner.data.name.native !== name
				? {
						text: partner.data.name.native,
						lang: partner.data.name.nativeLang === lang ? undefined : partner.data.name.nativeLang,
					}
				: undefined,
		country: localize(partner.country.data.name, lang),
		city: cityName(partner, lang),
		kinds: agreementKinds(partner).map((kind) => agreementKindLabels[kind][lang]),
		programmes: partner.programmes
			.filter((programme) => programme.data.gathers === undefined)
			.map((programme) => programme.data.abbreviation ?? localize(programme.data.name, lang)),
	};
}

/** The city of the partner as readers of `lang` write it (Moscou, Moscow). */
export function cityName(partner: Partner, lang: Lang): string | undefined {
	return (lang === 'fr' ? partner.data.cityFr : undefined) ?? partner.data.city;
}

/** The partner's marker on a map. */
export function mapPoint(partner: Partner, lang: Lang, t: Translate): MapPoint {
	const country = localize(partner.country.data.name, lang);
	const name = partnerName(partner.data.name, lang);
	return {
		id: partner.id,
		href: pageHref(lang, routes.partner(partner.id)),
		label: partner.data.coordinates
			? `${name} (${[cityName(partner, lang), country].filter(Boolean).join(', ')})`
			: t('map.atCountry', { name, country }),
		country: partner.country.id,
		coordinates: partner.data.coordinates,
	};
}

/** A partner in a plain list (country and programme pages): name, details, link. */
export function partnerListItem(
	partner: Partner,
	lang: Lang,
	{ showCountry = false }: { showCountry?: boolean } = {}
): { href: string; name: string; details: string[] } {
	return {
		href: pageHref(lang, routes.partner(partner.id)),
		name: partnerName(partner.data.name, lang),
		details: [
			showCountry ? localize(partner.country.data.name, lang) : undefined,
			cityName(partner, lang),
			agreementKinds(partner)
				.map((kind) => agreementKindLabels[kind][lang])
				.join(', '),
		].filter((detail): detail is string => Boolean(detail)),
	};
}

/** A partner as the other data files (recognised courses, returnee reports) name it. */
export interface PartnerReference {
	id: string;
	name: string;
	country: string;
	page: Record<Lang, string>;
}

/** The partner an entry of another data file is about: its id, English name, country and pages. */
export function partnerReference(partner: Partner, site: URL | undefined): PartnerReference {
	return {
		id: partner.id,
		name: partner.data.name.en,
		country: partner.country.id,
		page: absolutePages(site, routes.partner(partner.id)),
	};
}

/** The partner as published in the data files (see `partnerExportSchema`). */
export function partnerExport(partner: Partner, site: URL | undefined): PartnerExport {
	const { confirmed, ...data } = partner.data;
	const record: PartnerExport = {
		id: partner.id,
		pages: absolutePages(site, routes.partner(partner.id)),
		...data,
		country: partner.country.id,
		agreements: partner.agreements.map(({ programme, ...agreement }) => ({
			...agreement,
			...(programme ? { programme: programme.id } : {}),
		})),
		consulted: isoDate(data.consulted),
		...(confirmed ? { confirmed: isoDate(confirmed) } : {}),
	};
	// Leave out absent fields rather than writing `undefined`.
	return JSON.parse(JSON.stringify(record)) as PartnerExport;
}

/** A deadline of the partner as a yearly calendar event. */
export interface DeadlineEvent {
	/** Stable identifier, so that subscribed calendars update in place. */
	uid: string;
	/** The first occurrence: the deadline's day in the year the sources were consulted. */
	start: Date;
	summary: string;
	url: string;
	/** When the sources were consulted (the event's time stamp). */
	stamp: Date;
}

const eventSummaries = {
	studentNominations: {
		autumnTerm: 'nomination deadline, autumn term',
		springTerm: 'nomination deadline, spring term',
	},
	studentApplications: {
		autumnTerm: 'application deadline, autumn term',
		springTerm: 'application deadline, spring term',
	},
} as const satisfies Record<DeadlineKind, Record<Term, string>>;

/** The partner's nomination and application deadlines as calendar events (in English). */
export function deadlineEvents(partner: Partner, site: URL | undefined): DeadlineEvent[] {
	const { calendar, consulted } = partner.data;
	return deadlineKinds.flatMap((kind) =>
		terms.flatMap((term) => {
			const monthDay = calendar?.[kind]?.[term];
			if (!monthDay) return [];
			const [month, day] = monthDay.split('-').map(Number);
			return [
				{
					uid: `${partner.id}-${kind}-${term}@international.mines-ales`,
					start: new Date(Date.UTC(consulted.getUTCFullYear(), (month ?? 1) - 1, day ?? 1)),
					summary: `${partner.data.name.en}: ${eventSummaries[kind][term]}`,
					url: absoluteUrl(site, pageHref('en', routes.partner(partner.id))),
					stamp: consulted,
				},
			];
		})
	);
}
