import {
	pageFormat as pageFormatName,
	pairedBackendPrefix,
	textWidget,
	yamlFormat,
} from '../lib/editor-config.ts';
import { emptyPaths, entryProblems, pagesLayout } from './entry-check.ts';
import {
	clearMarks,
	clearMarksOnInput,
	openEntry,
	rememberEntryReader,
	showProblems,
} from './form-errors.ts';
import { loadFormConfig } from './form-config.ts';
import { completeFrench, frenchInterface } from './french.ts';
import { registerIdentifierWidget } from './identifier.ts';
import { listNameField, withListName, withoutListName } from './list-names.ts';
import { pageFormat, yamlContentFormat } from './formats.ts';
import { registerPageComponents } from '../lib/page-components.ts';
import { installOfficeGuards, watchBackend } from './office-guards.ts';
import { pairPages } from './paired-pages.ts';

/**
 * The admin page's script (`/admin/`), bundled at build time with the project's schemas and
 * validation code. It loads Decap CMS (served from the site's own origin, `decap/`), then, before
 * Decap starts:
 * - registers the content formats (`formats.ts`) and the backends that keep pages and their
 *   translations paired (`paired-pages.ts`);
 * - adds the `identifiant` widget, which names a new entry's file;
 * - checks every entry before it is saved with the build's own schemas (`entry-check.ts`): an
 *   entry with a problem is not saved, and its problems are listed in French, as the build would
 *   list them;
 * - words Decap's own field messages as the build words its messages ("attendu : … ; trouvé : …").
 * @see https://decapcms.org/docs/manual-initialization/
 * @see https://decapcms.org/docs/registering-events/
 */

/** The few parts of an Immutable.js value the script uses (Decap's entries are Immutable). */
interface Immutable {
	get(key: string): unknown;
	toJS(): unknown;
	deleteIn(path: (string | number)[]): Immutable;
}

/** The parts of Decap's global `CMS` the script uses. */
interface DecapCms {
	init(options?: { config?: Record<string, unknown> }): void;
	registerLocale(locale: string, phrases: unknown): void;
	getLocale(locale: string): Record<string, unknown> | undefined;
	registerCustomFormat(name: string, extension: string, format: unknown): void;
	registerWidget(name: string, control: unknown, preview?: unknown): void;
	registerBackend(name: string, backend: unknown): void;
	getBackend(name: string): { init: (...args: unknown[]) => object } | undefined;
	registerEventListener(listener: {
		name: string;
		handler: (event: { entry: Immutable }) => unknown;
	}): void;
}

