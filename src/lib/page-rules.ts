import { inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import type { Problem } from './problems.ts';

/**
 * What the written pages of `content/docs/` may contain. MDX is code: whatever a page holds runs
 * when the site is built and its markup reaches readers as it is, past the sanitiser that prose
 * from data files goes through. The pages are written by the office (and, soon, through the web
 * editor), so what they may hold is what their writing needs, and nothing that runs code:
 * - imports of components from `~/components` only, and no `export`;
 * - no expression in braces (`{…}`), except comments (`{/* … *\/}`);
 * - components (`<Aside>`, `<Term id="pfe" />`…) and a few inline HTML elements (`<kbd>`,
 *   `<span lang="fr">`…), with attributes written as text: no event handler (`onclick`), no
 *   directive (`set:html`), no `style`, no value computed by code, and links only to web pages,
 *   e-mail addresses and phone numbers — no `javascript:`, `data:` or `vbscript:` address;
 * - in Markdown pages (`.md`), no raw HTML at all;
 * - Markdown links and images follow the same rule for their addresses.
 * Anything else stops the build, naming the file, the line and the element at fault. The rules
 * live here, apart from the parsers, so that the build (Sätteri, `markdown.ts`) and the web
 * editor before saving a page (micromark, `page-check.ts`) apply the very same ones. Pure: runs
 * in the browser.
 */

/**
 * An attribute of an element or component written in an MDX page. Sätteri's nodes (build) and
 * `mdast-util-mdx-jsx`'s (editor) have this same shape: a name and a text, no value
 * (`<Tabs syncKey>`) or an expression (`href={url}`); or a spread expression (`{...props}`).
 */
export type JsxAttribute =
	| { type: 'mdxJsxExpressionAttribute'; value: string }
	| {
			type: 'mdxJsxAttribute';
			name: string;
			value?: string | null | undefined | { type?: string; value: string };
	  };

/** HTML elements a page may use, for what Markdown cannot say (keys, text in another language…). */
export const pageHtmlElements: ReadonlySet<string> = new Set([
	'abbr',
	'b',
	'bdi',
	'br',
	'cite',
	'code',
	'del',
	'dfn',
	'em',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'time',
	'wbr',
]);

/** HTML elements that run code, load other content or change the page, named in messages. */
export const forbiddenElements: ReadonlySet<string> = new Set([
	'script',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'form',
	'input',
	'button',
	'textarea',
	'select',
	'style',
	'link',
	'meta',
	'base',
	'svg',
	'math',
	'template',
	'portal',
]);

/** Attributes that hold an address. */
export const addressAttributes: ReadonlySet<string> = new Set([
	'href',
	'src',
	'srcset',
	'action',
	'formaction',
	'poster',
	'cite',
	'data',
	'background',
	'ping',
	'xlink:href',
	'xlinkhref',
]);

/** The import pages may have: components from one place. */
export const componentsModule = '~/components';

/** Whether an address runs code or carries a document of its own (`javascript:`, `data:`…). */
export function isUnsafeAddress(value: string): boolean {
	// Browsers ignore whitespace and control characters in a scheme, and its case.
	// eslint-disable-next-line no-control-regex -- the control characters are what it removes
	const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
	return /^(?:javascript|vbscript|data):/.test(compact);
}

/** The message of an unsafe address in the attribute or field `name`. */
export const unsafeAddress = (name: string, value: string): Bilingual => ({
	en: `address ${JSON.stringify(value.slice(0, 60))} in ${name} is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)`,
	fr: `l’adresse « ${value.slice(0, 60)} » de ${name} n’est pas permise : un lien mène à une page web (https://…), une adresse électronique (mailto:…) ou un numéro de téléphone (tel:…)`,
});

/** What is wrong with one attribute of an element or component of a page, if anything. */
export function attributeProblem(attribute: JsxAttribute): Bilingual | undefined {
	if (attribute.type === 'mdxJsxExpressionAttribute')
		return {
			en: `attributes computed by code ({${attribute.value}}) are not allowed in pages: write each attribute as name="value"`,
			fr: `les attributs calculés par du code ({${attribute.value}}) ne sont pas permis dans les pages : écrivez chaque attribut sous la forme nom="valeur"`,
		};
	const name = attribute.name;
	if (/^on/i.test(name))
		return {
			en: `the event handler ${name} is not allowed in pages: pages run no script`,
			fr: `le gestionnaire d’événement ${name} n’est pas permis dans les pages : les pages n’exécutent aucun script`,
		};
	if (name.includes(':') && name !== 'xlink:href')
		return {
			en: `the directive ${name} is not allowed in pages: it would put code or raw HTML in the page`,
			fr: `la directive ${name} n’est pas permise dans les pages : elle mettrait du code ou du HTML brut dans la page`,
		};
	if (name === 'style')
		return {
			en: 'the style attribute is not allowed in pages: the site’s styles apply to every page',
			fr: 'l’attribut style n’est pas permis dans les pages : les styles du site s’appliquent à toutes les pages',
		};
	const value = attribute.value;
	if (value !== null && typeof value === 'object')
		return {
			en: `the value of ${name} is computed by code ({${value.value}}), which pages may not run: write it in quotes, ${name}="…"`,
			fr: `la valeur de ${name} est calculée par du code ({${value.value}}), ce que les pages ne peuvent pas faire : écrivez-la entre guillemets, ${name}="…"`,
		};
	if (
		typeof value === 'string' &&
		addressAttributes.has(name.toLowerCase()) &&
		isUnsafeAddress(value)
	)
		return unsafeAddress(name, value);
	return undefined;
}

/** What is wrong with an element or component written in an MDX page, one message per fault. */
export function jsxProblems(name: string | null, attributes: readonly JsxAttribute[]): Bilingual[] {
	const problems: Bilingual[] = [];
	if (name !== null && /^[a-z]/.test(name) && !pageHtmlElements.has(name))
		problems.push(
			forbiddenElements.has(name.toLowerCase())
				? {
						en: `<${name}> is not allowed in pages: it would run code, load another page or change the page`,
						fr: `<${name}> n’est pas permis dans les pages : il exécuterait du code, chargerait une autre page ou modifierait la page`,
					}
				: {
						en: `the HTML element <${name}> is not allowed in pages: write Markdown, or use a component of ${componentsModule}`,
						fr: `l’élément HTML <${name}> n’est pas permis dans les pages : écrivez du Markdown, ou utilisez un composant de ${componentsModule}`,
					}
		);
	for (const attribute of attributes) {
		const problem = attributeProblem(attribute);
		if (problem) problems.push(problem);
	}
	return problems;
}

/**
 * A statement of an `import`/`export` block, as an ESTree parser gives it (Sätteri's at build
 * time, acorn through `micromark-extension-mdxjs` in the editor).
 */
export interface EsmStatement {
	type: string;
	/** Offset of the statement (in the block for Sätteri, in the document for acorn). */
	start?: number;
	source?: { value?: unknown } | null;
}

/**
 * What is wrong with the statements of an `import`/`export` block of an MDX page, each with its
 * line (as `lineOf` finds it from the statement: parsers count differently) and what it is.
 */
export function esmProblems<Statement extends EsmStatement>(
	program: { body: readonly Statement[] },
	lineOf: (statement: Statement) => number | undefined
): { line: number | undefined; field: string; message: Bilingual }[] {
	return program.body.flatMap((statement) => {
		const line = lineOf(statement);
		if (statement.type === 'ImportDeclaration' && statement.source?.value === componentsModule)
			return [];
		if (statement.type === 'ImportDeclaration') {
			const from = JSON.stringify(statement.source?.value);
			return [
				{
					line,
					field: `import … from ${from}`,
					message: {
						en: `pages import components from ${componentsModule} only, e.g. import { Aside, Term } from '${componentsModule}';`,
						fr: `les pages n’importent des composants que de ${componentsModule}, par exemple import { Aside, Term } from '${componentsModule}';`,
					},
				},
			];
		}
		return [
			{
				line,
				field: 'export',
				message: {
					en: 'pages may not export code: only imports of components are allowed',
					fr: 'les pages ne peuvent pas exporter de code : seuls les imports de composants sont permis',
				},
			},
		];
	});
}

/** The message of an expression in braces. */
export const expressionProblem: Bilingual = {
	en: 'expressions in braces are code, which pages may not run: write the text itself (a brace as \\{)',
	fr: 'les expressions entre accolades sont du code, que les pages ne peuvent pas exécuter : écrivez le texte lui-même (une accolade s’écrit \\{)',
};

/** The message of raw HTML in a Markdown (`.md`) page. */
export const rawHtmlProblem: Bilingual = {
	en: 'raw HTML is not allowed in Markdown pages: write Markdown, or make the page an .mdx page and use a component',
	fr: 'le HTML brut n’est pas permis dans les pages Markdown : écrivez du Markdown, ou faites-en une page .mdx et utilisez un composant',
};

/** Whether raw HTML of a Markdown page is only a comment, which is allowed. */
export const isHtmlComment = (html: string): boolean => /^\s*<!--[\s\S]*-->\s*$/.test(html);

/**
 * What is wrong with the frontmatter of a page, for what Starlight writes as HTML or into the
 * page's head: custom `<head>` tags, a banner or a hero title or tagline with markup, raw HTML
 * in the hero's image or icons, handlers or styles on the hero's links, and `javascript:`-like
 * addresses in any field (`hero.actions.0.link`, `editUrl`…). Each problem names its field.
 */
export function frontmatterProblems(
	frontmatter: unknown,
	{
		file,
		lang = 'en',
		lineOf,
	}: {
		file: string;
		lang?: Lang | undefined;
		lineOf?: ((path: readonly (string | number)[]) => number | undefined) | undefined;
	}
): Problem[] {
	const problems: Problem[] = [];
	const add = (path: (string | number)[], message: Bilingual) =>
		problems.push({
			file,
			line: lineOf?.(path),
			field: path.join('.'),
			message: inLanguage(lang, () => say(message)),
		});
	const markup = /<[!/?a-z]/i;
	const walk = (value: unknown, path: (string | number)[]) => {
		const [top, second] = path;
		const key = path.at(-1);
		if (typeof value === 'string') {
			if (isUnsafeAddress(value)) add(path, unsafeAddress(path.join('.'), value));
			else if (
				((top === 'hero' && (second === 'title' || second === 'tagline')) ||
					(top === 'banner' && second === 'content')) &&
				markup.test(value)
			)
				add(path, {
					en: 'Starlight writes this field as HTML: write text only, without tags (<…>)',
					fr: 'Starlight écrit ce champ en HTML : écrivez du texte seulement, sans balises (<…>)',
				});
			else if (key === 'html' && top === 'hero')
				add(path, {
					en: 'raw HTML is not allowed in pages: use an image file or an icon name',
					fr: 'le HTML brut n’est pas permis dans les pages : utilisez un fichier d’image ou un nom d’icône',
				});
			return;
		}
		if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
		else if (value !== null && typeof value === 'object')
			for (const [name, inner] of Object.entries(value)) {
				if (path.length === 0 && name === 'head')
					add(['head'], {
						en: 'custom <head> tags are not allowed in pages: they would add scripts, styles or redirections to the page',
						fr: 'les balises <head> personnalisées ne sont pas permises dans les pages : elles ajouteraient des scripts, des styles ou des redirections à la page',
					});
				else if (
					top === 'hero' &&
					path.at(-1) === 'attrs' &&
					(/^on/i.test(name) || name === 'style')
				)
					add([...path, name], {
						en: `the attribute ${name} is not allowed in pages: pages run no script and keep the site’s styles`,
						fr: `l’attribut ${name} n’est pas permis dans les pages : les pages n’exécutent aucun script et gardent les styles du site`,
					});
				else walk(inner, [...path, name]);
			}
	};
	walk(frontmatter, []);
	return problems;
}
