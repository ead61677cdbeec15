import type { Lang } from './locales.ts';

/**
 * Terms that stay in another language on a locale's pages — French administrative terms on
 * English pages, English or Portuguese terms on French ones — and the language of each
 * (ISO 639-1). Text rendered from the data files marks them with `lang` by itself
 * (`markForeignTerms()` in `src/lib/foreign.ts`); written pages use `<Foreign>`. The built-site
 * test (`tests/site/rgaa.test.ts`) checks that every occurrence is marked (RGAA criterion 8.7).
 * Proper names (the office's name, institutions, registers) are left out: 8.7 does not apply.
 */
export const foreignTerms: Readonly<
	Record<Lang, readonly (readonly [lang: string, term: string])[]>
> = {
	en: [
		['fr', 'convention de stage'],
		['fr', 'contrat d’études'],
		['fr', 'projet de fin d’études'],
		['fr', 'tuteur pédagogique'],
		['fr', 'bourse sur critères sociaux'],
		['fr', 'numéro étranger'],
		['fr', 'déclaration en matière de stratégie Erasmus'],
		['fr', 'référentiel général d’amélioration de l’accessibilité'],
		['pt', 'estágio'],
	],
	fr: [
		['en', 'learning agreement'],
		['pt', 'estágio'],
	],
};

/**
 * A pattern matching a term as whole words, whatever its case, apostrophe (’ or ') and spacing.
 * @example termPattern('contrat d’études').test("Contrat d'études") // true
 */
export function termPattern(term: string): RegExp {
	return new RegExp(
		`(?<!\\p{L})${term
			.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			.replace(/['’]/g, "['’]")
			.replace(/ /g, '\\s+')}(?!\\p{L})`,
		'giu'
	);
}
