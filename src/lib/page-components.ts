/**
 * The pages' components in the web editor's rich-text mode (Decap CMS "editor components"): each
 * component the pages use (`<Aside>`, `<Term>`, `<Contact />`…) is a readable block, or a word
 * in the text, that the office inserts from the editor's « + » menu and fills in a small form.
 *
 * Each component has a pattern, which finds it in a page's text, and two functions: `fromBlock`
 * reads what the pattern found into the form's values, `toBlock` writes them back. The patterns
 * are strict: they only match a component written exactly as `toBlock` writes it, so that a page
 * opened and saved unchanged keeps every byte (`tests/unit/editor-components.test.ts` checks it
 * on every page). A component written in any other way stays as it is, as text.
 *
 * The `import { … } from '~/components';` line is never shown: the pages' format removes it when
 * a page is read and writes it back, with exactly the components the text uses, when it is saved
 * (`formats.ts`, `pageImports()`).
 * @see https://decapcms.org/docs/custom-widgets/#registereditorcomponent
 */

/** A field of a component's form (Decap's field configuration). */
export interface ComponentField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	default?: unknown;
	[option: string]: unknown;
}

/** The values of a component's form. */
export type ComponentData = Record<string, unknown>;

/** A component of the pages, as Decap's `CMS.registerEditorComponent()` takes it. */
export interface PageComponent {
	id: string;
	/** The name in the « + » menu and above the block. */
	label: string;
	/** `inline`: a word or phrase inside a paragraph (shown as its text); otherwise a block. */
	type?: 'inline';
	pattern: RegExp;
	fields: ComponentField[];
	fromBlock(match: RegExpMatchArray): ComponentData;
	toBlock(data: ComponentData): string;
	/** What an inline component shows in the text. */
	toPreview?(data: ComponentData): string;
	/** Inline components: asks for the values when the component is inserted or clicked. */
	onInsert?(context: { selectedText: string }): ComponentData | null;
	onEdit?(context: { data: ComponentData }): ComponentData | null;
	collapsed?: boolean;
	summary?: string;
}

/** Every component a page may import from `~/components` (see `src/components/index.ts`). */
export const componentNames = [
	'Aside',
	'Badge',
	'Card',
	'CardGrid',
	'Contact',
	'CountryGuides',
	'Foreign',
	'Icon',
	'LegalFacts',
	'LinkButton',
	'LinkCard',
	'NetworkStatement',
	'Steps',
	'TabItem',
	'Tabs',
	'Term',
] as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** An attribute as the pages write it (` name="value"`), or nothing when the value is empty. */
const attribute = (name: string, value: unknown) =>
	text(value) ? ` ${name}="${text(value)}"` : '';

/** An attribute's value in a pattern: anything but a quote or a line break. */
const value = '([^"\\n]*)';

/** The end of a block component: the end of its line. */
const endOfLine = '(?=\\n|$)';

/** Text inside an inline component: anything up to its closing tag, never another one of its kind. */
const inner = (name: string) => `((?:(?!</?${name}[\\s>])[\\s\\S])*?)`;

/** Indents every non-empty line by two spaces (the inside of an `<Aside>`). */
const indent = (body: string) =>
	body
		.split('\n')
		.map((line) => (line ? `  ${line}` : line))
		.join('\n');

const dedent = (body: string) =>
	body
		.split('\n')
		.map((line) => line.replace(/^ {2}/, ''))
		.join('\n');

/** The prompts of inline components (they have no form: Decap asks for their values). */
type Ask = (question: string, answer?: string) => string | null;
const askInBrowser: Ask = (question, answer) =>
	typeof window === 'undefined' ? null : window.prompt(question, answer ?? '');

/** The kinds of aside, as Starlight names them, with their French names. */
export const asideTypes = [
	{ label: 'Note', value: 'note' },
	{ label: 'Conseil', value: 'tip' },
	{ label: 'Attention', value: 'caution' },
	{ label: 'Danger', value: 'danger' },
];

