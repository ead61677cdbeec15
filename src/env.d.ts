declare namespace App {
	interface Locals {
		/**
		 * What the site adds around every Starlight page, from its data: set by the route middleware
		 * (`src/route-data.ts`), read by Starlight's overrides (`src/components/starlight/`).
		 */
		siteRoute: import('./lib/views/page').PageChromeView;
	}
}
