import type { z } from 'astro/zod';
import { fallbackMessage, inLanguage } from '../schemas/messages.ts';
import { docsExtension } from '../schemas/docs.ts';
import { collection, dataCollections, docs, type CollectionDefinition } from './collections.ts';
import { schemaTree, type FieldNode, type SchemaNode } from './schema-tree.ts';
import type { Bilingual } from '../vocab/locales.ts';
import { pageComponentIds } from './page-components.ts';

/**
 * The web editor's configuration (Decap CMS, `/admin/config.yml`), generated from the collection
 * registry and the schemas — never written by hand, so that a new field appears in the editor by
 * itself, with its French label and hint (`field()` in the schemas) and a widget chosen from its type:
 *
 * - a `reference()` → a relation to the other collection, searched and shown by name;
 * - an enumeration or a vocabulary → a select showing the labels ("B2 — avancé");
 * - French and English text (`fr`/`en`) → the two fields, side by side (the admin's stylesheet);
 * - lists and groups of fields → list and object widgets, recursively;
 * - dates → a date picker writing `YYYY-MM-DD`; URLs and e-mail addresses → a text field with a
 *   pattern whose message is the schema's own ("attendu : …");
 * - prose (`format: 'markdown'`) → the Markdown editor.
 *
 * Decap's own checks (required fields, patterns) only give early feedback: before any save the
 * admin script validates the entry with the very schemas of the build (`src/editor/`).
 * @see https://decapcms.org/docs/configuration-options/
 * @see https://decapcms.org/docs/widgets/
 */

/** A field of Decap's configuration. */
export interface EditorField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	pattern?: [string, string];
	default?: unknown;
	i18n?: 'translate' | 'duplicate' | 'none' | boolean;
	fields?: EditorField[];
	field?: EditorField;
	[option: string]: unknown;
}

/** A collection of Decap's configuration. */
export interface EditorCollection {
	name: string;
	label: string;
	label_singular?: string;
	description?: string;
	folder?: string;
	files?: { name: string; label: string; file: string; fields: EditorField[] }[];
	fields?: EditorField[];
	[option: string]: unknown;
}

/** Which git host the editor saves to: set by environment variables (`editorBackend()`). */
export type EditorBackend =
	| {
			/** The local backend of `npm run edit` (`src/server/editor-backend.mjs`, on this machine). */
			kind: 'local';
			/** Address of its API, e.g. `http://127.0.0.1:8081/api/v1`. */
			url: string;
			branch: string;
	  }
	| {
			/** The school's GitLab (PKCE login: an application id, no secret). */
			kind: 'gitlab';
			/** The GitLab instance, e.g. `https://gitlab.example.org`. */
			baseUrl: string;
			/** `group/project`. */
			repo: string;
			branch: string;
			/** Application id of the OAuth application registered in GitLab. */
			appId: string;
			/** Draft → review → publish (merge requests). */
			workflow: boolean;
	  }
	| {
			/** Gitea or Forgejo (PKCE login). Forgejo supports the editorial workflow, Gitea does not. */
			kind: 'gitea' | 'forgejo';
			baseUrl: string;
			repo: string;
			branch: string;
			appId: string;
			workflow: boolean;
	  };

/** The name of the reserved field that names a new entry's file (it is never written to it). */
export const fileNameField = 'identifiant';

/**
 * Where the editor's formats keep a file's YAML as it was read, while the entry is edited: on
 * save, only the values that changed are rewritten, and comments and layout stay as they were.
 */
export const sourceField = '__source';

/**
 * The widget of text of several lines (registered by the admin script): a box as high as its
 * text, for the French and English of a group.
 */
export const textWidget = 'texte';

/** The name of the editor's YAML format (registered by the admin script). */
export const yamlFormat = 'yaml-contenu';

/** The name of the editor's Markdown/MDX page format (registered by the admin script). */
export const pageFormat = 'page-mdx';

/**
 * The name of the editor's collection of the pages of a folder of `content/docs/` (`''` for the
 * folder itself): `pages`, `pages-guides`; `/` in a folder's path becomes `--`.
 */
export function pageCollectionName(folder: string): string {
	return folder ? `pages-${folder.replaceAll('/', '--')}` : 'pages';
}

