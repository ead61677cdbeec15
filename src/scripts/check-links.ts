/**
 * `npm run check:links`: checks every external address of the content and writes a dated report
 * for the office in `reports/links/` (Markdown in French, and JSON). Needs internet access, so it
 * is not part of `npm test`; run it monthly, or from a scheduled job (exit code 1 when a link is
 * broken). `npm run check:links -- --help` lists the options.
 *
 * Run by Node 24 directly (type stripping); the work is done in `./links/`.
 */
import { run } from './links/cli.ts';

process.exitCode = await run(process.argv.slice(2), {
	cwd: process.cwd(),
	stdout: process.stdout,
	stderr: process.stderr,
});
