import { describe, expect, test } from 'vitest';
import { formatTodoList, readerPriority, todoList, todoPlan } from '../../src/lib/todo';
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
		expect(entry.name).toBe('Université de Kagawa');
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
		const research = text.indexOf('À RECHERCHER (');
		const office = text.indexOf('À CONFIRMER PAR LE SERVICE (');
		expect(research).toBe(0);
		expect(office).toBeGreaterThan(research);
		expect(text.slice(research, office)).toContain('    - Code Erasmus\n');
		expect(text.slice(office)).not.toContain('Code Erasmus');
		// Fields named as the form names them: no file or field paths.
		expect(text).not.toContain('content/');
		expect(text).not.toContain('erasmusCode');
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

	describe('as a work plan', () => {
		const plan = todoPlan(todoList(raw, { today: new Date('2026-11-30') }));
		const [research, office] = plan;

		test('two parts: facts to look up, then facts only the office can confirm', () => {
			expect(plan.map((part) => part.title.fr)).toEqual([
				'À rechercher',
				'À confirmer par le Service',
			]);
			for (const part of plan)
				for (const section of part.sections)
					for (const entry of section.entries)
						expect(
							entry.fields.every((field) => field.fact === part.fact),
							`${entry.id} in ${part.fact}`
						).toBe(true);
		});

		test('readers’ needs first: presented partners’ places, deadlines, language, contact; then countries; then the rest', () => {
			for (const part of plan) {
				const order = part.sections.map((section) => section.name);
				expect(order).toEqual(
					['readers', 'countries', 'rest'].filter((name) => order.includes(name as never))
				);
			}
			expect(office!.sections[0]!.name).toBe('readers');
			expect(office!.sections[0]!.title.fr).toBe(
				'Partenaires : places, dates limites, langue, contact'
			);
			// In the readers' section, only those four facts, each entry's in that order.
			for (const section of plan.flatMap((part) => part.sections))
				if (section.name === 'readers')
					for (const entry of section.entries) {
						expect(entry.collection).toBe('partners');
						const ranks = entry.fields.map((field) => readerPriority(field.path));
						expect(ranks.every((rank) => rank !== undefined)).toBe(true);
						expect(ranks).toEqual([...ranks].sort());
					}
			// Countries only in their section; partners' other facts in the rest.
			for (const part of plan)
				for (const section of part.sections)
					if (section.name === 'countries')
						expect(section.entries.every((entry) => entry.collection === 'countries')).toBe(true);
			const rest = research!.sections.find((section) => section.name === 'rest')!;
			expect(rest.entries.some((entry) => entry.collection === 'partners')).toBe(true);
			expect(
				rest.entries
					.flatMap((entry) => entry.fields)
					.every((field) => readerPriority(field.path) === undefined || false)
			).toBe(true);
		});

		test('the ranks of what readers need: places, deadlines, language level, contact', () => {
			expect(readerPriority('agreements.1.mobilitiesPerYear')).toBe(0);
			expect(readerPriority('agreements')).toBe(0);
			expect(readerPriority('calendar')).toBe(1);
			expect(readerPriority('agreements.0.languages')).toBe(2);
			expect(readerPriority('contacts')).toBe(3);
			expect(readerPriority('erasmusCode')).toBeUndefined();
		});

		test('each section has its count, and the parts theirs', () => {
			for (const part of plan) {
				for (const section of part.sections)
					expect(section.count).toBe(
						section.entries.reduce(
							(sum, entry) => sum + entry.fields.length + (entry.stale ? 1 : 0),
							0
						)
					);
				expect(part.count).toBe(part.sections.reduce((sum, section) => sum + section.count, 0));
			}
			const text = formatTodoList(todoList(raw, { today: new Date('2026-11-30') }), 'fr');
			const readers = office!.sections[0]!;
			expect(text).toContain(`\n${readers.title.fr} (${readers.count}) :\n`);
		});

		test('a partner ended is not presented: its facts go to the rest', () => {
			const kagawaEnded = { ...kagawa, data: { ...kagawa.data, status: 'ended' as const } };
			const [, officePart] = todoPlan(
				todoList({
					...raw,
					partners: [kagawaEnded],
					countries: [],
					programmes: [],
					contacts: [],
					glossary: [],
					factsheet: [],
				})
			);
			expect(officePart!.sections.map((section) => section.name)).toEqual(['rest']);
		});
	});
});
