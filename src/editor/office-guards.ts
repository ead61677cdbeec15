import { parse as parseYaml } from 'yaml';
import { collection, dataCollections, docs } from '../lib/collections.ts';
import { entryName, linksTo, sameName, type Link, type ReadEntry } from '../lib/links-to.ts';
import { describeChanges, openFileWarning, type WorkingCopyChange } from './working-copy-notice.ts';

/**
 * Two guards of the admin page, for saves that stay the office's own:
 *
 * - **Changes the editor did not make.** With the local backend (`npm run edit`), each save
 *   commits only the files of its entry (`src/server/editor-backend.mjs`); other changes of the
 *   folder stay uncommitted. A notice at the top of the page lists them, so that the office knows
 *   they exist and are not part of its saves. It is refreshed after each save and each move.
 * - **Deleting an entry.** Decap asks with one browser confirmation. Here, deleting a partner, a
 *   country, a programme, a contact or a glossary term first lists what links to it (other
 *   entries, pages: `src/lib/links-to.ts`, read through the editor's own backend, so the same on
 *   GitLab or Gitea) and refuses while anything does; otherwise it asks to type the entry's
 *   name. Decap's own confirmation is then skipped.
 */

/** The part of a Decap backend implementation read here. */
interface Implementation {
	entriesByFolder(
		folder: string,
		extension: string,
		depth: number
	): Promise<{ data?: string | null; file: { path: string } }[]>;
}

interface Watched {
	implementation: Implementation;
	/** The local backend's address (`proxy_url`), when the backend is the local one. */
	proxyUrl?: string | undefined;
	branch?: string | undefined;
}

let watched: Watched | undefined;

/**
 * Remembers the backend Decap created (called by the admin script's backend wrapper), before the
 * pages' paths are translated: its paths are the repository's.
 */
export function watchBackend(implementation: object, config: unknown) {
	const backend = (config as { backend?: Record<string, unknown> } | undefined)?.backend;
	const proxyUrl =
		typeof backend?.['proxy_url'] === 'string' ? (backend['proxy_url'] as string) : undefined;
	watched = {
		implementation: implementation as Implementation,
		proxyUrl,
		branch: typeof backend?.['branch'] === 'string' ? (backend['branch'] as string) : undefined,
	};
	void refreshNotice();
}

// --- Changes the editor did not make ------------------------------------------------------------

/** Asks the local backend for the changes of the folder; undefined when it cannot say. */
async function workingCopy(): Promise<WorkingCopyChange[] | undefined> {
	if (!watched?.proxyUrl) return undefined;
	try {
		const response = await fetch(watched.proxyUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
			body: JSON.stringify({ action: 'workingCopy', params: { branch: watched.branch } }),
		});
		if (!response.ok) return undefined;
		return ((await response.json()) as { changes?: WorkingCopyChange[] }).changes;
	} catch {
		return undefined;
	}
}

let refreshing: Promise<void> | undefined;

/** Shows, updates or removes the notice of the changes the editor did not make. */
export function refreshNotice(): Promise<void> {
	refreshing ??= (async () => {
		const changes = await workingCopy();
		renderNotice(changes ?? []);
	})().finally(() => (refreshing = undefined));
	return refreshing;
}

/** The notice, once built; placed at the top of the page and at the top of an open form. */
let notice: HTMLElement | undefined;

/** The changes the notice shows. */
let shownChanges: WorkingCopyChange[] = [];

function renderNotice(changes: WorkingCopyChange[]) {
	for (const shown of document.querySelectorAll('.hors-editeur')) shown.remove();
	notice = undefined;
	shownChanges = changes;
	if (changes.length === 0) return;
	const described = describeChanges(changes);
	const list = element('ul');
	for (const line of described.lines)
		list.append(element('li', {}, element('code', {}, line.path), ` — ${line.state}`));
	notice = element(
		'aside',
		{ className: 'hors-editeur' },
		element('p', {}, described.sentence),
		element(
			'details',
			{},
			element('summary', {}, described.summary),
			list,
			element('p', {}, described.help)
		)
	);
	notice.setAttribute('aria-label', 'Modifications hors de l’éditeur');
	placeNotice();
}

/**
 * Puts the notice above Decap's lists and at the top of an open form (Decap's form covers the
 * page, and is rebuilt at each move: the notice is put back whenever it is missing).
 */
function placeNotice() {
	if (!notice) return;
	if (!document.body.firstElementChild?.classList.contains('hors-editeur'))
		document.body.prepend(notice);
	const form = document.querySelector("[class*='-ControlPaneContainer']");
	if (form && !form.firstElementChild?.classList.contains('hors-editeur')) {
		const copy = notice.cloneNode(true) as HTMLElement;
		const entry = openEntry();
		const definition = entry && collection(entry.collection);
		const warning = openFileWarning(
			shownChanges,
			definition && !definition.single ? `${definition.folder}/${entry.id}.yaml` : undefined
		);
		if (warning)
			copy.insertBefore(element('p', { className: 'propre' }, warning), copy.children[1]!);
		form.prepend(copy);
	}
}

