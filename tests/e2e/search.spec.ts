import { expect, search, test } from './fixtures';

/**
 * Search runs on Pagefind's index of the built site, one index per language. For each query,
 * the page a reader expects comes first, and its excerpt reads as text: no two elements' words
 * run together ("KagawaÉchange d’études"), no bare list of search terms. A term's own page comes
 * before the glossary entry that defines it.
 */
const queries = {
	fr: [
		['Kagawa', 'partenaires/kagawa/'],
		['Brésil', 'pays/br/'],
		['Japon', 'pays/jp/'],
		['Hanoï', 'partenaires/utc-hanoi/'],
		['convention de stage', 'stage-a-l-etranger/'],
		['CEAM', 'guides/assurance-et-securite-sociale/'],
		['logement', 'guides/logement/'],
		['contrat d’études', 'guides/contrat-d-etudes/'],
		['BRAFITEC', 'programmes/brafitec/'],
		['bourse', 'guides/bourses/'],
		['double diplôme', 'programmes/doubles-diplomes/'],
		['CVEC', 'venir-etudier/'],
		['visa', 'venir-etudier/'],
		['titre de séjour', 'venir-etudier/'],
		['Université de Kagawa', 'partenaires/kagawa/'],
		['Maison des élèves', 'guides/logement/'],
		['déclaration de stratégie Erasmus', 'erasmus/'],
	],
	en: [
		['Kagawa', 'en/partenaires/kagawa/'],
		['Brazil', 'en/pays/br/'],
		['Japan', 'en/pays/jp/'],
		['Russia', 'en/pays/ru/'],
		['Bauman', 'en/partenaires/bauman/'],
		['learning agreement', 'en/guides/contrat-d-etudes/'],
		['housing', 'en/guides/logement/'],
		['CEAM', 'en/guides/assurance-et-securite-sociale/'],
		['internship agreement', 'en/stage-a-l-etranger/'],
		['grants', 'en/guides/bourses/'],
		['language requirements', 'en/guides/langues/'],
		['staff mobility', 'en/mobilite-des-personnels/'],
		['visa', 'en/venir-etudier/'],
		['residence permit', 'en/venir-etudier/'],
		['Kagawa University', 'en/partenaires/kagawa/'],
		['Maison des élèves', 'en/guides/logement/'],
		['Erasmus Policy Statement', 'en/erasmus/'],
	],
} as const;

/**
 * Words of two elements run together in a text: a lower-case letter then a capitalised word
 * ("KagawaÉchange", not the abbreviation "CoE"), or Latin letters against another script
 * ("Kagawa香川大学").
 */
function gluedWords(text: string): string[] {
	return [
		...text.matchAll(
			/\p{L}*(?:\p{Ll}\p{Lu}\p{Ll}|\p{Script=Latin}[\p{Script=Han}\p{Script=Cyrillic}]|[\p{Script=Han}\p{Script=Cyrillic}]\p{Script=Latin})\p{L}*/gu
		),
	].map((match) => match[0]);
}

// One page per language, its search dialog asked every query in turn: loading the page and
// Pagefind's index once, not once per query. A query that fails does not stop the others
// (soft assertions), and each message names its query.
for (const [lang, list] of Object.entries(queries)) {
	test(`search in ${lang === 'fr' ? 'French' : 'English'}: each query finds its page first, with excerpts that read as text`, async ({
		page,
		baseURL,
	}) => {
		// A few seconds per query on a busy machine: the time of all of them.
		test.setTimeout(list.length * 10_000);
		await page.goto(lang === 'fr' ? '' : 'en/');
		for (const [query, expected] of list) {
			const results = await search(page, query);
			const first = results.first().locator('a.pagefind-ui__result-link').first();
			await expect
				.soft(first, `“${query}” finds /${expected} first`)
				.toHaveAttribute('href', new URL(expected, baseURL).pathname);
			// The excerpts of the first result (the page's, or those of its sections).
			const excerpts = results.first().locator('.pagefind-ui__result-excerpt');
			await expect.soft(excerpts.first(), query).toHaveText(/\S/);
			for (const text of await excerpts.allInnerTexts()) {
				expect.soft(gluedWords(text), `${query}: ${text}`).toEqual([]);
				// Search terms weigh in the ranking but are neither an excerpt nor a visible tag.
				expect.soft(text, query).not.toMatch(/ · /);
			}
			await expect
				.soft(results.first().locator('[data-pagefind-ui-meta="terms"]'), query)
				.toBeHidden();
		}
	});
}

test('each result shows its type, and the dialog filters results by type', async ({ page }) => {
	await page.goto('');
	const results = await search(page, 'Kagawa');
	await expect(results.first().locator('.pagefind-ui__result-tag')).toHaveText('Type: Partenaire');

	const dialog = page.locator('dialog[open]');
	await dialog.locator('.pagefind-ui__search-input').fill('Erasmus');
	await dialog.locator('.pagefind-ui__filter-name', { hasText: 'Type' }).click();
	await dialog.locator('label[for="type-Pays"]').click();
	await expect(dialog.locator('#type-Pays')).toBeChecked();
	await expect(dialog.locator('.pagefind-ui__message')).toHaveText(/^\d+ résultats? pour Erasmus$/);
	const tags = dialog.locator('li.pagefind-ui__result .pagefind-ui__result-tag');
	await expect(tags.first()).toHaveText('Type: Pays');
	for (const tag of await tags.all()) await expect(tag).toHaveText('Type: Pays');
});

test('the English index holds only English pages', async ({ page }) => {
	await page.goto('en/');
	const results = await search(page, 'Brésil');
	await expect(page.locator('dialog[open] .pagefind-ui__message')).toBeVisible();
	for (const link of await results.locator('a.pagefind-ui__result-link').all()) {
		await expect(link).toHaveAttribute('href', /\/en\//);
	}
});
