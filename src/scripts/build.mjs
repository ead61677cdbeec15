// @ts-check
/**
 * `npm run build`: builds the site into a fresh temporary folder and replaces the output folder
 * (`dist/`, or `OUT_DIR`) only when the whole build succeeded — content validation, pages,
 * link validation, search index. A failed build never leaves a half-built site behind.
 *
 * It speaks to editors: a build that succeeds prints one summary (pages, time, folder); one
 * that fails ends with the numbered list of problems (file, line, field, what was expected and
 * what was found), whether the content check found them before Astro started or Astro did
 * (a broken link, an unknown glossary term, a file it cannot read). Warnings are printed as they
 * come; the framework's known harmless ones are left out (`build-logger.mjs` says which and why).
 * Messages are in French under a French locale (`LANG=fr_FR.UTF-8`). `DEBUG=1` prints everything
 * Astro says, and errors whole, with their stack, for developers.
 */
import { spawn } from 'node:child_process';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatProblemList } from '../lib/problems.ts';
import { checkContent } from '../loaders/check.ts';
import { systemLang } from '../loaders/system-lang.ts';
import { failureProblems, failureSummary, isDebug } from './build-report.ts';

const started = performance.now();
const root = process.cwd();
const out = resolve(process.env.OUT_DIR ?? 'dist');
const temporary = `${out}.tmp-${process.pid}`;
const lang = systemLang();
const debug = isDebug(process.env);
/** @param {{ en: string, fr: string }} text */
const say = (text) => text[lang];

/** The output folder as whoever runs the build sees it: relative when it is in the project. */
const outShown = (() => {
	const inside = relative(root, out);
	return (inside && !inside.startsWith('..') ? inside.split(sep).join('/') : out) + '/';
})();

const failed = say({
	en: `Build failed: ${outShown} was left as it was.`,
	fr: `Échec de la construction : ${outShown} est resté tel quel.`,
});

/**
 * Stops the build with its problems as the last lines of the output, after `before` if given.
 * @param {string[]} lines
 * @param {string[]} [before]
 * @returns {never}
 */
function fail(lines, before = []) {
	rmSync(temporary, { recursive: true, force: true });
	console.error(['', ...before, failed, ...lines].join('\n'));
	process.exit(1);
}

/**
 * Stops the build if the content check (`npm run check:content`) finds errors, with its numbered
 * list: only the errors are listed, since warnings (an entry to check again, an undated source)
 * would push them out of sight; one line says how many were left out.
 */
function failOnContentProblems() {
	const { problems } = checkContent(root, { lang });
	const errors = problems.filter((problem) => problem.severity !== 'warning');
	const warnings = problems.length - errors.length;
	if (errors.length > 0)
		fail(
			[formatProblemList(errors, lang)],
			warnings === 0
				? []
				: [
						say({
							en: `(${warnings} warning${warnings > 1 ? 's' : ''} not listed here: npm run check:content lists ${warnings > 1 ? 'them' : 'it'}.)`,
							fr: `(${warnings} avertissement${warnings > 1 ? 's' : ''} non listé${warnings > 1 ? 's' : ''} ici : npm run check:content ${warnings > 1 ? 'les' : 'le'} liste.)`,
						}),
					]
		);
}

// The content check first: a content problem stops the build in a few seconds, with the same
// numbered list as `npm run check:content`, before Astro starts. The pages are compiled once, by
// Astro: this first pass reads the data and the pages' frontmatter and references, and only when
// it finds a problem, or Astro stops, does the whole check (the pages compiled too) make the list,
// so that it is the same either way. SKIP_CONTENT_CHECK=1 leaves it to Astro alone, for the tests
// of the messages of the checks Astro makes (tests/build/).
const contentCheck = process.env.SKIP_CONTENT_CHECK !== '1';
if (
	contentCheck &&
	checkContent(root, { lang, compile: false }).problems.some(
		(problem) => problem.severity !== 'warning'
	)
)
	failOnContentProblems();

