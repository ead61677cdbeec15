import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { partnersWorkbook } from '../../src/lib/exporters/workbook';
import { contentIds } from '../fixtures/content';
import { recognitionFiles, reportFiles } from '../fixtures/recognitions';
import { syntheticPartners } from '../fixtures/synthetic-partners';
import { payloadContent } from './payloads';
import { projectRoot, TemporaryProject } from './project';

/**
 * One copy of the project, built once for the tests of the vitest project `fixtures-build`
 * (a global setup): a workbook of `importedCount` synthetic partners imported with
 * `npm run import:partners` as the office would (import.test.ts), the entries carrying attack
 * payloads (payloads.test.ts), and the fixtures' recognised courses and returnee reports
 * (recognitions.test.ts). None of them touches the pages of another. What the import printed is
 * handed to the tests, which check it; the build runs while the other projects' tests run (a
 * global setup is awaited before any test starts), and the tests wait for it with `fixturesBuilt`.
 * KEEP_FIXTURES_BUILD=1 keeps the copy and its build in tests/.tmp/, to look into a failure.
 */

/** How many partners the workbook holds. */
export const importedCount = 200;
/** The workbook, in the copy's root (given to the import by its full path, as a dragged file is). */
export const workbookName = 'partenaires-a-importer.xlsx';

/** Runs the import command in a copy, as the office would. */
export function importFile(root: string, ...args: string[]) {
	const result = spawnSync(
		join(projectRoot, 'node_modules/.bin/node'),
		['src/scripts/import-partners.ts', join(root, workbookName), ...args],
		{
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
		}
	);
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface FixturesBuild {
	/** The copy's root. */
	root: string;
	/** The import with `--dry-run`, and how many partner files the copy then had. */
	dryRun: { code: number | null; output: string; partnerFiles: number };
	/** The import. */
	imported: { code: number | null; output: string };
}

/** Where the setup writes what the build printed, in the copy (outside its `dist/`). */
const resultFile = (root: string) => join(root, 'fixtures-build.json');

/**
 * The build of the copy, after the import and with the payloads and the recognitions written:
 * its exit code and what it printed, once it has ended.
 */
export async function fixturesBuilt(
	root: string
): Promise<{ code: number | null; output: string }> {
	for (let waited = 0; !existsSync(resultFile(root)); waited += 0.5) {
		if (waited > 900) throw new Error(`the build of ${root} did not end within 900 s`);
		await sleep(500);
	}
	return JSON.parse(readFileSync(resultFile(root), 'utf8')) as {
		code: number | null;
		output: string;
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		fixturesBuild: FixturesBuild;
	}
}

export default async function setup(project: TestProject) {
	const copy = new TemporaryProject('fixtures');
	const synthetic = syntheticPartners({
		count: importedCount,
		countries: contentIds('countries'),
		programmes: contentIds('programmes'),
		seed: 7,
	});
	await partnersWorkbook([...synthetic].map(([id, data]) => ({ id, data }))).xlsx.writeFile(
		join(copy.root, workbookName)
	);
	const dryRun = {
		...importFile(copy.root, '--dry-run'),
		partnerFiles: readdirSync(join(copy.root, 'content/partners')).length,
	};
	const imported = importFile(copy.root);
	for (const [path, contents] of Object.entries(payloadContent().files)) copy.write(path, contents);
	for (const [id, text] of Object.entries(recognitionFiles))
		copy.write(`content/recognitions/${id}.yaml`, text);
	for (const [id, text] of Object.entries(reportFiles))
		copy.write(`content/reports/${id}.yaml`, text);
	const built = copy
		.build()
		.then((result) => writeFileSync(resultFile(copy.root), JSON.stringify(result)));
	project.provide('fixturesBuild', { root: copy.root, dryRun, imported });
	return async () => {
		await built;
		if (process.env['KEEP_FIXTURES_BUILD'] !== '1') copy.remove();
	};
}
