// @ts-check
/**
 * `npm run audit`: a Lighthouse report (mobile preset) of the home page, a partner page, a country
 * page and the partner finder, in both languages, served by nginx with the production
 * configuration. Writes reports/lighthouse/<page>.html and .json and a summary.md, and prints
 * the scores. A report, not a test: targets are accessibility, best practices and SEO 100,
 * performance 95 or more.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, findChromium, ports } from '../e2e/servers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'reports/lighthouse');
const chromePath = findChromium();
if (!existsSync(join(root, 'dist/index.html')))
	throw new Error('No build in dist/: run `npm run build` first.');

const pages = [
	['home', '/'],
	['home-en', '/en/'],
	['partner', '/partenaires/kagawa/'],
	['partner-en', '/en/partenaires/kagawa/'],
	['country', '/pays/de/'],
	['country-en', '/en/pays/de/'],
	['finder', '/partenaires/'],
	['finder-en', '/en/partenaires/'],
];

const server = spawn(process.execPath, [join(root, 'tests/e2e/nginx.mjs'), '--root-only'], {
	stdio: 'inherit',
});
const origin = `http://127.0.0.1:${ports.root}`;
for (let attempt = 0; ; attempt++) {
	try {
		if ((await fetch(origin)).ok) break;
	} catch {
		// Not listening yet: try again.
	}
	if (attempt > 50) throw new Error('nginx did not start');
	await new Promise((resolve) => setTimeout(resolve, 100));
}

mkdirSync(out, { recursive: true });
const flags = ['--headless', ...chromiumFlags];
const rows = [];
try {
	for (const [name, path] of pages) {
		const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
		try {
			// A trace Lighthouse failed to record (NO_NAVSTART and the like) is measured again.
			let result;
			for (let attempt = 1; attempt <= 3; attempt++) {
				result = await lighthouse(`${origin}${path}`, {
					port: chrome.port,
					output: ['html', 'json'],
					logLevel: 'error',
				});
				if (result && !result.lhr.runtimeError) break;
				console.warn(`${path}: ${result?.lhr.runtimeError?.code ?? 'no result'}, measuring again`);
			}
			if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
			const [html, json] = /** @type {string[]} */ (result.report);
			writeFileSync(join(out, `${name}.html`), html ?? '');
			writeFileSync(join(out, `${name}.json`), json ?? '');
			const score = (/** @type {string} */ id) =>
				Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
			const failing = Object.values(result.lhr.audits)
				.filter(
					(audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary'
				)
				.map((audit) => audit.id);
			rows.push({
				name,
				path,
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				seo: score('seo'),
				failing,
			});
			console.log(
				`${path}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}${failing.length ? ` — failing: ${failing.join(', ')}` : ''}`
			);
		} finally {
			chrome.kill();
		}
	}
} finally {
	server.kill('SIGTERM');
}

const summary = `# Lighthouse (mobile preset)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, served by nginx with the production configuration.

| Page | Performance | Accessibility | Best practices | SEO | Failing binary audits |
| --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.path} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ${row.failing.join(', ') || '—'} |`).join('\n')}
`;
writeFileSync(join(out, 'summary.md'), summary);
console.log(`\n${summary}\nReports in ${out}`);