/** An aside: its kind, its title and its text (Markdown). */
const aside: PageComponent = {
	id: 'aside',
	label: 'Encadré (note, conseil, attention, danger)',
	// The text inside either indented by two spaces, or between blank lines.
	pattern: new RegExp(
		`^<Aside type="(note|tip|caution|danger)"(?: title="${value}")?>\\n` +
			`(?:\\n((?:(?!</Aside>)[\\s\\S])*?)\\n\\n|((?:(?: {2}[^\\n]+)?\\n)*?))</Aside>${endOfLine}`
	),
	fields: [
		{ name: 'type', label: 'Sorte', widget: 'select', options: asideTypes, default: 'note' },
		{ name: 'title', label: 'Titre', widget: 'string', required: false },
		{
			name: 'body',
			label: 'Texte',
			widget: 'markdown',
			modes: ['raw'],
			hint: 'Du texte, comme dans la page ; un lien s’écrit `[texte](adresse)`.',
		},
	],
	fromBlock(match) {
		const spaced = match[3] !== undefined;
		const body = spaced ? match[3]! : dedent(match[4] ?? '').replace(/\n$/, '');
		return { type: match[1], title: match[2] ?? '', body, layout: spaced ? 'spaced' : 'indented' };
	},
	toBlock(data) {
		const body = text(data['body']);
		const open = `<Aside${attribute('type', data['type'] || 'note')}${attribute('title', data['title'])}>`;
		const spaced =
			data['layout'] === 'spaced' || (data['layout'] === undefined && /\n\s*\n/.test(body));
		if (spaced) return `${open}\n\n${body}\n\n</Aside>`;
		return `${open}\n${body ? `${indent(body)}\n` : ''}</Aside>`;
	},
	collapsed: false,
	summary: '{{fields.title}}',
};

/**
 * Numbered steps: the numbered list between the start and the end is written as any list, in
 * the text (`<Steps>` and `</Steps>` are two blocks, each on its own line).
 */
const stepsStart: PageComponent = {
	id: 'steps-start',
	label: 'Étapes numérotées : début (la liste numérotée qui suit)',
	pattern: new RegExp(`^<Steps>${endOfLine}`),
	fields: [],
	fromBlock: () => ({}),
	toBlock: () => '<Steps>',
};
const stepsEnd: PageComponent = {
	id: 'steps-end',
	label: 'Étapes numérotées : fin',
	pattern: new RegExp(`^</Steps>${endOfLine}`),
	fields: [],
	fromBlock: () => ({}),
	toBlock: () => '</Steps>',
};

/**
 * The widget that chooses a contact by its role and name (registered by `registerPageComponents`):
 * Decap's relation widget would change the page as soon as it is shown (it writes back the value
 * it read), which would mark every page with a contact as modified.
 */
export const contactWidget = 'contact-de-page';

/** A contact of `content/contacts/`, chosen by its role and name. */
const contact: PageComponent = {
	id: 'contact',
	label: 'Contact',
	pattern: new RegExp(`^<Contact id="${value}" />${endOfLine}`),
	fields: [{ name: 'id', label: 'Qui', widget: contactWidget }],
	fromBlock: (match) => ({ id: match[1] }),
	toBlock: (data) => `<Contact id="${text(data['id'])}" />`,
};

/** The parts of the legal pages' facts (`<LegalFacts part="…" />`), see `LegalFacts.astro`. */
export const legalParts = [
	'notice',
	'controller',
	'dataProtection',
	'serverLogs',
	'rights',
	'complaint',
	'status',
	'version',
	'audit',
	'plans',
	'dates',
	'feedback',
	'testEnvironment',
	'pageSample',
	'redress',
	'ask',
];

const legalPattern = `<LegalFacts part="(\\w+)"(?: page="(\\w+)")? />`;
const legalFields: ComponentField[] = [
	{ name: 'part', label: 'Partie', widget: 'select', options: legalParts },
	{
		name: 'page',
		label: 'Page (pour « ask » : notice, personalData ou accessibility)',
		widget: 'string',
		required: false,
	},
];
const legalFromBlock = (match: RegExpMatchArray) => ({ part: match[1], page: match[2] ?? '' });
const legalToBlock = (data: ComponentData) =>
	`<LegalFacts${attribute('part', data['part'])}${attribute('page', data['page'])} />`;

