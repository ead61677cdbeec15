import type { Lang } from '../../vocab/locales.ts';
import { localize } from '../i18n.ts';
import { dataFiles, fileHref } from '../routes.ts';
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

/** A section of the factsheet page: a heading, and either information or nothing known. */
export interface FactsheetSectionView {
	heading: TocHeading;
	information?: InformationView | undefined;
}

/** The factsheet page in one language. */
export interface FactsheetPageView {
	title: string;
	description: string;
	intro: string;
	json: Link;
	name: string;
	calendar: { heading: TocHeading; deadlines: DeadlinesView | undefined };
	information: FactsheetSectionView[];
	requirements: { heading: TocHeading; items: { name: string; details?: string | undefined }[] };
	delays: {
		heading: TocHeading;
		items: { label: string; value?: string | undefined }[];
	};
	accessibility: {
		heading: TocHeading;
		items: { name: string; information: InformationView }[];
	};
	additional: {
		heading: TocHeading;
		items: { type: string; information: InformationView }[];
	};
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
	const section = (slug: string, text: string, info: Information | undefined) => ({
		heading: heading(slug, text),
		information: info && informationView(info, lang),
	});
	const view: Omit<FactsheetPageView, 'headings'> = {
		title: t('factsheet.title'),
		description: t('factsheet.description'),
		intro: t('factsheet.intro'),
		json: { href: fileHref(dataFiles.factsheet()), text: t('factsheet.json') },
		name: localize(factsheet.name, lang),
		calendar: {
			heading: heading('calendar', t('factsheet.calendar')),
			deadlines: deadlinesView(factsheet.calendar, lang),
		},
		information: [
			section('application-info', t('factsheet.applicationInfo'), factsheet.applicationInfo),
			section('housing-info', t('factsheet.housingInfo'), factsheet.housingInfo),
			section('visa-info', t('factsheet.visaInfo'), factsheet.visaInfo),
			section('insurance-info', t('factsheet.insuranceInfo'), factsheet.insuranceInfo),
		],
		requirements: {
			heading: heading('additional-requirement', t('factsheet.additionalRequirements')),
			items: (factsheet.additionalRequirements ?? []).map((requirement) => ({
				name: requirement.name,
				details: requirement.details && localize(requirement.details, lang),
			})),
		},
		delays: {
			heading: heading('delays', t('factsheet.delays')),
			items: [
				{
					label: t('factsheet.decisionWeeks'),
					value: factsheet.decisionWeeksLimit
						? t('factsheet.weeks', { count: factsheet.decisionWeeksLimit })
						: undefined,
				},
				{
					label: t('factsheet.torWeeks'),
					value: factsheet.torWeeksLimit
						? t('factsheet.weeks', { count: factsheet.torWeeksLimit })
						: undefined,
				},
			],
		},
		accessibility: {
			heading: heading('accessibility', t('factsheet.accessibility')),
			items: (factsheet.accessibility ?? []).map((item) => ({
				name: localize(item.name, lang),
				information: informationView(item.information, lang),
			})),
		},
		additional: {
			heading: heading('additional-info', t('factsheet.additionalInfo')),
			items: factsheet.additionalInfo.map((item) => ({
				type: item.type,
				information: informationView(item.info, lang),
			})),
		},
	};
	return {
		...view,
		headings: [
			view.calendar.heading,
			...view.information.map((entry) => entry.heading),
			view.requirements.heading,
			view.delays.heading,
			view.accessibility.heading,
			view.additional.heading,
		],
	};
}
