import type { Bilingual, Lang } from '../vocab/locales.ts';

/**
 * Messages of the schemas, in the language of whoever reads them: English for developers and
 * the build by default, French for the office (the web editor, `check:content` under a French
 * locale). Every message says what was expected and what was found, so that the person who
 * edits the file knows what to write.
 *
 * zod builds a message when it finds a problem, synchronously, inside `parse()`; the language is
 * chosen around that call with `inLanguage()`.
 */

let current: Lang = 'en';

/**
 * Runs `validate` with messages in `lang`.
 * @example inLanguage('fr', () => partnerSchema.safeParse(data))
 */
export function inLanguage<T>(lang: Lang, validate: () => T): T {
	const previous = current;
	current = lang;
	try {
		return validate();
	} finally {
		current = previous;
	}
}

/** A text in the current message language. */
export function say(text: Bilingual): string {
	return text[current];
}

/** Quotes a value found in a file: `"B3"` in English, `« B3 »` in French. */
function quote(text: string): string {
	return current === 'fr' ? `« ${text} »` : JSON.stringify(text);
}

/** Describes a value found in a content file for a message: `"B3"`, `42`, `nothing`. */
export function describeInput(input: unknown): string {
	if (input === undefined) return say({ en: 'nothing', fr: 'rien' });
	if (input === null) return say({ en: 'null', fr: 'une valeur vide' });
	if (input instanceof Date)
		return Number.isNaN(input.getTime())
			? say({ en: 'an invalid date', fr: 'une date invalide' })
			: input.toISOString().slice(0, 10);
	if (typeof input === 'string')
		return input === '' ? say({ en: 'an empty string', fr: 'un texte vide' }) : quote(input);
	if (typeof input === 'object')
		return Array.isArray(input)
			? say({ en: 'a list', fr: 'une liste' })
			: say({ en: 'an object', fr: 'un objet' });
	return String(input);
}

/**
 * `expected <what>, got <input>`: the usual message.
 * @example expected({ en: 'an e-mail address', fr: 'une adresse électronique' })(issue)
 */
export const expected =
	(what: Bilingual) =>
	(issue: { input?: unknown }): string =>
		say({
			en: `expected ${what.en}, got ${describeInput(issue.input)}`,
			fr: `attendu : ${what.fr} ; trouvé : ${describeInput(issue.input)}`,
		});

/** A message without a found value (for checks on a value of the right type). */
export const expectedOnly = (what: Bilingual) => (): string =>
	say({ en: `expected ${what.en}`, fr: `attendu : ${what.fr}` });

/** `expected one of "A1", "A2", got "B3"`: the message of an enumeration. */
export const oneOf =
	(values: readonly (string | number)[]) =>
	(issue: { input?: unknown }): string => {
		const list = values.map((value) => (typeof value === 'string' ? quote(value) : value));
		return expected({
			en: `one of ${list.join(', ')}`,
			fr: `l’une des valeurs ${list.join(', ')}`,
		})(issue);
	};

/** A message naming an unknown field, for a misspelt key of a strict object. */
export function unknownField(key: string): string {
	return say({
		en: `unknown field "${key}": check its spelling against the fields documented in src/schemas/`,
		fr: `champ inconnu « ${key} » : vérifiez son orthographe parmi les champs décrits dans src/schemas/`,
	});
}

const typeNames: Record<string, { en: string; fr: string }> = {
	object: { en: 'a group of fields (key: value)', fr: 'un groupe de champs (clé : valeur)' },
	array: { en: 'a list', fr: 'une liste' },
	string: { en: 'text', fr: 'un texte' },
	number: { en: 'a number', fr: 'un nombre' },
	int: { en: 'a whole number', fr: 'un nombre entier' },
	boolean: { en: 'true or false', fr: 'true ou false' },
	date: { en: 'a date written YYYY-MM-DD', fr: 'une date écrite AAAA-MM-JJ' },
};

/**
 * Messages for the issues a schema gives no message of its own: the type expected, a bound not
 * met. Passed to every `safeParse()` of the loaders, so that no message reaches an editor in
 * zod's own words.
 * @see https://zod.dev/error-customization#per-parse-error-customization
 */
export function fallbackMessage(issue: {
	code?: string | undefined;
	input?: unknown;
	expected?: string | undefined;
	minimum?: unknown;
	maximum?: unknown;
	origin?: string | undefined;
}): string | undefined {
	switch (issue.code) {
		case 'invalid_type': {
			const what = typeNames[issue.expected ?? ''] ?? {
				en: issue.expected ?? 'another value',
				fr: issue.expected ?? 'une autre valeur',
			};
			return expected(what)(issue);
		}
		case 'too_small':
			return issue.origin === 'array'
				? expected({
						en: `at least ${String(issue.minimum)} item(s)`,
						fr: `au moins ${String(issue.minimum)} élément(s)`,
					})(issue)
				: expected({
						en: `at least ${String(issue.minimum)}`,
						fr: `au moins ${String(issue.minimum)}`,
					})(issue);
		case 'too_big':
			return expected({
				en: `at most ${String(issue.maximum)}`,
				fr: `au plus ${String(issue.maximum)}`,
			})(issue);
		case 'invalid_value':
		case 'invalid_union':
		case 'invalid_format':
			return expected({ en: 'another value', fr: 'une autre valeur' })(issue);
		default:
			return undefined;
	}
}
