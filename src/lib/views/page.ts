import { pageTypeLabels, type PageType } from '../../vocab/pages.ts';
import type { Lang } from '../../vocab/locales.ts';
import { localize, partnerNameLang } from '../i18n.ts';
import type { SiteData } from '../resolve.ts';
import { localePath, routeParam, routes } from '../routes.ts';
import { legalLinks } from './legal.ts';
import type { Link, Translate } from './values.ts';

/**
 * What the site adds around every page, in Starlight's overrides (`src/components/starlight/`):
 * the language of the title, the page's search filters and metadata, and the legal links of the
 * footer. Computed once per page by the route middleware (`src/route-data.ts`), which hands it to
 * the overrides as `Astro.locals.siteRoute`.
 */
export interface PageChromeView {
	/**
	 * The language of the title when it is not the page's: a partner's page is titled with its
	 * French name, else its official or English name, which is then marked with its language.
	 */
	titleLang: string | undefined;
	/** Pagefind's filters and metadata of the page. */
	search: {
		/** The name of the content-type filter and metadata field, and the page's type. */
		type: { key: string; value: string };
		/** The name of the country filter and the page's country, for a page about one. */
		country: { key: string; value: string } | undefined;
		/** The page's search terms (frontmatter `searchTerms`), for the `terms` metadata field. */
		terms: string | undefined;
	};
	/** The legal links at the foot of the page (none without `content/site/legal.yaml`). */
	legalLinks: Link[];
}

/** The page as the route data gives it: its id (path without base), language and frontmatter. */
export interface PageOfRoute {
	/** Starlight's route id: the path without base nor slashes at the ends (`en/partenaires/kagawa`). */
	id: string;
	lang: Lang;
	type: PageType;
	country?: string | undefined;
	searchTerms?: readonly string[] | undefined;
}

export function pageChrome(
	site: Pick<SiteData, 'countryById' | 'partnerById' | 'legal'>,
	page: PageOfRoute,
	t: Translate
): PageChromeView {
	const { lang } = page;
	const country = page.country ? site.countryById.get(page.country) : undefined;
	const partnerId =
		page.type === 'partner'
			? routeParam((id) => localePath(lang, routes.partner(id)), `/${page.id}/`)
			: undefined;
	const partner = partnerId === undefined ? undefined : site.partnerById.get(partnerId);
	return {
		titleLang: partner && partnerNameLang(partner.data.name, lang),
		search: {
			type: { key: t('searchMeta.type'), value: pageTypeLabels[page.type][lang] },
			country: country && {
				key: t('searchMeta.country'),
				value: localize(country.data.name, lang),
			},
			terms:
				page.searchTerms && page.searchTerms.length > 0 ? page.searchTerms.join(', ') : undefined,
		},
		legalLinks: site.legal ? legalLinks(site.legal, lang, t) : [],
	};
}
