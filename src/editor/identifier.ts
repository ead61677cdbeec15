import { collection } from '../lib/collections.ts';
import { fileNameField, pageCollectionFolder } from '../lib/editor-config.ts';
import { partnerName } from '../lib/i18n.ts';
import { rememberEntryReader } from './form-errors.ts';

/**
 * The `identifiant` widget: the name of a new entry's file, derived from the entry's name as the
 * office types it (« Universidade de Teste » → `universidade-de-teste`), shown and editable; once
 * edited by hand, it no longer follows the name. For an existing entry, the file's name, which
 * no longer changes.
 */

const latinLetters: Record<string, string> = {
	ł: 'l',
	ø: 'o',
	đ: 'd',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ı: 'i',
	þ: 'th',
};

/**
 * A name as an identifier: lower-case ASCII words separated by hyphens, accents removed, at most
 * 60 characters (cut between words).
 * @example identifierFrom('Université d’Aix-Marseille') // 'universite-d-aix-marseille'
 */
export function identifierFrom(name: string): string {
	const words = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		// Letters that accents removal does not reduce to ASCII.
		.replace(/[łøđßæœıþ]/g, (letter) => latinLetters[letter] ?? letter)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (words.length <= 60) return words;
	const cut = words.slice(0, 61);
	return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 60);
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The name an entry's identifier is derived from, or undefined when its identifier is not a name (a country's code). */
export function entryName(
	collectionName: string,
	data: Record<string, unknown>
): string | undefined {
	if (pageCollectionFolder(collectionName) !== undefined) return text(data['title']);
	if (collectionName === 'partners') {
		const name = (data['name'] ?? {}) as Record<string, unknown>;
		return partnerName(
			{
				en: text(name['en']),
				fr: text(name['fr']) || undefined,
				native: text(name['native']) || undefined,
			},
			'fr'
		);
	}
	const definition = collection(collectionName);
	if (!definition || !definition.idPattern.test('nom-de-fiche')) return undefined;
	let value: unknown = data;
	for (const key of definition.nameField)
		value = (value as Record<string, unknown> | undefined)?.[key];
	return text(value);
}

/** The few parts of an Immutable.js value the widget uses. */
interface Immutable {
	get(key: string): unknown;
	toJS(): unknown;
}

type CreateElement = (
	type: unknown,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => unknown;

interface Props {
	value?: string;
	onChange: (value: string) => void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle?: () => void;
	setInactiveStyle?: () => void;
	/** The entry as it is now (Decap's `entry` prop may be stale). */
	getEntry?: () => Immutable;
	entry?: Immutable;
	collection?: Immutable;
}

/** Registers the widget. */
export function registerIdentifierWidget(
	cms: { registerWidget(name: string, control: unknown, preview?: unknown): void },
	h: CreateElement,
	createClass: (spec: Record<string, unknown>) => unknown
) {
	const control = createClass({
		// Decap re-renders a widget only when its own value changes: the widget follows the name as
		// the office types it (after Decap has stored the keystroke).
		componentDidMount(this: { follow(): void; listener?: () => void }) {
			this.listener = () => setTimeout(() => this.follow(), 0);
			document.addEventListener('input', this.listener, true);
			this.follow();
		},
		componentWillUnmount(this: { listener?: () => void }) {
			if (this.listener) document.removeEventListener('input', this.listener, true);
		},
		// `derived`: the identifier last derived from the name; while the field holds it, it follows the name.
		follow(this: { props: Props; derived?: string }) {
			const { getEntry, collection: current, value = '', onChange } = this.props;
			const entry = getEntry?.() ?? this.props.entry;
			if (!entry || !entry.get('newRecord')) return;
			if (value !== '' && value !== this.derived) return;
			const data = ((entry.get('data') as Immutable | undefined)?.toJS() ?? {}) as Record<
				string,
				unknown
			>;
			const name = entryName(String(current?.get('name') ?? entry.get('collection')), data);
			if (name === undefined) return;
			const derived = identifierFrom(name);
			if (derived === value) return;
			this.derived = derived;
			onChange(derived);
		},
		// What Decap checks: an existing entry's identifier is its file's name, not edited.
		getValidateValue(this: { props: Props }) {
			const entry = this.props.getEntry?.() ?? this.props.entry;
			return entry && !entry.get('newRecord') ? String(entry.get('slug') ?? '') : this.props.value;
		},
		render(this: { props: Props }) {
			rememberEntryReader(this.props.getEntry);
			const { value, onChange, forID, classNameWrapper, entry, setActiveStyle, setInactiveStyle } =
				this.props;
			if (entry && !entry.get('newRecord'))
				return h(
					'p',
					{ id: forID, className: `${classNameWrapper} identifiant-fixe` },
					h('code', null, String(entry.get('slug') ?? '')),
					' — le nom du fichier ne change plus.'
				);
			return h('input', {
				id: forID,
				type: 'text',
				className: classNameWrapper,
				value: value ?? '',
				autoComplete: 'off',
				spellCheck: false,
				onChange: (event: { target: { value: string } }) => onChange(event.target.value),
				onFocus: setActiveStyle,
				onBlur: setInactiveStyle,
			});
		},
	});
	const preview = createClass({
		render(this: { props: { value?: string } }) {
			return h('code', null, this.props.value ?? '');
		},
	});
	cms.registerWidget(fileNameField, control, preview);
}
