/**
 * Checks external addresses the way a careful visitor would, and says in plain words what is
 * wrong with each: HEAD first (no page is downloaded), GET when HEAD fails or is refused (many
 * servers answer 403, 404 or 405 to HEAD while the page is there), redirects followed one by one
 * so that the report shows where an address now leads, a timeout on every request, retries with
 * backoff on failures that may pass (network errors, timeouts, 5xx, 429), at most `concurrency`
 * addresses at a time and never two requests at once to the same host.
 *
 * Every request has a timeout and every loop a bound, so a run always ends: an address costs at
 * most `(maxRedirects + 1) × (2 + retries)` requests of at most `timeoutMs` each, plus the
 * backoff waits.
 */

/** What became of an address. */
export type LinkStatus = 'ok' | 'redirected' | 'broken';

/** Why an address is broken, for tools; {@link Problem.message} says it in words. */
export type ProblemCode =
	| 'http'
	| 'timeout'
	| 'dns'
	| 'reset'
	| 'refused'
	| 'tls'
	| 'network'
	| 'redirect-loop'
	| 'too-many-redirects'
	| 'redirect-without-location'
	| 'unsupported-redirect'
	| 'invalid-url';

/** Why an address is broken. */
export interface Problem {
	code: ProblemCode;
	/** The reason in plain French, for the office's report. */
	message: string;
}

/** One answer on the way from the address to its final page. */
export interface Hop {
	url: string;
	/** The HTTP status of the answer that was kept for this step. */
	status: number;
	/** The method of that answer: HEAD, or GET when HEAD failed or was refused. */
	method: 'HEAD' | 'GET';
	/** Time to the answer's headers, in milliseconds. */
	ms: number;
}

/** The result of checking one address. */
export interface LinkResult {
	url: string;
	status: LinkStatus;
	/** The answers met, in order: each redirect, then the final answer (if one came). */
	hops: Hop[];
	/** The address of the last answer (the address itself when nothing redirected). */
	finalUrl: string;
	/**
	 * For a redirected address: permanent (301, 308) when the first redirect is, meaning the
	 * content should be updated; temporary (302, 303, 307) otherwise.
	 */
	redirect?: 'permanent' | 'temporary';
	/**
	 * Where the address has permanently moved: the address reached through the permanent
	 * redirects at the start of the chain, the one to write in the content instead. It can differ
	 * from `finalUrl` when a temporary redirect follows (to a login or language page, say).
	 */
	movedTo?: string;
	/** Why the address is broken; absent when it is not. */
	problem?: Problem;
	/** Time to the headers of the answers kept, added up over the chain, in milliseconds. */
	elapsedMs: number;
	/** The answer came, but later than the `slowMs` threshold. */
	slow: boolean;
	/** Requests sent for this address, retries and GET fallbacks included. */
	requests: number;
}

/** Settings of a check. */
export interface CheckOptions {
	/**
	 * Time allowed for one request, up to the response's headers, in milliseconds.
	 * @default 15000
	 */
	timeoutMs: number;
	/**
	 * Retries of a GET that failed in a way that may pass (network error, timeout, 5xx, 429).
	 * @default 2
	 */
	retries: number;
	/**
	 * Wait before the first retry, in milliseconds; it doubles for each further retry.
	 * @default 1000
	 */
	retryDelayMs: number;
	/**
	 * Addresses checked at the same time (requests to one host still go one at a time).
	 * @default 4
	 */
	concurrency: number;
	/**
	 * An answer slower than this, in milliseconds, is reported as slow.
	 * @default 5000
	 */
	slowMs: number;
	/**
	 * Redirects followed before giving up.
	 * @default 10
	 */
	maxRedirects: number;
	/** The User-Agent header: names the site and a contact address, as polite robots do. */
	userAgent: string;
}

/** The settings used when a caller leaves one out. */
export const defaultCheckOptions: Omit<CheckOptions, 'userAgent'> = {
	timeoutMs: 15_000,
	retries: 2,
	retryDelayMs: 1_000,
	concurrency: 4,
	slowMs: 5_000,
	maxRedirects: 10,
};

