import { pageComponentIds } from '../../src/lib/page-components';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildEditorConfig, editorPolicy } from '../../src/integrations/editor-files';
import { dataCollections, docs } from '../../src/lib/collections';
import {
	editorBackend,
	isBilingual,
	pageCollectionFolder,
	pageCollectionName,
	singular,
	textWidget,
	type EditorCollection,
	type EditorField,
} from '../../src/lib/editor-config';
import { fieldsOf, schemaTree, type FieldNode } from '../../src/lib/schema-tree';
import { docsExtension } from '../../src/schemas/docs';

/**
 * The web editor's configuration is generated from the schemas: these tests walk every schema
 * and check that each of its fields is in the editor, labelled in French, explained by its doc
 * comment and given the widget its type calls for — so that the editor can never silently lack
 * a field.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = (await buildEditorConfig({ root, base: '/', env: {} })) as {
	backend: Record<string, unknown>;
	locale: string;
	collections: EditorCollection[];
};

/** The fields of a collection of the configuration (a folder, or its one file). */
function fieldsOfCollection(name: string): EditorField[] {
	const found = config.collections.find((entry) => entry.name === name);
	if (!found) throw new Error(`no collection ${name} in the editor`);
	return found.fields ?? found.files?.[0]?.fields ?? [];
}

/** The configuration's field at a schema path (`*` for a list's items). */
function configField(fields: EditorField[], path: readonly string[]): EditorField | undefined {
	let current: EditorField | undefined;
	let siblings: EditorField[] | undefined = fields;
	for (const key of path) {
		if (key === '*') continue;
		current = siblings?.find((field) => field.name === key);
		if (!current) return undefined;
		siblings = current.fields ?? (current.field ? [current.field] : undefined);
	}
	return current;
}

/** Every field of a schema, with the configuration's field at its path. */
function pairs(name: string, schema: Parameters<typeof schemaTree>[0]) {
	const fields = fieldsOfCollection(name);
	return [...fieldsOf(schemaTree(schema))].map((field) => ({
		field,
		config: configField(fields, field.path),
		where: `${name}: ${field.path.join('.')}`,
	}));
}

const collections = [
	...dataCollections.map((definition) => ({ name: definition.name, schema: definition.schema })),
	...config.collections
		.filter((entry) => pageCollectionFolder(entry.name) !== undefined)
		.map((entry) => ({ name: entry.name, schema: docsExtension })),
];

describe('the editor’s configuration covers every field of every schema', () => {
	test('has every data collection and a collection per folder of pages', () => {
		const names = config.collections.map((entry) => entry.name);
		for (const definition of dataCollections) expect(names).toContain(definition.name);
		expect(names).toContain(pageCollectionName(''));
		expect(names).toContain(pageCollectionName('guides'));
		expect(config.locale).toBe('fr');
	});

	test.each(collections)(
		'$name: every field is in the editor, with its French label',
		({ name, schema }) => {
			const found = pairs(name, schema);
			expect(found.length).toBeGreaterThan(3);
			for (const { field, config: entry, where } of found) {
				expect(entry, where).toBeDefined();
				expect(entry!.label, where).toBe(field.label.fr);
			}
		}
	);

	test.each(collections)(
		'$name: every field has its doc comment in French (`@fr`) as hint',
		({ name, schema }) => {
			for (const { config: entry, where } of pairs(name, schema))
				expect(
					entry!.hint?.length ?? 0,
					`${where} has no doc comment with an @fr tag in src/schemas/`
				).toBeGreaterThan(5);
		}
	);

	test.each(collections)(
		'$name: required in the editor exactly where the schema requires it',
		({ name, schema }) => {
			const tree = schemaTree(schema);
			// A field is required in Decap only when every group above it is required too.
			const requiredPaths = new Set<string>();
			const walk = (fields: FieldNode[], parentRequired: boolean) => {
				for (const field of fields) {
					const required = parentRequired && !field.optional;
					if (required) requiredPaths.add(field.path.join('.'));
					const node = field.node.kind === 'array' ? field.node.item : field.node;
					if (node.kind === 'object') walk(node.fields, field.node.kind === 'array' || required);
				}
			};
			if (tree.kind === 'object') walk(tree.fields, true);
			for (const { field, config: entry, where } of pairs(name, schema))
				expect(entry!.required, where).toBe(requiredPaths.has(field.path.join('.')));
		}
	);

	test.each(collections)('$name: each field has the widget of its type', ({ name, schema }) => {
		for (const { field, config: entry, where } of pairs(name, schema)) {
			const node = field.node;
			const widget = entry!.widget;
			switch (node.kind) {
				case 'reference':
					expect(widget, where).toBe('relation');
					expect(entry!['collection'], where).toBe(node.collection);
					break;
				case 'enum':
					expect(widget, where).toBe('select');
					expect(entry!['options'], where).toHaveLength(node.values.length);
					break;
				case 'date':
					expect(widget, where).toBe('datetime');
					expect(entry!['format'], where).toBe('YYYY-MM-DD');
					break;
				case 'boolean':
					expect(widget, where).toBe('boolean');
					break;
				case 'number':
					expect(widget, where).toBe('number');
					break;
				case 'object':
					expect(widget, where).toBe('object');
					expect(
						entry!.fields?.map((child) => child.name),
						where
					).toEqual(node.fields.map((child) => child.key));
					break;
				case 'array':
					if (node.item.kind === 'reference') expect(widget, where).toBe('relation');
					else if (node.item.kind === 'enum') expect(widget, where).toBe('select');
					else expect(widget, where).toBe('list');
					if (node.item.kind === 'reference' || node.item.kind === 'enum')
						expect(entry!['multiple'], where).toBe(true);
					break;
				case 'string':
					expect(['string', textWidget, 'markdown'], where).toContain(widget);
					if (node.format) expect(entry!.pattern?.[1], where).toMatch(/^attendu : /);
					if (field.format === 'markdown') expect(widget, where).toBe('markdown');
					break;
				case 'unknown':
					throw new Error(`${where}: the schema walker does not know this type (${node.type})`);
			}
		}
	});
});