/** The folder of `content/docs/` an editor's page collection holds, or undefined for another collection. */
export function pageCollectionFolder(name: string): string | undefined {
	if (name === 'pages') return '';
	return name.startsWith('pages-') ? name.slice('pages-'.length).replaceAll('--', '/') : undefined;
}

/** Prefix of the backends the admin script registers: the usual ones, which also pair pages. */
export const pairedBackendPrefix = 'paires-';

/**
 * The backend from environment variables:
 *
 * | Variable          | Meaning                                                                  |
 * | ----------------- | ------------------------------------------------------------------------ |
 * | `EDITOR_BACKEND`  | `local` (default), `gitlab`, `gitea` or `forgejo`                        |
 * | `EDITOR_BASE_URL` | the git host, e.g. `https://gitlab.example.org`                        |
 * | `EDITOR_REPO`     | `group/project` on that host                                             |
 * | `EDITOR_APP_ID`   | id of the OAuth application registered on the host (PKCE, no secret)     |
 * | `EDITOR_BRANCH`   | the branch the site is built from (default `main`)                       |
 * | `EDITOR_WORKFLOW` | `1`: drafts, review, then publication (GitLab and Forgejo)               |
 * | `EDITOR_LOCAL_URL`| the local backend's API (default `http://127.0.0.1:8081/api/v1`)         |
 *
 * Throws with a message naming the missing variables.
 */
export function editorBackend(env: Record<string, string | undefined>): EditorBackend {
	const kind = env['EDITOR_BACKEND'] ?? 'local';
	const branch = env['EDITOR_BRANCH'] || 'main';
	if (kind === 'local')
		return { kind, url: env['EDITOR_LOCAL_URL'] || 'http://127.0.0.1:8081/api/v1', branch };
	if (kind !== 'gitlab' && kind !== 'gitea' && kind !== 'forgejo')
		throw new Error(
			`EDITOR_BACKEND: expected local, gitlab, gitea or forgejo, got "${kind}" (README, "Production")`
		);
	const missing = ['EDITOR_BASE_URL', 'EDITOR_REPO', 'EDITOR_APP_ID'].filter((name) => !env[name]);
	if (missing.length > 0)
		throw new Error(
			`EDITOR_BACKEND=${kind} needs ${missing.join(', ')} (README, "Production"): the editor cannot log in without them`
		);
	const workflow = env['EDITOR_WORKFLOW'] === '1' || env['EDITOR_WORKFLOW'] === 'true';
	if (workflow && kind === 'gitea')
		throw new Error(
			'EDITOR_WORKFLOW: Decap CMS has no editorial workflow for Gitea; use Forgejo or GitLab, or leave EDITOR_WORKFLOW unset'
		);
	return {
		kind,
		baseUrl: env['EDITOR_BASE_URL']!.replace(/\/+$/, ''),
		repo: env['EDITOR_REPO']!,
		branch,
		appId: env['EDITOR_APP_ID']!,
		workflow,
	};
}

/** The origins the editor's page talks to, for its Content-Security-Policy (`connect-src`). */
export function backendOrigins(backend: EditorBackend): string[] {
	return [new URL(backend.kind === 'local' ? backend.url : backend.baseUrl).origin];
}

/** Decap's `backend` section. */
function backendSection(backend: EditorBackend): Record<string, unknown> {
	return { ...backendConnection(backend), commit_messages: commitMessages };
}

/**
 * Commit messages in French: the office reads them in the git host's history, to find a change
 * and undo it.
 */
const commitMessages = {
	create: 'Création : {{collection}} « {{slug}} »',
	update: 'Modification : {{collection}} « {{slug}} »',
	delete: 'Suppression : {{collection}} « {{slug}} »',
	uploadMedia: 'Ajout du fichier « {{path}} »',
	deleteMedia: 'Suppression du fichier « {{path}} »',
};

