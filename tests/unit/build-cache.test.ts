import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cached } from '../../src/integrations/build-cache';

describe('the build cache', () => {
	let root: string;
	let made: number;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'build-cache-'));
		writeFileSync(join(root, 'a.txt'), 'one');
		writeFileSync(join(root, 'b.txt'), 'two');
		made = 0;
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/** A value that counts the times it was made, from two files. */
	const value = (key = 'v1') =>
		cached(root, 'test', key, () => {
			made++;
			return { value: `${made}`, inputs: ['a.txt', join(root, 'b.txt')] };
		});

	test('keeps a value while its files are unchanged', async () => {
		expect(await value()).toBe('1');
		expect(await value()).toBe('1');
		expect(made).toBe(1);
	});

	test('makes it again when a file changed, went, or the key changed', async () => {
		await value();
		writeFileSync(join(root, 'a.txt'), 'one, changed');
		expect(await value()).toBe('2');
		expect(await value()).toBe('2');
		rmSync(join(root, 'b.txt'));
		expect(await value()).toBe('3');
		expect(await value('v2')).toBe('4');
		expect(made).toBe(4);
	});
});
