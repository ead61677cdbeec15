// @ts-check
/**
 * The pure parts of the editor's local backend (`editor-backend.mjs`): which files a request of
 * Decap's local-backend protocol writes or deletes, and the working copy's state as
 * `git status --porcelain` reports it. No git and no file system here: the unit tests call these
 * functions directly.
 */

/**
 * @typedef {object} Change
 * @property {string} path a file of the repository, relative to its root
 * @property {'modified' | 'added' | 'deleted' | 'renamed' | 'untracked' | 'other'} kind
 * @property {boolean} staged whether the change is in the index (`git add`), not only on disk
 */

/**
 * The files a request of Decap's protocol changes, and the commit message Decap chose for them;
 * undefined for a request that writes nothing (reading, listing).
 * @param {{ action?: unknown; params?: any }} body the request's JSON body
 * @returns {{ paths: string[]; message: string } | undefined}
 * @example savedPaths({ action: 'deleteFiles', params: { paths: ['content/partners/x.yaml'], options: { commitMessage: 'm' } } })
 * // { paths: ['content/partners/x.yaml'], message: 'm' }
 */
export function savedPaths(body) {
	const params = body?.params ?? {};
	const message = String(params.options?.commitMessage ?? '');
	/** @type {string[]} */
	let paths = [];
	switch (body?.action) {
		case 'persistEntry': {
			const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
			for (const file of files) paths.push(file.path, ...(file.newPath ? [file.newPath] : []));
			for (const asset of params.assets ?? []) paths.push(asset.path);
			break;
		}
		case 'persistMedia':
			paths = [params.asset?.path];
			break;
		case 'deleteFile':
			paths = [params.path];
			break;
		case 'deleteFiles':
			paths = params.paths ?? [];
			break;
		default:
			return undefined;
	}
	paths = [...new Set(paths.filter((path) => typeof path === 'string' && path !== ''))];
	return { paths, message: message || `Enregistrement de ${paths.join(', ')}` };
}

/** @type {Record<string, Change['kind']>} */
const kinds = { M: 'modified', T: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'added' };

/**
 * The changes `git status --porcelain=v1 -z` lists: one per file, with whether it is staged.
 * @param {string} output the command's output (entries separated by NUL)
 * @returns {Change[]}
 */
export function parsePorcelain(output) {
	/** @type {Change[]} */
	const changes = [];
	const fields = output.split('\0');
	for (let index = 0; index < fields.length; index++) {
		const field = fields[index] ?? '';
		if (field.length < 4) continue;
		const [x = ' ', y = ' '] = field;
		const path = field.slice(3);
		// A rename or a copy is followed by its former path, in a field of its own.
		if (x === 'R' || x === 'C') index++;
		if (x === '?') {
			changes.push({ path, kind: 'untracked', staged: false });
			continue;
		}
		if (x === '!') continue;
		const code = x !== ' ' ? x : y;
		changes.push({ path, kind: kinds[code] ?? 'other', staged: x !== ' ' });
	}
	return changes;
}
