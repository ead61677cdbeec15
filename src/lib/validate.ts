import type { z } from 'astro/zod';
import { fallbackMessage, inLanguage, say, unknownField } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import type { Problem } from './problems.ts';
import { parseYaml } from './yaml.ts';

/**
 * Validation of one content file, the same for the build, `check:content`, the spreadsheet
 * import and the tests: its name, its YAML, then its schema. Problems are built from zod's issues
 * (path, code, input) and the YAML parser's positions — never from another tool's message text.
 */

/** What validating a file needs to know of its collection. */
export interface FileRules {
	schema: z.ZodType;
	idPattern?: RegExp | undefined;
	idDescription?: Bilingual | undefined;
}

/** The outcome of validating a file: its data, or its problems. */
export type Validated<T = unknown> =
	| { ok: true; data: T; lineOf: (path: readonly (string | number)[]) => number | undefined }
	| { ok: false; problems: Problem[] };

/**
 * The name of a field in messages: its path joined with dots (`agreements.0.languages.0.cefr`),
 * `(root)` for the file as a whole, and a key that would read as nothing (empty, only spaces) or
 * as two (with a dot) in quotes: `""`, `"a.b"`.
 */
export function fieldName(path: readonly (string | number)[]): string {
	if (path.length === 0) return '(root)';
	return path
		.map((key) =>
			typeof key === 'string' && (key.trim() === '' || key !== key.trim() || key.includes('.'))
				? JSON.stringify(key)
				: String(key)
		)
		.join('.');
}

/** The value at a path as written in a YAML file (`ParsedYaml.sourceOf`). */
export type SourceOf = (path: readonly (string | number)[]) => string | undefined;

/**
 * The end of the message of a value that YAML read as a number where text was expected: a code
 * or a phone number written without quotes (`phone: +33466785160` is the number 33466785160,
 * `code: 0713` is 713). Only for values read from YAML, whose writing is known.
 */
function readAsNumber(issue: z.core.$ZodIssue, written: string | undefined): string {
	if (
		written === undefined ||
		issue.code !== 'invalid_type' ||
		issue.expected !== 'string' ||
		typeof issue.input !== 'number' ||
		// The schema's own message may say it already (ISCED codes).
		/\bquotes\b|guillemets/.test(issue.message)
	)
		return '';
	return say({
		en: `: YAML read ${written} as a number; write it in quotes: '${written}'`,
		fr: ` : YAML a lu ${written} comme un nombre ; écrivez-le entre guillemets : '${written}'`,
	});
}

/** Problems of zod issues, each with the line of its field where `lineOf` knows it. */
export function issueProblems(
	issues: readonly z.core.$ZodIssue[],
	file: string,
	lineOf?: (path: readonly (string | number)[]) => number | undefined,
	sourceOf?: SourceOf
): Problem[] {
	return issues.flatMap((issue) => {
		const path = issue.path.filter(
			(key): key is string | number => typeof key === 'string' || typeof key === 'number'
		);
		if (issue.code === 'unrecognized_keys')
			// A misspelt key of a strict object: the key itself is the field.
			return issue.keys.map((key) => ({
				file,
				line: lineOf?.([...path, key]),
				field: fieldName([...path, key]),
				message: unknownField(key),
			}));
		return [
			{
				file,
				line: lineOf?.(path),
				field: fieldName(path),
				message: issue.message + readAsNumber(issue, sourceOf?.(path)),
			},
		];
	});
}

/** The problem of a file whose name breaks its collection's rule, if it does. */
export function fileNameProblem(id: string, file: string, rules: FileRules): Problem | undefined {
	if (!rules.idPattern || rules.idPattern.test(id)) return undefined;
	const description = rules.idDescription ?? {
		en: 'a file name in lower-case ASCII words separated by hyphens, e.g. "kagawa.yaml"',
		fr: 'un nom de fichier en minuscules sans accents, mots séparés par des tirets, par exemple « kagawa.yaml »',
	};
	return {
		file,
		field: '(file name)',
		message: say({
			en: `expected ${description.en}, got "${id}"`,
			fr: `attendu : ${description.fr} ; trouvé : « ${id} »`,
		}),
	};
}

/**
 * Validates already-parsed data against a schema, with messages in `lang`.
 * @example validateData(partnerSchema, data, 'content/partners/kagawa.yaml', 'fr')
 */
export function validateData<T>(
	schema: z.ZodType<T>,
	data: unknown,
	file: string,
	lang: Lang = 'en',
	lineOf?: (path: readonly (string | number)[]) => number | undefined,
	sourceOf?: SourceOf
): Validated<T> {
	// zod writes its messages when the issues are first read: read them in the chosen language.
	// Issues keep the value found (`reportInput`), to tell a number YAML read from a code.
	return inLanguage(lang, () => {
		const result = schema.safeParse(data, { error: fallbackMessage, reportInput: true });
		if (result.success)
			return { ok: true, data: result.data, lineOf: lineOf ?? (() => undefined) } as const;
		return {
			ok: false,
			problems: issueProblems(result.error.issues, file, lineOf, sourceOf),
		} as const;
	});
}

/**
 * Validates a YAML file: its name, its syntax, then its schema. Every problem is reported at
 * once, in `lang`.
 */
export function validateYamlFile(
	text: string,
	{ id, file }: { id: string; file: string },
	rules: FileRules,
	lang: Lang = 'en'
): Validated {
	const nameProblem = inLanguage(lang, () => fileNameProblem(id, file, rules));
	let parsed;
	try {
		parsed = inLanguage(lang, () => parseYaml(text, file));
	} catch (error) {
		const problems = (error as { problems?: Problem[] }).problems;
		if (!problems) throw error;
		return { ok: false, problems: nameProblem ? [nameProblem, ...problems] : problems };
	}
	const validated = validateData(
		rules.schema,
		parsed.data,
		file,
		lang,
		parsed.lineOf,
		parsed.sourceOf
	);
	if (!nameProblem) return validated;
	return {
		ok: false,
		problems: [nameProblem, ...(validated.ok ? [] : validated.problems)],
	};
}
