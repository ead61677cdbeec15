import GithubSlugger from 'github-slugger';
import sanitizeHtml from 'sanitize-html';
import {
	defineHastPlugin,
	markdownToHtml,
	mdxToJs,
	type HastNode,
	type HastPluginEntry,
	type HastPluginInput,
	type MdxJsxAttributeUnion,
	type PluginFactoryContext,
} from 'satteri';
import { inLanguage, say } from '../schemas/messages.ts';
import type { Bilingual, Lang } from '../vocab/locales.ts';
import { markForeignTerms } from './foreign.ts';
import { ContentError, isContentError, type Problem } from './problems.ts';
import { siteBase, withBase } from './routes.ts';

/**
 * The site's one Markdown pipeline: Sätteri, Astro 7's Markdown processor, renders the MDX pages
 * (through `astro.config.mjs`) and the prose kept in data files (country guides, programme pages,
 * glossary definitions) with the same plugins and features:
 * - root-relative links get the base path the site is built for (`BASE_PATH`), so pages and
 *   data are written with plain links (`/guides/logement/`) and work wherever the site is hosted;
 * - headings get ids, so that they appear in the page's table of contents;
 * - smart punctuation, as Astro enables it by default (`’`, `“ ”`, `…`).
 * Prose from data files is then sanitised with an allow-list (`sanitize-html`): whatever an
 * editor types, no script, event handler, frame, form, style or `javascript:` link reaches a page.
 * @see https://docs.astro.build/en/reference/markdown-processors/satteri/
 */

const linkAttributes = new Set(['href', 'src']);

/** Whether a value is a root-relative path that needs the base path. */
const isRootPath = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * A Sätteri hast plugin that adds the base path (e.g. `/international/`) to root-relative links:
 * Markdown links and images, and the `href` of components such as `<LinkCard>`. In the Astro
 * pipeline it runs before the link validator, which expects links that include the base, as
 * Starlight does.
 */
export function basePathPlugin(base: string): HastPluginEntry {
	if (base === '/' || base === '') return null;
	const withAttributes = <N extends { attributes: MdxJsxAttributeUnion[] }>(node: N): N | void => {
		if (
			!node.attributes.some(
				(attribute) =>
					attribute.type === 'mdxJsxAttribute' &&
					linkAttributes.has(attribute.name) &&
					isRootPath(attribute.value)
			)
		)
			return;
		return {
			...node,
			attributes: node.attributes.map((attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				linkAttributes.has(attribute.name) &&
				isRootPath(attribute.value)
					? { ...attribute, value: withBase(attribute.value, base) }
					: attribute
			),
		};
	};
	return defineHastPlugin({
		name: 'base-path',
		element: {
			filter: ['a', 'img'],
			visit(node, context) {
				for (const name of linkAttributes) {
					const value = node.properties[name];
					if (isRootPath(value)) context.setProperty(node, name, withBase(value, base));
				}
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node) => withAttributes(node) as never },
		mdxJsxTextElement: { filter: [], visit: (node) => withAttributes(node) as never },
	});
}

/** Markdown features of the pipeline: Astro's defaults. */
const features = { gfm: true, smartPunctuation: true } as const;

/** A heading of rendered prose, as Starlight's table of contents takes it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** Gives headings ids from a slugger shared by every piece of prose of a page. */
function headingIdsPlugin(slugger: GithubSlugger, headings: Heading[]): HastPluginInput {
	return () => ({
		name: 'heading-ids',
		element: {
			filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node, context) {
				const text = context.textContent(node);
				const slug = slugger.slug(text);
				headings.push({ depth: Number(node.tagName.slice(1)), slug, text });
				context.setProperty(node, 'id', slug);
			},
		},
	});
}

/**
 * What prose from a data file may contain once rendered: the elements Markdown produces, links
 * to web pages, mail and phone numbers, heading ids. Everything else is removed (and the text of
 * scripts and styles with it).
 * @see https://github.com/apostrophecms/sanitize-html#default-options
 */
const allowList: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'a',
		'em',
		'strong',
		'code',
		'pre',
		'del',
		'ul',
		'ol',
		'li',
		'blockquote',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'br',
		'hr',
		'span',
	],
	allowedAttributes: {
		a: ['href', 'title', 'lang'],
		span: ['lang'],
		em: ['lang'],
		h2: ['id'],
		h3: ['id'],
		h4: ['id'],
		h5: ['id'],
		h6: ['id'],
		th: ['align'],
		td: ['align'],
		ol: ['start'],
	},
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
};

/** Sanitises rendered prose with the allow-list. */
export function sanitize(html: string): string {
	return sanitizeHtml(html, allowList);
}