function backendConnection(backend: EditorBackend): Record<string, unknown> {
	switch (backend.kind) {
		case 'local':
			// The proxy backend itself, not `local_backend: true`: if the local server is not running,
			// Decap then says so instead of falling back to a Netlify login form.
			return {
				name: `${pairedBackendPrefix}proxy`,
				proxy_url: backend.url,
				branch: backend.branch,
			};
		case 'gitlab':
			return {
				name: `${pairedBackendPrefix}gitlab`,
				repo: backend.repo,
				branch: backend.branch,
				auth_type: 'pkce',
				app_id: backend.appId,
				base_url: backend.baseUrl,
				api_root: `${backend.baseUrl}/api/v4`,
				auth_endpoint: 'oauth/authorize',
			};
		case 'gitea':
		case 'forgejo':
			return {
				name: `${pairedBackendPrefix}${backend.kind}`,
				repo: backend.repo,
				branch: backend.branch,
				app_id: backend.appId,
				base_url: backend.baseUrl,
				api_root: `${backend.baseUrl}/api/v1`,
			};
	}
}

/** What the configuration is generated from, beyond the registry and the schemas. */
export interface EditorConfigOptions {
	backend: EditorBackend;
	/** The file of each single-entry collection (`factsheet` → `content/factsheet/mines-ales.yaml`). */
	singleFiles: Readonly<Record<string, string>>;
	/** Sub-folders of `content/docs/` holding French pages (`''` for the folder itself, `guides`). */
	pageFolders: readonly string[];
	/** The public site's address (absolute), for Decap's "view site" link in its header. */
	siteUrl?: string | undefined;
	/** A logo shown on the login page. */
	logoUrl?: string | undefined;
}

/** The message a string schema gives for a wrong value, without the value found. */
export function expectedMessage(schema: z.core.$ZodType): string | undefined {
	// zod writes its messages when they are first read: read them in French.
	const message = inLanguage('fr', () => {
		const result = (schema as z.ZodType).safeParse('', { error: fallbackMessage });
		return result.success ? undefined : result.error.issues[0]?.message;
	});
	return message?.replace(/ ; trouvé : .*$/, '');
}

/** Loose patterns for the formats zod checks with code, not a regular expression. */
const formatPatterns = {
	url: '^https?://[^\\s/$.?#][^\\s]*$',
	email: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
};

/** Words after which a French noun phrase's complement starts (its words stay as they are). */
const complements = new Set(['de', 'du', 'des', 'chez', 'à', 'au', 'aux', 'en', 'pour', 'sur']);

/**
 * The singular of a French list label, for Decap's "Ajouter …" button and item count: each word
 * before the complement loses its plural mark.
 * @example singular('Niveaux de langue requis') // 'niveau de langue requis'
 * @example singular('Pièces et conditions demandées') // 'pièce et condition demandée'
 */
export function singular(label: string): string {
	let complement = false;
	return label
		.split(' ')
		.map((word, index) => {
			const lower = index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word;
			if (complement || complements.has(lower) || /^[dl]’/.test(lower)) {
				complement = true;
				return lower;
			}
			if (/eaux$/.test(lower)) return lower.slice(0, -1);
			return /[^s]s$/.test(lower) ? lower.slice(0, -1) : lower;
		})
		.join(' ');
}

/** Whether an object is text in both languages (`{ fr, en }`), shown side by side. */
export function isBilingual(node: SchemaNode): boolean {
	return (
		node.kind === 'object' &&
		node.fields.length === 2 &&
		node.fields.every(
			(field, index) => field.key === ['fr', 'en'][index] && field.node.kind === 'string'
		)
	);
}

/** A field's path as Decap's templates write it (`name.fr`). */
const dotted = (path: readonly string[]) => path.join('.');

interface Walk {
	collection: string;
	/** Whether every parent of the field is required (Decap checks required fields only there). */
	parentRequired: boolean;
	/** The field's prose format, inherited by the `fr`/`en` of a bilingual object. */
	markdown: boolean;
	/** Text of a bilingual object: several lines (a textarea), not one. */
	multiline?: boolean;
}

/** The relation widget for a reference to another collection, searched by its entries' name. */
function relation(target: string): Record<string, unknown> {
	const definition = collection(target);
	const name = dotted(definition?.nameField ?? ['name', 'fr']);
	return {
		widget: 'relation',
		collection: target,
		value_field: '{{slug}}',
		search_fields: [name],
		display_fields: [name],
		options_length: 50,
	};
}

