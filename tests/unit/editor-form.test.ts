import { describe, expect, test } from 'vitest';
import { formField } from '../../src/editor/form-config';
import { entryName, identifierFrom } from '../../src/editor/identifier';

describe('the editor’s forms', () => {
	test('a new entry’s identifier is derived from its name: lower-case ASCII words, hyphens', () => {
		expect(identifierFrom('Université d’Aix-Marseille')).toBe('universite-d-aix-marseille');
		expect(identifierFrom('  Politechnika Łódzka ')).toBe('politechnika-lodzka');
		expect(identifierFrom('École n° 2')).toBe('ecole-n-2');
		expect(identifierFrom('a '.repeat(40)).length).toBeLessThanOrEqual(60);
		expect(identifierFrom('a '.repeat(40))).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	test('from the name French lists show: a partner’s French name, else its Latin-script official name, else its English name', () => {
		expect(
			entryName('partners', {
				name: { native: 'Universidade de Teste', en: 'University of Testing' },
			})
		).toBe('Universidade de Teste');
		expect(entryName('partners', { name: { native: '香川大学', en: 'Kagawa University' } })).toBe(
			'Kagawa University'
		);
		expect(entryName('programmes', { name: { fr: 'Erasmus+', en: 'Erasmus+' } })).toBe('Erasmus+');
		expect(entryName('pages-guides', { title: 'Logement' })).toBe('Logement');
		// A country's identifier is its ISO code, not a name.
		expect(entryName('countries', { name: { fr: 'Japon', en: 'Japan' } })).toBeUndefined();
	});

	test('the identifier is required and says so; an empty list item is « (à compléter) »', () => {
		const identifier = formField({
			name: 'identifiant',
			label: 'Identifiant (nom du fichier)',
			widget: 'identifiant',
			required: false,
		});
		expect(identifier.required).toBe(true);
		const list = formField({
			name: 'sources',
			label: 'Sources',
			widget: 'list',
			summary: '{{fields.url}}',
			fields: [{ name: 'url', label: 'Adresse', widget: 'string', required: true }],
		});
		expect(list.summary).toBe("{{fields.url | default('(à compléter)')}}");
		expect(list.fields?.[0]?.required).toBe(true);
	});
});
