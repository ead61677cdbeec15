/**
 * `npm run import:partners -- <file.xlsx|file.csv> [--dry-run]`: creates and updates
 * `content/partners/*.yaml` from a spreadsheet — the workbook `/data/partners.xlsx` edited by the
 * office, the site's `partners.csv`, or a CSV with the columns of the workbook's `partners` sheet
 * (see the workbook's `Lisez-moi` sheet and `src/loaders/import-partners.ts`).
 *
 * Every row is validated as the build validates the files; on any error nothing is written and
 * every error is printed with its sheet, row, column and what was expected — in French when the
 * system's locale is French (`LANG=fr_FR.UTF-8`), in English otherwise. Exit code 1 on errors.
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
import { systemLang } from '../loaders/system-lang.ts';

const lang = systemLang();
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run');

if (files.length !== 1 || unknown.length > 0 || args.includes('--help')) {
	console.error(
		lang === 'fr'
			? 'Usage : npm run import:partners -- <fichier.xlsx|fichier.csv> [--dry-run]'
			: 'Usage: npm run import:partners -- <file.xlsx|file.csv> [--dry-run]'
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
	console.log(formatImportResult(result, lang, dryRun));
	if (result.problems.length === 0) console.log(`(${seconds} s)`);
	process.exitCode = result.problems.length > 0 ? 1 : 0;
} catch (error) {
	const code = (error as NodeJS.ErrnoException).code;
	console.error(
		code === 'ENOENT'
			? lang === 'fr'
				? `Fichier introuvable : ${file}`
				: `File not found: ${file}`
			: (error as Error).message
	);
	process.exitCode = 1;
}
