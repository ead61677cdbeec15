/**
 * The broken content files of the tests of `tests/build/`: each case adds one or two files to a
 * copy of the project and says what the report of the problem must contain (file, line, field,
 * what was expected, what was found). New files are added rather than real ones edited, so the
 * cases hold as content grows.
 * - `checkedCases`: problems the content check finds (`checkContent`, run by `npm run
 *   check:content` and by `npm run build` before Astro starts); `content-check.test.ts` runs
 *   that check on a copy of `content/`, without building.
 * - `builtCases`: problems only Astro finds (a link to no page, in a site built for a sub-path),
 *   and problems the content check would find but built with `SKIP_CONTENT_CHECK=1`, to test
 *   what the build says when Astro is the one that fails; `content-builds.test.ts` builds each
 *   (and, in its French build, the links of a site built at the root).
 */

export const partner = (body: string) => `name:
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

export const page = (frontmatter: string, body = 'Texte.') => `---
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

export interface Case {
	name: string;
	files: Record<string, string>;
	/** Environment of the build (e.g. a base path). */
	env?: Record<string, string>;
	/** Text the build output must contain, naming the file and the field. */
	expected: string[];
}

export const checkedCases: Case[] = [
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
		name: 'a phone number that YAML read as a number',
		files: {
			'content/partners/test-broken.yaml': partner('housingInfo:\n  phoneNumber: +33466785160\n'),
		},
		expected: [
			'content/partners/test-broken.yaml:13: housingInfo.phoneNumber: expected a phone number such as "+33466785160", got 33466785160: YAML read +33466785160 as a number; write it in quotes: \'+33466785160\'',
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
	{
		name: 'an MDX syntax error',
		files: {
			'content/docs/test-broken.mdx': page('', 'Une { accolade.'),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: [
			'content/docs/test-broken.mdx:11: (MDX): not valid MDX at line 11, column 5: Unexpected end of file in expression, expected a corresponding closing brace for `{`',
		],
	},
	{
		name: 'scripts, frames, forms, styles, handlers, javascript: links and code in a page',
		files: {
			'content/docs/test-broken.mdx': page(
				'',
				[
					"import { Aside } from '~/components';",
					"import fs from 'node:fs';",
					'',
					'<script>{"alert(1)"}</script>',
					'',
					'<iframe src="https://example.org/"></iframe>',
					'',
					'<form action="https://example.org/"><input name="q" /></form>',
					'',
					'<style>{"body { display: none }"}</style>',
					'',
					'Un <kbd onclick="alert(1)">raccourci</kbd>, [un lien](javascript:alert(1)) et <Aside set:html="<b>x</b>" />.',
				].join('\n')
			),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: [
			'content/docs/test-broken.mdx:12: import … from "node:fs": pages import components from ~/components only',
			'content/docs/test-broken.mdx:14: <script>: <script> is not allowed in pages',
			'content/docs/test-broken.mdx:14: {"alert(1)"}: expressions in braces are code',
			'content/docs/test-broken.mdx:16: <iframe>: <iframe> is not allowed in pages',
			'content/docs/test-broken.mdx:18: <form>: <form> is not allowed in pages',
			'content/docs/test-broken.mdx:18: <input>: <input> is not allowed in pages',
			'content/docs/test-broken.mdx:20: <style>: <style> is not allowed in pages',
			'content/docs/test-broken.mdx:22: <kbd>: the event handler onclick is not allowed in pages',
			'content/docs/test-broken.mdx:22: <a href>: address "javascript:alert(1)" in href is not allowed',
			'content/docs/test-broken.mdx:22: <Aside>: the directive set:html is not allowed in pages',
		],
	},
	{
		name: 'head tags, and markup in the hero, in a page’s frontmatter',
		files: {
			'content/docs/test-broken.mdx': page(
				'head:\n  - tag: script\n    content: alert(1)\nhero:\n  title: Essai\n  tagline: <img src=x onerror=alert(1)>\n  actions:\n    - text: Voir\n      link: javascript:alert(1)'
			),
			'content/docs/en/test-broken.mdx': page(''),
		},
		expected: [
			'content/docs/test-broken.mdx:8: head: custom <head> tags are not allowed in pages',
			'content/docs/test-broken.mdx:13: hero.tagline: Starlight writes this field as HTML',
			'content/docs/test-broken.mdx:16: hero.actions.0.link: address "javascript:alert(1)" in hero.actions.0.link is not allowed',
		],
	},
	{
		name: 'raw HTML in a Markdown page',
		files: {
			'content/docs/test-broken.md': page('', 'Texte <img src="x" onerror="alert(1)">.'),
			'content/docs/en/test-broken.md': page(''),
		},
		expected: [
			'content/docs/test-broken.md:11: <img src="x" onerror="alert(1)">: raw HTML is not allowed in Markdown pages',
		],
	},
];

export const builtCases: Case[] = [
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
		name: 'an unknown glossary term found by Astro',
		files: {
			'content/docs/test-broken.mdx': page(
				'',
				'import { Term } from \'~/components\';\n\nUn <Term id="nope" />.'
			),
			'content/docs/en/test-broken.mdx': page(''),
		},
		env: { SKIP_CONTENT_CHECK: '1' },
		expected: [
			'content/docs/test-broken.mdx: <Term id="nope">: unknown glossary term: there is no file content/glossary/nope.yaml',
		],
	},
	{
		name: 'a javascript: link found by Astro',
		files: {
			'content/docs/test-broken.mdx': page('', 'Voir [la page](javascript:alert(1)).'),
			'content/docs/en/test-broken.mdx': page(''),
		},
		env: { SKIP_CONTENT_CHECK: '1' },
		expected: [
			'content/docs/test-broken.mdx:11: <a href>: address "javascript:alert(1)" in href is not allowed',
		],
	},
	{
		name: 'an MDX syntax error found by Astro',
		files: {
			'content/docs/test-broken.mdx': page('', 'Une { accolade.'),
			'content/docs/en/test-broken.mdx': page(''),
		},
		env: { SKIP_CONTENT_CHECK: '1' },
		expected: [
			'content/docs/test-broken.mdx:11: (MDX): not valid MDX at line 11, column 5: Unexpected end of file in expression',
		],
	},
	{
		name: 'a YAML syntax error found by Astro',
		files: { 'content/partners/test-broken.yaml': 'name:\n  native: [unclosed\n' },
		env: { SKIP_CONTENT_CHECK: '1' },
		expected: [
			'content/partners/test-broken.yaml:3: (YAML): not valid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
		],
	},
];
