import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import Foreign from '../../src/components/Foreign.astro';
import Term from '../../src/components/mdx/Term.astro';
import { markOptionLanguages, otherLanguageHref } from '../../src/lib/language-switch';

/** One glossary term, as the site data resolves it. */
vi.mock('../../src/loaders/site-data', () => ({
	getSiteData: async () => ({
		termById: new Map([
			[
				'convention-de-stage',
				{
					id: 'convention-de-stage',
					data: { term: { fr: 'Convention de stage', en: 'Internship agreement' } },
				},
			],
			['cvec', { id: 'cvec', data: { term: { fr: 'CVEC', en: 'CVEC' } } }],
		]),
	}),
}));

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

/** Renders a component on a page of a locale (`undefined` is the French root). */
const render = (
	component: Parameters<AstroContainer['renderToString']>[0],
	locale: string | undefined,
	props: Record<string, unknown>,
	text?: string
) =>
	container.renderToString(component, {
		props,
		slots: text === undefined ? {} : { default: text },
		// Only what the components read: the page's locale and file, and the UI strings.
		locals: {
			starlightRoute: { locale, entry: { filePath: 'content/docs/en/test.mdx' } },
			t: (key: string) => key,
		} as unknown as App.Locals,
	});

describe('<Foreign>', () => {
	test('marks its text with the language given', async () => {
		const html = await render(Foreign, 'en', { lang: 'fr' }, 'convention de stage');
		expect(html).toMatch(/<span class="foreign[^"]*" lang="fr"[^>]*>convention de stage<\/span>/);
	});
});

describe('<Term>', () => {
	test('marks slot text that is the term in the other language', async () => {
		const html = await render(Term, 'en', { id: 'convention-de-stage' }, 'convention de stage');
		expect(html).toMatch(/<span lang="fr"[^>]*>convention de stage<\/span>/);
		expect(html).toContain('href="/en/glossaire/#convention-de-stage"');
	});

	test('leaves text in the page’s language unmarked', async () => {
		for (const [locale, text] of [
			['en', 'internship agreement'],
			[undefined, 'convention de stage'],
		] as const) {
			const html = await render(Term, locale, { id: 'convention-de-stage' }, text);
			expect(html).not.toContain('lang=');
		}
		// The same in both languages (an acronym): nothing to mark.
		expect(await render(Term, 'en', { id: 'cvec' }, 'CVEC')).not.toContain('lang=');
		expect(await render(Term, 'en', { id: 'convention-de-stage' })).not.toContain('lang=');
	});

	test('marks its text with the language given, whatever the text', async () => {
		const html = await render(Term, 'en', { id: 'convention-de-stage', lang: 'fr' }, 'conventions');
		expect(html).toMatch(/<span lang="fr"[^>]*>conventions<\/span>/);
	});
});

describe('language switch', () => {
	/** Starlight's picker on a French page, as it renders it. */
	const picker =
		'<select autocomplete="off"><option value="/partenaires/?a=1&amp;b=2" selected>Français</option><option value="/en/partenaires/?a=1&amp;b=2">English</option></select>';

	test('marks each language’s name with its language', () => {
		const marked = markOptionLanguages(picker);
		expect(marked).toContain(
			'<option value="/partenaires/?a=1&amp;b=2" selected lang="fr">Français</option>'
		);
		expect(marked).toContain(
			'<option value="/en/partenaires/?a=1&amp;b=2" lang="en">English</option>'
		);
		expect(markOptionLanguages(marked)).toBe(marked);
	});

	test('links to the same page in the other language, as Starlight’s picker gives it', () => {
		expect(otherLanguageHref(picker, 'fr')).toBe('/en/partenaires/?a=1&b=2');
		expect(otherLanguageHref(picker, 'en')).toBe('/partenaires/?a=1&b=2');
		expect(otherLanguageHref('<select></select>', 'fr')).toBeUndefined();
	});
});