/** Options of `renderMarkdown()`. */
export interface RenderOptions {
	/** Shared by every piece of prose of a page, so that heading ids stay unique on it. */
	slugger?: GithubSlugger | undefined;
	/** Base path of the site (`BASE_PATH`); the build's by default. */
	base?: string | undefined;
	/** Language of the page: known foreign terms of the text get their own `lang`. */
	lang?: Lang | undefined;
}

/**
 * Renders Markdown prose from a data file to sanitised HTML and lists its headings. Pass the same
 * `slugger` for every piece of prose of a page so that ids stay unique on it, and the page's
 * `lang` so that foreign terms are marked (`src/lib/foreign.ts`).
 */
export function renderMarkdown(
	source: string,
	{ slugger = new GithubSlugger(), base, lang }: RenderOptions = {}
): { html: string; headings: Heading[] } {
	const headings: Heading[] = [];
	const result = markdownToHtml(source, {
		features,
		hastPlugins: [headingIdsPlugin(slugger, headings), basePathPlugin(base ?? siteBase())],
	});
	// The pipeline's plugins are synchronous, so Sätteri answers synchronously.
	if (result instanceof Promise) throw new Error('renderMarkdown: a Markdown plugin is async');
	const html = sanitize(result.html);
	return { html: lang ? markForeignTerms(html, lang) : html, headings };
}

