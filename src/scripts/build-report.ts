import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isContentError, type Problem } from '../lib/problems.ts';
import { inLanguage } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { pagesProblems } from '../loaders/pages.ts';
import { parseYaml } from '../lib/yaml.ts';

/**
 * What `npm run build` says when Astro fails: the error Astro throws, described in the child
 * process that runs Astro (`astro-build.mjs`) and turned here into the numbered list of content
 * problems editors read — file, line, field, message — without stack traces or internal paths.
 * Three kinds of failure come from the content: a `ContentError` (a component or the content
 * loader naming the file and the field), broken links (starlight-links-validator's JSON report),
 * and a file Astro cannot read (an MDX or YAML syntax error, with its position).
 */

/** Whether `DEBUG` asks for everything (any value but empty, `0` or `false`). */
export function isDebug(env: NodeJS.ProcessEnv): boolean {
	const value = env['DEBUG'];
	return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** An error as plain data, to cross the IPC channel between the build's processes. */
export interface DescribedError {
	name: string;
	message: string;
	hint?: string | undefined;
	/** Where the error is, when Astro or Vite knows it. */
	loc?:
		| { file?: string | undefined; line?: number | undefined; column?: number | undefined }
		| undefined;
	/** The module being built when it happened. */
	id?: string | undefined;
	/** The problems of a `ContentError`. */
	problems?: Problem[] | undefined;
	cause?: DescribedError | undefined;
	/** The errors a bundler gathered into this one (`Build failed with 2 errors`). */
	errors?: DescribedError[] | undefined;
}

/** Describes an error and its causes as plain data. */
export function describeError(error: unknown, depth = 0): DescribedError {
	if (!(error instanceof Error) && (typeof error !== 'object' || error === null))
		return { name: 'Error', message: String(error) };
	const value = error as Error & {
		hint?: unknown;
		loc?: { file?: unknown; line?: unknown; column?: unknown };
		id?: unknown;
		problems?: unknown;
		errors?: unknown;
	};
	const loc = value.loc;
	return {
		name: typeof value.name === 'string' ? value.name : 'Error',
		message: typeof value.message === 'string' ? value.message : String(value),
		hint: typeof value.hint === 'string' ? value.hint : undefined,
		loc:
			loc && typeof loc === 'object'
				? {
						file: typeof loc.file === 'string' ? loc.file : undefined,
						line: typeof loc.line === 'number' ? loc.line : undefined,
						column: typeof loc.column === 'number' ? loc.column : undefined,
					}
				: undefined,
		id: typeof value.id === 'string' ? value.id : undefined,
		problems: Array.isArray(value.problems)
			? (value.problems as Problem[]).map((problem) => ({ ...problem }))
			: undefined,
		cause:
			value.cause !== undefined && depth < 8 ? describeError(value.cause, depth + 1) : undefined,
		errors:
			Array.isArray(value.errors) && depth < 8
				? value.errors.map((each: unknown) => describeError(each, depth + 1))
				: undefined,
	};
}

/** The error, the errors it gathers and its causes, outermost first. */
function chain(error: DescribedError): DescribedError[] {
	return [
		error,
		...(error.errors ?? []).flatMap(chain),
		...(error.cause ? chain(error.cause) : []),
	];
}

/** A path as editors know it: relative to the project root, with forward slashes. */
export function projectPath(root: string, path: string): string {
	const file = path.startsWith('file:') ? fileURLToPath(path) : path.replace(/[?#].*$/, '');
	if (!isAbsolute(file)) return file.split(sep).join('/');
	const inside = relative(root, file);
	return inside.startsWith('..') ? file : inside.split(sep).join('/');
}

/** Makes every absolute path under the project root in a text relative to it. */
export function withoutRoot(root: string, text: string): string {
	const prefix = root.endsWith(sep) ? root : root + sep;
	return text
		.replaceAll(`file://${prefix}`, '')
		.replaceAll(prefix, '')
		.replaceAll(/\/@fs\//g, '/');
}

/**
 * `file:line: field: message` lines of a `ContentError` message, for an error whose problems
 * were lost on the way (a bundler may copy the message of an error and drop the rest).
 */
function problemsInMessage(message: string): Problem[] {
	if (!message.startsWith('Invalid content:')) return [];
	return message
		.split('\n')
		.slice(1)
		.flatMap((line) => {
			const match = /^\s+([^\s:]+?)(?::(\d+))?: (.+?): (.+)$/.exec(line);
			if (!match) return [];
			const [, file, lineNumber, field, text] = match;
			return [
				{
					file: file!,
					line: lineNumber ? Number(lineNumber) : undefined,
					field: field!,
					message: text!,
				},
			];
		});
}

/** The error report of starlight-links-validator (`reporters: { json: true }`). */
interface LinksReport {
	errors: {
		docsPath: string;
		link: string;
		position: { line: number; column: number } | null;
		message: string;
	}[];
}

/** The folder of written pages, which the links validator's paths are relative to. */
const docsFolder = 'content/docs';

/** What each kind of broken link means, for editors. */
const linkMessages: Record<string, Bilingual> = {
	'invalid link': {
		en: 'invalid link: no page of the site has this address',
		fr: 'lien invalide : aucune page du site n’a cette adresse',
	},
	'invalid link to custom page': {
		en: 'invalid link: no page of the site has this address',
		fr: 'lien invalide : aucune page du site n’a cette adresse',
	},
	'invalid hash': {
		en: 'invalid link: the page has no heading with this anchor (the part after #)',
		fr: 'lien invalide : la page n’a pas de titre avec cette ancre (la partie après #)',
	},
	'inconsistent locale': {
		en: 'link to a page in the other language: English pages link to /en/… pages, French pages to pages without /en/',
		fr: 'lien vers une page de l’autre langue : les pages anglaises pointent vers des pages /en/…, les pages françaises vers des pages sans /en/',
	},
	'relative link': {
		en: 'relative link: write it from the root of the site, e.g. /guides/logement/',
		fr: 'lien relatif : écrivez-le depuis la racine du site, par exemple /guides/logement/',
	},
	'missing trailing slash': {
		en: 'expected a slash at the end of the address, e.g. /guides/logement/',
		fr: 'attendu : une barre oblique à la fin de l’adresse, par exemple /guides/logement/',
	},
	'local link': {
		en: 'link to this site written with its host name: write only the path, e.g. /guides/logement/',
		fr: 'lien vers ce site écrit avec son nom d’hôte : n’écrivez que le chemin, par exemple /guides/logement/',
	},
};

/** Problems of the links validator's report, or none when there is no report. */
function linkProblems(root: string, lang: Lang): Problem[] {
	let report: LinksReport;
	try {
		report = JSON.parse(
			readFileSync(join(root, '.starlight-links-validator', 'errors.json'), 'utf8')
		) as LinksReport;
	} catch {
		return [];
	}
	// The validator lists them in the order the pages were rendered, which changes from one build
	// to the next: by file and line, the list stays the same as long as the content does.
	return report.errors
		.map((error) => ({
			file: `${docsFolder}/${error.docsPath}`,
			line: error.position?.line,
			field: error.link,
			message: linkMessages[error.message]?.[lang] ?? error.message,
		}))
		.sort(
			(a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0)
		);
}

/** The kind of file, for the field of a problem Astro found while reading it. */
function fileKind(file: string): string {
	if (/\.mdx$/.test(file)) return '(MDX)';
	if (/\.md$/.test(file)) return '(Markdown)';
	if (/\.ya?ml$/.test(file)) return '(YAML)';
	return '(file)';
}

/**
 * The problems of a content file Astro could not read, found again by the project's own readers
 * (the YAML parser of the loaders, the page compiler of the content check), so that they read
 * exactly as the content check words them.
 */
function recheck(root: string, path: string, lang: Lang): Problem[] {
	let text: string;
	try {
		text = readFileSync(join(root, path), 'utf8');
	} catch {
		return [];
	}
	if (/\.ya?ml$/.test(path)) {
		try {
			inLanguage(lang, () => parseYaml(text, path));
			return [];
		} catch (error) {
			return isContentError(error) ? error.problems : [];
		}
	}
	if (/\.mdx?$/.test(path))
		return pagesProblems([{ file: path, text }], { root: pathToFileURL(join(root, '/')), lang });
	return [];
}

/**
 * The problem of a file Astro could not read (an MDX or YAML syntax error), from the error's
 * position: the parser's own words, after "not valid … at line L, column C".
 */
function positionProblem(root: string, error: DescribedError, lang: Lang): Problem | undefined {
	const file = error.loc?.file ?? error.id;
	if (!file) return undefined;
	const path = projectPath(root, file);
	if (!path.startsWith('content/')) return undefined;
	const line = error.loc?.line;
	const column = error.loc?.column;
	const what =
		withoutRoot(root, error.message)
			.split('\n')[0]!
			.replace(/^\d+:\d+(?:-\d+:\d+)?:\s*/, '')
			.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '')
			.replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
			.trim() || error.name;
	const kind = fileKind(path).slice(1, -1);
	const where =
		line === undefined
			? ''
			: lang === 'fr'
				? ` ligne ${line}${column === undefined ? '' : `, colonne ${column}`}`
				: ` at line ${line}${column === undefined ? '' : `, column ${column}`}`;
	return {
		file: path,
		line,
		field: fileKind(path),
		message:
			lang === 'fr' ? `${kind} invalide${where} : ${what}` : `not valid ${kind}${where}: ${what}`,
	};
}

/**
 * The content problems of a failed Astro build, or an empty list when the failure does not come
 * from the content (then `failureSummary` says what happened in one line).
 */
export function failureProblems(error: DescribedError, root: string, lang: Lang): Problem[] {
	const errors = chain(error);
	for (const each of errors) {
		if (each.problems && each.problems.length > 0) return each.problems;
		const parsed = problemsInMessage(each.message);
		if (parsed.length > 0) return parsed;
	}
	if (errors.some((each) => each.message.startsWith('Links validation failed'))) {
		const problems = linkProblems(root, lang);
		if (problems.length > 0) return problems;
	}
	for (const each of errors) {
		const file = each.loc?.file ?? each.id;
		const path = file === undefined ? undefined : projectPath(root, file);
		const problems = path?.startsWith('content/') ? recheck(root, path, lang) : [];
		if (problems.length > 0) return problems;
		const problem = positionProblem(root, each, lang);
		if (problem) return [problem];
	}
	return [];
}

/** One line saying why a build failed for a reason that is not in the content. */
export function failureSummary(error: DescribedError, root: string): string {
	return withoutRoot(root, error.message).split('\n')[0]!.trim() || error.name;
}
