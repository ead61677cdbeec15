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

for (const lang of ['fr', 'en'] as const) {
	test.describe(`search answers ${lang === 'fr' ? 'French' : 'English'} readers`, () => {
		for (const [query, expected] of queries[lang]) {
			test(`“${query}” → /${expected}`, async ({ page, baseURL }) => {
				await page.goto(lang === 'fr' ? '' : 'en/');
				const results = await search(page, query);
				await expect(results.first()).toBeVisible();
				// The first three pages: each result's own link, not the links to its sections, once
				// Pagefind has filled them in (it shows placeholders while it loads them).
				let links: string[] = [];
				await expect
					.poll(async () => {
						links = await results.evaluateAll((items) =>
							items
								.slice(0, 3)
								.map(
									(item) =>
										item.querySelector('a.pagefind-ui__result-link')?.getAttribute('href') ?? ''
								)
						);
						return links.length > 0 && links.every(Boolean);
					})
					.toBe(true);
				const top3 = links.map((href) => new URL(href, baseURL).pathname);
				expect(top3, `top 3 for “${query}”`).toContain(new URL(expected, baseURL).pathname);
			});
		}
	});
}

test('the set has at least twenty queries per language', () => {
	expect(queries.fr.length).toBeGreaterThanOrEqual(20);
	expect(queries.en.length).toBeGreaterThanOrEqual(20);
});
