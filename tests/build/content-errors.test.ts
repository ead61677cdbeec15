import { afterAll, describe, expect, test } from 'vitest';
import { TemporaryProject } from './project';

/**
 * Each case adds one broken file to a temporary copy of the project and builds it: the build
 * must fail, name the file and the field (or link, or component) at fault, and leave no site
 * behind. New files are added rather than real ones edited, so the cases hold as content grows.
 */

const partner = (body: string) => `name:
  native: Université d’essai
  nativeLang: fr
  en: Test University
country: jp
summary:
  fr: Partenaire d’essai.
  en: Test partner.
sources:
  - { url: https://example.org/test, title: Test, lang: en, publisher: { fr: Essai, en: Test } }
consulted: 2026-11-23
${body}`;

const page = (frontmatter: string, body = 'Texte.') => `---
title: Page d’essai
description: Page d’essai.
audience: [outgoing]
sources:
  - { url: https://example.org/test, title: Test, lang: en, publisher: { fr: Essai, en: Test } }
consulted: 2026-11-23
${frontmatter}
---

${body}
`;

interface Case {
	name: string;
	files: Record<string, string>;
	/** Environment of the build (e.g. a base path). */
	env?: Record<string, string>;
	/** Text the build output must contain, naming the file and the field. */
	expected: string[];
}

