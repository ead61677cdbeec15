import { langs, type Lang } from '../vocab/locales.ts';

/**
 * The route table: every URL of the site is built here and nowhere else. A page is named by its
 * path without locale prefix or base path (`routes.partner('kagawa')` → `/partenaires/kagawa/`);
 * `pageHref()` then adds the locale (`/en/…`) and the base path the site is built for
 * (`BASE_PATH`, e.g. `/international/`). Paths always end with a slash (`trailingSlash:
 * 'always'`). The routes of `src/pages/[...lang]/` must match this table (a unit test checks it).
 * @see https://github.com/withastro/starlight/tree/main/packages/starlight/utils (localizedUrl, base, format-path)
 */

/** Pages that exist in every language, by name: their path without locale prefix or base. */
export const routes = {
	home: () => '/',
	partners: () => '/partenaires/',
	partner: (id: string) => `/partenaires/${id}/`,
	compare: () => '/partenaires/comparer/',
	budget: () => '/budget/',
	countries: () => '/pays/',
	country: (id: string) => `/pays/${id}/`,
	programmes: () => '/programmes/',
	programme: (id: string) => `/programmes/${id}/`,
	contacts: () => '/contacts/',
	glossary: () => '/glossaire/',
	factsheet: () => '/fiche-ecole/',
	openData: () => '/donnees-ouvertes/',
	recognitions: () => '/reconnaissances/',
	// Written pages of content/docs/ that generated pages link to.
	accessibility: () => '/accessibilite/',
	legalNotice: () => '/mentions-legales/',
	personalData: () => '/donnees-personnelles/',
} as const;

/** Files the site publishes for reuse, the same for every language: their path without base. */
export const dataFiles = {
	partnersJson: () => '/data/partners.json',
	partnersSchema: () => '/data/partners.schema.json',
	partnersCsv: () => '/data/partners.csv',
	partnersXlsx: () => '/data/partners.xlsx',
	deadlines: () => '/data/deadlines.ics',
	factsheet: () => '/data/factsheet.json',
	/** Published only once the office has entered every fact EWP requires. */
	factsheetXml: () => '/data/factsheet.xml',
	recognitionsJson: () => '/data/recognitions.json',
	recognitionsCsv: () => '/data/recognitions.csv',
	reportsJson: () => '/data/reports.json',
	reportsCsv: () => '/data/reports.csv',
	partnerJson: (id: string) => `/data/partners/${id}.json`,
	partnerIcs: (id: string) => `/data/partners/${id}.ics`,
} as const;

/**
 * The web editor (Decap CMS) and its pages for the office: one language (French), never in the
 * sitemap or the search index.
 */
export const editorRoutes = {
	home: () => '/admin/',
	/** Opens an entry in the editor (Decap's own address of an entry). */
	entry: (collection: string, id: string) => `/admin/#/collections/${collection}/entries/${id}`,
	todo: () => '/admin/todo/',
	guide: () => '/admin/guide/',
} as const;

/** Fragment identifiers of page sections that other pages link to. */
export const sections = {
	countryPartners: 'partenaires',
	contact: (id: string) => `contact-${id}`,
} as const;

/**
 * A path with a fragment.
 * @example withFragment('/glossaire/', 'pfe') // '/glossaire/#pfe'
 */
export function withFragment(path: string, id: string): string {
	return `${path}#${id}`;
}

/**
 * The id a page's path was built with by a route of the table, or undefined when the path is not
 * that route's: the reverse of `routes.partner(id)`.
 * @example routeParam(routes.partner, '/partenaires/kagawa/') // 'kagawa'
 */
export function routeParam(route: (id: string) => string, path: string): string | undefined {
	const [before = '', after = ''] = route('\0').split('\0');
	if (path.length <= before.length + after.length) return undefined;
	if (!path.startsWith(before) || !path.endsWith(after)) return undefined;
	const id = path.slice(before.length, path.length - after.length);
	return id.includes('/') ? undefined : id;
}

/**
 * Path of a page in a language, without the base path: French pages are at the root, English
 * ones under `/en/`.
 * @example localePath('en', '/partenaires/kagawa/') // '/en/partenaires/kagawa/'
 */
export function localePath(lang: Lang, path: string): string {
	const clean = path.startsWith('/') ? path : `/${path}`;
	return lang === 'fr' ? clean : `/en${clean}`;
}

/**
 * The base path the site is built for: Vite's `BASE_URL` in a build, `/` elsewhere (tests and
 * scripts run by Node).
 */
export function siteBase(): string {
	return (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

/**
 * Prefixes a root-relative path with the base path the site is built for. Other links
 * (absolute URLs, `mailto:`, fragments) are returned as they are, and so is a path that already
 * carries the base.
 * @example withBase('/data/partners.json', '/international/') // '/international/data/partners.json'
 */
export function withBase(path: string, base: string = siteBase()): string {
	if (!path.startsWith('/') || path.startsWith('//')) return path;
	const prefix = base.replace(/\/$/, '');
	return prefix && path !== prefix && !path.startsWith(`${prefix}/`) ? `${prefix}${path}` : path;
}

/**
 * The link to a page in a language.
 * @example pageHref('en', routes.partner('kagawa'), '/international/') // '/international/en/partenaires/kagawa/'
 */
export function pageHref(lang: Lang, path: string, base?: string): string {
	return withBase(localePath(lang, path), base);
}

/**
 * The link to a data file.
 * @example fileHref(dataFiles.partnersCsv(), '/international/') // '/international/data/partners.csv'
 */
export function fileHref(path: string, base?: string): string {
	return withBase(path, base);
}

/**
 * An absolute URL for a link, when the site's origin is known (`SITE_URL`); the link as it is
 * otherwise.
 * @example absoluteUrl(new URL('https://example.org'), '/en/') // 'https://example.org/en/'
 */
export function absoluteUrl(site: URL | undefined, href: string): string {
	return site ? new URL(href, site).href : href;
}

/** The address of a page in each language, absolute when the site's origin is known. */
export function absolutePages(site: URL | undefined, path: string): Record<Lang, string> {
	return {
		fr: absoluteUrl(site, pageHref('fr', path)),
		en: absoluteUrl(site, pageHref('en', path)),
	};
}

/** The site language of a Starlight locale (`undefined` is the French root). */
export function langFromLocale(locale: string | undefined): Lang {
	return locale === 'en' ? 'en' : 'fr';
}

/**
 * `getStaticPaths()` entries for a page that exists in every language, for routes under
 * `src/pages/[...lang]/`: the French page at the root (`lang` param absent), the English one
 * under `/en/`.
 * @example localizedPaths(() => [{ params: { id: 'kagawa' }, props: { partner } }])
 */
export function localizedPaths<P extends Record<string, string>, T>(
	pathsFor: (lang: Lang) => { params: P; props: T }[]
): { params: P & { lang: string | undefined }; props: T & { lang: Lang } }[] {
	return langs.flatMap((lang) =>
		pathsFor(lang).map(({ params, props }) => ({
			params: { ...params, lang: lang === 'fr' ? undefined : lang },
			props: { ...props, lang },
		}))
	);
}

/**
 * `getStaticPaths()` of a page with no parameter of its own (an index, the glossary): one page
 * per language.
 * @example export const getStaticPaths = inEveryLanguage;
 */
export function inEveryLanguage() {
	return localizedPaths(() => [{ params: {}, props: {} }]);
}
