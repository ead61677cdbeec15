import { z } from 'astro/zod';
import french from '../content/i18n/fr.json' with { type: 'json' };

/** Keys of the site's own UI strings, as the French file (the source language) defines them. */
export type UiStringKey = keyof typeof french;
export const uiStringKeys = Object.keys(french) as UiStringKey[];

/**
 * The site's own UI strings, added to Starlight's in `src/content/i18n/{fr,en}.json` and read with
 * `Astro.locals.t()`. The French file defines the keys; every one of them is required in the
 * English file too, so a string cannot go missing in one language. Plural forms use i18next's
 * `_one` / `_other` suffixes.
 * @see https://starlight.astro.build/guides/i18n/#extend-translation-schema
 */
export const uiStringsSchema = z.object(
	Object.fromEntries(uiStringKeys.map((key) => [key, z.string().min(1)])) as Record<
		UiStringKey,
		z.ZodString
	>
);
