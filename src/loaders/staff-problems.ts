import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dataCollections, docs, type CollectionDefinition } from '../lib/collections.ts';
import { getAt } from '../lib/paths.ts';
import { formatProblem, formatProblemList, type Problem } from '../lib/problems.ts';
import { fieldsOf, schemaTree } from '../lib/schema-tree.ts';
import { docsExtension } from '../schemas/docs.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';

/**
 * Problems of content files as the office's commands print them (`check:content`, and
 * `import:partners` for files the spreadsheet does not hold): the entry by its kind and its name,
 * and the field by the names the editor's form gives it (« Partenaire « Kagawa University »,
 * Sources 2 › Date du document : … »), never a file or a field path. `--details` adds the file,
 * line and field path, for developers (`formatProblem`, as the build prints them).
 */

/** What the form calls the fields the build names in parentheses. */
const specialFields: Record<string, Bilingual> = {
	'(file name)': { fr: 'Identifiant (nom du fichier)', en: 'Identifier (file name)' },
	'(YAML)': { fr: 'Écriture du fichier', en: 'Writing of the file' },
	'(frontmatter)': { fr: 'En-tête de la page', en: 'Header of the page' },
	'(translation)': { fr: 'Version dans l’autre langue', en: 'Version in the other language' },
	'(MDX)': { fr: 'Texte de la page', en: 'Text of the page' },
	'(Markdown)': { fr: 'Texte de la page', en: 'Text of the page' },
};

type Labels = Map<string, Bilingual>;
const labelCache = new Map<unknown, Labels>();

/** The labels of a schema's fields, by path with `*` for list items (`sources.*.date`). */
export function labelsOf(schema: Parameters<typeof schemaTree>[0]): Labels {
	let labels = labelCache.get(schema);
	if (!labels) {
		labels = new Map();
		try {
			for (const field of fieldsOf(schemaTree(schema)))
				labels.set(field.path.join('.'), field.label);
		} catch {
			// A schema the tree cannot describe: its fields keep their paths.
		}
		labelCache.set(schema, labels);
	}
	return labels;
}

/**
 * The form's name of a field, items of lists numbered from 1 as in the form:
 * `sources.1.date` → "Sources 2 › Date du document"; undefined when the path is not a field.
 */
export function fieldLabel(labels: Labels, field: string, lang: Lang): string | undefined {
	const special = specialFields[field];
	if (special) return special[lang];
	const parts: string[] = [];
	const path: string[] = [];
	for (const key of field.split('.')) {
		if (/^\d+$/.test(key)) {
			if (parts.length === 0) return undefined;
			parts[parts.length - 1] += ` ${Number(key) + 1}`;
			path.push('*');
			continue;
		}
		path.push(key);
		const label = labels.get(path.join('.'));
		if (!label) return undefined;
		parts.push(label[lang]);
	}
	return parts.length > 0 ? parts.join(' › ') : undefined;
}

/** The field paths a message quotes (`(sources.1, sources.3)`) replaced by the form's names. */
export function labelPaths(labels: Labels, message: string, lang: Lang): string {
	return message.replace(
		/(?<![\w/.:@-])[a-zA-Z]\w*(?:\.(?:\w+))+(?![\w/])/g,
		(path) => fieldLabel(labels, path, lang) ?? path
	);
}

/**
 * A message with the files it names (`there is no file content/countries/sp.yaml`) said as the
 * office knows them: `no entry "sp" among the Countries`.
 */
export function withoutPaths(message: string, lang: Lang): string {
	return message.replace(
		/(?:there is no file|il n’y a pas de fichier) (content\/[\w/-]+)\/([\w-]+)\.ya?ml/g,
		(whole, folder: string, id: string) => {
			const collection = dataCollections.find((definition) => definition.folder === folder);
			if (!collection) return whole;
			const kind = collection.labels.plural[lang].toLowerCase();
			return lang === 'fr'
				? `le site n’a aucune fiche « ${id} » parmi les ${kind}`
				: `the site has no entry "${id}" among its ${kind}`;
		}
	);
}

