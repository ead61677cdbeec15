/**
 * `npm run check:content`: checks all content without building the site, in a few seconds, and
 * prints only a numbered list of problems — file, line where known, field, what was expected and
 * what was found — in French when the system's locale is French (`LANG=fr_FR.UTF-8`), in English
 * otherwise. Exit code 1 when there is an error; warnings (entries not reviewed for a year) do not
 * fail it.
 *
 *   npm run check:content
 *   LANG=fr_FR.UTF-8 npm run check:content
 *   npm run check:content -- --todo     # and the office's to-do list
 *
 * Run by Node 24 directly (type stripping).
 */
import { fileURLToPath } from 'node:url';
import { formatProblemList } from '../lib/problems.ts';
import { editorRoutes, withBase } from '../lib/routes.ts';
import { formatTodoList, todoList } from '../lib/todo.ts';
import { checkContent } from '../loaders/check.ts';
import { systemLang } from '../loaders/system-lang.ts';

const root = process.env['CONTENT_ROOT'] ?? fileURLToPath(new URL('../../', import.meta.url));
const lang = systemLang();
const started = performance.now();
const { problems, content, pages } = checkContent(root, { lang });
const entries = Object.values(content.raw).reduce((sum, list) => sum + list.length, 0);
const errors = problems.filter((problem) => problem.severity !== 'warning');
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (problems.length > 0) console.log(formatProblemList(problems, lang));
if (process.argv.includes('--todo')) {
	const todo = todoList(content.raw);
	const site = process.env['SITE_URL'];
	console.log(
		`\n${lang === 'fr' ? `À compléter par le Service Pédagogie Internationale (${todo.length} fiches) :` : `To be completed by the office (${todo.length} entries):`}\n`
	);
	console.log(
		formatTodoList(todo, lang, (entry) => {
			const path = withBase(
				editorRoutes.entry(entry.collection, entry.id),
				process.env['BASE_PATH'] ?? '/'
			);
			return site ? new URL(path, site).href : path;
		})
	);
}
console.log(
	lang === 'fr'
		? `${entries} fiches et ${pages} pages vérifiées en ${seconds} s${errors.length === 0 ? ' : aucune erreur.' : '.'}`
		: `${entries} data files and ${pages} pages checked in ${seconds} s${errors.length === 0 ? ': no error.' : '.'}`
);
process.exit(errors.length > 0 ? 1 : 0);
