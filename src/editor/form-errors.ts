import { docs } from '../lib/collections.ts';
import { fileNameField } from '../lib/editor-config.ts';
import type { EditorProblem } from './entry-check.ts';

/**
 * The problems of a refused save, shown where the office fixes them: each at its field, in red,
 * with the build's own message (never a file path), the form scrolled to the first. Problems
 * with no field in the form (the English twin of a page, a key the form does not know) are
 * listed in a box instead.
 *
 * Decap finds its fields by numbered ids (`url-field-48`); a field's path in the entry
 * (`sources.0.url`) is read back from the form: each control's own key (its label's `for`,
 * without the number), the keys of the controls around it, and, inside a list, the rank of its
 * item (the items' drag handles before it).
 */

/** A field of Decap's form (its container: label, widget, hint). */
const container = "[class*='-ControlContainer']";
/** The top bar of a field, which holds its label (and Decap's own error list). */
const topbar = "[class*='-ControlTopbar']";
/** The handle of each item of a list (one per item, before the item's fields). */
const itemHandle = '[aria-roledescription="sortable"]';
/** The name of the one field of an item of a list of plain values (`editor-config.ts`). */
const plainItemField = 'valeur';

/** The name `entry-check.ts` gives the text of a page. */
const bodyLabel = 'Texte de la page';

/** The mark's class, on the field's container. */
export const errorClass = 'champ-en-erreur';

/** A field's key in its entry: its label's `for` without Decap's number (`url-field-48` → `url`). */
function keyOf(element: Element): string | undefined {
	const id = element.querySelector(`:scope > ${topbar} > label`)?.getAttribute('for');
	return id?.replace(/-field-\d+$/, '');
}

/** The rank of the item of `list` that holds `element`, or undefined when `list` is no list. */
function itemIndex(list: Element, element: Element): number | undefined {
	const handles = [...list.querySelectorAll(itemHandle)].filter(
		(handle) => handle.closest(container) === list
	);
	if (handles.length === 0) return undefined;
	const before = handles.filter(
		(handle) => handle.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
	);
	return Math.max(0, before.length - 1);
}

/** A field's path in its entry, read from the form (`sources.0.url`). */
export function pathOf(element: Element): string[] {
	const parent = element.parentElement?.closest(container);
	const path = parent ? pathOf(parent) : [];
	const key = keyOf(element) ?? '';
	const index = parent ? itemIndex(parent, element) : undefined;
	if (index !== undefined) {
		path.push(String(index));
		if (key === plainItemField) return path;
	}
	return [...path, key];
}

/** Every field of the open form, by path. The first one found wins (the default language's). */
function formFields(): Map<string, Element> {
	const fields = new Map<string, Element>();
	for (const element of document.querySelectorAll(container)) {
		const path = pathOf(element).join('.');
		if (!fields.has(path)) fields.set(path, element);
	}
	return fields;
}

/** Where a problem is shown: its field, or the nearest group of fields around it. */
function placeOf(problem: EditorProblem, fields: Map<string, Element>): Element | undefined {
	// The English twin of a page is not in the form's first column.
	if (problem.file.startsWith(`${docs.folder}/en/`)) return undefined;
	if (problem.field === '(file name)') return fields.get(fileNameField);
	// The text of a page: its problems are named after what is wrong (`<script>`, `(MDX)`).
	if (problem.label === bodyLabel) return fields.get('body');
	if (problem.field.startsWith('(')) return undefined;
	const parts = problem.field.split('.');
	while (parts.length > 0) {
		const found = fields.get(parts.join('.'));
		if (found) return found;
		parts.pop();
	}
	return undefined;
}

/** Reads the entry open in the form, as it is now (Decap's `getEntry`, handed to widgets). */
type EntryReader = () => { get(key: string): unknown } | undefined;
let readEntry: EntryReader | undefined;

/** Keeps a widget's reader of the open entry: the check can then run when Decap stops a save. */
export function rememberEntryReader(reader: EntryReader | undefined) {
	if (reader) readEntry = reader;
}

/** The entry open in the form, when a widget has handed its reader. */
export const openEntry = () => readEntry?.();

let counter = 0;

