/**
 * The link report: one dated Markdown file in plain French for the office (what is broken, what
 * has moved, what is slow, and in which files each address is written) and a JSON file with the
 * same data for tools.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSeconds, type CheckOptions, type LinkResult } from './check.ts';
import type { Occurrence } from './extract.ts';

/** A checked address with the places it is written. */
export interface ReportedLink extends LinkResult {
	occurrences: Occurrence[];
}

/** Counts of the report's summary. */
export interface LinkSummary {
	/** Distinct addresses checked. */
	total: number;
	ok: number;
	redirected: number;
	/** Redirected addresses whose first redirect is permanent: to update in the content. */
	permanent: number;
	broken: number;
	/** Addresses that answered (ok or redirected) but slower than the threshold. */
	slow: number;
}

/** Everything the report says, as written to the JSON file. */
export interface LinkReport {
	/** The day of the check in France (YYYY-MM-DD), which names the files. */
	date: string;
	/** The moment the check ended, ISO 8601. */
	generatedAt: string;
	userAgent: string;
	settings: Pick<CheckOptions, 'timeoutMs' | 'retries' | 'concurrency' | 'slowMs'>;
	/** The files and folders read, as given. */
	paths: string[];
	/** How many content files were read. */
	files: number;
	summary: LinkSummary;
	/**
	 * No server answered at all (every address failed before any HTTP status): the machine was
	 * most likely offline, and the report says nothing about the links themselves.
	 */
	noAnswer: boolean;
	/** Broken first, then redirected, then ok; by address within each. */
	links: ReportedLink[];
}

const statusOrder = { broken: 0, redirected: 1, ok: 2 } as const;

/**
 * The day in France as YYYY-MM-DD: the office's calendar, whatever the machine's time zone.
 * @example parisDate(new Date('2026-11-30T23:30:00Z')) // → '2026-12-01'
 */
export function parisDate(date: Date): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(date);
}

/**
 * Puts results, the places of each address and the run's settings together.
 * @param input.results One result per address.
 * @param input.links Where each address is written (from `collectLinks`).
 */
