/**
 * Reading and writing a value of a content record by its field path (`['sources', 0, 'date']`),
 * for the spreadsheet's columns, whose headers are such paths.
 */

/** A plain record (not a list, nor a date as YAML reads one). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** The value at a path, or undefined. */
export const getAt = (data: unknown, path: readonly (string | number)[]): unknown =>
	path.reduce<unknown>(
		(value, key) =>
			value !== null && typeof value === 'object'
				? (value as Record<string | number, unknown>)[key]
				: undefined,
		data
	);

/** Sets the value at a path, making the groups on the way. */
export function setAt(
	target: Record<string, unknown>,
	path: readonly string[],
	value: unknown
): void {
	let node = target;
	for (const key of path.slice(0, -1)) {
		if (!isRecord(node[key])) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	node[path.at(-1)!] = value;
}

/** Removes the value at a path, and the groups it leaves empty. */
export function deleteAt(target: Record<string, unknown>, path: readonly string[]): void {
	const parents: Record<string, unknown>[] = [target];
	for (const key of path.slice(0, -1)) {
		const next = parents.at(-1)![key];
		if (!isRecord(next)) return;
		parents.push(next);
	}
	delete parents.at(-1)![path.at(-1)!];
	for (let depth = parents.length - 1; depth > 0; depth--) {
		if (Object.keys(parents[depth]!).length > 0) break;
		delete parents[depth - 1]![path[depth - 1]!];
	}
}