type CreateElement = (
	type: unknown,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => unknown;

declare global {
	interface Window {
		CMS_MANUAL_INIT?: boolean;
		CMS?: DecapCms;
		h?: CreateElement;
		createClass?: (spec: Record<string, unknown>) => unknown;
	}
}

// Decap starts by itself when its script runs, unless told not to.
window.CMS_MANUAL_INIT = true;

/** Decap's French phrases, with the field messages worded as the build's. */
function frenchPhrases(phrases: Record<string, unknown>): Record<string, unknown> {
	const copy = structuredClone(phrases) as {
		ui?: { toast?: Record<string, string> };
		collection?: { collectionTop?: Record<string, string> };
		editor?: {
			editorControl?: { field?: Record<string, string> };
			editorControlPane?: { widget?: Record<string, string>; i18n?: Record<string, string> };
		};
	};
	// Said when a field is empty or badly filled in (not only a missing one), without "Oops".
	const toast = copy.ui?.toast;
	if (toast)
		toast['missingRequiredField'] =
			'Rien n’a été enregistré : des champs sont à corriger (en rouge, avec ce qui est attendu).';
	// A plain "+": the full-width one Decap writes is missing from many fonts.
	const top = copy.collection?.collectionTop;
	if (top) top['newButton'] = '+ %{collectionLabel}';
	// Decap's French has no words for these yet.
	const i18n = copy.editor?.editorControlPane?.i18n;
	if (i18n) {
		i18n['copyFromLocale'] ??= 'Reprendre une autre langue';
		i18n['copyFromLocaleConfirm'] ??=
			'Reprendre le contenu de la version %{locale} ? Tout ce qui est écrit ici sera remplacé.';
	}
	const field = copy.editor?.editorControl?.field;
	if (field) field['optional'] = 'facultatif';
	const widget = copy.editor?.editorControlPane?.widget;
	if (widget) {
		widget['required'] = '%{fieldLabel} : attendu : une valeur ; trouvé : rien.';
		widget['regexPattern'] = '%{fieldLabel} : %{pattern}.';
	}
	return copy as Record<string, unknown>;
}

/**
 * The refusal of a save, as Decap's notice shows it ("Échec de l'enregistrement de l'entrée :
 * …"): one short French sentence, without the "Error:" a plain error would add — the problems
 * themselves are in the list above the form.
 */
class RefusedSave extends Error {
	override toString() {
		return this.message;
	}
}
// On the prototype, so that the stack Decap logs is named before the bundler renames the class.
RefusedSave.prototype.name = 'RefusedSave';

/** The problems the build would find in an entry (Decap's, as Immutable). */
function problemsOf(entry: Immutable) {
	const data = withoutListName((entry.get('data') as Immutable).toJS() as Record<string, unknown>);
	const i18n = entry.get('i18n') as Immutable | undefined;
	return entryProblems({
		collection: String(entry.get('collection')),
		path: (entry.get('path') as string | undefined) || undefined,
		newRecord: Boolean(entry.get('newRecord')),
		data,
		i18n: i18n?.toJS() as Record<string, { data?: Record<string, unknown> }> | undefined,
	});
}

/** Checks an entry before it is saved; throws (Decap then saves nothing) when it has problems. */
function beforeSave({ entry }: { entry: Immutable }) {
	const data = withoutListName((entry.get('data') as Immutable).toJS() as Record<string, unknown>);
	const problems = problemsOf(entry);
	if (problems.length > 0) {
		// Every problem at once, each at its field (form-errors.ts), the form scrolled to the first.
		const atFields = showProblems(problems);
		throw new RefusedSave(
			atFields === problems.length
				? `${problems.length === 1 ? '1 problème' : `${problems.length} problèmes`} à corriger, en rouge dans le formulaire`
				: `${problems.length === 1 ? '1 problème' : `${problems.length} problèmes`} à corriger, en rouge dans le formulaire et listés en bas à droite`
		);
	}
	clearMarks();
	// Fields the office cleared are left out of the file, as if never written.
	let cleaned = (entry.get('data') as Immutable).deleteIn([listNameField]);
	for (const path of emptyPaths(data)) cleaned = cleaned.deleteIn(path);
	return cleaned;
}

/** Lines a text box needs for its text: one per 60 characters of each paragraph, 2 to 20. */
const rowsFor = (text: string) =>
	Math.min(
		20,
		Math.max(
			2,
			text.split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / 60)), 0)
		)
	);

/**
 * The `texte` widget: text of several lines (the French or the English of a group), in a box as
 * high as its text from two lines up — Decap's `text` box is five lines high whatever it holds,
 * which makes a publisher's name or a link's label a large empty box.
 */
function textBoxWidget(
	cms: DecapCms,
	h: CreateElement,
	createClass: NonNullable<Window['createClass']>
) {
	const control = createClass({
		render(this: { props: Record<string, unknown> }) {
			rememberEntryReader((this.props as { getEntry?: () => Immutable }).getEntry);
			const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this
				.props as {
				value?: unknown;
				onChange: (value: string) => void;
				forID: string;
				classNameWrapper: string;
				setActiveStyle?: () => void;
				setInactiveStyle?: () => void;
			};
			const text = typeof value === 'string' ? value : '';
			return h('textarea', {
				id: forID,
				className: `${classNameWrapper} texte`,
				value: text,
				rows: rowsFor(text),
				onChange: (event: { target: { value: string } }) => onChange(event.target.value),
				onFocus: setActiveStyle,
				onBlur: setInactiveStyle,
			});
		},
	});
	const preview = createClass({
		render(this: { props: { value?: string } }) {
			return h('p', null, this.props.value ?? '');
		},
	});
	cms.registerWidget(textWidget, control, preview);
}