// --- Deleting an entry --------------------------------------------------------------------------

/** Collections whose deletion is guarded: every data collection of several entries. */
const guarded = new Set<string>(
	dataCollections.filter((definition) => !definition.single).map((definition) => definition.name)
);

/** Every entry of the data collections and every page, read through the editor's backend. */
async function readContent(implementation: Implementation) {
	const entries: ReadEntry[] = [];
	await Promise.all(
		dataCollections.map(async (definition) => {
			const files = await implementation.entriesByFolder(definition.folder, 'yaml', 1);
			for (const file of files) {
				const id = file.file.path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
				entries.push({ collection: definition.name, id, data: parseYaml(file.data ?? '') });
			}
		})
	);
	const pages = (
		await Promise.all(
			['mdx', 'md'].map((extension) => implementation.entriesByFolder(docs.folder, extension, 6))
		)
	)
		.flat()
		.map((file) => ({ path: file.file.path, text: file.data ?? '' }));
	return { entries, pages };
}

/** The entry a form shows, from Decap's address (`#/collections/partners/entries/kagawa`). */
function openEntry(): { collection: string; id: string } | undefined {
	const match = /^#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(location.hash);
	return match ? { collection: match[1]!, id: decodeURIComponent(match[2]!) } : undefined;
}

/** An element with properties and children. */
function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	properties: Record<string, unknown> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	Object.assign(node, properties);
	node.append(...children);
	return node;
}

/**
 * The dialog of a deletion: what links to the entry (the deletion is then refused), or a field
 * where the office types the entry's name. Resolves true when the entry may be deleted.
 */
function deleteDialog(target: { collection: string; id: string }): Promise<boolean> {
	const definition = collection(target.collection)!;
	const singular = definition.labels.singular.fr;
	const dialog = element('dialog', { id: 'suppression', className: 'suppression' });
	dialog.setAttribute('aria-labelledby', 'suppression-titre');
	const title = element(
		'h2',
		{ id: 'suppression-titre' },
		`Supprimer\u00a0: ${singular} « ${target.id} »`
	);
	const body = element('div', {}, element('p', {}, 'Recherche de ce qui renvoie à cette fiche…'));
	const cancel = element('button', { type: 'button', className: 'secondaire' }, 'Annuler');
	const actions = element('div', { className: 'actions' }, cancel);
	dialog.append(title, body, actions);
	document.body.append(dialog);
	dialog.showModal();

	return new Promise<boolean>((resolve) => {
		const close = (answer: boolean) => {
			dialog.close();
			dialog.remove();
			resolve(answer);
		};
		cancel.addEventListener('click', () => close(false));
		dialog.addEventListener('cancel', (event) => {
			event.preventDefault();
			close(false);
		});
		void (async () => {
			let links: Link[];
			let name = target.id;
			try {
				if (!watched) throw new Error('no backend');
				const content = await readContent(watched.implementation);
				const self = content.entries.find(
					(entry) => entry.collection === target.collection && entry.id === target.id
				);
				if (self) name = entryName(target.collection, target.id, self.data);
				links = linksTo(target, content.entries, content.pages);
			} catch {
				body.replaceChildren(
					element(
						'p',
						{},
						'Impossible de vérifier ce qui renvoie à cette fiche\u00a0: elle n’est pas supprimée. Réessayez ; si cela se reproduit, prévenez un développeur.'
					)
				);
				cancel.textContent = 'Fermer';
				cancel.focus();
				return;
			}
			title.textContent = `Supprimer\u00a0: ${singular} « ${name} »`;
			if (links.length > 0) {
				const list = element('ul');
				for (const link of links) list.append(element('li', {}, link.label));
				body.replaceChildren(
					element(
						'p',
						{ className: 'refus' },
						links.length === 1
							? 'Cette fiche ne peut pas être supprimée\u00a0: 1 élément y renvoie.'
							: `Cette fiche ne peut pas être supprimée\u00a0: ${links.length} éléments y renvoient.`
					),
					list,
					element(
						'p',
						{},
						'Retirez d’abord ces liens (ou supprimez ces fiches), puis recommencez\u00a0: sinon le site ne pourrait plus être construit.'
					)
				);
				cancel.textContent = 'Fermer';
				cancel.focus();
				return;
			}
			const input = element('input', {
				id: 'suppression-nom',
				type: 'text',
				autocomplete: 'off',
				spellcheck: false,
			});
			const confirm = element(
				'button',
				{ type: 'submit', className: 'danger', disabled: true },
				'Supprimer définitivement'
			);
			const form = element(
				'form',
				{ method: 'dialog' },
				element(
					'p',
					{},
					'Aucune fiche ni aucune page ne renvoie à celle-ci. Elle disparaîtra du site ; elle reste dans l’historique (guide\u00a0: «\u00a0Annuler une modification\u00a0»).'
				),
				element(
					'label',
					{ htmlFor: 'suppression-nom' },
					'Pour confirmer, tapez son nom\u00a0: ',
					element('strong', {}, name)
				),
				input
			);
			input.addEventListener('input', () => {
				confirm.disabled = !sameName(input.value, name);
			});
			form.addEventListener('submit', (event) => {
				event.preventDefault();
				if (sameName(input.value, name)) close(true);
			});
			confirm.setAttribute('form', 'suppression-formulaire');
			form.id = 'suppression-formulaire';
			body.replaceChildren(form);
			actions.prepend(confirm);
			input.focus();
		})();
	});
}