/** The select widget of an enumeration, with readable labels where the vocabulary has them. */
function select(node: Extract<SchemaNode, { kind: 'enum' }>): Record<string, unknown> {
	return {
		widget: 'select',
		options: node.values.map((value) => ({
			label: node.labels?.[String(value)]?.fr ?? String(value),
			value,
		})),
	};
}

/** The widget of a string: text, prose, or a checked format. */
function text(
	node: Extract<SchemaNode, { kind: 'string' }>,
	markdown: boolean,
	multiline: boolean
) {
	// Decap's own components only: the pages' ones (`<Contact />`…) are for pages.
	if (markdown) return { widget: 'markdown', editor_components: ['image', 'code-block'] };
	if (multiline) return { widget: textWidget };
	const pattern = node.format
		? formatPatterns[node.format]
		: node.patterns.find((regex) => regex.flags === '')?.source;
	const message = pattern && node.schema ? expectedMessage(node.schema) : undefined;
	return {
		widget: 'string',
		...(pattern && message ? { pattern: [pattern, message] as [string, string] } : {}),
	};
}

/** The widget options of a value described by a node (a field's, or a list item's). */
function widgetOf(node: SchemaNode, walk: Walk, path: readonly string[]): Record<string, unknown> {
	switch (node.kind) {
		case 'object':
			return {
				widget: 'object',
				collapsed: false,
				fields: node.fields.map((field) =>
					fieldConfig(field, {
						...walk,
						// In a bilingual object, both languages follow the object's format.
						markdown: isBilingual(node) && walk.markdown,
						multiline: isBilingual(node),
					})
				),
			};
		case 'array': {
			const item = node.item;
			const min = node.minItems ? { min: node.minItems } : {};
			if (item.kind === 'reference')
				return { ...relation(item.collection), multiple: true, ...min };
			if (item.kind === 'enum') return { ...select(item), multiple: true, ...min };
			if (item.kind === 'object')
				return {
					widget: 'list',
					collapsed: false,
					...min,
					...summaryOf(item),
					fields: (
						widgetOf(item, { ...walk, parentRequired: true }, [...path, '*']) as {
							fields: EditorField[];
						}
					).fields,
				};
			return {
				widget: 'list',
				collapsed: false,
				...min,
				field: {
					name: 'valeur',
					label: item.kind === 'string' && item.format === 'url' ? 'Adresse' : 'Valeur',
					...widgetOf(item, { ...walk, parentRequired: true }, [...path, '*']),
				},
			};
		}
		case 'string':
			return text(node, walk.markdown, walk.multiline === true);
		case 'reference':
			return relation(node.collection);
		case 'enum':
			return select(node);
		case 'number':
			return {
				widget: 'number',
				value_type: node.integer ? 'int' : 'float',
				...(node.integer ? { step: 1 } : {}),
				...(node.min === undefined ? {} : { min: node.min }),
				...(node.max === undefined ? {} : { max: node.max }),
			};
		case 'boolean':
			return { widget: 'boolean' };
		case 'date':
			// Written as `2026-11-30`, unquoted: YAML's core schema keeps it as text, as the build reads it.
			return {
				widget: 'datetime',
				format: 'YYYY-MM-DD',
				date_format: 'YYYY-MM-DD',
				time_format: false,
			};
		case 'unknown':
			return { widget: 'string' };
	}
}

/** The summary of a list item (what a collapsed item shows): its first field. */
function summaryOf(item: Extract<SchemaNode, { kind: 'object' }>): { summary?: string } {
	const first = item.fields[0];
	if (!first) return {};
	if (isBilingual(first.node)) return { summary: `{{fields.${first.key}.fr}}` };
	return ['string', 'enum', 'reference', 'number'].includes(first.node.kind)
		? { summary: `{{fields.${first.key}}}` }
		: {};
}

