import { fileNameField, type EditorField } from '../lib/editor-config.ts';
import { listNameField } from './list-names.ts';
import { parse } from 'yaml';

/**
 * Decap's configuration as the form uses it, from `config.yml`:
 *
 * - the identifier of a new entry is required, and says so (no « facultatif »): its widget
 *   (`identifier.ts`) gives Decap the file's name to check for an existing entry, whose
 *   identifier is not edited;
 * - an item of a list whose first field is still empty is called « (à compléter) », not
 *   Decap's English « No url »;
 * - the partners are listed by their name in French lists (`list-names.ts`).
 *
 * Decap's own checks (`required`, `pattern`) stay: they stop a save before the build's check
 * runs, which is then run from the form's current state (`form-errors.ts`), so that every
 * problem is shown at once either way.
 */
export function formField(field: EditorField): EditorField {
	const copy: EditorField = { ...field };
	if (field.name === fileNameField) {
		copy.required = true;
		copy.hint =
			'Tiré du nom, il reste modifiable jusqu’au premier enregistrement ; il devient alors le nom du fichier et l’adresse de la page, et ne change plus.';
	}
	if (field.fields) copy.fields = field.fields.map(formField);
	if (field.field) copy.field = formField(field.field);
	if (field.widget === 'list' && typeof field.summary === 'string')
		copy.summary = field.summary.replace(
			/\{\{\s*([^}|]+?)\s*\}\}/g,
			"{{$1 | default('(à compléter)')}}"
		);
	return copy;
}

/** The whole configuration as the form uses it. */
export function formConfig(config: Record<string, unknown>): Record<string, unknown> {
	const collections = (config['collections'] as Record<string, unknown>[]).map((collection) => ({
		...collection,
		...(collection['name'] === 'partners'
			? { summary: `{{fields.${listNameField} | default('(à compléter)')}}` }
			: {}),
		...(Array.isArray(collection['fields'])
			? { fields: (collection['fields'] as EditorField[]).map(formField) }
			: {}),
		...(Array.isArray(collection['files'])
			? {
					files: (collection['files'] as { fields: EditorField[] }[]).map((file) => ({
						...file,
						fields: file.fields.map(formField),
					})),
				}
			: {}),
	}));
	return { ...config, collections };
}

/** Reads `config.yml` (next to the admin page) and returns it as the form uses it. */
export async function loadFormConfig(): Promise<Record<string, unknown>> {
	const response = await fetch('config.yml', { cache: 'no-cache' });
	if (!response.ok) throw new Error(`config.yml: ${response.status}`);
	const config = parse(await response.text()) as Record<string, unknown>;
	return { ...formConfig(config), load_config_file: false };
}