describe('widgets for editors', () => {
	const partner = fieldsOfCollection('partners');

	test('a reference is a relation to the other collection, searched and shown by name', () => {
		expect(configField(partner, ['country'])).toMatchObject({
			widget: 'relation',
			collection: 'countries',
			value_field: '{{slug}}',
			search_fields: ['name.fr'],
			display_fields: ['name.fr'],
		});
	});

	test('a vocabulary is a select with readable labels, the file keeping the code', () => {
		const cefr = configField(partner, ['agreements', '*', 'languages', '*', 'cefr']);
		expect(cefr?.['options']).toContainEqual({ label: 'B2 — avancé', value: 'B2' });
		const eqf = configField(partner, ['agreements', '*', 'eqfLevels']);
		expect(eqf).toMatchObject({ widget: 'select', multiple: true });
		expect((eqf?.['options'] as { value: unknown }[]).map((option) => option.value)).toEqual([
			6, 7, 8,
		]);
	});

	test('French and English text is one group of two fields, each on several lines', () => {
		const summary = configField(partner, ['summary']);
		expect(summary?.fields?.map((field) => [field.name, field.label, field.widget])).toEqual([
			['fr', 'Français', textWidget],
			['en', 'Anglais', textWidget],
		]);
		expect(isBilingual(schemaTree(dataCollections[0].schema))).toBe(false);
		const study = configField(fieldsOfCollection('countries'), ['study']);
		expect(study?.fields?.map((field) => field.widget)).toEqual(['markdown', 'markdown']);
	});

	test('a hint is the French of the field’s doc comment, not its English', () => {
		expect(configField(partner, ['websiteUrl'])?.hint).toBe(
			'L’adresse du site de l’établissement.'
		);
		expect(configField(partner, ['sources', '*', 'publisher', 'en'])?.hint).toBe(
			'Sa traduction fidèle en anglais.'
		);
		expect(configField(partner, ['confirmed'])?.hint).toMatch(
			/^Le jour où le Service Pédagogie Internationale a vérifié et confirmé la fiche/
		);
	});

	test('URLs and e-mail addresses have a pattern, with the schema’s message in French', () => {
		expect(configField(partner, ['websiteUrl'])?.pattern).toEqual([
			'^https?://[^\\s/$.?#][^\\s]*$',
			'attendu : une adresse web complète commençant par http:// ou https://',
		]);
		const email = configField(partner, ['contacts', '*', 'email']);
		expect(email?.pattern?.[1]).toBe('attendu : une adresse électronique');
		expect(new RegExp(email!.pattern![0]).test('international@mines-ales.fr')).toBe(true);
		expect(new RegExp(email!.pattern![0]).test('pas une adresse')).toBe(false);
	});

	test('lists say what they add, in the singular', () => {
		expect(configField(partner, ['agreements'])?.['label_singular']).toBe('accord');
		const terms = configField(fieldsOfCollection('pages-guides'), ['searchTerms']);
		expect(terms?.field?.label).toBe('Terme de recherche');
		expect(singular('Niveaux de langue requis')).toBe('niveau de langue requis');
		expect(singular('Domaines d’études')).toBe('domaine d’études');
		expect(singular('Contacts chez le partenaire')).toBe('contact chez le partenaire');
		expect(singular('Pièces et conditions demandées')).toBe('pièce et condition demandée');
	});

	test('a new entry names its file with the identifier field, checked against the registry’s rule', () => {
		const partners = config.collections.find((entry) => entry.name === 'partners')!;
		expect(partners).toMatchObject({
			folder: 'content/partners',
			slug: '{{identifiant}}',
			identifier_field: 'identifiant',
			summary: '{{fields.name.en}}',
		});
		expect(partners.fields?.[0]).toMatchObject({ name: 'identifiant', widget: 'identifiant' });
		// The office types the identifier, not the file's extension.
		expect(partners.fields?.[0]?.pattern?.[1]).toMatch(/par exemple « kagawa »$/);
		expect(
			config.collections.find((entry) => entry.name === 'countries')?.fields?.[0]?.hint
		).toContain('par exemple « de »');
		expect(new RegExp(partners.fields![0]!.pattern![0]).test('kagawa')).toBe(true);
		expect(new RegExp(partners.fields![0]!.pattern![0]).test('Kagawa University')).toBe(false);
	});

	test('entries can be deleted from the editor (the admin script guards each deletion)', () => {
		const deletable = Object.fromEntries(
			config.collections
				.filter((entry) => entry.folder)
				.map((entry) => [entry.name, entry['delete']])
		);
		expect(deletable).toMatchObject({
			partners: true,
			countries: true,
			programmes: true,
			contacts: true,
			glossary: true,
			recognitions: true,
			reports: true,
		});
	});

	test('the school’s factsheet is one file, named as its entry so that a link can open it', () => {
		const factsheet = config.collections.find((entry) => entry.name === 'factsheet')!;
		expect(factsheet.files).toHaveLength(1);
		expect(factsheet.files![0]).toMatchObject({
			name: 'mines-ales',
			file: 'content/factsheet/mines-ales.yaml',
		});
	});

	test('pages are edited with their English twin, their text as a document with components', () => {
		const guides = config.collections.find((entry) => entry.name === 'pages-guides')!;
		expect(guides).toMatchObject({ folder: `${docs.folder}/guides`, extension: 'mdx', i18n: true });
		const body = guides.fields!.find((field) => field.name === 'body');
		expect(body).toMatchObject({
			widget: 'markdown',
			modes: ['rich_text', 'raw'],
			editor_components: pageComponentIds,
			i18n: 'translate',
		});
		expect(guides.fields!.find((field) => field.name === 'title')?.i18n).toBe('translate');
		expect(guides.fields!.find((field) => field.name === 'audience')?.i18n).toBe('duplicate');
		expect(pageCollectionFolder(pageCollectionName('a/b'))).toBe('a/b');
	});
});