/** Renders a short Markdown string without its wrapping paragraph. */
export function renderInlineMarkdown(
	source: string,
	options: Omit<RenderOptions, 'slugger'> = {}
): string {
	return renderMarkdown(source, options)
		.html.trim()
		.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

export { GithubSlugger as Slugger };

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
 * Anything else stops the build, naming the file, the line and the element at fault.
 */

/** HTML elements a page may use, for what Markdown cannot say (keys, text in another language…). */
const pageHtmlElements = new Set([
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
const forbiddenElements = new Set([
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
const addressAttributes = new Set([
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
const componentsModule = '~/components';

/** Whether an address runs code or carries a document of its own (`javascript:`, `data:`…). */
export function isUnsafeAddress(value: string): boolean {
	// Browsers ignore whitespace and control characters in a scheme, and its case.
	const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
	return /^(?:javascript|vbscript|data):/.test(compact);
}

const unsafeAddress = (name: string, value: string): Bilingual => ({
	en: `address ${JSON.stringify(value.slice(0, 60))} in ${name} is not allowed: links lead to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)`,
	fr: `l’adresse « ${value.slice(0, 60)} » de ${name} n’est pas permise : un lien mène à une page web (https://…), une adresse électronique (mailto:…) ou un numéro de téléphone (tel:…)`,
});

/** What is wrong with one attribute of an element or component of a page, if anything. */
function attributeProblem(attribute: MdxJsxAttributeUnion): Bilingual | undefined {
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
function jsxProblems(name: string | null, attributes: MdxJsxAttributeUnion[]): Bilingual[] {
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

/** A statement of an `import`/`export` block, as Sätteri's parser gives it. */
interface EsmStatement {
	type: string;
	/** Offset of the statement in the block. */
	start?: number;
	source?: { value?: unknown } | null;
}

/**
 * What is wrong with the statements of an `import`/`export` block of an MDX page, each with its
 * line in the block (0 for the first) and what it is.
 */
function esmProblems(
	block: string,
	program: { body: EsmStatement[] }
): { line: number; field: string; message: Bilingual }[] {
	return program.body.flatMap((statement) => {
		const line = block.slice(0, statement.start ?? 0).split('\n').length - 1;
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
const expressionProblem: Bilingual = {
	en: 'expressions in braces are code, which pages may not run: write the text itself (a brace as \\{)',
	fr: 'les expressions entre accolades sont du code, que les pages ne peuvent pas exécuter : écrivez le texte lui-même (une accolade s’écrit \\{)',
};

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

/** The line of a node in its file, when the parser recorded it. */
const lineOf = (node: Readonly<HastNode>) =>
	(node as { position?: { start?: { line?: number } } }).position?.start?.line;

/** The path of a document relative to the project root, if it is in the project's `content/`. */
function contentFile(fileURL: URL | undefined, root: URL): string | undefined {
	if (!fileURL) return undefined;
	const contentRoot = new URL('content/', root).href;
	if (!fileURL.href.startsWith(contentRoot)) return undefined;
	return decodeURIComponent(fileURL.href.slice(root.href.length));
}

/**
 * The Sätteri hast plugin that holds the written pages of `content/` to the rules above. It
 * throws a `ContentError` listing every fault of a page, with its line. Registered with the MDX
 * pipeline in `astro.config.mjs`, and run by the content check (`src/loaders/check.ts`), which
 * finds the same faults before Astro starts. Documents outside `content/` are left alone.
 * @param root the project root (a `file:` URL ending with `/`)
 */
export function pagePolicyPlugin(root: URL, lang: Lang = 'en'): HastPluginEntry {
	return (context: PluginFactoryContext) => {
		const file = contentFile(context.fileURL, root);
		if (!file) return null;
		const mdx = context.sourceFormat === 'mdx';
		// In Astro, the page's frontmatter comes with the document (the content check reads it
		// itself, with lines).
		const frontmatter = (context.data['astro'] as { frontmatter?: unknown } | undefined)
			?.frontmatter;
		const problems: Problem[] =
			frontmatter === undefined ? [] : frontmatterProblems(frontmatter, { file, lang });
		const add = (node: Readonly<HastNode>, field: string, messages: Bilingual[], below = 0) =>
			inLanguage(lang, () => {
				const line = lineOf(node);
				for (const message of messages)
					problems.push({
						file,
						line: line === undefined ? undefined : line + below,
						field,
						message: say(message),
					});
			});
		const jsx = (
			node: Readonly<HastNode> & { name: string | null; attributes: MdxJsxAttributeUnion[] }
		) => add(node, `<${node.name ?? ''}>`, jsxProblems(node.name, node.attributes));
		return defineHastPlugin({
			name: 'page-policy',
			options: { position: true },
			element: {
				filter: [],
				visit(node) {
					for (const [name, value] of Object.entries(node.properties ?? {}))
						if (
							typeof value === 'string' &&
							addressAttributes.has(name.toLowerCase()) &&
							isUnsafeAddress(value)
						)
							add(node, `<${node.tagName} ${name}>`, [unsafeAddress(name, value)]);
				},
			},
			mdxJsxFlowElement: { filter: [], visit: (node) => jsx(node) },
			mdxJsxTextElement: { filter: [], visit: (node) => jsx(node) },
			mdxFlowExpression(node) {
				if ((node.parseExpression()?.body.length ?? 0) > 0)
					add(node, `{${node.value}}`, [expressionProblem]);
			},
			mdxTextExpression(node) {
				if ((node.parseExpression()?.body.length ?? 0) > 0)
					add(node, `{${node.value}}`, [expressionProblem]);
			},
			mdxjsEsm(node) {
				const program = node.parseExpression() as { body: EsmStatement[] } | null;
				for (const { line, field, message } of program ? esmProblems(node.value, program) : [])
					add(node, field, [message], line);
			},
			raw(node) {
				// Markdown pages keep raw HTML as it is written; only comments may stay.
				if (mdx || /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
				add(node, node.value.trim().split('\n')[0]!.slice(0, 40), [
					{
						en: 'raw HTML is not allowed in Markdown pages: write Markdown, or make the page an .mdx page and use a component',
						fr: 'le HTML brut n’est pas permis dans les pages Markdown : écrivez du Markdown, ou faites-en une page .mdx et utilisez un composant',
					},
				]);
			},
			after() {
				if (problems.length > 0) throw new ContentError(problems);
			},
		});
	};
}

/**
 * The problems of a written page (`file`, relative to `root`): its MDX or Markdown syntax, then
 * the rules of `pagePolicyPlugin`. Compiles the page as Astro does, without Astro: the content
 * check runs it on every page before the build starts.
 */
export function pageProblems(
	source: string,
	{ root, file, lang = 'en' }: { root: URL; file: string; lang?: Lang }
): Problem[] {
	const options = {
		features,
		hastPlugins: [pagePolicyPlugin(root, lang)],
		fileURL: new URL(file, root),
	};
	try {
		if (file.endsWith('.mdx')) mdxToJs(source, options);
		else markdownToHtml(source, options);
		return [];
	} catch (error) {
		if (isContentError(error)) return error.problems;
		// The parser's message starts with the position: "10:4: Unexpected end of file…".
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
		const match =
			/^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*?)(?:\s*\(\d+:\d+(?:-\d+:\d+)?\))*(?:\s*\([\w-]+:[\w-]+\))?$/.exec(
				message
			);
		const [line, column, what] = match
			? [Number(match[1]), Number(match[2]), match[3]!]
			: [undefined, undefined, message];
		const kind = file.endsWith('.mdx') ? 'MDX' : 'Markdown';
		return [
			{
				file,
				line,
				field: `(${kind})`,
				message: inLanguage(lang, () =>
					say(
						line === undefined
							? { en: `not valid ${kind}: ${what}`, fr: `${kind} invalide : ${what}` }
							: {
									en: `not valid ${kind} at line ${line}, column ${column}: ${what}`,
									fr: `${kind} invalide ligne ${line}, colonne ${column} : ${what}`,
								}
					)
				),
			},
		];
	}
}