const cases: Case[] = [
	{
		name: 'a CEFR level that does not exist',
		files: {
			'content/partners/test-broken.yaml': partner(
				'agreements:\n  - kind: study\n    languages:\n      - language: en\n        cefr: B3\n'
			),
		},
		expected: [
			'content/partners/test-broken.yaml:16: agreements.0.languages.0.cefr: expected one of A1…C2, got "B3"',
		],
	},
	{
		name: 'a missing English summary',
		files: {
			'content/partners/test-broken.yaml': partner('').replace('  en: Test partner.\n', ''),
		},
		expected: [
			'content/partners/test-broken.yaml:6: summary.en: expected English text, got nothing',
		],
	},
	{
		name: 'an invalid URL',
		files: { 'content/partners/test-broken.yaml': partner('websiteUrl: www.example.org\n') },
		expected: [
			'content/partners/test-broken.yaml:12: websiteUrl: expected an absolute http(s) URL, got "www.example.org"',
		],
	},
	{
		name: 'an invalid e-mail address',
		files: {
			'content/contacts/test-broken.yaml':
				'role:\n  fr: Essai\n  en: Test\nemail: office(at)example.org\ndescription:\n  fr: Essai.\n  en: Test.\nsources:\n  - { url: https://example.org/test, title: Test, lang: en, publisher: { fr: Essai, en: Test } }\nconsulted: 2026-11-23\n',
		},
		expected: [
			'content/contacts/test-broken.yaml:4: email: expected an e-mail address, got "office(at)example.org"',
		],
	},
	{
		name: 'a date that is not a date',
		files: {
			'content/partners/test-broken.yaml': partner('').replace(
				'consulted: 2026-11-23',
				'consulted: 2026-02-30'
			),
		},
		expected: [
			'content/partners/test-broken.yaml:11: consulted: expected a date written YYYY-MM-DD, got "2026-02-30": that day does not exist',
		],
	},
	{
		name: 'a typo in a field name',
		files: { 'content/partners/test-broken.yaml': partner('webiste: https://example.org/\n') },
		expected: [
			'content/partners/test-broken.yaml:12: webiste: unknown field "webiste": check its spelling against the fields documented in src/schemas/',
		],
	},
	{
		name: 'a partner in a country that has no file',
		files: {
			'content/partners/test-broken.yaml': partner('').replace('country: jp', 'country: zz'),
		},
		expected: [
			'content/partners/test-broken.yaml:5: country: unknown country "zz": there is no file content/countries/zz.yaml',
		],
	},
	{
		name: 'an unknown programme',
		files: {
			'content/partners/test-broken.yaml': partner(
				'agreements:\n  - kind: study\n    programme: erasmus-minus\n'
			),
		},
		expected: [
			'content/partners/test-broken.yaml:14: agreements.0.programme: unknown programme "erasmus-minus": there is no file content/programmes/erasmus-minus.yaml',
		],
	},
	{
		name: 'an unknown contact',
		files: {
			'content/programmes/test-broken.yaml':
				'name:\n  fr: Essai\n  en: Test\nstatus: active\nsummary:\n  fr: Essai.\n  en: Test.\ncontacts: [nobody]\nsources:\n  - { url: https://example.org/test, title: Test, lang: en, publisher: { fr: Essai, en: Test } }\nconsulted: 2026-11-23\n',
		},
		expected: [
			'content/programmes/test-broken.yaml:8: contacts.0: unknown contact "nobody": there is no file content/contacts/nobody.yaml',
		],
	},
	{
		name: 'two files with the same id',
		files: {
			'content/partners/test-twin.yaml': partner(''),
			'content/partners/test-twin.yml': partner(''),
		},
		expected: [
			'content/partners/test-twin.y',
			'(file name): id "test-twin" is already used by content/partners/test-twin.y',
		],
	},
	{
		name: 'a country file not named after an ISO code',
		files: { 'content/countries/japan.yaml': 'name:\n  fr: Japon\n  en: Japan\n' },
		expected: [
			'content/countries/japan.yaml: (file name): expected an ISO 3166-1 alpha-2 code in lower case, e.g. "de.yaml", got "japan"',
		],
	},
	{
		name: 'a phone number not in E.164 form',
		files: {
			'content/contacts/test-broken.yaml':
				'role:\n  fr: Essai\n  en: Test\nphone: 04 66 78 51 60\ndescription:\n  fr: Essai.\n  en: Test.\nsources:\n  - { url: https://example.org/test, title: Test, lang: en, publisher: { fr: Essai, en: Test } }\nconsulted: 2026-11-23\n',
		},
		expected: [
			'content/contacts/test-broken.yaml:4: phone: expected a phone number in E.164 form such as "+33466785160" (no spaces, no "(0)"), got "04 66 78 51 60"',
		],
	},
	{
		name: 'a page without the day its sources were consulted',
		files: {
			'content/docs/test-broken.mdx': page('').replace('consulted: 2026-11-23\n', ''),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: [
			'content/docs/test-broken.mdx: consulted: expected a date written YYYY-MM-DD, got nothing',
		],
	},
	{
		name: 'a broken internal link',
		files: {
			'content/docs/test-broken.mdx': page('', 'Voir [la page](/page-qui-n-existe-pas/).'),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: ['test-broken.mdx', '/page-qui-n-existe-pas/', 'invalid link'],
	},
	{
		name: 'a broken internal link in a site built for a sub-path',
		files: {
			'content/docs/test-broken.mdx': page('', 'Voir [la page](/pays/zz/).'),
			'content/docs/en/test-broken.mdx': page(''),
		},
		env: { BASE_PATH: '/international/' },
		expected: ['test-broken.mdx', '/international/pays/zz/', 'invalid link'],
	},
	{
		name: 'an English page linking to a French page',
		files: {
			'content/docs/test-broken.mdx': page(''),
			'content/docs/en/test-broken.mdx': page('', 'See [the partners](/partenaires/).'),
		},
		expected: ['en/test-broken.mdx', '/partenaires/'],
	},
	{
		name: 'an unknown glossary term in a page',
		files: {
			'content/docs/test-broken.mdx': page(
				'',
				'import { Term } from \'~/components\';\n\nUn <Term id="nope" />.'
			),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: [
			'content/docs/test-broken.mdx:13: <Term id="nope">: unknown glossary term: there is no file content/glossary/nope.yaml',
		],
	},
	{
		// Untranslated pages never reach readers (nor the other language's search index).
		name: 'a French page without its English twin',
		files: { 'content/docs/test-broken.mdx': page('') },
		expected: [
			'content/docs/test-broken.mdx: (translation): expected its English version content/docs/en/test-broken.mdx, which does not exist',
		],
	},
	{
		name: 'an English page without its French twin',
		files: { 'content/docs/en/test-broken.mdx': page('') },
		expected: [
			'content/docs/en/test-broken.mdx: (translation): expected its French version content/docs/test-broken.mdx, which does not exist',
		],
	},
	{
		name: 'a YAML syntax error',
		files: { 'content/partners/test-broken.yaml': 'name:\n  native: [unclosed\n' },
		expected: [
			'content/partners/test-broken.yaml:3: (YAML): not valid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
		],
	},
];

const projects: TemporaryProject[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

describe('a content file that breaks the rules fails the build with a clear message', () => {
	test.concurrent.each(cases)('$name', async ({ name, files, env, expected }) => {
		const project = new TemporaryProject(name.replace(/\W+/g, '-'));
		projects.push(project);
		for (const [path, contents] of Object.entries(files)) project.write(path, contents);
		const { code, output } = await project.build(env);
		expect(code, output).not.toBe(0);
		for (const text of expected) expect(output, output).toContain(text);
		expect(project.has('dist/index.html')).toBe(false);
	});

	test('the untouched copy builds, so the failures above come from the broken files', async () => {
		const project = new TemporaryProject('valid');
		projects.push(project);
		const { code, output } = await project.build();
		expect(code, output).toBe(0);
		expect(project.has('dist/index.html')).toBe(true);
	});
});