/** Where a file belongs: a data collection, or the written pages (and in which language). */
function ownerOf(
	file: string
): { collection: CollectionDefinition } | { page: true; english: boolean } | undefined {
	const collection = dataCollections.find((definition) => file.startsWith(`${definition.folder}/`));
	if (collection) return { collection };
	if (file.startsWith(`${docs.folder}/`))
		return { page: true, english: file.startsWith(`${docs.folder}/en/`) };
	return undefined;
}

/**
 * The name of the entry a file holds, read from the file as it is (even a file with problems):
 * its name in the language of the messages where it has one, else the name the editor's list
 * shows; a page's title.
 */
export function entryName(root: string, file: string, lang: Lang = 'fr'): string | undefined {
	const owner = ownerOf(file);
	if (!owner) return undefined;
	let text: string;
	try {
		text = readFileSync(join(root, file), 'utf8');
	} catch {
		return undefined;
	}
	if ('page' in owner) {
		const title = /^---\r?\n[\s\S]*?^title:\s*(.+?)\s*$/m.exec(text)?.[1];
		return title?.replace(/^(['"])(.*)\1$/, '$2');
	}
	try {
		const data = parse(text) as unknown;
		const { nameField } = owner.collection;
		const own = getAt(data, [...nameField.slice(0, -1), lang]);
		const name = typeof own === 'string' ? own : getAt(data, nameField);
		return typeof name === 'string' && name.trim() !== '' ? name : undefined;
	} catch {
		return undefined;
	}
}

/** The entry of a file as the office names it: « Partenaire « Kagawa University » ». */
export function entryLabel(file: string, name: string | undefined, lang: Lang): string {
	const owner = ownerOf(file);
	const id = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
	const quote = (text: string) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);
	if (!owner) return quote(file);
	if ('page' in owner) {
		const kind = docs.labels.singular[lang];
		const version = owner.english
			? lang === 'fr'
				? ' (version anglaise)'
				: ' (English version)'
			: lang === 'fr'
				? ' (version française)'
				: ' (French version)';
		return `${kind} ${quote(name ?? id)}${version}`;
	}
	const kind = owner.collection.labels.singular[lang];
	if (owner.collection.single) return kind;
	return `${kind} ${quote(name ?? id)}`;
}

/** The labels of the fields of a file's entry (its collection's schema, or a page's header). */
function labelsFor(file: string): Labels {
	const owner = ownerOf(file);
	if (!owner) return new Map();
	if (!('page' in owner)) return labelsOf(owner.collection.schema);
	// A page's header: Starlight's title and description, then the project's fields.
	const labels = new Map(labelsOf(docsExtension));
	labels.set('title', { fr: 'Titre', en: 'Title' });
	labels.set('description', { fr: 'Description', en: 'Description' });
	return labels;
}

/**
 * One problem for the office: the entry, the field as the form names it, the message (with the
 * field paths it quotes named as the form names them); with `details`, the file, line and path
 * after it, in brackets.
 * @example formatStaffProblem(problem, 'fr', 'Kagawa University')
 * // 'Partenaire « Kagawa University », Présentation › Anglais : attendu : un texte en anglais ; trouvé : rien'
 */
export function formatStaffProblem(
	problem: Problem,
	lang: Lang,
	name: string | undefined,
	details = false
): string {
	const labels = labelsFor(problem.file);
	const entry = entryLabel(problem.file, name, lang);
	const field =
		problem.field === '' || problem.field === '(root)'
			? undefined
			: (fieldLabel(labels, problem.field, lang) ?? problem.field);
	const where = field ? `${entry}, ${field}` : entry;
	const text = `${where}${lang === 'fr' ? ' : ' : ': '}${withoutPaths(labelPaths(labels, problem.message, lang), lang)}`;
	return details
		? `${text} [${formatProblem({ ...problem, message: '' }).replace(/: $/, '')}]`
		: text;
}

/**
 * Problems as a numbered list under a heading, for the office (`formatStaffProblem`), in the
 * form of `formatProblemList`; `names` gives the name of each file's entry.
 */
export function formatStaffProblemList(
	problems: readonly Problem[],
	lang: Lang,
	names: (file: string) => string | undefined,
	details = false
): string {
	return formatProblemList(problems, lang, (problem) =>
		formatStaffProblem(problem, lang, names(problem.file), details)
	);
}