/** The facts of the legal pages, from `content/site/legal.yaml`, as a block. */
const legalFacts: PageComponent = {
	id: 'legal-facts',
	label: 'Faits des pages légales (content/site/legal.yaml)',
	pattern: new RegExp(`^${legalPattern}${endOfLine}`),
	fields: legalFields,
	fromBlock: legalFromBlock,
	toBlock: legalToBlock,
};

/** The same facts inside a sentence (« conforme », « , version 4.1.2 »). */
const legalFactsInline: PageComponent = {
	id: 'legal-facts-inline',
	label: 'Fait des pages légales, dans une phrase',
	type: 'inline',
	pattern: new RegExp(legalPattern),
	fields: legalFields,
	fromBlock: legalFromBlock,
	toBlock: legalToBlock,
	toPreview: (data) => `[${text(data['part'])}]`,
	onInsert: () => {
		const part = askInBrowser(`Partie (${legalParts.join(', ')})`);
		return part ? { part, page: '' } : null;
	},
	onEdit: ({ data }) => {
		const part = askInBrowser(`Partie (${legalParts.join(', ')})`, text(data['part']));
		return part ? { ...data, part } : null;
	},
};

/** A component without attributes, alone on its line. */
const single = (id: string, name: string, label: string): PageComponent => ({
	id,
	label,
	pattern: new RegExp(`^<${name} />${endOfLine}`),
	fields: [],
	fromBlock: () => ({}),
	toBlock: () => `<${name} />`,
});

const countryGuides = single(
	'country-guides',
	'CountryGuides',
	'Liste des guides pays (faite à partir des pays)'
);
const networkStatement = single(
	'network-statement',
	'NetworkStatement',
	'Phrase sur les réseaux de partenaires (faite à partir des partenaires)'
);

/** A link card's fields, and the card as the pages write it (each attribute on its line). */
const cardFields: ComponentField[] = [
	{ name: 'title', label: 'Titre', widget: 'string' },
	{ name: 'href', label: 'Adresse (/page/ ou https://…)', widget: 'string' },
	{ name: 'description', label: 'Description', widget: 'string', required: false },
];
const cardPattern = (margin: string, group = '(') =>
	`${margin}<LinkCard\\n${margin}  title="${group}[^"\\n]*)"\\n${margin}  href="${group}[^"\\n]*)"\\n(?:${margin}  description="${group}[^"\\n]*)"\\n)?${margin}/>`;
const cardFromMatch = (match: RegExpMatchArray | string[]) => ({
	title: match[1] ?? '',
	href: match[2] ?? '',
	description: match[3] ?? '',
});
const cardToBlock = (data: ComponentData, margin = '') =>
	[
		`${margin}<LinkCard`,
		`${margin}  title="${text(data['title'])}"`,
		`${margin}  href="${text(data['href'])}"`,
		...(text(data['description']) ? [`${margin}  description="${text(data['description'])}"`] : []),
		`${margin}/>`,
	].join('\n');

const linkCard: PageComponent = {
	id: 'link-card',
	label: 'Carte de lien',
	pattern: new RegExp(`^${cardPattern('')}${endOfLine}`),
	fields: cardFields,
	fromBlock: cardFromMatch,
	toBlock: (data) => cardToBlock(data),
	summary: '{{fields.title}}',
};

/** A grid of link cards. */
const cardGrid: PageComponent = {
	id: 'card-grid',
	label: 'Grille de cartes de liens',
	pattern: new RegExp(`^<CardGrid>\\n((?:${cardPattern('  ', '(?:')}\\n)*)</CardGrid>${endOfLine}`),
	fields: [
		{
			name: 'cards',
			label: 'Cartes',
			label_singular: 'carte',
			widget: 'list',
			collapsed: true,
			summary: '{{fields.title}}',
			fields: cardFields,
		},
	],
	fromBlock(match) {
		const one = new RegExp(cardPattern('  '), 'g');
		return { cards: [...(match[1] ?? '').matchAll(one)].map(cardFromMatch) };
	},
	toBlock(data) {
		const cards = Array.isArray(data['cards']) ? (data['cards'] as ComponentData[]) : [];
		return ['<CardGrid>', ...cards.map((card) => cardToBlock(card, '  ')), '</CardGrid>'].join(
			'\n'
		);
	},
};

