// @ts-check
/**
 * `npm run build`: builds the site into a fresh temporary folder and replaces the output folder
 * (`dist/`, or `OUT_DIR`) only when the whole build succeeded — content validation, pages,
 * link validation, search index. A failed build never leaves a half-built site behind.
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblemList } from '../lib/problems.ts';
import { checkContent } from '../loaders/check.ts';
import { systemLang } from '../loaders/system-lang.ts';

const out = resolve(process.env.OUT_DIR ?? 'dist');
const temporary = `${out}.tmp-${process.pid}`;
const lang = systemLang();

// The content check first (`npm run check:content`): a content problem stops the build in a few
// seconds, with the same numbered list, before Astro starts.
const { problems } = checkContent(process.cwd(), { lang });
if (problems.some((problem) => problem.severity !== 'warning')) {
	console.error(formatProblemList(problems, lang));
	console.error(
		lang === 'fr'
			? `\nÉchec de la construction : ${out} est resté tel quel.`
			: `\nBuild failed: ${out} was left as it was.`
	);
	process.exit(1);
}

rmSync(temporary, { recursive: true, force: true });
const { status, signal } = spawnSync('astro', ['build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, OUT_DIR: temporary, ASTRO_TELEMETRY_DISABLED: '1' },
	shell: process.platform === 'win32',
});
if (status !== 0) {
	rmSync(temporary, { recursive: true, force: true });
	console.error(`\nBuild failed: ${out} was left as it was.`);
	process.exit(status ?? (signal ? 1 : 1));
}
rmSync(out, { recursive: true, force: true });
renameSync(temporary, out);
console.log(`Site built in ${out}`);
