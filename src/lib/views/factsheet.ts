import { factsheetSchema, type FactsheetData } from '../../schemas/factsheet.ts';
import type { Lang } from '../../vocab/locales.ts';
import { localize } from '../i18n.ts';
import { dataFiles, fileHref } from '../routes.ts';
import { labelAt } from '../schema-tree.ts';
import type { Factsheet, Information } from '../resolve.ts';
import { deadlinesView, type DeadlinesView } from './common.ts';
import type { Link, TocHeading, Translate } from './values.ts';

/** One information entry of the factsheet (EWP `InformationEntry`), ready to show. */
export interface InformationView {
	description?: string | undefined;
	email?: { address: string; role: string } | undefined;
	phone?: string | undefined;
	links: Link[];
}

/** A section of the factsheet page: a heading and its information. */
export interface FactsheetSectionView {
	heading: TocHeading;
	information: InformationView;
}

/**
 * The factsheet page in one language. Every section is the office's to fill: one it has not
 * filled yet is left out (`undefined`, or absent from a list) and named in `askOffice`.
 */
export interface FactsheetPageView {
	title: string;
	description: string;
	intro: string;
	json: Link;
	name: string;
	calendar?: { heading: TocHeading; deadlines: DeadlinesView } | undefined;
	information: FactsheetSectionView[];
	requirements?:
		{ heading: TocHeading; items: { name: string; details?: string | undefined }[] } | undefined;
	delays?: { heading: TocHeading; items: { label: string; value: string }[] } | undefined;
	accessibility?:
		{ heading: TocHeading; items: { name: string; information: InformationView }[] } | undefined;
	additional?:
		{ heading: TocHeading; items: { type: string; information: InformationView }[] } | undefined;
	/** What the page lacks, for its one `<AskOffice>` box. */
	askOffice: string[];
	headings: TocHeading[];
}

/** An information entry: its text, its contact's e-mail and phone, its web pages. */
export function informationView(info: Information, lang: Lang): InformationView {
	const contact = info.contact?.data;
	return {
		description: info.description && localize(info.description, lang),
		email: contact?.email
			? { address: contact.email, role: localize(contact.role, lang) }
			: undefined,
		phone: contact?.phone,
		links: info.websites.map((link) => ({
			href: link.url,
			text: localize(link.label, lang),
			external: true,
		})),
	};
}

/** The school's factsheet page in one language. */
export function factsheetPage(factsheet: Factsheet, lang: Lang, t: Translate): FactsheetPageView {
	const heading = (slug: string, text: string): TocHeading => ({ depth: 2, slug, text });
	/** A section's name: its field's label in the factsheet schema. */
	const label = (key: keyof FactsheetData) => labelAt(factsheetSchema, [key])[lang];
	const missing: string[] = [];
	/** The section when its content is known; its name goes to the "ask the office" box otherwise. */
	const known = <T>(label: string, content: T | undefined): T | undefined => {
		if (content === undefined) missing.push(label);
		return content;
	};
	const deadlines = deadlinesView(factsheet.calendar, lang);
	const calendar = known(
		label('calendar'),
		deadlines && { heading: heading('calendar', label('calendar')), deadlines }
	);
	const information = (
		[
			['application-info', label('applicationInfo'), factsheet.applicationInfo],
			['housing-info', label('housingInfo'), factsheet.housingInfo],
			['visa-info', label('visaInfo'), factsheet.visaInfo],
			['insurance-info', label('insuranceInfo'), factsheet.insuranceInfo],
		] as const
	).flatMap(([slug, text, info]) => {
		const section = known(
			text,
			info && { heading: heading(slug, text), information: informationView(info, lang) }
		);
		return section ? [section] : [];
	});
	const requirementItems = (factsheet.additionalRequirements ?? []).map((requirement) => ({
		name: requirement.name,
		details: requirement.details && localize(requirement.details, lang),
	}));
	const requirements = known(
		label('additionalRequirements'),
		requirementItems.length > 0
			? {
					heading: heading('additional-requirement', label('additionalRequirements')),
					items: requirementItems,
				}
			: undefined
	);
	const delayItems = [
		{
			label: t('factsheet.decisionWeeks'),
			value: known(
				t('factsheet.decisionWeeks'),
				factsheet.decisionWeeksLimit
					? t('factsheet.weeks', { count: factsheet.decisionWeeksLimit })
					: undefined
			),
		},
		{
			label: t('factsheet.torWeeks'),
			value: known(
				t('factsheet.torWeeks'),
				factsheet.torWeeksLimit
					? t('factsheet.weeks', { count: factsheet.torWeeksLimit })
					: undefined
			),
		},
	].filter((item): item is { label: string; value: string } => item.value !== undefined);
	const delays =
		delayItems.length > 0
			? { heading: heading('delays', t('factsheet.delays')), items: delayItems }
			: undefined;
	const accessibilityItems = (factsheet.accessibility ?? []).map((item) => ({
		name: localize(item.name, lang),
		information: informationView(item.information, lang),
	}));
	const accessibility = known(
		label('accessibility'),
		accessibilityItems.length > 0
			? {
					heading: heading('accessibility', label('accessibility')),
					items: accessibilityItems,
				}
			: undefined
	);
	// Additional information is optional in EWP too: shown when there is some, never asked for.
	const additional =
		factsheet.additionalInfo.length > 0
			? {
					heading: heading('additional-info', label('additionalInfo')),
					items: factsheet.additionalInfo.map((item) => ({
						type: item.type,
						information: informationView(item.info, lang),
					})),
				}
			: undefined;
	return {
		title: t('factsheet.title'),
		description: t('factsheet.description'),
		intro: t('factsheet.intro'),
		json: { href: fileHref(dataFiles.factsheet()), text: t('factsheet.json') },
		name: localize(factsheet.name, lang),
		calendar,
		information,
		requirements,
		delays,
		accessibility,
		additional,
		askOffice: missing,
		headings: [
			calendar?.heading,
			...information.map((entry) => entry.heading),
			requirements?.heading,
			delays?.heading,
			accessibility?.heading,
			additional?.heading,
		].filter((entry): entry is TocHeading => entry !== undefined),
	};
}