/**
 * Replaces Decap's confirmation of a deletion by the dialog above, for the guarded collections.
 * Decap asks with `window.confirm` inside the click on its « Supprimer l’entrée » button: the
 * confirmation is refused, the dialog opens, and once the office has typed the name the same
 * button is clicked again, Decap's confirmation then answering yes.
 */
function guardDeletes(messages: string[]) {
	const nativeConfirm = window.confirm.bind(window);
	let lastButton: HTMLElement | undefined;
	let allowed = false;
	document.addEventListener(
		'click',
		(event) => {
			lastButton = (event.target as Element | null)?.closest('button') ?? undefined;
		},
		true
	);
	window.confirm = (message?: string) => {
		const target = openEntry();
		if (!target || !guarded.has(target.collection) || !messages.includes(String(message)))
			return nativeConfirm(message);
		if (allowed) {
			allowed = false;
			return true;
		}
		const button = lastButton;
		void deleteDialog(target).then((confirmed) => {
			if (!confirmed || !button?.isConnected) return;
			allowed = true;
			button.click();
			allowed = false;
		});
		return false;
	};
}

const styles = `
.hors-editeur { margin: 0; padding: 8px 16px; background: #fff8e1; border-bottom: 1px solid #e0c36a;
	color: #1f2430; font-size: 14px; line-height: 1.45; }
.hors-editeur p { margin: 0; }
.hors-editeur summary { cursor: pointer; color: #1c4e80; margin-top: 2px; }
.hors-editeur ul { margin: 4px 0; padding-left: 20px; }
/* Under an open form, the page's notice is hidden: the form shows its own copy. */
body.fiche-ouverte > .hors-editeur { display: none; }
[class*='-ControlPaneContainer'] > .hors-editeur { margin: 0 0 16px; border: 1px solid #e0c36a; border-radius: 6px; }
.hors-editeur code { word-break: break-all; }
.hors-editeur details p { color: #5b6275; }
.hors-editeur p.propre { margin-top: 4px; font-weight: 600; }
dialog.suppression { max-width: min(36rem, calc(100vw - 32px)); border: 1px solid #d5d9e2;
	border-radius: 8px; padding: 20px; color: #1f2430; font-size: 15px; line-height: 1.5; }
dialog.suppression::backdrop { background: rgb(0 0 0 / 0.4); }
dialog.suppression ul { padding-left: 20px; }
dialog.suppression h2 { margin: 0 0 12px; font-size: 18px; overflow-wrap: anywhere; }
dialog.suppression .refus { color: #a11d1d; font-weight: 600; }
dialog.suppression label { display: block; margin: 12px 0 6px; }
dialog.suppression input { width: 100%; box-sizing: border-box; padding: 8px; font: inherit;
	border: 1px solid #5b6275; border-radius: 6px; }
dialog.suppression .actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 16px; }
dialog.suppression button { padding: 8px 16px; border-radius: 6px; font: inherit; cursor: pointer;
	border: 1px solid #5b6275; background: #fff; color: #1f2430; }
dialog.suppression button.danger { background: #a11d1d; border-color: #a11d1d; color: #fff; }
dialog.suppression button.danger:disabled { background: #e8c4c4; border-color: #e8c4c4; color: #5b2020; cursor: not-allowed; }
`;

/** Installs both guards; `messages` are Decap's confirmations of a deletion, in French. */
export function installOfficeGuards(
	registerEventListener: (listener: { name: string; handler: () => unknown }) => void,
	messages: string[]
) {
	document.head.append(element('style', { textContent: styles }));
	registerEventListener({ name: 'postSave', handler: () => void refreshNotice() });
	window.addEventListener('hashchange', () => void refreshNotice());
	let queued = false;
	new MutationObserver(() => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(() => {
			queued = false;
			placeNotice();
		});
	}).observe(document.body, { childList: true, subtree: true });
	guardDeletes(messages);
}
