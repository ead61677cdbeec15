import type { StarlightUserConfig } from '@astrojs/starlight/types';

/**
 * The site's locales: French at the root (the source language), English under `/en/` with the
 * same paths.
 * @see https://starlight.astro.build/guides/i18n/#use-a-root-locale
 */
export const locales = {
	root: { label: 'Français', lang: 'fr' },
	en: { label: 'English', lang: 'en' },
} satisfies NonNullable<StarlightUserConfig['locales']>;