/** A term of the glossary, inside a sentence: `<Term id="caf">CAF</Term>` or `<Term id="ects" />`. */
const term: PageComponent = {
	id: 'term',
	label: 'Terme du glossaire',
	type: 'inline',
	pattern: new RegExp(
		`(\\*\\*)?<Term id="${value}"(?: lang="${value}")?(?: />|>${inner('Term')}</Term>)\\1`
	),
	fields: [
		{ name: 'id', label: 'Identifiant du terme (glossaire)', widget: 'string' },
		{ name: 'text', label: 'Texte affiché', widget: 'string', required: false },
		{ name: 'lang', label: 'Langue du texte', widget: 'string', required: false },
	],
	// In bold (`**<Term …>…</Term>**`), the term is one component: Decap's editor loses a bold
	// that holds nothing but a component.
	fromBlock: (match) => ({
		id: match[2],
		lang: match[3] ?? '',
		text: match[4] ?? null,
		...(match[1] ? { bold: true } : {}),
	}),
	toBlock(data) {
		const open = `<Term id="${text(data['id'])}"${attribute('lang', data['lang'])}`;
		const term =
			typeof data['text'] === 'string' && data['text'] !== ''
				? `${open}>${data['text']}</Term>`
				: `${open} />`;
		return data['bold'] ? `**${term}**` : term;
	},
	toPreview: (data) => readable(text(data['text'])) || text(data['id']),
	onInsert({ selectedText }) {
		const id = askInBrowser(
			'Terme du glossaire : son identifiant (le nom de son fichier dans Glossaire, par exemple « caf »)'
		);
		if (!id) return null;
		const shown = selectedText || askInBrowser('Texte affiché (vide : le terme du glossaire)');
		return { id, lang: '', text: shown || null };
	},
	onEdit({ data }) {
		const id = askInBrowser('Terme du glossaire : son identifiant', text(data['id']));
		if (!id) return null;
		const shown = askInBrowser('Texte affiché (vide : le terme du glossaire)', text(data['text']));
		return { ...data, id, text: shown || null };
	},
};

/** Words in another language than the page's: `<Foreign lang="en">learning agreement</Foreign>`. */
const foreign: PageComponent = {
	id: 'foreign',
	label: 'Mots dans une autre langue',
	type: 'inline',
	pattern: new RegExp(`<Foreign lang="([^"\\n]*)">${inner('Foreign')}</Foreign>`),
	fields: [
		{ name: 'lang', label: 'Langue (fr, en, pt-BR…)', widget: 'string' },
		{ name: 'text', label: 'Texte', widget: 'string' },
	],
	fromBlock: (match) => ({ lang: match[1], text: match[2] ?? '' }),
	toBlock: (data) => `<Foreign lang="${text(data['lang'])}">${text(data['text'])}</Foreign>`,
	toPreview: (data) => readable(text(data['text'])),
	onInsert({ selectedText }) {
		const lang = askInBrowser('Langue de ces mots (fr, en, es, pt-BR…)');
		if (!lang) return null;
		const words = selectedText || askInBrowser('Les mots');
		return words ? { lang, text: words } : null;
	},
	onEdit({ data }) {
		const lang = askInBrowser('Langue de ces mots (fr, en, es, pt-BR…)', text(data['lang']));
		if (!lang) return null;
		const words = askInBrowser('Les mots', text(data['text']));
		return words ? { lang, text: words } : null;
	},
};

/** Text of an inline component as read: tags of nested components left out, lines joined. */
export function readable(markup: string): string {
	return markup
		.replace(/<\/?[A-Z][^>]*>/g, '')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

/** The components, in the order of the « + » menu. */
export const pageComponents: PageComponent[] = [
	aside,
	stepsStart,
	stepsEnd,
	contact,
	term,
	foreign,
	linkCard,
	cardGrid,
	countryGuides,
	networkStatement,
	legalFacts,
	legalFactsInline,
];

/** The ids of the pages' components: the « + » menu of the pages' text field. */
export const pageComponentIds = pageComponents.map((component) => component.id);

const importLine = /^import \{([^}]*)\} from '~\/components';\n(?:\n|$)/;

