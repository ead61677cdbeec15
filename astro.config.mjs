// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { linksValidator } from './src/config/links-validator';
import { cspInlineScripts } from './src/integrations/csp-inline-scripts';
import { editor } from './src/integrations/editor';
import { locales } from './src/config/locales';
import { sidebar } from './src/config/sidebar';
import { satteri, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { basePathPlugin, pagePolicyPlugin } from './src/lib/markdown';
import { systemLang } from './src/loaders/system-lang';

/**
 * Where the site is served from. An intranet usually hosts it under a sub-path: build with
 * `BASE_PATH=/international/` for that. `SITE_URL` is the public origin (used for canonical
 * links and the sitemap).
 */
const base = process.env.BASE_PATH ?? '/';
// Without SITE_URL the site has no origin: no sitemap, canonical link, hreflang or og:url is
// written rather than one pointing to a wrong host (the build says so).
const site = process.env.SITE_URL || undefined;

export default defineConfig({
	...(site ? { site } : {}),
	base,
	trailingSlash: 'always',
	outDir: process.env.OUT_DIR ?? './dist',
	// Caches stay inside the project (not in node_modules), so that the temporary copies built by
	// the tests, which share node_modules, never share a content store.
	cacheDir: './.astro/cache',
	vite: {
		cacheDir: './.astro/vite',
		build: {
			rolldownOptions: {
				// Astro marks each MDX page's module with the directive "use astro:head-inject", which
				// it reads itself before bundling; the bundler then warns, once per page, that it may
				// not keep the directive. Astro does not need it kept: an upstream issue, harmless
				// (https://github.com/withastro/astro/issues/18087). Only that warning is dropped.
				onLog(level, log, handler) {
					if (
						level === 'warn' &&
						log.code === 'MODULE_LEVEL_DIRECTIVE' &&
						log.message.includes('"use astro:head-inject"')
					)
						return;
					handler(level, log);
				},
			},
		},
	},
	// Markdown plugins that must run before the link validator's (which the Starlight plugin adds
	// last): the rules of what a page may contain (no script, no event handler, no javascript:
	// link…: `pagePolicyPlugin`, which the content check also runs), heading ids, which Astro
	// would otherwise add after it, so that links to a heading are checked against it; and the
	// base path on plain root-relative links.
	markdown: {
		// Code blocks of pages are highlighted by Expressive Code (Starlight), which turns Astro's
		// own highlighter (Shiki) off, but only once integrations are set up: Astro checks its
		// config before that, and warns that Shiki's inline styles and the CSP do not mix.
		syntaxHighlight: false,
		processor: satteri({
			hastPlugins: [
				pagePolicyPlugin(new URL('./', import.meta.url), systemLang()),
				satteriHeadingIdsPlugin(),
				basePathPlugin(base),
			],
		}),
	},
	// A Content-Security-Policy <meta> on every page, with a hash for each of its scripts: no
	// 'unsafe-inline' for scripts. Pagefind needs 'wasm-unsafe-eval'. The nginx config adds
	// frame-ancestors and other headers.
	// https://docs.astro.build/en/reference/configuration-reference/#securitycsp
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			// Pagefind's search interface (Svelte) adds <style> elements at run time: styles may be
			// inline. Scripts may not.
			styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
		},
	},
	integrations: [
		starlight({
			title: { fr: 'International — Mines Alès', en: 'International — Mines Alès' },
			defaultLocale: 'root',
			locales,
			sidebar,
			lastUpdated: false,
			// Guides and journeys are long pages that answer many questions: Pagefind's default
			// penalty on page length (0.75) and weight of term frequency (1.0) let short data pages that merely mention a word (a
			// country guide saying "visa") outrank the guide that explains it. Tuned with the query
			// set of tests/e2e/search-queries.ts. A page's search terms (frontmatter `searchTerms`, the
			// metadata field `terms`: src/components/starlight/PageTitle.astro) weigh like its title.
			// https://pagefind.app/docs/ranking/
			pagefind: {
				ranking: { pageLength: 0.1, termFrequency: 0.6, metaWeights: { title: 5, terms: 5 } },
			},
			customCss: ['./src/styles/site.css'],
			components: {
				PageTitle: './src/components/starlight/PageTitle.astro',
				Footer: './src/components/starlight/Footer.astro',
				LanguageSelect: './src/components/starlight/LanguageSelect.astro',
			},
			routeMiddleware: './src/route-data.ts',
			plugins: [linksValidator(new URL('./', import.meta.url), base)],
		}),
		cspInlineScripts(),
		// The web editor (/admin/, Decap CMS): written after the build, with its own CSP.
		editor(),
	],
});
