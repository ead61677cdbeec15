/**
 * `npm run check:content`: checks all content without building the site, in a few seconds, and
 * prints only a numbered list of problems — the entry by its name, the field as the editor's
 * form names it, what was expected and what was found — in French unless the system's locale is
 * English (`LANG=en_GB.UTF-8`). `--details` adds each problem's file, line and field path, for
 * developers (as the build prints them). Exit code 1 when there is an error; warnings (sources
 * without a date…) do not fail it. With `--todo`, the to-do list comes first (« À rechercher »,
 * « À confirmer par le Service », each in the order readers need the facts), then the errors;
 * warnings are only counted unless `--warnings` is given.
 *
 *   npm run check:content
 *   npm run check:content -- --details    # with files, lines and field paths
 *   LANG=en_GB.UTF-8 npm run check:content
 *   npm run check:content -- --todo     # and the office's to-do list
 *   npm run check:content -- --todo --warnings
 *
 * Run by Node 24 directly (type stripping).
 */
import { fileURLToPath } from 'node:url';
import { editorRoutes, withBase } from '../lib/routes.ts';
import { formatTodoList, todoCounts, todoList } from '../lib/todo.ts';
import { checkContent } from '../loaders/check.ts';
import { entryName, formatStaffProblemList } from '../loaders/staff-problems.ts';
import { officeLang } from '../loaders/system-lang.ts';

const root = process.env['CONTENT_ROOT'] ?? fileURLToPath(new URL('../../', import.meta.url));
const lang = officeLang();
const details = process.argv.includes('--details');
const started = performance.now();
const { problems, content, pages } = checkContent(root, { lang });
const entries = Object.values(content.raw).reduce((sum, list) => sum + list.length, 0);
const errors = problems.filter((problem) => problem.severity !== 'warning');
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const showTodo = process.argv.includes('--todo');
if (showTodo) {
	const todo = todoList(content.raw);
	const counts = todoCounts(todo);
	const site = process.env['SITE_URL'];
	console.log(
		lang === 'fr'
			? `À compléter (${todo.length} fiches) : ${counts.public} informations publiques à rechercher, ${counts.office} à confirmer par le Service Pédagogie Internationale.\n`
			: `To be completed (${todo.length} entries): ${counts.public} public facts to look up, ${counts.office} to be confirmed by the office.\n`
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
	if (problems.length > 0) console.log('');
}
// With the to-do list, warnings (sources without a date…) are counted, not listed: the list is
// the work; `--warnings` lists them too.
const warnings = problems.length - errors.length;
const listed = showTodo && !process.argv.includes('--warnings') ? errors : problems;
if (listed.length > 0)
	console.log(formatStaffProblemList(listed, lang, (file) => entryName(root, file, lang), details));
if (listed.length < problems.length)
	console.log(
		lang === 'fr'
			? `${warnings} avertissement${warnings > 1 ? 's' : ''} (sources sans date…) : npm run check:content -- --todo --warnings pour les lire.`
			: `${warnings} warning${warnings > 1 ? 's' : ''} (sources without a date…): npm run check:content -- --todo --warnings to read them.`
	);
console.log(
	lang === 'fr'
		? `${entries} fiches et ${pages} pages vérifiées en ${seconds} s${errors.length === 0 ? ' : aucune erreur.' : '.'}`
		: `${entries} data files and ${pages} pages checked in ${seconds} s${errors.length === 0 ? ': no error.' : '.'}`
);
process.exit(errors.length > 0 ? 1 : 0);
