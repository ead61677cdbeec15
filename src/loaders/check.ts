import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docs } from '../lib/collections.ts';
import { componentReferences } from '../lib/links-to.ts';
import { frontmatterProblems as frontmatterRuleProblems } from '../lib/markdown.ts';
import type { Problem } from '../lib/problems.ts';
import { unknownReferences } from '../lib/resolve.ts';
import { docsFrontmatterSchema } from '../schemas/docs.ts';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Lang } from '../vocab/locales.ts';
import { pagesProblems } from './pages.ts';
import { readContent, type ContentRead } from './read-content.ts';
import { validateData } from '../lib/validate.ts';
import { parseYaml } from '../lib/yaml.ts';
import { isoDate } from '../lib/dates.ts';

/**
 * Every check of the content that does not need a build, in a few seconds: each data file
 * against its schema, every reference between collections, every written page's frontmatter,
 * its syntax and what it may contain (`pagePolicyPlugin`: no script, no event handler…), its twin
 * in the other language, and the glossary terms and contacts it names. Used by
 * `npm run check:content`, by `npm run build` before it starts, and by the web editor's guide.
 */

/** A written page of `content/docs/`: its path relative to the project root and its text. */
interface Page {
	file: string;
	/** Path inside `content/docs/` of its French version (`guides/logement.mdx`). */
	key: string;
	lang: Lang;
	text: string;
}

