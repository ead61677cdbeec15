// @ts-check
/**
 * `npm run build`: builds the site into a fresh temporary folder and replaces the output folder
 * (`dist/`, or `OUT_DIR`) only when the whole build succeeded — content validation, pages,
 * link validation, search index. A failed build never leaves a half-built site behind.
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.env.OUT_DIR ?? 'dist');
const temporary = `${out}.tmp-${process.pid}`;

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
