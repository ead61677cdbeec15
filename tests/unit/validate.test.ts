import { describe, expect, test } from 'vitest';
import { partners, countries } from '../../src/lib/collections';
import { formatProblem, formatProblemList } from '../../src/lib/problems';
import { systemLang } from '../../src/loaders/system-lang';
import { validateYamlFile } from '../../src/lib/validate';

/** A valid partner file, with lines numbered as comments in the tests below. */
const kagawa = `name:
  native: 香川大学
  nativeLang: ja
  en: Kagawa University
country: jp
agreements:
  - kind: study
    languages:
      - language: en
        cefr: B2
summary:
  fr: Université japonaise.
  en: Japanese university.
sources:
  - { url: https://www.kagawa-u.ac.jp/, title: Kagawa University, lang: en, publisher: { fr: Université de Kagawa, en: Kagawa University } }
consulted: 2026-11-23
`;

const file = 'content/partners/kagawa.yaml';
/** The problems of a partner file, one formatted line each. */
const lines = (text: string, lang: 'en' | 'fr' = 'en', id = 'kagawa') => {
	const result = validateYamlFile(text, { id, file }, partners, lang);
	return result.ok ? [] : result.problems.map(formatProblem);
};

describe('validateYamlFile', () => {
	test('accepts a valid file and gives the line of any field', () => {
		const result = validateYamlFile(kagawa, { id: 'kagawa', file }, partners);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.data).toMatchObject({ country: 'jp', agreements: [{ kind: 'study' }] });
		expect(result.lineOf(['agreements', 0, 'languages', 0, 'cefr'])).toBe(10);
		expect(result.lineOf(['summary', 'en'])).toBe(13);
	});

	test('names the file, the line and the field of each problem, all at once', () => {
		expect(
			lines(kagawa.replace('cefr: B2', 'cefr: B3').replace('  en: Japanese university.\n', ''))
		).toEqual([
			'content/partners/kagawa.yaml:10: agreements.0.languages.0.cefr: expected one of A1…C2, got "B3"',
			'content/partners/kagawa.yaml:11: summary.en: expected English text, got nothing',
		]);
	});

	test('names a misspelt key as the field', () => {
		expect(
			lines(
				kagawa
					.replace('country: jp', 'country: jp\nwebiste: https://example.org/')
					.replace('  - kind: study', '  - kinds: study\n    note: x')
			)
		).toEqual([
			'content/partners/kagawa.yaml:8: agreements.0.kinds: unknown field "kinds": check its spelling against the fields documented in src/schemas/',
			'content/partners/kagawa.yaml:9: agreements.0.note: unknown field "note": check its spelling against the fields documented in src/schemas/',
			'content/partners/kagawa.yaml:6: webiste: unknown field "webiste": check its spelling against the fields documented in src/schemas/',
		]);
	});

	test('says that an impossible day does not exist', () => {
		expect(lines(kagawa.replace('2026-11-23', '2026-02-30'))).toEqual([
			'content/partners/kagawa.yaml:16: consulted: expected a date written YYYY-MM-DD, got "2026-02-30": that day does not exist',
		]);
	});

	test('says to quote a code that YAML read as a number', () => {
		const [line] = lines(
			kagawa.replace(
				'  - kind: study\n',
				'  - kind: study\n    subjectAreas:\n      - iscedFCode: 0713\n'
			)
		);
		expect(line).toBe(
			'content/partners/kagawa.yaml:9: agreements.0.subjectAreas.0.iscedFCode: expected an ISCED-F code listed in src/vocab/isced.ts such as "07" or "0713", got 713: YAML read the code as a number; write it in quotes, e.g. \'0713\''
		);
	});

	test('says to quote any text that YAML read as a number, showing it as it is written', () => {
		const after = kagawa.split('\n').length;
		const housing = `${kagawa}housingInfo:\n  phoneNumber: +33466785160\n`;
		expect(lines(housing)).toEqual([
			`content/partners/kagawa.yaml:${after + 1}: housingInfo.phoneNumber: expected a phone number such as "+33466785160", got 33466785160: YAML read +33466785160 as a number; write it in quotes: '+33466785160'`,
		]);
		expect(lines(`${kagawa}city: 1234\n`, 'fr')).toEqual([
			`content/partners/kagawa.yaml:${after}: city: attendu : une ville ; trouvé : 1234 : YAML a lu 1234 comme un nombre ; écrivez-le entre guillemets : '1234'`,
		]);
		// Quoted, the same values are text.
		expect(lines(housing.replace('+33466785160', "'+33466785160'"))).toEqual([]);
		// A number where a number is expected, or a list where text is, says nothing of quotes.
		expect(lines(`${kagawa}city: [a]\n`)[0]).not.toMatch(/quotes/);
	});

	test('reports YAML syntax errors with their line and column, prefixed with the file', () => {
		expect(lines(kagawa.replace('country: jp', 'country: [jp'))).toEqual([
			expect.stringMatching(
				/^content\/partners\/kagawa\.yaml:6: \(YAML\): not valid YAML at line 6, column 1: /
			),
		]);
	});

	test('rejects duplicate keys, tabs used to indent, and alias bombs', () => {
		expect(lines(kagawa.replace('country: jp', 'country: jp\ncountry: jp'))).toEqual([
			'content/partners/kagawa.yaml:6: (YAML): line 6, column 1: a key appears twice in the same block; keep only one',
		]);
		expect(lines(kagawa.replace('  native: 香川大学', '\tnative: 香川大学'))[0]).toMatch(
			/^content\/partners\/kagawa\.yaml:2: \(YAML\): /
		);
		const bomb = [
			'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
			'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
		].join('\n');
		expect(lines(bomb)[0]).toMatch(/^content\/partners\/kagawa\.yaml: \(YAML\): not valid YAML: /);
	});

	// Found by the property tests (tests/properties/content.ts): the YAML parser is recursive, and
	// thousands of nested levels exhausted the call stack, an exception instead of a problem.
	test('reports a file nested thousands of levels deep instead of crashing', () => {
		const deep = (depth: number) =>
			Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}k${level}:`).join('\n');
		const message =
			'(YAML): nested too deeply to be read (thousands of levels): content files nest a few levels at most; check the indentation';
		expect(lines(`${deep(3_000)} x\n${kagawa}`)).toEqual([
			`content/partners/kagawa.yaml: ${message}`,
		]);
		expect(lines(`${deep(1_200)} x\n${kagawa}`)[0]).toContain(message);
	});

	// Found by the property tests: a key written `"": …` was named by an empty field.
	test('names an empty or blank key in quotes, and the file as a whole as (root)', () => {
		const after = kagawa.split('\n').length;
		expect(lines(`${kagawa}"": x\n" ": y\n`)).toEqual([
			`content/partners/kagawa.yaml:${after}: "": unknown field "": check its spelling against the fields documented in src/schemas/`,
			`content/partners/kagawa.yaml:${after + 1}: " ": unknown field " ": check its spelling against the fields documented in src/schemas/`,
		]);
		expect(lines('- a list\n- instead of fields\n')).toEqual([
			'content/partners/kagawa.yaml:1: (root): expected a group of fields (key: value), got a list',
		]);
	});

	test('reads files with a byte-order mark and Windows line ends', () => {
		expect(lines(`\uFEFF${kagawa.replace(/\n/g, '\r\n')}`)).toEqual([]);
	});

	test('checks the file name against the collection’s rule', () => {
		const result = validateYamlFile(
			'name: {}',
			{ id: 'japan', file: 'content/countries/japan.yaml' },
			countries
		);
		expect(result.ok ? [] : result.problems.map(formatProblem)[0]).toBe(
			'content/countries/japan.yaml: (file name): expected an ISO 3166-1 alpha-2 code in lower case, e.g. "de.yaml", got "japan"'
		);
	});

	test('speaks French to the office', () => {
		expect(lines(kagawa.replace('cefr: B2', 'cefr: B3'), 'fr')).toEqual([
			'content/partners/kagawa.yaml:10: agreements.0.languages.0.cefr: attendu : l’un des niveaux A1…C2 ; trouvé : « B3 »',
		]);
		expect(lines(kagawa.replace('2026-11-23', '2026-02-30'), 'fr')).toEqual([
			'content/partners/kagawa.yaml:16: consulted: attendu : une date écrite AAAA-MM-JJ ; trouvé : « 2026-02-30 », un jour qui n’existe pas',
		]);
	});
});

describe('problem lists', () => {
	test('number the problems under a heading in the reader’s language', () => {
		const problems = [
			{ file, line: 9, field: 'status', message: 'expected …' },
			{
				file,
				field: 'lastReviewed',
				message: 'older than 12 months',
				severity: 'warning' as const,
			},
		];
		expect(formatProblemList(problems, 'en')).toBe(
			[
				'1 error and 1 warning in the content:',
				'1. content/partners/kagawa.yaml:9: status: expected …',
				'2. (warning) content/partners/kagawa.yaml: lastReviewed: older than 12 months',
			].join('\n')
		);
		expect(formatProblemList(problems, 'fr').split('\n')[0]).toBe(
			'1 erreur et 1 avertissement dans le contenu :'
		);
	});

	test('follow the system’s locale', () => {
		expect(systemLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
		expect(systemLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
		expect(systemLang({ LANG: 'C.UTF-8', LC_ALL: 'fr_CA.UTF-8' })).toBe('fr');
		expect(systemLang({})).toBe('en');
	});
});