/** Decap's field for a field of the schema. */
function fieldConfig(field: FieldNode, walk: Walk): EditorField {
	const required = !field.optional && walk.parentRequired;
	const { hint } = field;
	// No default inside an optional group: Decap would write it, and the group (credits with
	// their unit « ECTS » but no number) would then be refused although the office left it empty.
	// The schema gives the default when the group is filled.
	const scalarDefault =
		field.defaultValue !== undefined &&
		typeof field.defaultValue !== 'object' &&
		walk.parentRequired
			? { default: field.defaultValue }
			: {};
	const widget = widgetOf(
		field.node,
		{ ...walk, parentRequired: required, markdown: walk.markdown || field.format === 'markdown' },
		field.path
	);
	// An item of a list of plain values is named after the list ("Terme de recherche"), not "Valeur".
	const item = widget['field'] as EditorField | undefined;
	if (item?.label === 'Valeur') {
		const one = singular(field.label.fr);
		widget['field'] = { ...item, label: one.charAt(0).toUpperCase() + one.slice(1) };
	}
	return {
		name: field.key,
		label: field.label.fr,
		...widget,
		...(widget['widget'] === 'list' ? { label_singular: singular(field.label.fr) } : {}),
		required,
		...(hint ? { hint } : {}),
		...scalarDefault,
	} as EditorField;
}

/** The fields of a schema, as Decap's configuration lists them. */
export function editorFields(name: string, schema: z.core.$ZodType): EditorField[] {
	const tree = schemaTree(schema);
	if (tree.kind !== 'object') throw new Error(`${name}: the schema of a collection is an object`);
	return tree.fields.map((field) =>
		fieldConfig(field, { collection: name, parentRequired: true, markdown: false })
	);
}

/**
 * What a new entry's identifier must be, as the editor asks for it: the registry's rule for the
 * file's name, with its example given without the `.yaml` the office does not type.
 * @example identifierDescription(partners).fr // '… par exemple « kagawa »'
 */
