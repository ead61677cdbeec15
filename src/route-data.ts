import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { langFromLocale, withBase } from './lib/routes';
import { pageChrome } from './lib/views/page';
import type { Translate } from './lib/views/values';
import { getSiteData } from './loaders/site-data';

/**
 * Starlight's route data, completed for the site on every page before it renders.
 *
 * What Starlight's overrides (`src/components/starlight/`) show from the site's data (the title's
 * language, the search filters, the footer's legal links) is computed here, once, with one view
 * (`pageChrome()`), and handed to them as `Astro.locals.siteRoute`, beside Starlight's own
 * `Astro.locals.starlightRoute`: they take no props, and read no data themselves.
 * @see https://starlight.astro.build/guides/route-data/
 */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const { type, country, searchTerms } = route.entry.data;
	context.locals.siteRoute = pageChrome(
		await getSiteData(),
		{ id: route.id, lang: langFromLocale(route.locale), type, country, searchTerms },
		context.locals.t as Translate
	);
	// Keeps each locale's search index in its own language: a page shown under `/en/` as an
	// untranslated fallback of a French page (or the reverse) is left out of Pagefind, since
	// Pagefind files every page under its `<html lang>` and would stem French text as English.
	// The translation-parity test keeps fallbacks from happening; this is the safety net
	// (https://github.com/Pagefind/pagefind/discussions/984).
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
