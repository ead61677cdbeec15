import type { Lang } from '../vocab/locales.ts';

/**
 * The language of messages for whoever runs a command: French when the system's locale is
 * French (`LANG=fr_FR.UTF-8`, or `LC_ALL`, `LC_MESSAGES`), English otherwise.
 */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
	const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
	return /^fr(?:[_.-]|$)/i.test(locale) ? 'fr' : 'en';
}
