import { deadlineKindLabels, deadlineKinds, termLabels, terms } from '../../vocab/deadlines.ts';
import type { Lang } from '../../vocab/locales.ts';
import { SEED_PARTNER_COUNT } from '../../vocab/sources.ts';
import { formatList, formatMonthDay } from '../i18n.ts';
import { presentedPartners } from '../partners.ts';
import { ContentError } from '../problems.ts';
import type { Partner } from '../resolve.ts';
import { pageHref, routes } from '../routes.ts';
import type { Link, Translate } from './values.ts';

/**
 * View pieces shared by several entities: deadlines tables, information entries, the "to be
 * confirmed" link.
 */

/** Deadlines of one kind for the autumn and the spring term (`MM-DD`). */
export interface TermDates {
	autumnTerm?: string | undefined;
	springTerm?: string | undefined;
}

/** A calendar of deadlines as EWP gives it (partners, the school's factsheet). */
export interface Calendar {
	studentNominations?: TermDates | undefined;
	studentApplications?: TermDates | undefined;
}

/** A deadlines table: one row per kind of deadline, one column per term. */
export interface DeadlinesView {
	/** Column headings: the terms. */
	columns: string[];
	rows: {
		label: string;
		/** One cell per term: the day (`--MM-DD` for `<time>`) and how to read it, or unknown. */
		days: ({ datetime: string; text: string } | undefined)[];
	}[];
}

/**
 * The deadlines of a calendar as a table, or `undefined` when no deadline is known (the page
 * then says so once).
 */
export function deadlinesView(
	calendar: Calendar | undefined,
	lang: Lang
): DeadlinesView | undefined {
	const known = deadlineKinds.some((kind) =>
		terms.some((term) => calendar?.[kind]?.[term] !== undefined)
	);
	if (!known) return undefined;
	return {
		columns: terms.map((term) => termLabels[term][lang]),
		rows: deadlineKinds.map((kind) => ({
			label: deadlineKindLabels[kind][lang],
			days: terms.map((term) => {
				const day = calendar?.[kind]?.[term];
				return day ? { datetime: `--${day}`, text: formatMonthDay(day, lang) } : undefined;
			}),
		})),
	};
}

/** The one box of a page naming what only the office can say (`<AskOffice>`). */
export interface AskOfficeView {
	title: string;
	/** The facts, as one sentence (« Places par an et statut du partenariat. »). */
	facts: string;
	link: Link;
}

/**
 * The box that says, once per page, which facts only the office can give and how to reach it:
 * the facts in one sentence, then the office's contacts, linked. `undefined` when nothing is
 * missing. Public facts are never in it: pages leave those out until they are looked up.
 * @example askOffice(['Places par an', 'Statut du partenariat'], 'fr', t)
 * // { title: 'À demander au Service Pédagogie Internationale', facts: 'Places par an et statut du partenariat.', link: { href: '/contacts/', text: 'Contacter le service' } }
 */
export function askOffice(
	facts: readonly string[],
	lang: Lang,
	t: Translate
): AskOfficeView | undefined {
	const unique = [...new Set(facts)];
	if (unique.length === 0) return undefined;
	// French lists carry on in lower case (« statut du partenariat »); English keeps the labels' capitals.
	const items = unique.map((label, index) =>
		lang === 'fr' && index > 0 ? label.charAt(0).toLocaleLowerCase(lang) + label.slice(1) : label
	);
	const list = formatList(items, lang);
	return {
		title: t('site.askOfficeTitle'),
		facts: `${list.charAt(0).toLocaleUpperCase(lang)}${list.slice(1)}.`,
		link: { href: pageHref(lang, routes.contacts()), text: t('site.askOfficeContacts') },
	};
}

/** How much of the partner network the site presents, and how to get the full list. */
export interface NetworkStatementView {
	/** How many partners the site presents. */
	presented: number;
	text: string;
	link: Link;
}

/** How much of the partner network the site presents, and how to get the full list. */
export function networkStatement(
	partners: readonly Partner[],
	lang: Lang,
	t: Translate
): NetworkStatementView {
	const presented = presentedPartners(partners).length;
	return {
		presented,
		text: t('network.statement', { count: presented, total: SEED_PARTNER_COUNT }),
		link: { href: pageHref(lang, routes.contacts()), text: t('network.fullList') },
	};
}

/**
 * The entry a written page names by its id (`<Term id="pfe" />`, `<Contact id="…" />`), or a
 * `ContentError` that names the page and the component when there is no such file: the build
 * stops there.
 */
export function entryNamedByPage<T>(
	byId: ReadonlyMap<string, T>,
	id: string,
	{
		page,
		component,
		what,
		folder,
	}: { page: string; component: string; what: string; folder: string }
): T {
	const entry = byId.get(id);
	if (entry === undefined) {
		throw new ContentError([
			{
				file: page,
				field: `<${component} id="${id}">`,
				message: `unknown ${what}: there is no file content/${folder}/${id}.yaml`,
			},
		]);
	}
	return entry;
}