/**
 * The User-Agent sent with every request: who is checking and where to find them, so that a
 * site's administrator who sees the requests knows they are a monthly link check.
 * @param site The site's public address (or the school's), shown as the contact.
 * @example userAgent('https://imt-mines-ales.fr/') // → 'MinesAlesInternationalLinkCheck/1.0 (+https://imt-mines-ales.fr/)'
 */
export function userAgent(site: string): string {
	return `MinesAlesInternationalLinkCheck/1.0 (+${site})`;
}

const permanentRedirects = new Set([301, 308]);
const redirects = new Set([301, 302, 303, 307, 308]);

/**
 * An HTTP status in plain French, as the report shows it.
 * @example statusInWords(404) // → 'page introuvable (erreur 404)'
 */
export function statusInWords(status: number): string {
	const words: Record<number, string> = {
		301: 'redirection permanente',
		302: 'redirection temporaire',
		303: 'redirection temporaire',
		307: 'redirection temporaire',
		308: 'redirection permanente',
		400: 'requête refusée par le serveur',
		401: 'page réservée (identifiant demandé)',
		403: 'accès refusé (le site bloque peut-être les vérifications automatiques : ouvrez le lien dans un navigateur)',
		404: 'page introuvable',
		405: 'méthode refusée par le serveur',
		408: 'le serveur a abandonné la requête',
		410: 'page supprimée',
		429: 'trop de requêtes : le site demande de revenir plus tard',
		451: 'page bloquée pour raisons légales',
		500: 'erreur du serveur',
		502: 'serveur indisponible',
		503: 'serveur indisponible',
		504: 'serveur indisponible (délai dépassé)',
	};
	const known = words[status];
	if (known) return `${known} (${status >= 400 ? 'erreur' : 'code'} ${status})`;
	if (status >= 500) return `erreur du serveur (erreur ${status})`;
	if (status >= 400) return `page refusée par le serveur (erreur ${status})`;
	return `réponse inattendue (code ${status})`;
}

/** A request that got no answer: what went wrong and whether trying again may help. */
export interface FetchFailure {
	problem: Problem;
	retryable: boolean;
}

/**
 * Turns an error thrown by `fetch` into a reason in plain words. Node's fetch (undici) rejects
 * with a `TimeoutError` when `AbortSignal.timeout` fires, and otherwise with `TypeError('fetch
 * failed')` whose `cause` carries the system or undici error code.
 * @param error What `fetch` threw.
 * @param timeoutMs The timeout in force, to say it in the message.
 * @see https://undici.nodejs.org/#/docs/api/Errors
 */
export function describeFetchError(error: unknown, timeoutMs: number): FetchFailure {
	const name = error instanceof Error ? error.name : '';
	const cause =
		error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
	const code = typeof cause?.code === 'string' ? cause.code : '';
	const seconds = formatSeconds(timeoutMs);
	if (name === 'TimeoutError' || name === 'AbortError' || code.endsWith('_TIMEOUT')) {
		return {
			problem: { code: 'timeout', message: `pas de réponse en ${seconds} (délai dépassé)` },
			retryable: true,
		};
	}
	if (code === 'ENOTFOUND') {
		return {
			problem: {
				code: 'dns',
				message: 'nom de domaine introuvable : le site n’existe plus ou l’adresse est mal écrite',
			},
			retryable: false,
		};
	}
	if (code === 'EAI_AGAIN') {
		return {
			problem: { code: 'dns', message: 'nom de domaine momentanément introuvable (DNS)' },
			retryable: true,
		};
	}
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
		return {
			problem: { code: 'reset', message: 'connexion coupée par le serveur avant sa réponse' },
			retryable: true,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			problem: {
				code: 'refused',
				message: 'connexion refusée : aucun serveur ne répond à cette adresse',
			},
			retryable: true,
		};
	}
	if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
		return {
			problem: {
				code: 'tls',
				message: `certificat de sécurité du site invalide ou expiré (${code})`,
			},
			retryable: false,
		};
	}
	const detail = code || (cause instanceof Error ? cause.message : '') || String(error);
	return {
		problem: { code: 'network', message: `erreur réseau, le serveur est injoignable (${detail})` },
		retryable: true,
	};
}

/** Formats milliseconds as seconds in French: `15 s`, `0,25 s`. */
export function formatSeconds(ms: number): string {
	return `${(ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} s`;
}

/**
 * Lets one request at a time go to each host: a request waits for the previous one to the same
 * host to end. Hosts are compared with their port (`example.org:8080`).
 */
