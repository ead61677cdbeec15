import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './lib/routes';

/**
 * Keeps each locale's search index in its own language: a page shown under `/en/` as an
 * untranslated fallback of a French page (or the reverse) is left out of Pagefind, since
 * Pagefind files every page under its `<html lang>` and would stem French text as English.
 * The translation-parity test keeps fallbacks from happening; this is the safety net.
 * @see https://github.com/Pagefind/pagefind/discussions/984
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) {
		route.entry = { ...route.entry, data: { ...route.entry.data, pagefind: false } };
	}
	// Hero buttons are written in frontmatter with plain paths, like every link of the site;
	// Starlight renders them as written, so they get the base path (`BASE_PATH`) here. They stay
	// out of the search index: they repeat the cards of the page, and Starlight writes them side by
	// side with no space between, which the index would read as one run of words.
	const hero = route.entry.data.hero;
	if (hero && hero.actions.length > 0) {
		route.entry = {
			...route.entry,
			data: {
				...route.entry.data,
				hero: {
					...hero,
					actions: hero.actions.map((action) => ({
						...action,
						link: withBase(action.link),
						attrs: { ...action.attrs, 'data-pagefind-ignore': true },
					})),
				},
			},
		};
	}
});
