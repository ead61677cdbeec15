import { describe, expect, test } from 'vitest';
import { todoList, formatTodoList } from '../../src/lib/todo';
import { schemaTree, fieldsOf } from '../../src/lib/schema-tree';
import { partners } from '../../src/lib/collections';
import { realContent } from '../fixtures/content';

describe('the office’s to-do list', () => {
	const raw = realContent();
	const kagawa = raw.partners.find((entry) => entry.id === 'kagawa')!;

	test('lists, per entry, the absent facts in two lists: to look up, to be confirmed by the office', () => {
		const list = todoList({ ...raw, partners: [kagawa] }, { today: new Date('2026-11-30') });
		const entry = list.find((item) => item.id === 'kagawa')!;
		expect(entry.file).toBe('content/partners/kagawa.yaml');
		expect(entry.name).toBe('Kagawa University');
		const paths = entry.missing.map((field) => field.path);
		expect(paths).toContain('erasmusCode');
		expect(paths).toContain('calendar');
		expect(paths).not.toContain('summary');
		expect(entry.missing.find((field) => field.path === 'erasmusCode')).toMatchObject({
			label: { fr: 'Code Erasmus' },
			fact: 'public',
		});
		expect(entry.missing.find((field) => field.path === 'confirmed')?.fact).toBe('office');
		const text = formatTodoList([entry], 'fr');
		const research = text.indexOf('À rechercher (');
		const office = text.indexOf('À confirmer par le Service (');
		expect(research).toBeGreaterThan(0);
		expect(office).toBeGreaterThan(research);
		expect(text.slice(research, office)).toContain('Code Erasmus (erasmusCode)');
		expect(text.slice(office)).not.toContain('(erasmusCode)');
	});

	test('leaves out details (notes, a second number) and the fields of an absent fact', () => {
		const [entry] = todoList({
			...raw,
			partners: [kagawa],
			countries: [],
			programmes: [],
			contacts: [],
			glossary: [],
			factsheet: [],
		});
		const paths = entry!.missing.map((field) => field.path);
		expect(paths).not.toContain('abbreviation');
		expect(paths.filter((path) => path.startsWith('housingInfo.'))).toEqual([]);
		expect(paths.some((path) => path.startsWith('sources.'))).toBe(false);
	});

	test('leaves a fact out once the office gives it, and follows agreements one by one', () => {
		const filled = {
			...kagawa,
			data: {
				...kagawa.data,
				erasmusCode: 'J  KAGAWA01',
				agreements: [
					{ kind: 'study' as const, mobilitiesPerYear: 2 },
					{ kind: 'internship' as const },
				],
			},
		};
		const [entry] = todoList({
			...raw,
			partners: [filled],
			countries: [],
			programmes: [],
			contacts: [],
			glossary: [],
			factsheet: [],
		});
		const paths = entry!.missing.map((field) => field.path);
		expect(paths).not.toContain('erasmusCode');
		expect(paths).not.toContain('agreements.0.mobilitiesPerYear');
		expect(paths).toContain('agreements.1.mobilitiesPerYear');
		expect(
			entry!.missing.find((field) => field.path === 'agreements.1.mobilitiesPerYear')?.label.en
		).toBe('Agreements 2 › Places per year');
	});

	test('lists entries not reviewed for a year', () => {
		const [entry] = todoList(
			{
				...raw,
				partners: [kagawa],
				countries: [],
				programmes: [],
				contacts: [],
				glossary: [],
				factsheet: [],
			},
			{ today: new Date('2028-01-01') }
		);
		expect(entry!.stale).toEqual(kagawa.data.consulted);
		expect(
			formatTodoList([entry!], 'fr', () => '/admin/#/collections/partners/entries/kagawa')
		).toContain('/admin/#/collections/partners/entries/kagawa');
	});

	test('every field with a kind is optional: an unknown fact never breaks a file', () => {
		const marked = [...fieldsOf(schemaTree(partners.schema))].filter((field) => field.fact);
		expect(marked.length).toBeGreaterThan(10);
		expect(marked.filter((field) => !field.optional).map((field) => field.key)).toEqual([]);
	});
});
