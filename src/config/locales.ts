import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { langNames } from '../vocab/locales';

/**
 * The site's locales: French at the root (the source language), English under `/en/` with the
 * same paths.
 * @see https://starlight.astro.build/guides/i18n/#use-a-root-locale
 */
export const locales = {
	root: { label: langNames.fr, lang: 'fr' },
	en: { label: langNames.en, lang: 'en' },
} satisfies NonNullable<StarlightUserConfig['locales']>;
