/**
 * `npm run import:partners -- <file.xlsx|file.csv> [--dry-run] [--details]`: creates and updates
 * `content/partners/*.yaml` from a spreadsheet — the workbook `/data/partners.xlsx` edited by the
 * office and saved by any spreadsheet program (Excel, LibreOffice Calc, Google Sheets, WPS,
 * openpyxl), or its `partners` sheet as CSV (the site's `partners.csv` is one) (see the workbook's `Lisez-moi` sheet and `src/loaders/import-partners.ts`).
 *
 * Every row is validated as the build validates the files; on any error nothing is written and
 * every error is printed with its sheet, row, cell and the column's name in the editor's form,
 * then what was expected — in French unless the system's locale is English
 * (`LANG=en_GB.UTF-8`). A file that is not a workbook gets one sentence saying what to do.
 * `--details` prints the columns' headers and field paths instead, and the whole error of an
 * unexpected failure, for developers. Exit code 1 on errors.
 *
 *   npm run import:partners -- ~/Téléchargements/partners.xlsx --dry-run
 *   npm run import:partners -- ~/Téléchargements/partners.xlsx
 *
 * Run by Node 24 directly (type stripping). `CONTENT_ROOT` imports into another copy of the
 * project (tests, benchmarks).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatImportResult, importPartners } from '../loaders/import-partners.ts';
import { officeLang } from '../loaders/system-lang.ts';

const lang = officeLang();
const args = process.argv.slice(2);
const flags = ['--dry-run', '--details'];
const dryRun = args.includes('--dry-run');
const details = args.includes('--details');
const files = args.filter((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && !flags.includes(arg));

if (files.length !== 1 || unknown.length > 0 || args.includes('--help')) {
	console.error(
		lang === 'fr'
			? 'Usage : npm run import:partners -- <fichier.xlsx|fichier.csv> [--dry-run] [--details]\n  --dry-run : tout vérifier sans rien écrire\n  --details : en-têtes de colonnes, chemins des champs et erreurs complètes (pour les développeurs)'
			: 'Usage: npm run import:partners -- <file.xlsx|file.csv> [--dry-run] [--details]\n  --dry-run: check everything, write nothing\n  --details: column headers, field paths and whole errors (for developers)'
	);
	process.exit(2);
}

const root = process.env['CONTENT_ROOT'] ?? fileURLToPath(new URL('../../', import.meta.url));
// npm runs scripts from the project root: a relative path is relative to where npm was called.
const file = resolve(process.env['INIT_CWD'] ?? process.cwd(), files[0]!);
const started = performance.now();
try {
	const result = await importPartners(file, { root, lang, dryRun });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const failed = result.problems.length > 0 || result.refusal !== undefined;
	console.log(formatImportResult(result, lang, dryRun, details));
	if (!failed) console.log(`(${seconds} s)`);
	process.exitCode = failed ? 1 : 0;
} catch (error) {
	// What the import did not foresee: one sentence for the office, the error for developers.
	console.error(
		lang === 'fr'
			? `L’import s’est arrêté sur une erreur imprévue, sans rien écrire : relancez-le avec --details à la fin de la commande et transmettez tout ce qu’il affiche à un développeur.`
			: `The import stopped on an unexpected error, without writing anything: run it again with --details at the end of the command and send everything it prints to a developer.`
	);
	if (details) console.error(error);
	process.exitCode = 1;
}
