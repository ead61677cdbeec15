import type { Lang } from '../vocab/locales.ts';

/**
 * What `npm run edit` (`src/scripts/edit.mjs`) and its local backend
 * (`src/server/editor-backend.mjs`) print in the terminal, in French and in English: the language
 * is `officeLang()`'s (French unless the system's locale is English), as for `check:content` and
 * `import:partners`. What the backend answers the browser stays in French, the editor's language.
 */
export interface EditMessages {
	/** The folder is not a git repository: the editor commits every save. */
	notGitRepo: string;
	/** No branch is checked out (detached HEAD). */
	detachedHead: string;
	/** git does not know who signs the commits. */
	noIdentity: string;
	/** The folder holds changes the editor did not make (`git status --porcelain`). */
	pending: (status: string) => string;
	/** The site's port is taken: Astro picks another one, printed in the address. */
	sitePortBusy: (port: number) => string;
	/** The backend's port is taken: another free port is used. */
	backendPortBusy: (port: number, used: number) => string;
	/** Where the editor is, once the development server has started. */
	address: (admin: string, branch: string, backendUrl: string) => string;
	/** One of the two servers stopped on an error. */
	serverStopped: (server: 'backend' | 'site', code: number) => string;
	/** The backend listens. */
	backendListening: (host: string, port: number) => string;
	/** The backend could not listen on its port. */
	backendPortRefused: (port: number) => string;
	/** Checking what links to an entry before its deletion failed. */
	linkCheckFailed: (error: string) => string;
	/** git refused the commit of a save. */
	commitRefused: (error: string) => string;
}

const fr: EditMessages = {
	notGitRepo:
		'npm run edit : ce dossier n’est pas un dépôt git. L’éditeur enregistre chaque modification dans un commit : clonez le dépôt du site plutôt que de copier ses fichiers.',
	detachedHead:
		'npm run edit : aucune branche n’est active (HEAD détachée). Placez-vous sur la branche du site, par exemple : git switch main',
	noIdentity:
		'npm run edit : git ne sait pas qui signe les commits. Indiquez-le une fois :\n  git config --global user.name "Prénom Nom"\n  git config --global user.email "prenom.nom@mines-ales.fr"',
	pending: (status) =>
		`Des modifications non enregistrées par l’éditeur sont présentes dans le dossier :\n${status}\nElles ne seront pas incluses dans les enregistrements de l’éditeur : chaque enregistrement ne contient que la fiche enregistrée. L’éditeur les signale aussi en haut de sa page.\n`,
	sitePortBusy: (port) =>
		`Le port ${port} est déjà occupé (un autre éditeur ou un autre serveur est peut-être ouvert) : l’éditeur en prend un autre, donné dans son adresse ci-dessous.`,
	backendPortBusy: (port, used) =>
		`Le port ${port} du serveur des enregistrements est déjà occupé : il utilise le port ${used}.`,
	address: (admin, branch, backendUrl) =>
		`\n  Éditeur du site : ${admin}\n  (branche ${branch} ; chaque enregistrement est un commit ; serveur des enregistrements sur ${backendUrl})\n  Arrêter : Ctrl+C\n`,
	serverStopped: (server, code) =>
		`npm run edit : ${server === 'backend' ? 'le serveur des enregistrements' : 'le serveur du site'} s’est arrêté (code ${code}) ; l’éditeur s’arrête. Les lignes ci-dessus disent pourquoi : transmettez-les à un développeur si elles ne vous disent rien.`,
	backendListening: (host, port) => `Serveur des enregistrements de l’éditeur sur ${host}:${port}`,
	backendPortRefused: (port) =>
		`Le serveur des enregistrements ne peut pas écouter sur le port ${port} (déjà occupé ?) : fermez l’autre éditeur ouvert, ou choisissez un autre port avec EDIT_BACKEND_PORT.`,
	linkCheckFailed: (error) =>
		`Suppression refusée : impossible de vérifier ce qui renvoie à la fiche (${error}).`,
	commitRefused: (error) => `Commit refusé par git : ${error}`,
};

const en: EditMessages = {
	notGitRepo:
		'npm run edit: this folder is not a git repository. The editor saves every change in a commit: clone the site’s repository rather than copying its files.',
	detachedHead:
		'npm run edit: no branch is checked out (detached HEAD). Switch to the site’s branch, for example: git switch main',
	noIdentity:
		'npm run edit: git does not know who signs the commits. Tell it once:\n  git config --global user.name "First Last"\n  git config --global user.email "first.last@mines-ales.fr"',
	pending: (status) =>
		`The folder holds changes the editor did not make:\n${status}\nThey will not be part of the editor’s saves: each save holds only the entry saved. The editor also shows them at the top of its page.\n`,
	sitePortBusy: (port) =>
		`Port ${port} is already in use (another editor or server may be open): the editor takes another one, given in its address below.`,
	backendPortBusy: (port, used) =>
		`Port ${port} of the save server is already in use: it uses port ${used}.`,
	address: (admin, branch, backendUrl) =>
		`\n  Site editor: ${admin}\n  (branch ${branch}; every save is a commit; save server at ${backendUrl})\n  Stop: Ctrl+C\n`,
	serverStopped: (server, code) =>
		`npm run edit: ${server === 'backend' ? 'the save server' : 'the site server'} stopped (code ${code}); the editor stops. The lines above say why: send them to a developer if they mean nothing to you.`,
	backendListening: (host, port) => `Editor’s save server on ${host}:${port}`,
	backendPortRefused: (port) =>
		`The save server cannot listen on port ${port} (already in use?): close the other open editor, or choose another port with EDIT_BACKEND_PORT.`,
	linkCheckFailed: (error) =>
		`Deletion refused: what links to the entry could not be checked (${error}).`,
	commitRefused: (error) => `git refused the commit: ${error}`,
};

/** The messages of `npm run edit` in a language (`officeLang()`). */
export function editMessages(lang: Lang): EditMessages {
	return lang === 'en' ? en : fr;
}