function readPages(root: string): Page[] {
	const dir = join(root, docs.folder);
	let entries;
	try {
		entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_'))
		.map((entry) => {
			const file = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
			const inside = file.slice(docs.folder.length + 1);
			const english = inside.startsWith('en/');
			return {
				file,
				key: english ? inside.slice('en/'.length) : inside,
				lang: english ? ('en' as const) : ('fr' as const),
				text: readFileSync(join(entry.parentPath, entry.name), 'utf8'),
			};
		})
		.sort((a, b) => a.file.localeCompare(b.file));
}

/** Problems of one written page's frontmatter, with lines counted in the whole file. */
function frontmatterProblems(page: Page, lang: Lang): Problem[] {
	const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(page.text);
	if (!block)
		return [
			{
				file: page.file,
				line: 1,
				field: '(frontmatter)',
				message: say({
					en: 'expected a frontmatter block between two "---" lines at the top of the page',
					fr: 'attendu : un bloc d’en-tête entre deux lignes « --- » en haut de la page',
				}),
			},
		];
	try {
		const parsed = parseYaml(block[1] ?? '', page.file);
		const lineOf = (path: readonly (string | number)[]) => {
			const line = parsed.lineOf(path);
			return line === undefined ? undefined : line + 1;
		};
		const validated = validateData(
			docsFrontmatterSchema,
			parsed.data,
			page.file,
			lang,
			lineOf,
			parsed.sourceOf
		);
		return [
			...(validated.ok ? [] : validated.problems),
			...frontmatterRuleProblems(parsed.data, { file: page.file, lang, lineOf }),
		];
	} catch (error) {
		const problems = (error as { problems?: Problem[] }).problems;
		if (!problems) throw error;
		return problems.map((problem) => ({
			...problem,
			line: problem.line === undefined ? undefined : problem.line + 1,
		}));
	}
}

/** The line (1-based) of an offset in a text. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Glossary terms and contacts named in a page (`<Term id="…">`, `<Contact id="…">`) that do not exist. */
function componentProblems(page: Page, content: ContentRead): Problem[] {
	return componentReferences.flatMap(({ component, collection, folder }) => {
		const ids = new Set(content.raw[collection].map((entry) => entry.id));
		return [...page.text.matchAll(new RegExp(`<${component}\\s[^>]*?id=["']([^"']+)["']`, 'g'))]
			.filter(([, id]) => !ids.has(id!))
			.map((match) => ({
				file: page.file,
				line: lineAt(page.text, match.index),
				field: `<${component} id="${match[1]}">`,
				message: say({
					en: `unknown ${collection === 'glossary' ? 'glossary term' : 'contact'}: there is no file ${folder}/${match[1]}.yaml`,
					fr: `${collection === 'glossary' ? 'terme du glossaire' : 'contact'} inconnu : il n’y a pas de fichier ${folder}/${match[1]}.yaml`,
				}),
			}));
	});
}

/** Pages without their twin in the other language, naming the missing file. */
function twinProblems(pages: Page[]): Problem[] {
	const keys = { fr: new Set<string>(), en: new Set<string>() };
	for (const page of pages) keys[page.lang].add(page.key);
	return pages
		.filter((page) => !keys[page.lang === 'fr' ? 'en' : 'fr'].has(page.key))
		.map((page) => {
			const twin =
				page.lang === 'fr' ? `${docs.folder}/en/${page.key}` : `${docs.folder}/${page.key}`;
			return {
				file: page.file,
				field: '(translation)',
				message: say({
					en: `expected its ${page.lang === 'fr' ? 'English' : 'French'} version ${twin}, which does not exist`,
					fr: `attendu : sa version ${page.lang === 'fr' ? 'anglaise' : 'française'} ${twin}, qui n’existe pas`,
				}),
			};
		});
}

/** Entries whose review is older than this many months are reported (as warnings). */
export const staleAfterMonths = 12;

/** Entries reviewed more than a year before `today`, as warnings. */
function staleProblems(content: ContentRead, today: Date): Problem[] {
	const limit = new Date(today);
	limit.setUTCMonth(limit.getUTCMonth() - staleAfterMonths);
	return Object.values(content.raw).flatMap((entries) =>
		(entries as { filePath?: string; data: { consulted?: Date; confirmed?: Date } }[]).flatMap(
			(entry) => {
				const reviewed = entry.data.confirmed ?? entry.data.consulted;
				if (!reviewed || reviewed >= limit || !entry.filePath) return [];
				return [
					{
						file: entry.filePath,
						line: content.locate(entry.filePath, [
							entry.data.confirmed ? 'confirmed' : 'consulted',
						]),
						field: entry.data.confirmed ? 'confirmed' : 'consulted',
						severity: 'warning' as const,
						message: say({
							en: `last checked on ${isoDate(reviewed)}, more than ${staleAfterMonths} months ago: check it against its sources`,
							fr: `vérifiée pour la dernière fois le ${isoDate(reviewed)}, il y a plus de ${staleAfterMonths} mois : revérifiez-la auprès de ses sources`,
						}),
					},
				];
			}
		)
	);
}

/**
 * Sources without the date of their document, one warning per file (the page cannot say how old
 * those documents are): add the date where the document gives one.
 */
function undatedSources(content: ContentRead): Problem[] {
	return Object.values(content.raw).flatMap((entries) =>
		(
			entries as { filePath?: string; data: { sources?: { date?: string; kind?: string }[] } }[]
		).flatMap((entry) => {
			// Official sources without a date are errors already (the source schema's rule).
			const undated = (entry.data.sources ?? []).flatMap((source, index) =>
				source.date || source.kind === 'official' ? [] : [`sources.${index}`]
			);
			if (undated.length === 0 || !entry.filePath) return [];
			return [
				{
					file: entry.filePath,
					line: content.locate(entry.filePath, ['sources']),
					field: 'sources',
					severity: 'warning' as const,
					message: say({
						en: `${undated.length} source(s) without the date of the document (${undated.join(', ')}): add it where the document gives one`,
						fr: `${undated.length} source(s) sans la date du document (${undated.join(', ')}) : ajoutez-la quand le document en donne une`,
					}),
				},
			];
		})
	);
}

/** The outcome of a check: the problems, and the content read (for the to-do list). */
export interface CheckResult {
	problems: Problem[];
	content: ContentRead;
	pages: number;
}

/**
 * Checks all content under `root`, with messages in `lang`. Errors come first (data files,
 * references, pages), then warnings. `compile: false` leaves out the pages' compilation (their
 * MDX or Markdown syntax and what they may contain), for the build, whose own compilation of the
 * pages applies the same rules (`src/scripts/build.mjs`).
 */
export function checkContent(
	root: string,
	{
		lang = 'en',
		today = new Date(),
		compile = true,
	}: { lang?: Lang; today?: Date; compile?: boolean } = {}
): CheckResult {
	const content = readContent(root, { lang });
	const pages = readPages(root);
	return inLanguage(lang, () => {
		const errors = [
			...content.problems,
			...unknownReferences(content.raw, content.locate),
			...pages.flatMap((page) => frontmatterProblems(page, lang)),
			...(compile ? pagesProblems(pages, { root: pathToFileURL(join(root, '/')), lang }) : []),
			...pages.flatMap((page) => componentProblems(page, content)),
			...twinProblems(pages),
		];
		return {
			problems: [...errors, ...staleProblems(content, today), ...undatedSources(content)],
			content,
			pages: pages.length,
		};
	});
}