describe('the backend, from environment variables', () => {
	test('is the local backend by default, on the loopback interface', () => {
		expect(editorBackend({})).toEqual({
			kind: 'local',
			url: 'http://127.0.0.1:8081/api/v1',
			branch: 'main',
		});
		expect(config.backend).toMatchObject({
			name: 'paires-proxy',
			proxy_url: 'http://127.0.0.1:8081/api/v1',
		});
	});

	test('a self-hosted GitLab logs in with PKCE and an application id', async () => {
		const env = {
			EDITOR_BACKEND: 'gitlab',
			EDITOR_BASE_URL: 'https://gitlab.mines-ales.fr/',
			EDITOR_REPO: 'spi/international',
			EDITOR_APP_ID: 'abc123',
			EDITOR_WORKFLOW: '1',
		};
		const gitlab = (await buildEditorConfig({ root, base: '/', env })) as Record<string, unknown>;
		expect(gitlab['backend']).toMatchObject({
			name: 'paires-gitlab',
			repo: 'spi/international',
			branch: 'main',
			auth_type: 'pkce',
			app_id: 'abc123',
			base_url: 'https://gitlab.mines-ales.fr',
			api_root: 'https://gitlab.mines-ales.fr/api/v4',
		});
		expect(gitlab['publish_mode']).toBe('editorial_workflow');
		expect(editorPolicy(editorBackend(env))).toContain(
			"connect-src 'self' https://gitlab.mines-ales.fr"
		);
	});

	test('Gitea and Forgejo log in with an application id; Gitea has no editorial workflow', async () => {
		const env = {
			EDITOR_BACKEND: 'forgejo',
			EDITOR_BASE_URL: 'https://git.mines-ales.fr',
			EDITOR_REPO: 'spi/international',
			EDITOR_APP_ID: 'x',
		};
		expect(
			((await buildEditorConfig({ root, base: '/', env })) as Record<string, unknown>)['backend']
		).toMatchObject({ name: 'paires-forgejo', api_root: 'https://git.mines-ales.fr/api/v1' });
		expect(() => editorBackend({ ...env, EDITOR_BACKEND: 'gitea', EDITOR_WORKFLOW: '1' })).toThrow(
			/no editorial workflow for Gitea/
		);
	});

	test('a missing variable is named', () => {
		expect(() => editorBackend({ EDITOR_BACKEND: 'gitlab', EDITOR_REPO: 'a/b' })).toThrow(
			'EDITOR_BACKEND=gitlab needs EDITOR_BASE_URL, EDITOR_APP_ID'
		);
		expect(() => editorBackend({ EDITOR_BACKEND: 'github' })).toThrow(/got "github"/);
	});

	test('the admin’s policy allows eval for Decap and the git host, nothing else', () => {
		const policy = editorPolicy(editorBackend({}));
		expect(policy).toContain("script-src 'self' 'unsafe-eval'");
		expect(policy).toContain("connect-src 'self' http://127.0.0.1:8081;");
		expect(/script-src([^;]*)/.exec(policy)?.[1]).not.toContain('unsafe-inline');
		expect(policy).toContain("object-src 'none'");
	});
});
