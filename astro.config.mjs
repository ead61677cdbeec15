// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { linksValidator } from './src/config/links-validator';
import { locales } from './src/config/locales';
import { sidebar } from './src/config/sidebar';

/**
 * Where the site is served from. An intranet usually hosts it under a sub-path: build with
 * `BASE_PATH=/international/` for that. `SITE_URL` is the public origin (used for canonical
 * links and the sitemap).
 */
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	outDir: process.env.OUT_DIR ?? './dist',
	// Caches stay inside the project (not in node_modules), so that the temporary copies built by
	// the tests, which share node_modules, never share a content store.
	cacheDir: './.astro/cache',
	vite: { cacheDir: './.astro/vite' },
	integrations: [
		starlight({
			title: { fr: 'International — Mines Alès', en: 'International — Mines Alès' },
			defaultLocale: 'root',
			locales,
			sidebar,
			lastUpdated: false,
			customCss: ['./src/styles/site.css'],
			components: {
				PageTitle: './src/components/starlight/PageTitle.astro',
				Footer: './src/components/starlight/Footer.astro',
			},
			routeMiddleware: './src/route-data.ts',
			plugins: [linksValidator(new URL('./', import.meta.url))],
		}),
	],
});
