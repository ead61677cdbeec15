// @ts-check
/**
 * ESLint: JavaScript's and typescript-eslint's recommended rules, and eslint-plugin-astro's for
 * `.astro` files; formatting is Prettier's alone (eslint-config-prettier last). `npm run check`
 * runs it with `--max-warnings 0`.
 *
 * typescript-eslint's `recommended`, not the type-checked `recommendedTypeChecked` that
 * Starlight uses: the type-checked rules build a TypeScript program for the whole project, which
 * took nine minutes instead of one on this two-core machine; `astro check` (TypeScript's
 * `strictest`) already checks the types.
 * @see https://typescript-eslint.io/getting-started
 * @see https://ota-meshi.github.io/eslint-plugin-astro/user-guide/
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores([
		// Build output, generated types and scratch copies made by the tests.
		'dist/',
		'dist-subpath/',
		'**/*.tmp-*/',
		'.dist-tmp*/',
		'.astro/',
		'tests/.tmp/',
		'test-results/',
		'playwright-report/',
		'reports/',
		// Written by the office's editors (Markdown/MDX), not code.
		'content/',
	]),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: {
			// The code runs in Node (scripts, build, tests) and in the browser (components' scripts,
			// the web editor).
			globals: { ...globals.node, ...globals.browser },
		},
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// Unused names are errors, except those that say so with a leading underscore.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
			],
		},
	},
	prettier
);
