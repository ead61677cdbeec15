// @ts-check
/**
 * Compares two builds of the site, ignoring what changes by itself from one build to the next:
 * hashed asset names (`/_astro/page.Ab12Cd.js`), Astro's scoped-style ids (`data-astro-cid-…`),
 * the CSP hashes that follow from them, Pagefind's hashed index files, the build date and the
 * time stamps of the entries of a zipped file (`partners.xlsx` is compared by its contents). Used
 * when restructuring the code: keep a build of `dist/` before, build again after, and explain
 * every difference this prints (see CONTRIBUTING.md).
 *
 *   node tests/tools/compare-builds.mjs <before> <after>          # lists changed files
 *   node tests/tools/compare-builds.mjs <before> <after> --diff   # and a line diff of each
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const [before, after, flag] = process.argv.slice(2);
if (!before || !after) {
	console.error('usage: node tests/tools/compare-builds.mjs <before> <after> [--diff]');
	process.exit(2);
}

/** @param {string} dir */
function files(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.filter((file) => !file.startsWith('pagefind/') && !file.startsWith('_astro/'))
		.sort();
}

/**
 * @param {string} text
 * Style blocks are compared as a sorted set: their order in the page follows the order in which
 * components are bundled, which moving code changes without changing what applies.
 */
function normalize(text) {
	/** @type {string[]} */
	const styles = [];
	const withoutStyles = text.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => {
		styles.push(...css.split('\n').filter(Boolean));
		return '';
	});
	return (withoutStyles + '\n<!-- styles -->\n' + styles.sort().join('\n'))
		.replace(/(\/_astro\/[\w.-]+?)\.[\w-]{8}\.(js|css|svg|png|woff2?)/g, '$1.HASH.$2')
		.replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '')
		.replace(/\[data-astro-cid-[a-z0-9]+\]/g, '')
		.replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-…'")
		.replace(/(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z/g, '$1:…')
		.replace(/>\s+</g, '>\n<');
}

/**
 * The text of a built file; for a zipped file (.xlsx), the text of its entries, whose time stamps
 * change at every build.
 * @param {string} path
 */
function read(path) {
	if (!path.endsWith('.xlsx')) return readFileSync(path, 'utf8');
	return spawnSync('unzip', ['-p', path], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
}

const a = files(before);
const b = files(after);
const onlyBefore = a.filter((file) => !b.includes(file));
const onlyAfter = b.filter((file) => !a.includes(file));
const changed = a.filter((file) => {
	if (!b.includes(file)) return false;
	if (statSync(join(before, file)).size > 5_000_000) return false;
	return normalize(read(join(before, file))) !== normalize(read(join(after, file)));
});
for (const file of onlyBefore) console.log(`only in ${before}: ${file}`);
for (const file of onlyAfter) console.log(`only in ${after}: ${file}`);
for (const file of changed) {
	console.log(`changed: ${file}`);
	if (flag === '--diff') {
		const dir = mkdtempSync(join(tmpdir(), 'compare-'));
		writeFileSync(join(dir, 'a'), normalize(read(join(before, file))));
		writeFileSync(join(dir, 'b'), normalize(read(join(after, file))));
		const diff = spawnSync('diff', ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
		console.log(diff.stdout.split('\n').slice(2).join('\n'));
	}
}
console.log(
	`${a.length} files before, ${b.length} after: ${onlyBefore.length} removed, ${onlyAfter.length} added, ${changed.length} changed`
);