/** Removes the marks of a field, or of the whole form. */
export function clearMarks(scope: ParentNode = document) {
	for (const list of scope.querySelectorAll('.erreurs-champ')) list.remove();
	for (const element of scope.querySelectorAll(`.${errorClass}`))
		element.classList.remove(errorClass);
	for (const input of scope.querySelectorAll('[aria-invalid="true"][data-erreur]')) {
		input.removeAttribute('aria-invalid');
		input.removeAttribute('data-erreur');
		const describedBy = (input.getAttribute('aria-describedby') ?? '')
			.split(' ')
			.filter((id) => id && !id.startsWith('erreur-champ-'))
			.join(' ');
		if (describedBy) input.setAttribute('aria-describedby', describedBy);
		else input.removeAttribute('aria-describedby');
	}
	document.getElementById('problemes')?.remove();
}

/** Marks one field: red, with its messages under its label, announced with its input. */
function mark(element: Element, messages: string[]) {
	element.classList.add(errorClass);
	const list = document.createElement('ul');
	list.className = 'erreurs-champ';
	list.id = `erreur-champ-${++counter}`;
	for (const message of messages) {
		const item = document.createElement('li');
		item.textContent = message;
		list.append(item);
	}
	const bar = element.querySelector(`:scope > ${topbar}`);
	if (bar) bar.after(list);
	else element.prepend(list);
	const id = bar?.querySelector('label')?.getAttribute('for');
	const input = id ? document.getElementById(id) : null;
	const target = input?.matches('input, textarea, select, button') ? input : null;
	const control =
		target ??
		element.querySelector('input:not([type="hidden"]), textarea, select, [contenteditable]');
	if (control) {
		control.setAttribute('aria-invalid', 'true');
		control.setAttribute('data-erreur', '');
		control.setAttribute(
			'aria-describedby',
			[control.getAttribute('aria-describedby'), list.id].filter(Boolean).join(' ')
		);
	}
}

/** The box listing the problems no field of the form holds. */
function showUnplaced(problems: EditorProblem[]) {
	const panel = document.createElement('section');
	panel.id = 'problemes';
	panel.setAttribute('role', 'alert');
	panel.setAttribute('aria-labelledby', 'problemes-titre');
	const title = document.createElement('h2');
	title.id = 'problemes-titre';
	title.textContent =
		problems.length === 1
			? 'Enregistrement refusé : 1 autre problème'
			: `Enregistrement refusé : ${problems.length} autres problèmes`;
	const list = document.createElement('ol');
	for (const problem of problems) {
		const item = document.createElement('li');
		const label = document.createElement('strong');
		label.textContent = problem.label ?? 'Fiche';
		item.append(label, ` — ${problem.message}`);
		list.append(item);
	}
	const help = document.createElement('p');
	help.innerHTML =
		'Rien n’a été enregistré. <a href="guide/#lire-un-message-derreur" target="_blank">Lire un message d’erreur</a>';
	const close = document.createElement('button');
	close.type = 'button';
	close.textContent = 'Fermer';
	close.addEventListener('click', () => panel.remove());
	panel.replaceChildren(title, list, help, close);
	document.body.append(panel);
}

/**
 * Shows every problem of a refused save: at its field when the form has it (several problems of
 * one field together), the others in a box; scrolls the form to the first marked field and
 * focuses it. Returns how many problems are shown at fields.
 */
export function showProblems(problems: EditorProblem[]): number {
	clearMarks();
	const fields = formFields();
	const byField = new Map<Element, string[]>();
	const unplaced: EditorProblem[] = [];
	for (const problem of problems) {
		const place = placeOf(problem, fields);
		if (!place) {
			unplaced.push(problem);
			continue;
		}
		// A problem shown at a group of fields says which of its fields it is about.
		const exact =
			pathOf(place).join('.') === problem.field ||
			problem.field === '(file name)' ||
			problem.label === bodyLabel;
		const message =
			exact || !problem.label ? problem.message : `${problem.label} : ${problem.message}`;
		byField.set(place, [...(byField.get(place) ?? []), message]);
	}
	for (const [element, messages] of byField) mark(element, messages);
	if (unplaced.length > 0) showUnplaced(unplaced);
	const first = document.querySelector(`.${errorClass}`);
	if (first) {
		first.scrollIntoView({ block: 'center' });
		const control = first.querySelector<HTMLElement>('[data-erreur]');
		control?.focus({ preventScroll: true });
	}
	return byField.size;
}

/** A field the office changes loses its mark. */
export function clearMarksOnInput() {
	const clear = (event: Event) => {
		const marked = (event.target as Element | null)?.closest?.(`.${errorClass}`);
		if (!marked) return;
		marked.classList.remove(errorClass);
		for (const list of marked.querySelectorAll(':scope > .erreurs-champ')) list.remove();
	};
	document.addEventListener('input', clear, true);
	document.addEventListener('change', clear, true);
}
