/**
 * The command line of `npm run check:links`: reads the options, collects the addresses, checks
 * them, writes the report and returns the exit code (0 when no link is broken, 1 when one is, 2
 * on a usage error), so that a scheduled job can act on it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLinks, defaultCheckOptions, userAgent, type CheckOptions } from './check.ts';
import { collectLinks, displayPath, LinkSourceError } from './extract.ts';
import { buildReport, consoleSummary, writeReport } from './report.ts';

/** The command's help text. */
export const usage = `Usage: npm run check:links -- [options] [paths…]

Checks every external http(s) address written in the content (YAML data files, and the
frontmatter and body of Markdown/MDX pages) and writes a dated report of broken, redirected and
slow links, in French for the office: <out>/links-YYYY-MM-DD.md, and .json for tools.
Needs internet access. Exit code: 0 when no link is broken, 1 when one is, 2 on a usage error.

Arguments:
  paths…               files or folders to read (default: content)

Options:
  --timeout <ms>       time allowed for one request (default: ${defaultCheckOptions.timeoutMs})
  --retries <n>        retries after a network error, a timeout or a 5xx (default: ${defaultCheckOptions.retries})
  --retry-delay <ms>   wait before the first retry, doubled for each next one (default: ${defaultCheckOptions.retryDelayMs})
  --concurrency <n>    addresses checked at once; one request at a time per host (default: ${defaultCheckOptions.concurrency})
  --slow <ms>          answers slower than this are reported as slow (default: ${defaultCheckOptions.slowMs})
  --out <dir>          folder of the report (default: reports/links)
  --help               shows this text`;

/** A command line the program cannot run with; the message says what was expected. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** What the command line asks for. */
export interface CliOptions {
	paths: string[];
	out: string;
	help: boolean;
	check: Omit<CheckOptions, 'userAgent' | 'maxRedirects'>;
}

/** Reads a whole number option, at least `min`. */
function wholeNumber(name: string, value: string | undefined, fallback: number, min: number) {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
		throw new UsageError(`--${name}: expected a whole number of at least ${min}, got "${value}"`);
	}
	return number;
}

/**
 * Parses the command line.
 * @param argv The arguments after the script's name.
 * @throws {UsageError} on an unknown option, a missing value or a value that is not a number.
 * @example parseArguments(['content/partners', '--timeout', '5000'])
 */
export function parseArguments(argv: readonly string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				timeout: { type: 'string' },
				retries: { type: 'string' },
				'retry-delay': { type: 'string' },
				concurrency: { type: 'string' },
				slow: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values, positionals } = parsed;
	const defaults = defaultCheckOptions;
	return {
		paths: positionals.length > 0 ? positionals : ['content'],
		out: values.out ?? 'reports/links',
		help: values.help ?? false,
		check: {
			timeoutMs: wholeNumber('timeout', values.timeout, defaults.timeoutMs, 1),
			retries: wholeNumber('retries', values.retries, defaults.retries, 0),
			retryDelayMs: wholeNumber('retry-delay', values['retry-delay'], defaults.retryDelayMs, 0),
			concurrency: wholeNumber('concurrency', values.concurrency, defaults.concurrency, 1),
			slowMs: wholeNumber('slow', values.slow, defaults.slowMs, 0),
		},
	};
}

/** Where the command writes: the console, or anything with `write` (tests). */
export interface Output {
	write(text: string): unknown;
}

/**
 * Runs the command.
 * @param argv The arguments after the script's name.
 * @param io The folder paths are relative to, the outputs and the clock.
 * @returns The exit code: 0 no link broken, 1 some link broken, 2 usage error.
 */
export async function run(
	argv: readonly string[],
	io: { cwd: string; stdout: Output; stderr: Output; now?: () => Date }
): Promise<number> {
	let options: CliOptions;
	try {
		options = parseArguments(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr.write(`check:links: ${error.message}\n\n${usage}\n`);
		return 2;
	}
	if (options.help) {
		io.stdout.write(`${usage}\n`);
		return 0;
	}
	let collected;
	try {
		collected = await collectLinks(
			options.paths.map((path) => resolve(io.cwd, path)),
			io.cwd
		);
	} catch (error) {
		if (!(error instanceof LinkSourceError)) throw error;
		io.stderr.write(`check:links: ${error.message}\n`);
		return 2;
	}
	// The site's public address when the build is given one, else the school's: a contact for
	// the administrators of the sites checked.
	const site =
		process.env['SITE_URL'] && !/localhost|127\.0\.0\.1/.test(process.env['SITE_URL'])
			? process.env['SITE_URL']
			: 'https://imt-mines-ales.fr/';
	const check = { ...options.check, userAgent: userAgent(site) };
	const urls = [...collected.links.keys()];
	io.stdout.write(
		`Checking ${urls.length} ${urls.length === 1 ? 'link' : 'links'} from ${collected.files.length} ${collected.files.length === 1 ? 'file' : 'files'} (${check.concurrency} at a time, timeout ${check.timeoutMs} ms)…\n`
	);
	let done = 0;
	const results = await checkLinks(urls, check, (result) => {
		done++;
		if (result.status === 'broken') {
			io.stdout.write(`  [${done}/${urls.length}] broken: ${result.url}\n`);
		}
	});
	const report = buildReport({
		results,
		links: collected.links,
		files: collected.files.length,
		paths: options.paths,
		options: check,
		now: io.now?.() ?? new Date(),
	});
	const written = await writeReport(report, resolve(io.cwd, options.out));
	io.stdout.write(`${consoleSummary(report)}\n`);
	io.stdout.write(
		`Report: ${displayPath(io.cwd, written.markdown)} (and ${displayPath(io.cwd, written.json)})\n`
	);
	return report.summary.broken > 0 ? 1 : 0;
}
