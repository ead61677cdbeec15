// @ts-check
/**
 * Astro's build, run by `build.mjs` in a child process with an IPC channel. Astro's log goes to
 * `build-logger.mjs`; a failure is sent to the parent as a plain description of the error (its
 * message, position, the content problems it carries, its causes), which `build.mjs` turns into
 * the numbered list of problems. With `DEBUG=1`, Astro logs everything and the error is printed
 * whole, with its stack.
 * @see https://docs.astro.build/en/reference/programmatic-reference/#build
 */
import { build } from 'astro';
import { fileURLToPath } from 'node:url';
import { describeError, isDebug } from './build-report.ts';

const debug = isDebug(process.env);

try {
	await build({
		logLevel: debug ? 'info' : 'warn',
		logger: {
			entrypoint: fileURLToPath(new URL('./build-logger.mjs', import.meta.url)),
			config: { debug },
		},
	});
	process.exitCode = 0;
} catch (error) {
	if (debug) console.error(error);
	const message = { type: 'failure', error: describeError(error) };
	await new Promise((resolve) => (process.send ? process.send(message, resolve) : resolve(null)));
	process.exitCode = 1;
}
// Astro may leave handles open (watchers, workers): the build is over either way.
process.exit();
