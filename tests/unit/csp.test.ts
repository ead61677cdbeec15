import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { addInlineScriptHashes } from '../../src/integrations/csp-inline-scripts';

const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const page = (scripts: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">${scripts}</head><body></body></html>`;
const policy = (html: string) => /content="([^"]*)"/.exec(html)![1]!;

describe('addInlineScriptHashes', () => {
	test('adds the hash of each inline script to script-src, and only there', () => {
		const html = addInlineScriptHashes(
			page('<script>a()</script><script type="module">b()</script>')
		);
		expect(policy(html)).toBe(
			`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash('a()')} ${hash('b()')}; style-src 'self'`
		);
	});

	test('skips scripts loaded from a file, JSON data and empty scripts', () => {
		const scripts =
			'<script src="/a.js"></script><script type="application/json">{"a":1}</script><script type="application/ld+json">{}</script><script> </script>';
		expect(addInlineScriptHashes(page(scripts))).toBe(page(scripts));
	});

	test('is idempotent, and leaves a page without a policy alone', () => {
		const once = addInlineScriptHashes(page('<script>a()</script>'));
		expect(addInlineScriptHashes(once)).toBe(once);
		expect(addInlineScriptHashes('<script>a()</script>')).toBe('<script>a()</script>');
	});

	test('a change of one character changes the hash', () => {
		expect(policy(addInlineScriptHashes(page('<script>a()</script>')))).not.toBe(
			policy(addInlineScriptHashes(page('<script>a( )</script>')))
		);
	});
});