export function buildReport(input: {
	results: readonly LinkResult[];
	links: ReadonlyMap<string, Occurrence[]>;
	files: number;
	paths: readonly string[];
	options: LinkReport['settings'] & Pick<CheckOptions, 'userAgent'>;
	now: Date;
}): LinkReport {
	const links = input.results
		.map((result) => ({ ...result, occurrences: input.links.get(result.url) ?? [] }))
		.sort(
			(a, b) =>
				statusOrder[a.status] - statusOrder[b.status] ||
				(a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
		);
	const count = (test: (link: ReportedLink) => boolean) => links.filter(test).length;
	const { timeoutMs, retries, concurrency, slowMs, userAgent } = input.options;
	return {
		date: parisDate(input.now),
		generatedAt: input.now.toISOString(),
		userAgent,
		settings: { timeoutMs, retries, concurrency, slowMs },
		paths: [...input.paths],
		files: input.files,
		summary: {
			total: links.length,
			ok: count((link) => link.status === 'ok'),
			redirected: count((link) => link.status === 'redirected'),
			permanent: count((link) => link.redirect === 'permanent'),
			broken: count((link) => link.status === 'broken'),
			slow: count((link) => link.slow),
		},
		noAnswer: links.length > 0 && links.every((link_) => link_.hops.length === 0),
		links,
	};
}

/** `0 lien cassé`, `1 lien cassé`, `3 liens cassés` (French: 0 and 1 take the singular). */
function plural(count: number, one: string, many: string): string {
	return `${count} ${count <= 1 ? one : many}`;
}

/** An address as a Markdown autolink, or a code span when it cannot be one. */
function link(url: string): string {
	return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : `\`${url.replaceAll('`', "'")}\``;
}

/** The files an address is written in, one line per file with its lines and fields. */
function places(occurrences: readonly Occurrence[]): string[] {
	const byFile = new Map<string, Occurrence[]>();
	for (const occurrence of occurrences) {
		byFile.set(occurrence.file, [...(byFile.get(occurrence.file) ?? []), occurrence]);
	}
	return [...byFile].map(([file, list]) => {
		const lines = list.map(({ line, field }) =>
			field ? `ligne ${line} (champ \`${field}\`)` : `ligne ${line}`
		);
		return `\`${file}\` : ${lines.join(', ')}`;
	});
}

/** The list item of one address: the address, what happened, and where it is written. */
function item(link_: ReportedLink, details: string[]): string {
	const where = places(link_.occurrences);
	const lines = [`- ${link(link_.url)}`, ...details.map((detail) => `  - ${detail}`)];
	if (where.length === 1) lines.push(`  - Se trouve dans ${where[0]}`);
	else {
		lines.push(`  - Se trouve dans ${where.length} fichiers :`);
		lines.push(...where.map((place) => `    - ${place}`));
	}
	return lines.join('\n');
}

/** The redirect chain in words: `301 → <b> → 302 → <c> → 200`. */
function chain(link_: ReportedLink): string {
	return link_.hops
		.map((hop, index) => (index === 0 ? `${hop.status}` : `${link(hop.url)} (${hop.status})`))
		.join(' → ');
}

/**
 * The report in plain French for the office, with a summary at the top and one section per kind
 * of problem, each address followed by the files (and lines, and fields) where it is written.
 */
export function renderMarkdown(report: LinkReport): string {
	const { summary, links } = report;
	const broken = links.filter((each) => each.status === 'broken');
	const permanent = links.filter((each) => each.redirect === 'permanent');
	const temporary = links.filter((each) => each.redirect === 'temporary');
	const slow = links.filter((each) => each.slow);
	const ok = links.filter((each) => each.status === 'ok');
	const when = new Intl.DateTimeFormat('fr-FR', {
		timeZone: 'Europe/Paris',
		dateStyle: 'long',
		timeStyle: 'short',
	}).format(new Date(report.generatedAt));
	const slowLimit = formatSeconds(report.settings.slowMs);
	const out: string[] = [
		`# Liens externes : rapport du ${when.split(' à ')[0]}`,
		'',
		`Vérification du ${when} (heure de Paris) : ${plural(summary.total, 'adresse différente', 'adresses différentes')}, ${summary.total <= 1 ? 'trouvée' : 'trouvées'} dans ${plural(report.files, 'fichier', 'fichiers')} (${report.paths.map((path) => `\`${path}\``).join(', ')}).`,
		'',
	];
	if (report.noAnswer) {
		out.push(
			'> **Attention : aucun site n’a répondu.** L’ordinateur qui a fait la vérification n’était probablement pas connecté à internet : ce rapport ne dit rien de l’état des liens. Relancez la vérification depuis un ordinateur connecté.',
			''
		);
	}
	out.push(
		`- **${plural(summary.broken, 'lien cassé', 'liens cassés')}** : à corriger ou à retirer.`,
		summary.redirected === 0
			? '- **0 redirection**.'
			: `- **${plural(summary.redirected, 'redirection', 'redirections')}**, dont ${plural(summary.permanent, 'permanente', 'permanentes')} : à mettre à jour.`,
		`- **${plural(summary.slow, 'lien lent', 'liens lents')}** (plus de ${slowLimit} pour répondre).`,
		`- ${plural(summary.ok, 'lien correct', 'liens corrects')}.`,
		'',
		'## Liens cassés',
		''
	);
	if (broken.length === 0) out.push('Aucun lien cassé.', '');
	else {
		out.push(
			'Ces adresses ne mènent plus à la page citée. Cherchez la nouvelle adresse de la page (ou une autre source qui dit la même chose), puis corrigez-la dans les fichiers indiqués, ou retirez le lien.',
			''
		);
		for (const each of broken) {
			const details = [`État : ${each.problem?.message ?? 'inconnu'}`];
			if (each.hops.length > 1) details.push(`Parcours : ${chain(each)}`);
			out.push(item(each, details));
		}
		out.push('');
	}
	out.push('## Redirections', '', '### Redirections permanentes', '');
	if (permanent.length === 0) out.push('Aucune redirection permanente.', '');
	else {
		out.push(
			'Ces pages ont changé d’adresse pour de bon : remplacez l’ancienne adresse par la nouvelle dans les fichiers indiqués.',
			''
		);
		for (const each of permanent) {
			const details = [`Nouvelle adresse : ${link(each.movedTo ?? each.finalUrl)}`];
			if (each.movedTo !== each.finalUrl) details.push(`Page finale : ${link(each.finalUrl)}`);
			details.push(`Parcours : ${chain(each)}`);
			out.push(item(each, details));
		}
		out.push('');
	}
	out.push('### Redirections temporaires', '');
	if (temporary.length === 0) out.push('Aucune redirection temporaire.', '');
	else {
		out.push(
			'Le site renvoie pour le moment vers une autre page (page d’accueil, de connexion, de langue…). En général il n’y a rien à changer ; vérifiez toutefois que la page finale dit toujours ce que le site cite.',
			''
		);
		for (const each of temporary) {
			out.push(item(each, [`Page finale : ${link(each.finalUrl)}`, `Parcours : ${chain(each)}`]));
		}
		out.push('');
	}
	out.push('## Liens lents', '');
	if (slow.length === 0) out.push(`Aucun lien n’a mis plus de ${slowLimit} à répondre.`, '');
	else {
		out.push(
			`Ces pages répondent, mais en plus de ${slowLimit}. Rien à corriger pour l’instant ; un site qui reste lent d’un mois à l’autre est peut-être en train de disparaître.`,
			''
		);
		for (const each of slow) out.push(item(each, [`Réponse en ${formatSeconds(each.elapsedMs)}`]));
		out.push('');
	}
	out.push('## Liens corrects', '');
	if (ok.length === 0) out.push('Aucun.', '');
	else out.push(...ok.map((each) => `- ${link(each.url)}`), '');
	out.push(
		'---',
		'',
		`Vérification faite par le robot \`${report.userAgent}\` : demande HEAD puis, si besoin, GET ; délai de ${formatSeconds(report.settings.timeoutMs)} par demande ; ${plural(report.settings.retries, 'nouvelle tentative', 'nouvelles tentatives')} après une erreur réseau, un délai dépassé ou une erreur du serveur. Données complètes : fichier JSON du même nom.`,
		''
	);
	return out.join('\n');
}