export class HostGate {
	#tails = new Map<string, Promise<void>>();

	/** Runs `task` once every earlier task for `host` has ended. */
	async run<T>(host: string, task: () => Promise<T>): Promise<T> {
		const previous = this.#tails.get(host) ?? Promise.resolve();
		let release = () => {};
		const done = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => done);
		this.#tails.set(host, tail);
		await previous;
		try {
			return await task();
		} finally {
			release();
			if (this.#tails.get(host) === tail) this.#tails.delete(host);
		}
	}
}

/** An answer to one request (headers only: bodies are never read). */
interface Answer {
	status: number;
	location: string | null;
	retryAfterMs: number | undefined;
	ms: number;
}

type Outcome = { answer: Answer } | { failure: FetchFailure; ms: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The Retry-After header in milliseconds (seconds or an HTTP date), capped at 30 s. */
function retryAfter(header: string | null): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 30_000) : undefined;
}

/** Checks addresses one after another, sharing a host gate; counts requests per address. */
class Checker {
	readonly options: CheckOptions;
	readonly gate: HostGate;

	constructor(options: CheckOptions, gate: HostGate) {
		this.options = options;
		this.gate = gate;
	}

	/** One request, through the host gate, with a timeout; the body is never downloaded. */
	async send(url: URL, method: 'HEAD' | 'GET'): Promise<Outcome> {
		return this.gate.run(url.host, async () => {
			const started = performance.now();
			try {
				const response = await fetch(url, {
					method,
					redirect: 'manual',
					signal: AbortSignal.timeout(this.options.timeoutMs),
					headers: {
						'User-Agent': this.options.userAgent,
						Accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8',
						'Accept-Language': 'fr,en;q=0.8',
					},
				});
				const ms = performance.now() - started;
				await response.body?.cancel().catch(() => {});
				return {
					answer: {
						status: response.status,
						location: response.headers.get('location'),
						retryAfterMs: retryAfter(response.headers.get('retry-after')),
						ms,
					},
				};
			} catch (error) {
				return {
					failure: describeFetchError(error, this.options.timeoutMs),
					ms: performance.now() - started,
				};
			}
		});
	}

	/**
	 * One step of the chain: HEAD once, and GET (with retries) when HEAD got no answer or an
	 * error status, since many servers mishandle HEAD. Returns the outcome kept and the number of
	 * requests sent.
	 */
	async step(url: URL): Promise<{ outcome: Outcome; method: 'HEAD' | 'GET'; requests: number }> {
		const head = await this.send(url, 'HEAD');
		// A GET would fail the same way when the name does not resolve or the certificate is bad.
		const final = 'answer' in head ? head.answer.status < 400 : !head.failure.retryable;
		if (final) return { outcome: head, method: 'HEAD', requests: 1 };
		let requests = 1;
		for (let attempt = 0; ; attempt++) {
			const outcome = await this.send(url, 'GET');
			requests++;
			const status = 'answer' in outcome ? outcome.answer.status : 0;
			const retryable =
				'failure' in outcome ? outcome.failure.retryable : status >= 500 || status === 429;
			if (!retryable || attempt >= this.options.retries) {
				return { outcome, method: 'GET', requests };
			}
			const backoff = this.options.retryDelayMs * 2 ** attempt;
			const asked = 'answer' in outcome ? (outcome.answer.retryAfterMs ?? 0) : 0;
			await sleep(Math.max(backoff, asked));
		}
	}