/** The names a page's text uses, among the components it may import. */
export function usedComponents(body: string): string[] {
	return componentNames.filter((name) => new RegExp(`<${name}[\\s/>]`).test(body));
}

/**
 * A page's text without its import line (the editor never shows it): the text, and the line as
 * it was, kept to write it back unchanged when the text uses the same components.
 */
export function withoutImports(body: string): { body: string; imports?: string } {
	const match = importLine.exec(body);
	if (!match) return { body };
	return { body: body.slice(match[0].length), imports: match[0].replace(/\n+$/, '') };
}

/** Emphasis written with asterisks (`*…*`), which Decap's editor writes with underscores. */
const starEmphasis = /(?<![*\w])\*(?=\S)([^*\n]+(?:\n[^*\n]+)*?)(?<=\S)\*(?![*\w])/g;

/**
 * The text Decap's editor wrote back, with each paragraph (or other block) that it only
 * rewrote in its own style — emphasis `*…*` as `_…_` — as it was read: a page keeps its bytes
 * where nobody changed it.
 */
export function restoreBlocks(written: string, read: string): string {
	const blocks = new Map<string, string>();
	for (const block of read.replace(/\n+$/, '').split('\n\n')) {
		const key = block.replace(starEmphasis, '_$1_');
		if (!blocks.has(key)) blocks.set(key, block);
	}
	const end = /\n*$/.exec(written)?.[0] ?? '';
	return (
		written
			.replace(/\n+$/, '')
			.split('\n\n')
			.map((block) => blocks.get(block) ?? block)
			.join('\n\n') + end
	);
}

/** A page's import line as it was read, and the text it came with. */
export interface ReadImports {
	line: string;
	body: string;
}

const namesOf = (line: string | undefined) =>
	(importLine.exec(`${line ?? ''}\n`)?.[1] ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);

/**
 * A page's text with the import line of exactly the components it uses. The line as it was read
 * stays when the text is unchanged, or still uses the same components; otherwise the names still
 * used keep their order, and new ones follow.
 */
export function withImports(body: string, read?: ReadImports): string {
	// A developer may have written the line in the raw mode: it is merged, never doubled.
	const typed = withoutImports(read ? restoreBlocks(body, read.body) : body);
	// Unchanged (Decap's editor leaves out the last line break): the line and text as read.
	if (read && !typed.imports && typed.body.replace(/\n+$/, '') === read.body.replace(/\n+$/, ''))
		return `${read.line}\n\n${read.body}`;
	const before = read?.line ?? typed.imports;
	const known = [...new Set([...namesOf(typed.imports), ...namesOf(read?.line)])];
	const used = usedComponents(typed.body);
	if (used.length === 0) return typed.body;
	const previous = namesOf(before);
	const line =
		before && previous.length === used.length && used.every((name) => previous.includes(name))
			? before
			: `import { ${[
					...known.filter((name) => used.includes(name)),
					...used.filter((name) => !known.includes(name)),
				].join(', ')} } from '~/components';`;
	return `${line}\n\n${typed.body}`;
}

/** The parts of a Markdown syntax tree (mdast) the remark plugin reads. */
interface MarkdownNode {
	type: string;
	spread?: boolean | null;
	children?: MarkdownNode[];
}

/**
 * A remark plugin for Decap's Markdown editor: the text it writes back follows the pages' own
 * style, so that saving a page changes only what was edited — lists with `-`, emphasis with `_`,
 * and a blank line between the items of a list whose items hold several paragraphs (Decap's
 * editor forgets it). Registered with `CMS.registerRemarkPlugin()`; it also runs when Decap
 * reads a text, where it changes nothing that is shown.
 */
export function remarkPageStyle(this: { Compiler?: { prototype: { options?: object } } }) {
	const compiler = this.Compiler;
	if (compiler?.prototype)
		compiler.prototype.options = { ...compiler.prototype.options, bullet: '-', emphasis: '_' };
	const visit = (node: MarkdownNode) => {
		if (node.type === 'list' && node.children)
			node.spread = node.children.some((item) => (item.children?.length ?? 0) > 1);
		for (const child of node.children ?? []) visit(child);
	};
	return visit;
}

