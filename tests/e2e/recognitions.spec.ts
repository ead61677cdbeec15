import { chmodSync, mkdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { test as plain, type Page } from '@playwright/test';
import { TemporaryProject, projectRoot } from '../build/project';
import { recognitionFiles, reportFiles } from '../fixtures/recognitions';
import { axeViolations } from './axe';
import { freePort, startNginx, stop } from './editor-servers';
import { expect, test } from './fixtures';

/**
 * The page of courses already recognised (`/reconnaissances/`) and the sections of a partner's
 * page, in Chromium: on the real build, the empty state in both languages; on a build of a copy
 * of the project with the fixtures' courses and reports, the filters (kept in the URL, back and
 * forward, without JavaScript the full table), and axe on every new page. SCREENSHOTS=1 saves the
 * pages at 1280 and 390 px in tests/.tmp/screens/recognitions/.
 */

test.describe('the real build (no course entered yet)', () => {
	for (const [path, text] of [
		['reconnaissances/', 'Aucun cours reconnu n’est encore publié.'],
		['en/reconnaissances/', 'No recognised course is published yet.'],
	] as const)
		test(`/${path} says so, and how the office adds them`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('[data-recognitions-empty]')).toContainText(text);
			await expect(page.locator('[data-recognitions-empty] a')).toHaveCount(2);
			expect(await axeViolations(page)).toEqual([]);
		});
});

plain.describe('a build with courses and reports', () => {
	plain.describe.configure({ mode: 'serial' });
	let project: TemporaryProject | undefined;
	let nginx: ChildProcess | undefined;
	let port = 0;
	const site = (path: string) => `http://127.0.0.1:${port}/${path}`;

	plain.beforeAll(async () => {
		plain.setTimeout(600_000);
		project = new TemporaryProject('recognitions-e2e');
		// mkdtemp makes the folder private; nginx's workers must read the build inside it.
		chmodSync(project.root, 0o755);
		for (const [id, text] of Object.entries(recognitionFiles))
			project.write(`content/recognitions/${id}.yaml`, text);
		for (const [id, text] of Object.entries(reportFiles))
			project.write(`content/reports/${id}.yaml`, text);
		const built = await project.build();
		expect(built.code, built.output.slice(-3000)).toBe(0);
		port = await freePort();
		nginx = await startNginx(join(project.root, 'dist'), port, join(project.root, 'nginx'));
	});
	plain.afterAll(async () => {
		await stop(nginx);
		project?.remove();
	});

	const rows = (page: Page) => page.locator('tr[data-recognition]:visible');

	plain('filters narrow the table and live in the URL', async ({ page }) => {
		await page.goto(site('reconnaissances/'));
		await expect(rows(page)).toHaveCount(3);
		await page.getByLabel('Pays').selectOption('jp');
		await expect(rows(page)).toHaveCount(2);
		await expect(page).toHaveURL(/\?country=jp$/);
		await page.getByLabel('Seulement les décisions en vigueur').check();
		await expect(rows(page)).toHaveCount(1);
		await expect(page).toHaveURL(/\?country=jp&valid=1$/);
		await expect(page.locator('[data-recognition-count]')).toHaveText('1 cours sur 3');
		await page.reload();
		await expect(rows(page)).toHaveCount(1);
		await expect(page.getByLabel('Seulement les décisions en vigueur')).toBeChecked();
		await page.goBack();
		await expect(rows(page)).toHaveCount(2);
		await page.getByRole('button', { name: 'Réinitialiser' }).click();
		await expect(rows(page)).toHaveCount(3);
	});

	plain(
		'a shared link filters by subject area; an old value falls back to any',
		async ({ page }) => {
			await page.goto(site('en/reconnaissances/?subject=05'));
			await expect(rows(page)).toHaveCount(1);
			await expect(rows(page)).toContainText('Old Fixture Course');
			await expect(rows(page)).toContainText('Expired');
			await page.goto(site('en/reconnaissances/?partner=gone'));
			await expect(rows(page)).toHaveCount(3);
		}
	);

	plain('without JavaScript the page is the full table', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(site('reconnaissances/?valid=1'));
		await expect(page.locator('[data-recognition-form]')).toBeHidden();
		await expect(rows(page)).toHaveCount(3);
		await context.close();
	});

	for (const path of [
		'reconnaissances/',
		'en/reconnaissances/',
		'partenaires/kagawa/',
		'en/partenaires/kagawa/',
		'partenaires/ifsul/',
	])
		plain(`/${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
			await page.goto(site(path));
			expect(await axeViolations(page)).toEqual([]);
			if (process.env['SCREENSHOTS'] !== '1') return;
			const folder = join(projectRoot, 'tests/.tmp/screens/recognitions');
			mkdirSync(folder, { recursive: true });
			for (const width of [1280, 390]) {
				await page.setViewportSize({ width, height: 900 });
				await page.screenshot({
					path: join(folder, `${path.replace(/\//g, '_')}${width}.png`),
					fullPage: true,
				});
			}
		});
});
