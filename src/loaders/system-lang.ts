import type { Lang } from '../vocab/locales.ts';

/** The locale that names the language of messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG`. */
const messagesLocale = (env: NodeJS.ProcessEnv) =>
	env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';

/**
 * The language of the office's commands (`npm run edit`, `check:content`, `import:partners`):
 * French, unless the system's locale is English (`LANG=en_GB.UTF-8`, or `LC_ALL`,
 * `LC_MESSAGES`). A machine set to no language in particular (`C.UTF-8`, `POSIX`, nothing)
 * speaks French, the office's language.
 */
export function officeLang(env: NodeJS.ProcessEnv = process.env): Lang {
	return /^en(?:[_.@-]|$)/i.test(messagesLocale(env)) ? 'en' : 'fr';
}

/**
 * The language of the build's messages (`npm run build`, the content loaders, Astro's own
 * checks), which developers and CI read: French when the system's locale is French
 * (`LANG=fr_FR.UTF-8`, or `LC_ALL`, `LC_MESSAGES`), English otherwise, like Astro's own output.
 */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
	return /^fr(?:[_.@-]|$)/i.test(messagesLocale(env)) ? 'fr' : 'en';
}
