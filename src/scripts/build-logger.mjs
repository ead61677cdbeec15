// @ts-check
/**
 * Astro's log during `npm run build` (Astro's Logger API; `astro-build.mjs` hands it to Astro):
 * only warnings and errors, sent to `build.mjs` (which prints the warnings and turns a failure
 * into the numbered list of problems), without the framework's messages known to be harmless —
 * listed below, each with the reason it is harmless. A new warning is never hidden. With `debug`
 * (`DEBUG=1`), every message is printed, as it comes.
 * @see https://docs.astro.build/en/reference/logger-reference/
 */
import { stripVTControlCharacters } from 'node:util';

/**
 * @typedef {{ label: string | null, level: string, message: string, newLine: boolean }} LogEvent
 * @typedef {{ label: string, message: RegExp, why: string }} KnownMessage
 */

/** @type {KnownMessage[]} */
export const harmlessMessages = [
	{
		label: 'build',
		message:
			/^Could not render `(?:\/[\w.-]+)*\/404` from route `\/\[\.\.\.slug\]` as it conflicts with higher priority route `(?:\/[\w.-]+)*\/404`\.$/,
		why:
			'The French 404 page is content/docs/404.md, as Starlight documents for a custom 404 page. ' +
			'Starlight then lists it both in its 404 route and in its catch-all route [...slug]; Astro ' +
			'renders it once, through the 404 route, and says so. It is the same entry either way.',
	},
	{
		label: '@astrojs/sitemap',
		message: /^The Sitemap integration requires the `site` astro\.config option\. Skipping\.$/,
		why:
			'The origin of the site is optional (SITE_URL, astro.config.mjs): without it, no sitemap is ' +
			'written, on purpose, rather than one pointing to a wrong host. Starlight adds the sitemap ' +
			'integration, which warns; build.mjs says it in its summary instead.',
	},
	{
		label: 'content-loader',
		message:
			/^No files found matching "\*\.\{yaml,yml\}" in directory "content\/(?:recognitions|reports)"$/,
		why:
			'The courses already recognised and the returnee reports are empty until the office enters ' +
			'some: their pages say so, with how to add them. Other folders are never expected empty.',
	},
	{
		label: 'content',
		message:
			/^The collection "(?:recognitions|reports)" does not exist or is empty\. Please check your content config file for errors\.$/,
		why: 'The same empty collections, as Astro reports them when the pages read them.',
	},
];

/**
 * Whether an event is one of the known harmless messages.
 * @param {Pick<LogEvent, 'label' | 'message'>} event
 */
export function isHarmless(event) {
	const message = stripVTControlCharacters(event.message).trim();
	return harmlessMessages.some(
		(known) => known.label === event.label && known.message.test(message)
	);
}

/**
 * The logger destination. Quiet (the default): warnings and errors that are not known to be
 * harmless, sent to the parent process (`build.mjs`), or written to the standard error without
 * one. `{ debug: true }`: everything, written as it comes.
 * @param {{ debug?: boolean }} [config]
 */
export default function buildLogger({ debug = false } = {}) {
	return {
		/** @param {LogEvent} event */
		write(event) {
			if (debug) {
				const stream = event.level === 'error' ? process.stderr : process.stdout;
				const prefix = event.label === 'SKIP_FORMAT' ? '' : `[${event.level}] [${event.label}] `;
				stream.write(prefix + event.message + (event.newLine ? '\n' : ''));
				return;
			}
			if (event.level !== 'warn' && event.level !== 'error') return;
			if (isHarmless(event)) return;
			const message = stripVTControlCharacters(event.message).trimEnd();
			if (process.send)
				process.send({ type: 'log', level: event.level, label: event.label, message });
			else process.stderr.write(`${event.level.toUpperCase()} [${event.label}] ${message}\n`);
		},
	};
}
