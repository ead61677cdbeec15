/**
 * French for what Decap leaves in English: the phrases its French locale lacks (registered with
 * `CMS.registerLocale`), the words of its search menus (react-select's « No options »,
 * « Loading... », which no locale reaches), and the status of a new, empty form, which Decap
 * calls « Modifications enregistrées » though nothing was saved yet.
 */

/** Phrases of Decap's English locale that its French one lacks (decap-cms-locales 3.x). */
const missingPhrases: Record<string, string> = {
	'auth.loginWithForgejo': 'Se connecter avec Forgejo',
	'collection.collectionTop.viewAsList': 'Afficher en liste',
	'collection.collectionTop.viewAsGrid': 'Afficher en grille',
	'collection.entries.unpublishedHeader': 'Entrées non publiées',
	'editor.editorInterface.toggleNotes': 'Afficher ou masquer les notes',
	'editor.editorNotesPane.title': 'Notes',
	'editor.editorNotesPane.emptyState': 'Aucune note pour l’instant.',
	'editor.editorNotesPane.addNote': 'Ajouter une note',
	'editor.editorNotesPane.addPlaceholder': 'Ajouter une note…',
	'editor.editorNotesPane.editPlaceholder': 'Modifier la note…',
	'editor.editorNotesPane.save': 'Enregistrer',
	'editor.editorNotesPane.cancel': 'Annuler',
	'editor.editorNotesPane.edit': 'Modifier',
	'editor.editorNotesPane.delete': 'Supprimer',
	'editor.editorNotesPane.resolve': 'Marquer comme réglée',
	'editor.editorNotesPane.unresolve': 'Rouvrir',
	'editor.editorNotesPane.confirmDelete': 'Supprimer cette note ?',
	'editor.editorNotesPane.shortcut': 'Astuce : Ctrl+Entrée ajoute la note.',
	'editor.editorToolbar.statusInfoTooltipDraft':
		'Cette entrée est un brouillon. Pour la faire relire, passez-la « En cours de révision ».',
	'editor.editorToolbar.statusInfoTooltipInReview':
		'Cette entrée est en cours de révision ; vous pouvez encore la modifier.',
	'editor.editorWidgets.markdown.strikethrough': 'Barré',
	'editor.editorWidgets.markdown.toggleMode.rich': 'Passer en mode texte mis en forme',
	'editor.editorWidgets.markdown.toggleMode.markdown': 'Passer en mode Markdown',
	'editor.editorWidgets.image.chooseMultiple': 'Choisir des images',
	'editor.editorWidgets.image.addMore': 'Ajouter des images',
	'editor.editorWidgets.image.removeAll': 'Retirer toutes les images',
	'editor.editorWidgets.file.chooseMultiple': 'Choisir des fichiers',
	'editor.editorWidgets.file.addMore': 'Ajouter des fichiers',
	'editor.editorWidgets.file.removeAll': 'Retirer tous les fichiers',
	'editor.editorWidgets.datetime.setToNow': '%{fieldLabel} : aujourd’hui',
	'editor.editorWidgets.object.expand': 'Déplier',
	'editor.editorWidgets.object.collapse': 'Replier',
	'mediaLibrary.mediaLibraryModal.close': 'Fermer',
	'ui.settingsDropdown.account': 'Menu du compte',
	'ui.toast.noteAdded': 'Note ajoutée',
	'ui.toast.onFailToAddNote': 'La note n’a pas pu être ajoutée : %{details}',
	'ui.toast.noteUpdated': 'Note modifiée',
	'ui.toast.onFailToUpdateNote': 'La note n’a pas pu être modifiée : %{details}',
	'ui.toast.noteDeleted': 'Note supprimée',
	'ui.toast.onFailToDeleteNote': 'La note n’a pas pu être supprimée : %{details}',
	'ui.toast.noteResolved': 'Note réglée',
	'ui.toast.noteReopened': 'Note rouverte',
	'ui.toast.onFailToToggleNote': 'La note n’a pas pu être modifiée : %{details}',
};

/** Decap's French phrases with the ones it lacks added (those it has are kept). */
export function completeFrench(phrases: Record<string, unknown>): Record<string, unknown> {
	const copy = structuredClone(phrases);
	for (const [path, text] of Object.entries(missingPhrases)) {
		const keys = path.split('.');
		let node = copy as Record<string, unknown>;
		for (const key of keys.slice(0, -1)) {
			if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
			node = node[key] as Record<string, unknown>;
		}
		node[keys.at(-1)!] ??= text;
	}
	return copy;
}

/** Words of the search menus (react-select) that Decap does not translate. */
const menuWords: Record<string, string> = {
	'No options': 'Aucun résultat',
	'Loading...': 'Chargement…',
};

/** Replaces the menus' English words in a part of the page, as soon as Decap shows them. */
function translateMenus(root: Node) {
	if (root.nodeType === Node.TEXT_NODE) {
		const french = menuWords[root.nodeValue ?? ''];
		if (french) root.nodeValue = french;
		return;
	}
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const french = menuWords[node.nodeValue ?? ''];
		if (french) node.nodeValue = french;
	}
}

/** Decap's status of a form with nothing unsaved, and what a new, empty form says instead. */
const savedStatus = 'Modifications enregistrées';
const newStatus = 'Nouvelle fiche, pas encore enregistrée';

const isNewForm = () => /^#\/collections\/[^/]+\/new/.test(location.hash);

/**
 * The status in the toolbar: a new, empty form has saved nothing, so it does not say
 * « Modifications enregistrées » (Decap's status of a form with nothing unsaved); an existing
 * entry's form says it again.
 */
function fixStatus() {
	const [from, to] = isNewForm() ? [savedStatus, newStatus] : [newStatus, savedStatus];
	for (const element of document.querySelectorAll("[class*='-BackStatusUnchanged']"))
		if (element.textContent === from) element.textContent = to;
}

/** Starts translating what Decap shows in English. */
export function frenchInterface() {
	new MutationObserver((mutations) => {
		for (const mutation of mutations) {
			if (mutation.type === 'characterData') translateMenus(mutation.target);
			else for (const node of mutation.addedNodes) translateMenus(node);
		}
		fixStatus();
	}).observe(document.body, { childList: true, subtree: true, characterData: true });
	window.addEventListener('hashchange', fixStatus);
}
