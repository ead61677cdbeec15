import type { Lang } from '../vocab/locales.ts';

/**
 * Problems in content files, as editors read them: the file, the line where known, the field,
 * and a message saying what was expected and what was found. The build, `check:content`, the
 * spreadsheet import and the web editor all report problems in this one form.
 */

/** One problem in one file. */
export interface Problem {
	/** Path of the file relative to the project root, e.g. `content/partners/kagawa.yaml`. */
	file: string;
	/** Line (1-based) of the field in the file, when known. */
	line?: number | undefined;
	/** Path of the field, e.g. `agreements.0.languages.0.cefr`; `(file name)`, `(YAML)`… otherwise. */
	field: string;
	/** What was expected and what was found. */
	message: string;
	/** `warning` for what does not stop the build (a stale review date); `error` otherwise. */
	severity?: 'error' | 'warning' | undefined;
}

/**
 * One problem on one line.
 * @example formatProblem({ file: 'content/partners/kagawa.yaml', line: 12, field: 'status', message: 'expected …' })
 * // 'content/partners/kagawa.yaml:12: status: expected …'
 */
export function formatProblem({ file, line, field, message }: Problem): string {
	return `${file}${line ? `:${line}` : ''}: ${field || '(root)'}: ${message}`;
}

/**
 * Problems as a numbered list under a heading, for the end of a failed build and for
 * `check:content`; `format` writes each problem (by default as the build does).
 */
export function formatProblemList(
	problems: readonly Problem[],
	lang: Lang,
	format: (problem: Problem) => string = formatProblem
): string {
	const errors = problems.filter((problem) => problem.severity !== 'warning').length;
	const warnings = problems.length - errors;
	const heading =
		lang === 'fr'
			? [
					errors > 0 && `${errors} erreur${errors > 1 ? 's' : ''}`,
					warnings > 0 && `${warnings} avertissement${warnings > 1 ? 's' : ''}`,
				]
					.filter(Boolean)
					.join(' et ') + ' dans le contenu :'
			: [
					errors > 0 && `${errors} error${errors > 1 ? 's' : ''}`,
					warnings > 0 && `${warnings} warning${warnings > 1 ? 's' : ''}`,
				]
					.filter(Boolean)
					.join(' and ') + ' in the content:';
	const width = String(problems.length).length;
	return [
		heading,
		...problems.map(
			(problem, index) =>
				`${String(index + 1).padStart(width)}. ${problem.severity === 'warning' ? (lang === 'fr' ? '(avertissement) ' : '(warning) ') : ''}${format(problem)}`
		),
	].join('\n');
}

/**
 * Errors in content files, thrown by the loaders and the resolver, one line per problem as
 * `file:line: field: message`.
 */
export class ContentError extends Error {
	/** The problems, structured. */
	readonly problems: Problem[];
	/** One `file:line: field: message` line per problem. */
	readonly lines: string[];

	constructor(problems: Problem[]) {
		const lines = problems.map(formatProblem);
		super(`Invalid content:\n${lines.map((line) => `  ${line}`).join('\n')}`);
		this.name = 'ContentError';
		this.problems = problems;
		this.lines = lines;
	}
}

/** Whether an error is a `ContentError`, also across module copies (Vite may load this twice). */
export function isContentError(error: unknown): error is ContentError {
	return (
		error instanceof ContentError ||
		(error instanceof Error &&
			error.name === 'ContentError' &&
			Array.isArray((error as Partial<ContentError>).problems))
	);
}
