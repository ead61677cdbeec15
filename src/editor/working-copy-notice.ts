/**
 * The words of the admin page's notice about changes the editor did not make (files modified,
 * added to the index or new in the site's folder, as the local backend reports them from
 * `git status`: `src/server/working-copy.mjs`). Pure, for the unit tests.
 */

/** A change of the folder, as the local backend's `workingCopy` action lists it. */
export interface WorkingCopyChange {
	path: string;
	kind: 'modified' | 'added' | 'deleted' | 'renamed' | 'untracked' | 'other';
	staged: boolean;
}

const states: Record<WorkingCopyChange['kind'], string> = {
	modified: 'modifié',
	added: 'ajouté',
	deleted: 'supprimé',
	renamed: 'renommé',
	untracked: 'nouveau fichier, jamais enregistré',
	other: 'modifié',
};

/** Files listed by name before « et N autres ». */
export const listedFiles = 12;

/**
 * The notice: one sentence, a summary that opens the list of files, each with its state, and
 * what to do about them.
 * @example describeChanges([{ path: 'notes.txt', kind: 'untracked', staged: false }]).sentence
 * // 'Des modifications non enregistrées par l’éditeur sont présentes dans le dossier du site ; elles ne seront pas incluses dans vos enregistrements.'
 */
export function describeChanges(changes: readonly WorkingCopyChange[]) {
	const lines = changes.slice(0, listedFiles).map((change) => ({
		path: change.path,
		state: change.staged
			? `${states[change.kind]}, prêt pour le prochain commit`
			: states[change.kind],
	}));
	const rest = changes.length - lines.length;
	if (rest > 0)
		lines.push({
			path: '…',
			state: rest === 1 ? 'et 1 autre fichier' : `et ${rest} autres fichiers`,
		});
	return {
		sentence:
			'Des modifications non enregistrées par l’éditeur sont présentes dans le dossier du site\u00a0; elles ne seront pas incluses dans vos enregistrements.',
		summary:
			changes.length === 1
				? 'Voir le fichier concerné'
				: `Voir les ${changes.length} fichiers concernés`,
		lines,
		help: 'Chaque enregistrement de l’éditeur ne contient que la fiche enregistrée (et la traduction d’une page). Ces fichiers restent tels quels\u00a0: un développeur les enregistre ou les annule avec git.',
	};
}

/**
 * When the file of the entry open in the form is itself among those changes, a save of the form
 * writes the file as the form shows it — which the editor read with those changes — and commits
 * it: the notice says so for that file.
 */
export function openFileWarning(
	changes: readonly WorkingCopyChange[],
	path: string | undefined
): string | undefined {
	if (!path || !changes.some((change) => change.path === path)) return undefined;
	return `Le fichier de cette fiche (${path}) fait partie de ces modifications\u00a0: l’enregistrer les inclura dans votre enregistrement, telles que le formulaire les montre.`;
}
