/**
 * `npm run check:links` (run by Node 24 directly): checks every external address of the content
 * and writes a dated report for the office in `reports/links/`. Needs internet access, so it is not
 * part of `npm test`. The requests are linkinator's; `./links/` collects the addresses with their
 * files and lines, keeps one request at a time per site, and writes the report.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLinks, defaultCheckOptions as defaults, userAgent } from './links/check.ts';
import { collectLinks, displayPath, InputError } from './links/extract.ts';
import { buildReport, consoleSummary, writeReport } from './links/report.ts';

export const usage = `Usage: npm run check:links -- [options] [paths…]

Checks every external http(s) address written in the content (YAML data files, and the
frontmatter and body of Markdown/MDX pages) with linkinator, and writes a dated report of broken,
redirected and slow links, in French for the office: <out>/links-YYYY-MM-DD.md, and .json.
Needs internet access. Exit code: 0 when no link is broken, 1 when one is, 2 on a usage error.

Arguments: files or folders to read (default: content). Options:
  --timeout <ms>       time allowed for one request (default: ${defaults.timeoutMs})
  --retries <n>        retries after a network error, a timeout or a 5xx (default: ${defaults.retries})
  --concurrency <n>    sites checked at once; one request at a time per site (default: ${defaults.concurrency})
  --slow <ms>          answers slower than this are reported as slow (default: ${defaults.slowMs})
  --out <dir>          folder of the report (default: reports/links)
  --help               shows this text`;

/** Reads a whole number option, at least `min`. */
function whole(name: string, value: string | undefined, fallback: number, min: number): number {
	if (value === undefined || (/^\d+$/.test(value) && Number(value) >= min)) {
		return Number(value ?? fallback);
	}
	throw new Error(`--${name}: expected a whole number of at least ${min}, got "${value}"`);
}

/** Parses the command line. @throws {InputError} on an unknown option or a wrong value. */
export function parseArguments(argv: readonly string[]) {
	const string = { type: 'string' } as const;
	const options = { timeout: string, retries: string, concurrency: string, slow: string };
	try {
		const { values, positionals } = parseArgs({
			...{ args: [...argv], allowPositionals: true },
			options: { ...options, out: string, help: { type: 'boolean', short: 'h' } },
		});
		return {
			paths: positionals.length > 0 ? positionals : ['content'],
			out: values.out ?? 'reports/links',
			help: values.help ?? false,
			timeoutMs: whole('timeout', values.timeout, defaults.timeoutMs, 1),
			retries: whole('retries', values.retries, defaults.retries, 0),
			concurrency: whole('concurrency', values.concurrency, defaults.concurrency, 1),
			slowMs: whole('slow', values.slow, defaults.slowMs, 0),
		};
	} catch (error) {
		throw new InputError(`${(error as Error).message}\n\n${usage}`);
	}
}

type Output = { write(text: string): unknown };

/** Runs the command in `io.cwd`; returns the exit code (0 no link broken, 1 some, 2 usage). */
export async function run(
	argv: readonly string[],
	io: { cwd: string; stdout: Output; stderr: Output; now?: () => Date }
): Promise<number> {
	let options;
	let collected;
	try {
		options = parseArguments(argv);
		if (options.help) return (io.stdout.write(`${usage}\n`), 0);
		const paths = options.paths.map((path) => resolve(io.cwd, path));
		collected = await collectLinks(paths, io.cwd);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		io.stderr.write(`check:links: ${error.message}\n`);
		return 2;
	}
	// A contact for the sites' administrators: the site's public address, else the school's.
	const site = process.env['SITE_URL'] ?? '';
	const contact = /^https?:\/\/(?!localhost|127\.)/.test(site)
		? site
		: 'https://imt-mines-ales.fr/';
	const { timeoutMs, retries, concurrency, slowMs, paths } = options;
	const settings = { timeoutMs, retries, concurrency, slowMs, userAgent: userAgent(contact) };
	const urls = [...collected.links.keys()];
	const files = collected.files.length;
	io.stdout.write(
		`Checking ${urls.length} links from ${files} files, ${concurrency} sites at once…\n`
	);
	let done = 0;
	const results = await checkLinks(urls, settings, ({ status, url }) => {
		if (++done && status === 'broken')
			io.stdout.write(`  [${done}/${urls.length}] broken: ${url}\n`);
	});
	const { links } = collected;
	const now = io.now?.() ?? new Date();
	const report = buildReport({ results, links, files, paths, settings, now });
	const written = await writeReport(report, resolve(io.cwd, options.out));
	const [markdown, json] = [written.markdown, written.json].map((f) => displayPath(io.cwd, f));
	io.stdout.write(`${consoleSummary(report)}\nReport: ${markdown} (and ${json})\n`);
	return report.summary.broken > 0 ? 1 : 0;
}

if (import.meta.main) {
	const { stdout, stderr } = process;
	process.exitCode = await run(process.argv.slice(2), { cwd: process.cwd(), stdout, stderr });
}