/** The parts of Decap's global `CMS` the registration uses. */
interface ComponentRegistry {
	registerEditorComponent(component: Record<string, unknown>): void;
	registerRemarkPlugin?(plugin: unknown): void;
	registerWidget(name: string, control: unknown): void;
}

/**
 * Names the switch between the rich-text and the raw mode of each text (Decap's switch has no
 * name): checked, the text shows its Markdown code.
 */
function nameModeSwitches() {
	const name = () => {
		for (const element of document.querySelectorAll('[role="switch"]:not([aria-label])'))
			if (element.parentElement?.textContent?.includes('Markdown'))
				element.setAttribute('aria-label', 'Markdown (le code de la page, pour les développeurs)');
	};
	new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
}

/** A contact as the office knows it: its role, then the person. */
function contactLabel(data: { role?: { fr?: string }; person?: string } | undefined, id: string) {
	return [data?.role?.fr, data?.person].filter(Boolean).join(' — ') || id;
}

/** What Decap's `query` prop answers: the entries of a collection. */
interface QueryResult {
	payload?: { hits?: { slug: string; data?: Record<string, unknown> }[] };
}

type CreateElement = (
	type: unknown,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => unknown;

/**
 * Registers the pages' components and the remark plugin with Decap (called by the admin script
 * before Decap starts). An inline component shows its text in the page's text, marked (a term
 * underlined, words in another language in italics: `editor.css`), its kind in a tooltip.
 */
export function registerPageComponents(
	cms: ComponentRegistry,
	h: CreateElement,
	createClass: (spec: Record<string, unknown>) => unknown
) {
	cms.registerRemarkPlugin?.(remarkPageStyle);
	cms.registerWidget(contactWidget, contactControl(h, createClass));
	nameModeSwitches();
	for (const component of pageComponents) {
		const preview = component.toPreview;
		cms.registerEditorComponent({
			...component,
			...(preview
				? {
						toPreview: (data: ComponentData) => {
							const shown = h(
								'span',
								{
									className: `composant-en-ligne composant-${component.id}`,
									title: `${component.label} : ${text(data['id'] ?? data['lang'] ?? data['part'])}`,
								},
								preview(data)
							);
							return data['bold'] ? h('strong', null, shown) : shown;
						},
					}
				: {}),
		});
	}
}

/** The contact widget's control: a list of the contacts, read once, changed only by a choice. */
function contactControl(h: CreateElement, createClass: (spec: Record<string, unknown>) => unknown) {
	type Props = {
		value?: string;
		onChange: (value: string) => void;
		forID: string;
		classNameWrapper: string;
		query: (
			forID: string,
			collection: string,
			searchFields: string[],
			term: string
		) => Promise<QueryResult>;
	};
	type This = {
		props: Props;
		state: { options: { value: string; label: string }[] };
		setState(state: object): void;
		mounted?: boolean;
	};
	return createClass({
		getInitialState: () => ({ options: [] }),
		componentDidMount(this: This) {
			this.mounted = true;
			const { query, forID } = this.props;
			query(forID, 'contacts', ['role.fr', 'person'], '')
				.then((result) => {
					const options = (result.payload?.hits ?? [])
						.map((hit) => ({
							value: hit.slug,
							label: contactLabel(hit.data as Parameters<typeof contactLabel>[0], hit.slug),
						}))
						.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
					if (this.mounted) this.setState({ options });
				})
				.catch(() => undefined);
		},
		componentWillUnmount(this: This) {
			this.mounted = false;
		},
		render(this: This) {
			const { value, onChange, forID, classNameWrapper } = this.props;
			const current = typeof value === 'string' ? value : '';
			const { options } = this.state;
			const known = options.some((option) => option.value === current);
			return h(
				'select',
				{
					id: forID,
					className: classNameWrapper,
					value: current,
					onChange: (event: { target: { value: string } }) => onChange(event.target.value),
				},
				current === '' ? h('option', { key: '', value: '' }, 'Choisir un contact…') : null,
				current !== '' && !known ? h('option', { key: current, value: current }, current) : null,
				...options.map((option) =>
					h('option', { key: option.value, value: option.value }, option.label)
				)
			);
		},
	});
}
