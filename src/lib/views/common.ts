import { deadlineKindLabels, deadlineKinds, termLabels, terms } from '../../vocab/deadlines.ts';
import type { Lang } from '../../vocab/locales.ts';
import { formatMonthDay } from '../i18n.ts';
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

/** The link every unknown fact leads to: the office's contacts. */
export function toConfirmLink(lang: Lang, t: Translate): Link {
	return { href: pageHref(lang, routes.contacts()), text: t('site.toConfirm') };
}
