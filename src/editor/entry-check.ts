import { collection, docs } from '../lib/collections.ts';
import {
	fileNameField,
	identifierDescription,
	pageCollectionFolder,
	sourceField,
} from '../lib/editor-config.ts';
import { pageBodyProblems } from '../lib/page-check.ts';
import { frontmatterProblems } from '../lib/page-rules.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { fieldsOf, schemaTree } from '../lib/schema-tree.ts';
import { fileNameProblem, validateData } from '../lib/validate.ts';
import { docsExtension, docsFrontmatterSchema } from '../schemas/docs.ts';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual } from '../vocab/locales.ts';
import { importsField, pageText } from './formats.ts';
import { toRepositoryPath, type PagesLayout } from './paired-pages.ts';

/**
 * The check the web editor runs before saving an entry: the entry, cleaned of what the forms
 * leave behind, validated by the very schemas and functions of the build
 * (`src/lib/validate.ts`), with the same messages, in French. An entry with a problem is not
 * saved. Pure: runs in the browser (the admin script) and under Node (the tests).
 */

/** The layout of the written pages (French at the root, English under `en/`). */
export const pagesLayout: PagesLayout = { root: docs.folder, defaultLocale: 'fr', locales: ['en'] };

/** An entry as Decap hands it to `preSave`, as plain data. */
export interface EditedEntry {
	collection: string;
	/** The file's path as Decap names it; absent for a new entry. */
	path?: string | undefined;
	newRecord: boolean;
	data: Record<string, unknown>;
	/** The other languages of a page (`{ en: { data } }`). */
	i18n?: Record<string, { data?: Record<string, unknown> }> | undefined;
}

const isEmpty = (value: unknown): boolean =>
	value === undefined ||
	value === null ||
	value === '' ||
	(typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value as object).every(isEmpty));

/**
 * The paths of the values a form leaves empty (`''`, `null`, a group of fields left blank), to
 * remove before saving: an optional field the office cleared is absent, as in a file written by
 * hand, not an empty text the schema would refuse. Items of lists are kept (an empty item is a
 * mistake to report, not to hide). Deepest paths first.
 */
export function emptyPaths(data: unknown, path: (string | number)[] = []): (string | number)[][] {
	if (Array.isArray(data))
		return data.flatMap((item, index) =>
			typeof item === 'object' && item !== null ? emptyPaths(item, [...path, index]) : []
		);
	if (typeof data !== 'object' || data === null) return [];
	return Object.entries(data).flatMap(([key, value]) => {
		if (path.length === 0 && (key === fileNameField || key === sourceField || key === importsField))
			return [];
		if (isEmpty(value)) return [[...path, key]];
		return emptyPaths(value, [...path, key]);
	});
}

/** The data without its empty values and the editor's reserved keys: what is validated. */
export function cleaned(data: Record<string, unknown>): Record<string, unknown> {
	const copy = structuredClone(data);
	for (const path of emptyPaths(copy)) {
		let parent: Record<string | number, unknown> = copy;
		for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
		delete parent[path.at(-1)!];
	}
	delete copy[fileNameField];
	delete copy[sourceField];
	delete copy[importsField];
	return copy;
}

/** The French label of each field of a schema, by path (`sources.*.url` → "Adresse"). */
function fieldLabels(schema: Parameters<typeof schemaTree>[0]): Map<string, string> {
	return new Map(
		[...fieldsOf(schemaTree(schema))].map((field) => [field.path.join('.'), field.label.fr])
	);
}

/**
 * The French name of a problem's field, as the form shows it, items of lists numbered as in the
 * to-do list: `sources.0.publisher.en` → "Sources 1 › Éditeur (qui publie) › Anglais".
 */
function labelOf(labels: Map<string, string>, field: string): string | undefined {
	const parts: string[] = [];
	const path: string[] = [];
	for (const key of field.split('.')) {
		if (/^\d+$/.test(key)) {
			if (parts.length === 0) break;
			parts[parts.length - 1] += ` ${Number(key) + 1}`;
			path.push('*');
			continue;
		}
		path.push(key);
		const label = labels.get(path.join('.'));
		if (!label) break;
		parts.push(label);
	}
	return parts.length > 0 ? parts.join(' › ') : undefined;
}

/** A problem, with the label of its field for the office. */
export interface EditorProblem extends Problem {
	label?: string | undefined;
}

const missing = (file: string, field: string, text: Bilingual, label: string): EditorProblem => ({
	file,
	field,
	message: say(text),
	label,
});

/** The form's name of the identifier field (the build names it `(file name)`). */
const fileNameLabel = 'Identifiant (nom du fichier)';