export function identifierDescription(definition: CollectionDefinition): Bilingual {
	const bare = (text: string) => text.replace(/\.ya?ml(["»])/g, '$1').replace(/\.ya?ml »/g, ' »');
	return { en: bare(definition.idDescription.en), fr: bare(definition.idDescription.fr) };
}

/** The field that names a new entry's file (the admin script's `identifiant` widget). */
function fileNameFieldConfig(definition: CollectionDefinition): EditorField {
	const expected = identifierDescription(definition).fr;
	return {
		name: fileNameField,
		label: 'Identifiant (nom du fichier)',
		widget: fileNameField,
		required: false,
		i18n: 'none',
		pattern: [definition.idPattern.source, `attendu : ${expected}`],
		hint: `Choisi à la création, il devient le nom du fichier et l’adresse de la page ; il ne change plus ensuite. Attendu : ${expected}.`,
	};
}

/** Decap's collection for a data collection of the registry. */
function dataCollection(
	definition: CollectionDefinition,
	options: EditorConfigOptions
): EditorCollection {
	const fields = editorFields(definition.name, definition.schema);
	const common = {
		name: definition.name,
		label: definition.labels.plural.fr,
		label_singular: definition.labels.singular.fr,
		format: yamlFormat,
		extension: 'yaml',
	};
	if (definition.single) {
		const file = options.singleFiles[definition.name];
		if (!file) throw new Error(`${definition.name}: no file found in ${definition.folder}/`);
		// The entry is named after its file, as every entry is: `editorRoutes.entry()` opens it.
		const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
		return {
			...common,
			files: [{ name: id, label: definition.labels.singular.fr, file, fields }],
		};
	}
	return {
		...common,
		folder: definition.folder,
		create: true,
		// Deleting asks for the entry's name and is refused while other content names it
		// (`src/editor/guarded-delete.ts`).
		delete: true,
		identifier_field: fileNameField,
		slug: `{{${fileNameField}}}`,
		summary: `{{fields.${dotted(definition.nameField)}}}`,
		sortable_fields: [dotted(definition.nameField)],
		fields: [fileNameFieldConfig(definition), ...fields],
	};
}

/** The pages' fields: Starlight's title and description, the project's frontmatter, the text. */
function pageFields(): EditorField[] {
	// The same in both languages: copied from the French page (Decap's list widget only takes
	// `i18n: true`, each language then keeping its own list).
	const extension = editorFields('docs', docsExtension).map((field): EditorField => ({
		...field,
		i18n: field.widget === 'list' ? true : 'duplicate',
	}));
	return [
		{
			name: fileNameField,
			label: 'Identifiant (nom du fichier)',
			widget: fileNameField,
			required: false,
			i18n: 'none',
			pattern: [
				'^[a-z0-9]+(?:-[a-z0-9]+)*$',
				'attendu : des mots en minuscules sans accents, séparés par des tirets',
			],
			hint: 'Choisi à la création, il devient le nom des deux fichiers (français et anglais) et l’adresse de la page.',
		},
		{
			name: 'title',
			label: 'Titre',
			widget: 'string',
			required: true,
			i18n: 'translate',
			hint: 'Le titre de la page, en haut de la page et dans le menu.',
		},
		{
			name: 'description',
			label: 'Description',
			widget: 'text',
			required: true,
			i18n: 'translate',
			hint: 'Une ou deux phrases : elles apparaissent dans les résultats de recherche.',
		},
		...extension,
		{
			name: 'body',
			label: 'Texte de la page',
			// Decap's Markdown editor, as a document: the components are blocks of the text, inserted
			// from the « + » menu (`src/lib/page-components.ts`); the import line is written by the
			// pages' format. The raw mode (« Markdown ») shows the MDX, for developers.
			widget: 'markdown',
			modes: ['rich_text', 'raw'],
			buttons: [
				'bold',
				'italic',
				'code',
				'link',
				'heading-two',
				'heading-three',
				'heading-four',
				'quote',
				'bulleted-list',
				'numbered-list',
			],
			editor_components: pageComponentIds,
			required: true,
			i18n: 'translate',
			hint: 'Le texte de la page. Les encadrés, contacts, termes du glossaire et autres composants s’ajoutent avec le bouton « + » de la barre d’outils.',
		},
	];
}

/**
 * Decap's collections for the written pages: one per folder of `content/docs/`, each French page
 * edited with its English twin (`content/docs/en/…`, same path). Decap's i18n structures put every
 * language in a folder of its own (`fr/`, `en/`); the admin script's backends translate those
 * paths to the site's layout (French at the root), so that Decap edits, creates and deletes a page
 * and its twin together, in one commit (`src/editor/paired-pages.ts`).
 */
function pageCollections(options: EditorConfigOptions): EditorCollection[] {
	return options.pageFolders.map((folder) => ({
		name: pageCollectionName(folder),
		label: folder ? `Pages : ${folder}` : docs.labels.plural.fr,
		label_singular: docs.labels.singular.fr,
		description: folder
			? `Les pages de content/docs/${folder}/ et leur traduction anglaise.`
			: 'Les pages rédigées du site et leur traduction anglaise (content/docs/).',
		folder: folder ? `${docs.folder}/${folder}` : docs.folder,
		extension: 'mdx',
		format: pageFormat,
		create: true,
		delete: false,
		i18n: true,
		identifier_field: fileNameField,
		slug: `{{${fileNameField}}}`,
		summary: '{{fields.title}}',
		sortable_fields: ['title'],
		fields: pageFields(),
	}));
}

/** Decap CMS's whole configuration. */
export function editorConfig(options: EditorConfigOptions): Record<string, unknown> {
	const workflow = options.backend.kind !== 'local' && options.backend.workflow;
	return {
		backend: backendSection(options.backend),
		locale: 'fr',
		...(workflow ? { publish_mode: 'editorial_workflow' } : {}),
		// Nothing is uploaded: the content has no images. Decap requires a media folder.
		media_folder: 'public/medias',
		public_folder: '/medias',
		// The header shows the public address, when the build knows it (Decap would show a bare
		// path as "/"); the links under the lists lead to the site in any case.
		...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
		...(options.logoUrl ? { logo: { src: options.logoUrl } } : {}),
		// The form takes the whole width (French and English side by side); no preview pane.
		editor: { preview: false },
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		i18n: { structure: 'multiple_folders', locales: ['fr', 'en'], default_locale: 'fr' },
		collections: [
			...dataCollections.map((definition) => dataCollection(definition, options)),
			...pageCollections(options),
		],
	};
}
