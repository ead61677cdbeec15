/**
 * Checks addresses with linkinator: HEAD, then GET when HEAD fails; redirects followed; a timeout
 * per request; retries after a network error, a 5xx or a 429 (as Retry-After asks). Ours: one
 * request at a time per site (linkinator's limit is global: each site gets its own run, with a
 * concurrency of 1), the time of each address, and the reasons in French. linkinator checks the
 * links of a page: each site's addresses become links of an HTML page in a temporary folder, which
 * it serves on 127.0.0.1. It says where a redirect leads, not whether it is permanent.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker, LinkState, type LinkResult as Checked, type RedirectInfo } from 'linkinator';

/**
 * Settings of a check: time allowed for one request (redirects included), retries after a network
 * error, a timeout, a 5xx or a 429, sites checked at once, the time beyond which an answer is
 * slow, and the User-Agent header (the site and a contact address, as polite robots give).
 */
export type CheckOptions = Record<'timeoutMs' | 'retries' | 'concurrency' | 'slowMs', number> & {
	userAgent: string;
};

export const defaultCheckOptions = { timeoutMs: 15_000, retries: 2, concurrency: 4, slowMs: 5_000 };

/** One address: `skipped` when the site refuses robots (999, Cloudflare); `code` 0: no answer. */
type Status = { url: string; status: 'ok' | 'redirected' | 'broken' | 'skipped'; code: number };
type Extra = { finalUrl?: string | undefined; problem?: string | undefined; elapsedMs: number };
export type LinkResult = Status & Extra & { slow: boolean };

export const userAgent = (site: string) => `MinesAlesInternationalLinkCheck/1.0 (+${site})`;

/** Formats milliseconds as seconds in French: `15 s`, `0,25 s`. */
export const formatSeconds = (ms: number) =>
	`${(ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} s`;

const statusWords: Record<number, string> = {
	...{ 401: 'page réservée (identifiant demandé)', 404: 'page introuvable', 410: 'page supprimée' },
	403: 'accès refusé (le site refuse peut-être les robots : ouvrez le lien dans un navigateur)',
	429: 'trop de requêtes : le site demande de revenir plus tard',
};

/** Why an address is broken, in plain French, from the status and linkinator's errors. */
export function reason(code: number, failures: readonly unknown[], timeoutMs: number): string {
	const words = statusWords[code] ?? (code >= 500 ? 'erreur du serveur' : 'page refusée');
	if (code >= 400) return `${words} (erreur ${code})`;
	if (code > 0) return `réponse inattendue (code ${code})`;
	const error = failures.findLast((each) => each instanceof Error);
	const cause = (error?.cause ?? {}) as { code?: string; name?: string; message?: string };
	const name = `${error?.name ?? ''} ${cause.name ?? ''} ${cause.code ?? ''}`;
	if (/Timeout|Abort/.test(name)) return `pas de réponse en ${formatSeconds(timeoutMs)}`;
	if (/ENOTFOUND/.test(name))
		return 'nom de domaine introuvable (site disparu, adresse mal écrite)';
	if (/ECONNREFUSED/.test(name)) return 'connexion refusée : aucun serveur à cette adresse';
	if (/ECONNRESET|SOCKET/.test(name)) return 'connexion coupée par le serveur avant sa réponse';
	if (/CERT|TLS|SSL/.test(name)) return `certificat de sécurité invalide ou expiré (${cause.code})`;
	return `erreur réseau, serveur injoignable (${cause.code ?? cause.message ?? error?.message})`;
}

/** An address as linkinator reports it (without its fragment); undefined if malformed. */
const normalize = (url: string) =>
	URL.canParse(url) && /^https?:/i.test(url) ? new URL(url).href.replace(/#.*/, '') : undefined;

/** Checks one site's addresses with linkinator, one at a time, timing each. */
async function checkSite(urls: string[], options: CheckOptions, page: string) {
	const links = urls.map(
		(url) => `<a href="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">a</a>`
	);
	await writeFile(page, `<!doctype html><title>links</title>\n${links.join('\n')}\n`);
	const checker = new LinkChecker();
	const redirects = new Map<string, string>();
	const times = new Map<string, number>();
	let last = performance.now();
	checker.on('redirect', ({ url, targetUrl }: RedirectInfo) => {
		if (targetUrl && targetUrl !== url) redirects.set(url, targetUrl);
	});
	checker.on('link', ({ url }: Checked) => {
		times.set(url, performance.now() - last);
		last = performance.now();
	});
	const { links: results } = await checker.check({
		...{ path: page, concurrency: 1, timeout: options.timeoutMs, redirects: 'warn' },
		...{ retry: true, retryErrors: options.retries > 0, retryErrorsCount: options.retries },
		...{ retryErrorsJitter: 500, userAgent: options.userAgent },
	});
	// The page itself is the only result without a parent.
	return results.flatMap(({ url, parent, state, status: code = 0, failureDetails = [] }) => {
		if (parent === undefined) return [];
		const finalUrl = redirects.get(url);
		const elapsedMs = Math.round(times.get(url) ?? 0);
		const broken = state === LinkState.BROKEN;
		const kept = state === LinkState.SKIPPED ? 'skipped' : finalUrl ? 'redirected' : 'ok';
		const problem = broken ? reason(code, failureDetails, options.timeoutMs) : undefined;
		const slow = !broken && elapsedMs > options.slowMs;
		const status: LinkResult['status'] = broken ? 'broken' : kept;
		return [{ url, status, code, finalUrl, problem, elapsedMs, slow }];
	});
}

/**
 * Checks addresses, `concurrency` sites at a time and one request at a time per site.
 * @param onResult Called as each address is done (for progress output).
 * @returns One result per address, in the order given.
 */
export async function checkLinks(
	urls: readonly string[],
	options: CheckOptions,
	onResult?: (result: LinkResult) => void
): Promise<LinkResult[]> {
	const valid = new Set(urls.map(normalize).filter((url) => url !== undefined));
	const queue = [...Map.groupBy(valid, (url) => new URL(url).host).values()].entries();
	const found = new Map<string, LinkResult>();
	const folder = await mkdtemp(join(tmpdir(), 'check-links-'));
	const worker = async () => {
		for (const [index, site] of queue) {
			for (const result of await checkSite(site, options, join(folder, `site-${index}.html`))) {
				found.set(result.url, result);
				onResult?.(result);
			}
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, worker)).finally(() =>
		rm(folder, { recursive: true, force: true })
	);
	const malformed = { status: 'broken', code: 0, problem: 'adresse mal formée' } as const;
	const none = { ...malformed, elapsedMs: 0, slow: false };
	return urls.map((url) => ({ ...(found.get(normalize(url) ?? '') ?? none), url }));
}