/** The problems of a data entry (partner, country…). */
function dataProblems(entry: EditedEntry): EditorProblem[] {
	const definition = collection(entry.collection);
	if (!definition) return [];
	const id = entry.data[fileNameField];
	const file = entry.path ?? `${definition.folder}/${typeof id === 'string' && id ? id : '…'}.yaml`;
	const problems: EditorProblem[] = [];
	if (entry.newRecord && !definition.single) {
		if (typeof id !== 'string' || id === '')
			problems.push(
				missing(
					file,
					'(file name)',
					{
						en: `expected ${identifierDescription(definition).en}, got nothing: fill in the identifier`,
						fr: `attendu : ${identifierDescription(definition).fr} ; trouvé : rien — remplissez l’identifiant`,
					},
					fileNameLabel
				)
			);
		else {
			const problem = fileNameProblem(id, file, {
				...definition,
				idDescription: identifierDescription(definition),
			});
			if (problem) problems.push({ ...problem, label: fileNameLabel });
		}
	}
	const validated = validateData(definition.schema, cleaned(entry.data), file, 'fr');
	const labels = fieldLabels(definition.schema);
	if (!validated.ok)
		problems.push(
			...validated.problems.map((problem) => ({
				...problem,
				label: labelOf(labels, problem.field),
			}))
		);
	return problems;
}

/** The problems of a written page and of its English twin. */
function pageProblems(entry: EditedEntry): EditorProblem[] {
	const id = entry.data[fileNameField];
	const slug = typeof id === 'string' && id ? id : '…';
	const folder = pageCollectionFolder(entry.collection) ?? '';
	const french = entry.path
		? toRepositoryPath(pagesLayout, entry.path)
		: [docs.folder, folder, `${slug}.mdx`].filter(Boolean).join('/');
	const english = french.replace(`${docs.folder}/`, `${docs.folder}/en/`);
	const labels = fieldLabels(docsExtension);
	labels.set('title', 'Titre');
	labels.set('body', 'Texte de la page');
	const problems: EditorProblem[] = [];
	if (entry.newRecord && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
		problems.push(
			missing(
				french,
				'(file name)',
				{
					en: `expected a file name in lower-case ASCII words separated by hyphens, got "${slug}"`,
					fr: `attendu : un identifiant en minuscules sans accents, mots séparés par des tirets ; trouvé : « ${slug} »`,
				},
				fileNameLabel
			)
		);
	const check = (data: Record<string, unknown>, file: string) => {
		const { body, ...frontmatter } = cleaned(data);
		// The text as it will be written, with its import line (which the editor does not show):
		// lines are counted in the text as shown.
		const written = typeof body === 'string' ? pageText(body, data[importsField]) : '';
		const importLines =
			written.startsWith('import ') && !String(body).trimStart().startsWith('import ') ? 2 : 0;
		const validated = validateData(docsFrontmatterSchema, frontmatter, file, 'fr');
		if (!validated.ok)
			problems.push(
				...validated.problems.map((problem) => ({
					...problem,
					label: labelOf(labels, problem.field),
				}))
			);
		for (const problem of frontmatterProblems(frontmatter, { file, lang: 'fr' }))
			problems.push({ ...problem, label: labelOf(labels, problem.field) });
		if (typeof body !== 'string' || body.trim() === '')
			problems.push(
				missing(
					file,
					'body',
					{
						en: 'expected the text of the page, got nothing',
						fr: 'attendu : le texte de la page ; trouvé : rien',
					},
					'Texte de la page'
				)
			);
		// The body as the build would compile it: its MDX syntax and the page rules. Its lines are
		// counted in the text field (the frontmatter Decap writes above it is not shown).
		else
			for (const { line, ...problem } of pageBodyProblems(written, {
				file,
				lang: 'fr',
				firstLine: 1 - importLines,
			}))
				problems.push({
					...problem,
					message:
						line === undefined || problem.field.startsWith('(')
							? problem.message
							: `ligne ${line} du texte : ${problem.message}`,
					label: 'Texte de la page',
				});
	};
	check(entry.data, french);
	const translation = entry.i18n?.['en']?.data;
	if (!translation || isEmpty(translation))
		problems.push(
			missing(
				english,
				'(translation)',
				{
					en: `expected its English version ${english}, which does not exist`,
					fr: `attendu : sa version anglaise ${english} (colonne « EN ») ; trouvé : rien`,
				},
				'Version anglaise'
			)
		);
	else check(translation, english);
	return problems;
}

/**
 * Every problem that would stop the build in an edited entry, in French.
 * @example entryProblems({ collection: 'partners', newRecord: true, data: { identifiant: 'x', … } })
 */
export function entryProblems(entry: EditedEntry): EditorProblem[] {
	return inLanguage('fr', () =>
		pageCollectionFolder(entry.collection) === undefined ? dataProblems(entry) : pageProblems(entry)
	);
}

/** A problem as one line: the build's own line, then the field's name in the form. */
export function problemLine(problem: EditorProblem): string {
	return `${formatProblem(problem)}${problem.label ? ` (champ « ${problem.label} »)` : ''}`;
}
