import { expect, search, test } from './fixtures';

/**
 * Real reader queries, per language, with the page that answers each: it must come within the
 * first three results of the site's search (the Pagefind dialog, with the ranking set in
 * astro.config.mjs). The third number is the rank observed when the ranking was last tuned
 * (30 November 2026), for the record; the test only asks for the top three. Add a query when a
 * reader reports one the search did not answer.
 */
const queries: Record<'fr' | 'en', [query: string, expected: string, tunedRank: number][]> = {
	fr: [
		['visa', 'venir-etudier/', 3],
		['titre de séjour', 'venir-etudier/', 1],
		['stage Allemagne', 'stage-a-l-etranger/', 3],
		['bourse', 'guides/bourses/', 1],
		['assurance', 'guides/assurance-et-securite-sociale/', 1],
		['logement', 'guides/logement/', 1],
		['learning agreement', 'guides/contrat-d-etudes/', 2],
		["contrat d'études", 'guides/contrat-d-etudes/', 1],
		['double diplôme Brésil', 'pays/br/', 2],
		['Japon', 'pays/jp/', 1],
		['Kagawa', 'partenaires/kagawa/', 1],
		['code Erasmus', 'erasmus/', 1],
		['CVEC', 'venir-etudier/', 1],
		['CEAM', 'guides/assurance-et-securite-sociale/', 1],
		['convention de stage', 'stage-a-l-etranger/', 1],
		['TOEIC', 'guides/langues/', 2],
		['Russie', 'pays/ru/', 1],
		['Chine', 'pays/cn/', 1],
		['contacts', 'contacts/', 1],
		['mobilité des personnels', 'mobilite-des-personnels/', 1],
		['aide financière', 'guides/bourses/', 1],
		['Maison des élèves', 'guides/logement/', 2],
		['trouver un partenaire', 'partenaires/', 1],
		["fiche de l'École", 'fiche-ecole/', 1],
	],
	en: [
		['visa', 'en/venir-etudier/', 1],
		['residence permit', 'en/venir-etudier/', 1],
		['internship Germany', 'en/stage-a-l-etranger/', 3],
		['grant', 'en/guides/bourses/', 1],
		['insurance', 'en/guides/assurance-et-securite-sociale/', 1],
		['housing', 'en/guides/logement/', 1],
		['Erasmus code', 'en/erasmus/', 1],
		['learning agreement', 'en/guides/contrat-d-etudes/', 1],
		['double degree Brazil', 'en/pays/br/', 2],
		['Japan', 'en/pays/jp/', 1],
		['Kagawa', 'en/partenaires/kagawa/', 1],
		['EHIC', 'en/guides/assurance-et-securite-sociale/', 1],
		['CVEC', 'en/venir-etudier/', 1],
		['internship agreement', 'en/stage-a-l-etranger/', 1],
		['language requirements', 'en/guides/langues/', 1],
		['Russia', 'en/pays/ru/', 1],
		['China', 'en/pays/cn/', 1],
		['contacts', 'en/contacts/', 1],
		['staff mobility', 'en/mobilite-des-personnels/', 1],
		['scholarship', 'en/guides/bourses/', 1],
		['accommodation', 'en/guides/logement/', 1],
		['find a partner', 'en/partenaires/', 1],
		['factsheet', 'en/fiche-ecole/', 1],
	],
};

// One page per language, its search dialog asked every query in turn: loading the page and
// Pagefind's index once, not once per query. A query that fails does not stop the others
// (soft assertions), and each message names its query.
const softly = expect.configure({ soft: true });

for (const lang of ['fr', 'en'] as const) {
	test(`search answers ${lang === 'fr' ? 'French' : 'English'} readers: each query's page is in the first three results`, async ({
		page,
		baseURL,
	}) => {
		// A few seconds per query on a busy machine: the time of all of them.
		test.setTimeout(queries[lang].length * 10_000);
		await page.goto(lang === 'fr' ? '' : 'en/');
		for (const [query, expected] of queries[lang]) {
			const results = await search(page, query);
			await expect.soft(results.first(), `“${query}” has results`).toBeVisible();
			// The first three pages: each result's own link, not the links to its sections, once
			// Pagefind has filled them in (it shows placeholders while it loads them).
			let links: string[] = [];
			await softly
				.poll(
					async () => {
						links = await results.evaluateAll((items) =>
							items
								.slice(0, 3)
								.map(
									(item) =>
										item.querySelector('a.pagefind-ui__result-link')?.getAttribute('href') ?? ''
								)
						);
						return links.length > 0 && links.every(Boolean);
					},
					{ message: `“${query}”: the first results are filled in` }
				)
				.toBe(true);
			const top3 = links.map((href) => new URL(href, baseURL).pathname);
			expect
				.soft(top3, `top 3 for “${query}” → /${expected}`)
				.toContain(new URL(expected, baseURL).pathname);
		}
	});
}

test('the set has at least twenty queries per language', () => {
	expect(queries.fr.length).toBeGreaterThanOrEqual(20);
	expect(queries.en.length).toBeGreaterThanOrEqual(20);
});
