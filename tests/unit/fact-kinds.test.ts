import { describe, expect, test } from 'vitest';
import { dataCollections } from '../../src/lib/collections';
import { fieldsOf, schemaTree } from '../../src/lib/schema-tree';

/**
 * Every optional field says whose fact it is (`fact: 'public' | 'office'` in `field()`): the
 * to-do sorts what is missing by it, and pages use it to decide between leaving a fact out and
 * naming it in their one "ask the office" box.
 */
describe('fact kinds', () => {
	test.each(dataCollections.map((collection) => [collection.name, collection] as const))(
		'every optional field of %s declares a kind',
		(_, collection) => {
			const missing = [...fieldsOf(schemaTree(collection.schema))]
				.filter((field) => field.optional && field.fact === undefined)
				.map((field) => field.path.join('.'));
			expect(missing).toEqual([]);
		}
	);

	test('no field keeps the former `todo` mark', () => {
		for (const collection of dataCollections)
			for (const field of fieldsOf(schemaTree(collection.schema)))
				expect(field, field.path.join('.')).not.toHaveProperty('todo');
	});
});
