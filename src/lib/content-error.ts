/**
 * Errors in content files, reported one line per problem as `file: field: what was expected`,
 * so that whoever edits the YAML or Markdown knows where to look and what to write.
 */
export class ContentError extends Error {
	/** One `file: field: message` line per problem. */
	readonly lines: string[];

	constructor(lines: string[]) {
		super(`Invalid content:\n${lines.map((line) => `  ${line}`).join('\n')}`);
		this.name = 'ContentError';
		this.lines = lines;
	}

	/**
	 * Rewrites Astro's schema error (`**partners → kagawa** data does not match collection schema.`
	 * then `**path**: message` lines) into `file: path: message` lines. Any other error is
	 * returned with the file name in front of its message.
	 */
	static fromAstroSchemaError(error: unknown, file: string): ContentError {
		const message = error instanceof Error ? error.message : String(error);
		const lines = [...message.matchAll(/^\s*\*\*(.*?)\*\*: (.*)$/gm)].flatMap(
			([, path = '', issue = '']) => {
				// A typo in a key of a strict object: name the key itself as the field.
				const unknown = /^Unrecognized keys?: (.*)$/.exec(issue);
				if (!unknown) return [formatIssue(file, path, issue)];
				return [...(unknown[1] ?? '').matchAll(/"([^"]+)"/g)].map(([, key]) =>
					formatIssue(
						file,
						path ? `${path}.${key}` : (key ?? ''),
						`unknown field "${key}": check its spelling against the fields documented in src/schemas/`
					)
				);
			}
		);
		return new ContentError(lines.length > 0 ? lines : [`${file}: ${message}`]);
	}
}

/**
 * One line of a content error.
 * @example formatIssue('content/partners/kagawa.yaml', 'status', 'expected one of …')
 * // 'content/partners/kagawa.yaml: status: expected one of …'
 */
export function formatIssue(file: string, path: string, message: string): string {
	return `${file}: ${path || '(root)'}: ${message}`;
}