/**
 * Marks the body while a form is open (`#/collections/…/new`, `…/entries/…`): the links to the
 * guide and the to-do list then stand aside (editor.css).
 */
function markOpenForms() {
	const mark = () =>
		document.body.classList.toggle(
			'fiche-ouverte',
			/^#\/collections\/[^/]+\/(new|entries\/)/.test(location.hash)
		);
	window.addEventListener('hashchange', mark);
	mark();
}

/**
 * Wraps long lines in the pages' text editors (CodeMirror, which Decap's code widget creates
 * without that option): a paragraph of a page is one line.
 */
function wrapCodeLines() {
	const wrap = () => {
		for (const element of document.querySelectorAll('.CodeMirror')) {
			const editor = (
				element as Element & {
					CodeMirror?: {
						getOption(name: string): unknown;
						setOption(name: string, value: unknown): void;
					};
				}
			).CodeMirror;
			if (editor && !editor.getOption('lineWrapping')) editor.setOption('lineWrapping', true);
		}
	};
	new MutationObserver(wrap).observe(document.body, { childList: true, subtree: true });
}

/**
 * Decap rejects the promise of a save it refused — with nothing when a field is invalid, with
 * its failure action when the check before saving refused it — and nobody handles that promise.
 * Both refusals are already shown to the office; only these two are kept out of the console.
 */
function quietRefusals() {
	window.addEventListener('unhandledrejection', (event) => {
		const reason = event.reason as { type?: unknown } | undefined;
		if (reason === undefined || reason?.type === 'ENTRY_PERSIST_FAILURE') event.preventDefault();
		// Decap's own checks stopped the save before the build's could run: run it now, so that
		// every problem of the entry is shown at once, not only those Decap knows.
		if (reason === undefined) {
			const entry = openEntry() as Immutable | undefined;
			const problems = entry ? problemsOf(entry) : [];
			if (problems.length > 0) showProblems(problems);
		}
	});
}

function start() {
	const cms = window.CMS;
	if (!cms || !window.h || !window.createClass) {
		document.body.textContent =
			'L’éditeur n’a pas pu se charger (decap-cms.js introuvable). Prévenez un développeur.';
		return;
	}
	const french = cms.getLocale('fr');
	if (french) cms.registerLocale('fr', completeFrench(frenchPhrases(french)));
	cms.registerCustomFormat(yamlFormat, 'yaml', withListName(yamlContentFormat));
	cms.registerCustomFormat(pageFormatName, 'mdx', pageFormat);
	for (const name of ['proxy', 'gitlab', 'gitea', 'forgejo']) {
		const backend = cms.getBackend(name);
		if (!backend) continue;
		// Called with `new` by Decap: a constructor that returns an object yields that object.
		const Paired = function (...args: unknown[]) {
			const implementation = backend.init(...args);
			watchBackend(implementation, args[0]);
			return pairPages(implementation, pagesLayout);
		};
		cms.registerBackend(`${pairedBackendPrefix}${name}`, Paired);
	}
	registerIdentifierWidget(cms, window.h, window.createClass);
	textBoxWidget(cms, window.h, window.createClass);
	registerPageComponents(
		cms as unknown as Parameters<typeof registerPageComponents>[0],
		window.h,
		window.createClass
	);
	cms.registerEventListener({ name: 'preSave', handler: beforeSave });
	wrapCodeLines();
	markOpenForms();
	quietRefusals();
	// Notice of changes the editor did not make; guarded deletions (office-guards.ts).
	const confirmations = (cms.getLocale('fr') as { editor?: { editor?: Record<string, string> } })
		?.editor?.editor;
	installOfficeGuards(
		(listener) => cms.registerEventListener(listener),
		[
			confirmations?.['onDeletePublishedEntry'],
			confirmations?.['onDeleteWithUnsavedChanges'],
		].filter((message): message is string => typeof message === 'string')
	);
	frenchInterface();
	clearMarksOnInput();
	// The configuration as the form uses it: every check left to the build's (form-config.ts).
	loadFormConfig().then(
		(config) => cms.init({ config }),
		() => cms.init()
	);
}

// This script runs first (both scripts are deferred, in order); Decap's has run by the time the
// document is loaded.
if (window.CMS) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