/**
 * Writes `links-YYYY-MM-DD.md` and `.json` into `outDir` (created if needed); a report of the
 * same day is replaced.
 * @returns The paths of the two files.
 */
export async function writeReport(
	report: LinkReport,
	outDir: string
): Promise<{ markdown: string; json: string }> {
	await mkdir(outDir, { recursive: true });
	const markdown = join(outDir, `links-${report.date}.md`);
	const json = join(outDir, `links-${report.date}.json`);
	await writeFile(markdown, renderMarkdown(report));
	await writeFile(json, `${JSON.stringify(report, null, '\t')}\n`);
	return { markdown, json };
}

/**
 * A few lines for the console: the counts, and each broken address with its reason.
 * @example
 * // 190 links checked: 3 broken, 20 redirected (12 permanent), 2 slow, 165 ok.
 */
export function consoleSummary(report: LinkReport): string {
	const { summary } = report;
	const lines = [
		`${summary.total} ${summary.total === 1 ? 'link' : 'links'} checked in ${report.files} ${report.files === 1 ? 'file' : 'files'}: ${summary.broken} broken, ${summary.redirected} redirected (${summary.permanent} permanent), ${summary.slow} slow, ${summary.ok} ok.`,
	];
	if (report.noAnswer) {
		lines.push(
			'No server answered at all: is this machine connected to the internet? The report says nothing about the links.'
		);
	}
	for (const each of report.links.filter((link_) => link_.status === 'broken')) {
		lines.push(`  broken: ${each.url} (${each.problem?.code}: ${each.problem?.message})`);
	}
	return lines.join('\n');
}
