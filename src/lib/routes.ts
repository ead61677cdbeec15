import { langs, type Lang } from '../config/locales';

/**
 * `getStaticPaths()` entries for a page that exists in every language, for routes under
 * `src/pages/[...lang]/`: the French page at the root (`lang` param absent), the English one
 * under `/en/`.
 * @example localizedPaths((lang) => [{ params: { id: 'kagawa' }, props: { id: 'kagawa' } }])
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
