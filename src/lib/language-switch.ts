import { langNames, otherLang, type Lang } from '../vocab/locales.ts';

/**
 * Adds `lang` to the `<option>`s of Starlight's language picker whose text is the name of one of
 * the site's languages (`langNames`): `<option …>Français</option>` gets `lang="fr"`, so that a
 * screen reader says each name in its own language (RGAA criterion 8.7, WCAG 3.1.2). Options that
 * already carry `lang` are left as they are.
 * @example markOptionLanguages('<option value="/en/">English</option>')
 * // '<option value="/en/" lang="en">English</option>'
 */
export function markOptionLanguages(html: string): string {
	let marked = html;
	for (const [lang, label] of Object.entries(langNames)) {
		marked = marked.replaceAll(
			new RegExp(`<option(?![^>]*\\slang=)([^>]*)>${label}</option>`, 'g'),
			`<option$1 lang="${lang}">${label}</option>`
		);
	}
	return marked;
}

/**
 * The address of the same page in the other language, read from the picker's own options
 * (Starlight computes them, including for pages such as the 404s whose paths differ between
 * languages). `undefined` when the picker has no option for it.
 * @example otherLanguageHref('<option value="/" selected>Français</option><option value="/en/">English</option>', 'fr')
 * // '/en/'
 */
export function otherLanguageHref(html: string, lang: Lang): string | undefined {
	const label = langNames[otherLang(lang)];
	const value = new RegExp(`<option\\s[^>]*\\bvalue="([^"]*)"[^>]*>${label}</option>`).exec(
		html
	)?.[1];
	return value
		?.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');
}