	/** Follows an address to its final answer and classifies it. */
	async check(address: string): Promise<LinkResult> {
		const hops: Hop[] = [];
		let requests = 0;
		const result = (fields: Partial<LinkResult> & Pick<LinkResult, 'status'>): LinkResult => {
			const elapsedMs = Math.round(hops.reduce((sum, hop) => sum + hop.ms, 0));
			const base: LinkResult = {
				url: address,
				status: fields.status,
				hops,
				finalUrl: hops.at(-1)?.url ?? address,
				elapsedMs,
				slow: fields.status !== 'broken' && elapsedMs > this.options.slowMs,
				requests,
			};
			return { ...base, ...fields };
		};
		let url: URL;
		try {
			url = new URL(address);
		} catch {
			return result({
				status: 'broken',
				problem: { code: 'invalid-url', message: 'adresse mal formée' },
			});
		}
		const seen = new Set<string>();
		for (;;) {
			seen.add(url.href);
			const { outcome, method, requests: sent } = await this.step(url);
			requests += sent;
			if ('failure' in outcome) {
				return result({ status: 'broken', problem: outcome.failure.problem });
			}
			const { status, location, ms } = outcome.answer;
			hops.push({ url: url.href, status, method, ms: Math.round(ms) });
			if (status >= 400) {
				return result({
					status: 'broken',
					problem: { code: 'http', message: statusInWords(status) },
				});
			}
			if (!redirects.has(status)) {
				return hops.length === 1
					? result({ status: 'ok' })
					: result({ status: 'redirected', ...redirectKind(hops) });
			}
			if (!location) {
				return result({
					status: 'broken',
					problem: {
						code: 'redirect-without-location',
						message: `redirection sans adresse de destination (code ${status})`,
					},
				});
			}
			let next: URL;
			try {
				next = new URL(location, url);
			} catch {
				return result({
					status: 'broken',
					problem: {
						code: 'unsupported-redirect',
						message: `redirection vers une adresse mal formée (${location})`,
					},
				});
			}
			if (next.protocol !== 'http:' && next.protocol !== 'https:') {
				return result({
					status: 'broken',
					problem: {
						code: 'unsupported-redirect',
						message: `redirection vers une adresse qui n’est pas une page web (${next.href})`,
					},
				});
			}
			if (seen.has(next.href)) {
				return result({
					status: 'broken',
					problem: {
						code: 'redirect-loop',
						message: 'boucle de redirections : la page renvoie vers elle-même sans fin',
					},
				});
			}
			if (hops.length > this.options.maxRedirects) {
				return result({
					status: 'broken',
					problem: {
						code: 'too-many-redirects',
						message: `plus de ${this.options.maxRedirects} redirections à la suite`,
					},
				});
			}
			url = next;
		}
	}
}

/** Permanent or temporary, and where the address has permanently moved, from the chain. */
function redirectKind(hops: readonly Hop[]): Pick<LinkResult, 'redirect' | 'movedTo'> {
	const first = hops[0]!;
	if (!permanentRedirects.has(first.status)) return { redirect: 'temporary' };
	let index = 0;
	while (index < hops.length - 1 && permanentRedirects.has(hops[index]!.status)) index++;
	return { redirect: 'permanent', movedTo: hops[index]!.url };
}

/**
 * Orders addresses so that consecutive ones are on different hosts where possible (one from
 * each host in turn), so that the workers rarely wait on the same host.
 */
export function interleaveByHost(urls: readonly string[]): string[] {
	const byHost = new Map<string, string[]>();
	for (const url of urls) {
		const host = URL.canParse(url) ? new URL(url).host : '';
		byHost.set(host, [...(byHost.get(host) ?? []), url]);
	}
	const queues = [...byHost.values()];
	const ordered: string[] = [];
	for (let round = 0; ordered.length < urls.length; round++) {
		for (const queue of queues) if (round < queue.length) ordered.push(queue[round]!);
	}
	return ordered;
}

/**
 * Checks a list of addresses, `concurrency` at a time, one request at a time per host.
 * @param urls Distinct addresses to check.
 * @param options Settings; any left out take {@link defaultCheckOptions}.
 * @param onResult Called as each address is done (for progress output).
 * @returns One result per address, in the order given.
 * @example
 * const results = await checkLinks(['https://example.org/'], { userAgent: userAgent(site) });
 */
export async function checkLinks(
	urls: readonly string[],
	options: Partial<CheckOptions> & Pick<CheckOptions, 'userAgent'>,
	onResult?: (result: LinkResult) => void
): Promise<LinkResult[]> {
	const checker = new Checker({ ...defaultCheckOptions, ...options }, new HostGate());
	const queue = interleaveByHost(urls);
	const results = new Map<string, LinkResult>();
	let next = 0;
	async function worker(): Promise<void> {
		while (next < queue.length) {
			const url = queue[next++]!;
			const result = await checker.check(url);
			results.set(url, result);
			onResult?.(result);
		}
	}
	const workers = Math.max(1, Math.min(checker.options.concurrency, queue.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return urls.map((url) => results.get(url)!);
}