rmSync(temporary, { recursive: true, force: true });
const child = spawn(
	process.execPath,
	[fileURLToPath(new URL('astro-build.mjs', import.meta.url))],
	{
		stdio: debug ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
		env: { ...process.env, OUT_DIR: temporary, ASTRO_TELEMETRY_DISABLED: '1' },
	}
);
// What Astro and its plugins write besides the log (progress, the links validator's report):
// kept to say something useful if the build stops without a word.
let output = '';
child.stdout?.on('data', (chunk) => (output += chunk));
child.stderr?.on('data', (chunk) => (output += chunk));
/** @type {string[]} */
const errors = [];
/** @type {import('./build-report.ts').DescribedError | undefined} */
let failure;
child.on('message', (/** @type {any} */ message) => {
	if (message.type === 'failure') failure = message.error;
	else if (message.type === 'log' && message.level === 'warn')
		console.warn(
			`${say({ en: 'Warning', fr: 'Avertissement' })} [${message.label}]: ${message.message}`
		);
	else if (message.type === 'log') errors.push(`[${message.label}] ${message.message}`);
});
const status = await new Promise((done) => child.on('close', (code) => done(code ?? 1)));

if (status !== 0) {
	if (debug) fail([]);
	// A page Astro could not compile (or whose compiler crashed): the content check lists it with
	// every other problem, as it would have before Astro started.
	if (contentCheck) failOnContentProblems();
	if (failure) {
		const problems = failureProblems(failure, root, lang);
		if (problems.length > 0) fail([formatProblemList(problems, lang)]);
		fail([
			say({
				en: 'The build stopped on an error:',
				fr: 'La construction s’est arrêtée sur une erreur :',
			}),
			`  ${failureSummary(failure, root)}`,
			say({
				en: 'Run `DEBUG=1 npm run build` to see the details.',
				fr: 'Lancez `DEBUG=1 npm run build` pour en voir le détail.',
			}),
		]);
	}
	const last = output.trim().split('\n').filter(Boolean).at(-1) ?? errors.at(-1) ?? '';
	fail([
		say({ en: 'Astro stopped without a report:', fr: 'Astro s’est arrêté sans rapport :' }),
		`  ${last.replaceAll(root + sep, '')}`,
		say({
			en: 'Run `DEBUG=1 npm run build` to see the details.',
			fr: 'Lancez `DEBUG=1 npm run build` pour en voir le détail.',
		}),
	]);
}

rmSync(out, { recursive: true, force: true });
renameSync(temporary, out);
const pages = readdirSync(out, { recursive: true }).filter((file) =>
	String(file).endsWith('.html')
).length;
const seconds = ((performance.now() - started) / 1000).toLocaleString(lang, {
	maximumFractionDigits: 1,
});
// The preview server reads the build's variables: a sub-path build is viewed with the same ones.
const preview = [
	process.env.BASE_PATH && process.env.BASE_PATH !== '/' && `BASE_PATH=${process.env.BASE_PATH}`,
	outShown !== 'dist/' && `OUT_DIR=${outShown.replace(/\/$/, '')}`,
	'npm run preview',
]
	.filter(Boolean)
	.join(' ');
// `npm start` serves the site right after the build (SERVE_AFTER_BUILD=1): no hint to do it then.
const serving = process.env.SERVE_AFTER_BUILD === '1';
console.log(
	say({
		en: `Site built: ${pages} pages in ${seconds} s, in ${outShown}${serving ? '' : `\nView it with: ${preview}`}`,
		fr: `Site construit : ${pages} pages en ${seconds} s, dans ${outShown}${serving ? '' : `\nPour le voir : ${preview}`}`,
	})
);
// Without the public origin (astro.config.mjs), the build writes no sitemap and no canonical link,
// on purpose; the framework's warning about it is left out (build-logger.mjs), this line says it.
if (!process.env.SITE_URL)
	console.log(
		say({
			en: 'SITE_URL not set: no sitemap and no canonical links (set it to build the public site).',
			fr: 'SITE_URL non défini : ni plan du site ni liens canoniques (définissez-le pour construire le site public).',
		})
	);
