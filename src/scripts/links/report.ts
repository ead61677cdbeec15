/** The link report: a dated Markdown file in plain French for the office, and the same as JSON. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSeconds, type CheckOptions, type LinkResult } from './check.ts';
import type { Occurrence } from './extract.ts';

const order = { broken: 0, redirected: 1, skipped: 2, ok: 3 };
/** The day in France as YYYY-MM-DD, whatever the machine's time zone. */
export const parisDate = (date: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(date);

/** What the JSON file holds; `noAnswer`: no server answered (the machine was offline). */
export type LinkReport = ReturnType<typeof buildReport>;

type Input = { results: readonly LinkResult[]; links: ReadonlyMap<string, Occurrence[]> };

export function buildReport(input: Input & { files: number; paths: string[] } & Settings) {
	const places = (url: string) => input.links.get(url) ?? ([] as Occurrence[]);
	const links = input.results
		.map((result) => ({ ...result, occurrences: places(result.url) }))
		.sort((a, b) => order[a.status] - order[b.status] || a.url.localeCompare(b.url, 'en'));
	const count = (status: LinkResult['status']) => links.filter((l) => l.status === status).length;
	return {
		date: parisDate(input.now),
		generatedAt: input.now.toISOString(),
		settings: input.settings,
		paths: input.paths,
		files: input.files,
		summary: {
			...{ total: links.length, broken: count('broken'), redirected: count('redirected') },
			...{ skipped: count('skipped'), ok: count('ok'), slow: links.filter((l) => l.slow).length },
		} as Record<LinkResult['status'] | 'total' | 'slow', number>,
		noAnswer: links.length > 0 && links.every((link) => link.code === 0),
		links,
	};
}

/** `0 lien cassé`, `3 liens cassés` (0 and 1 take the singular); addresses as autolinks. */
const plural = (count: number, one: string, many: string) => `${count} ${count <= 1 ? one : many}`;

const link = (url: string) => (/^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : `\`${url}\``);

type Entry = LinkReport['links'][number];
type Settings = { settings: CheckOptions; now: Date };

/** One address: what happened, then the files (with lines and fields) where it is written. */
function item(entry: Entry, details: string[]): string[] {
	const where = [...Map.groupBy(entry.occurrences, (place) => place.file)].map(
		([file, places]) =>
			`\`${file}\` : ${places.map((p) => `ligne ${p.line}${p.field ? ` (champ \`${p.field}\`)` : ''}`).join(', ')}`
	);
	const found = where.length === 1 ? where : [`${where.length} fichiers :`];
	const more = where.length === 1 ? [] : where.map((place) => `    - ${place}`);
	const lines = [`- ${link(entry.url)}`, ...details.map((d) => `  - ${d}`)];
	return [...lines, `  - Se trouve dans ${found[0]}`, ...more];
}

/** The sections of the report: title, what to do, which addresses, and what to say of each. */
const sections: [string, string, (e: Entry) => boolean, (e: Entry) => string[]][] = [
	[
		'Liens cassés',
		'Ces adresses ne mènent plus à la page citée. Cherchez la nouvelle adresse de la page (ou une autre source qui dit la même chose) et corrigez-la dans les fichiers indiqués, ou retirez le lien.',
		(e) => e.status === 'broken',
		(e) => [`État : ${e.problem}`, ...(e.finalUrl ? [`Redirigé vers : ${link(e.finalUrl)}`] : [])],
	],
	[
		'Redirections',
		'Ces adresses mènent à une autre adresse. L’outil de vérification (linkinator) ne dit pas si la redirection est permanente ou temporaire : ouvrez l’ancienne adresse ; si la nouvelle montre la même page, remplacez l’adresse dans les fichiers indiqués ; si c’est une page d’accueil, de connexion ou de choix de langue, gardez l’ancienne.',
		(e) => e.status === 'redirected',
		(e) => [`Nouvelle adresse : ${link(e.finalUrl ?? e.url)}`],
	],
	[
		'Liens lents',
		'Ces pages répondent, mais lentement. Rien à corriger pour l’instant ; un site qui reste lent d’un mois à l’autre est peut-être en train de disparaître.',
		(e) => e.slow,
		(e) => [`Réponse en ${formatSeconds(e.elapsedMs)}`],
	],
	[
		'Liens non vérifiés',
		'Ces sites refusent les robots (code 999 ou protection Cloudflare) : ouvrez les liens dans un navigateur.',
		(e) => e.status === 'skipped',
		() => [],
	],
];

/** The report in plain French: a summary, then one section per kind of result. */
export function renderMarkdown(report: LinkReport): string {
	const { summary: s, settings } = report;
	const format = { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' } as const;
	const when = new Intl.DateTimeFormat('fr-FR', format).format(new Date(report.generatedAt));
	const paths = report.paths.map((path) => `\`${path}\``).join(', ');
	const out = [
		`# Liens externes : rapport du ${when.split(' à ')[0]}`,
		'',
		`Vérification du ${when} (heure de Paris) : ${plural(s.total, 'adresse différente', 'adresses différentes')} dans ${plural(report.files, 'fichier', 'fichiers')} (${paths}).`,
		'',
		...(report.noAnswer
			? [
					'> **Attention : aucun site n’a répondu.** L’ordinateur n’était probablement pas connecté à internet : ce rapport ne dit rien de l’état des liens.',
					'',
				]
			: []),
		`- **${plural(s.broken, 'lien cassé', 'liens cassés')}** : à corriger ou à retirer.`,
		`- **${plural(s.redirected, 'redirection', 'redirections')}** : adresses à vérifier.`,
		`- **${plural(s.slow, 'lien lent', 'liens lents')}** (plus de ${formatSeconds(settings.slowMs)} pour répondre).`,
		`- ${plural(s.skipped, 'lien non vérifié', 'liens non vérifiés')} (le site refuse les robots).`,
		`- ${plural(s.ok, 'lien correct', 'liens corrects')}.`,
		'',
	];
	for (const [title, intro, test, details] of sections) {
		const entries = report.links.filter(test);
		const body =
			entries.length === 0
				? ['Aucun.']
				: [intro, '', ...entries.flatMap((e) => item(e, details(e)))];
		out.push(`## ${title}`, '', ...body, '');
	}
	const ok = report.links.filter((e) => e.status === 'ok').map((e) => `- ${link(e.url)}`);
	out.push('## Liens corrects', '', ...ok, '', '---', '');
	out.push(
		`Vérification faite avec linkinator par le robot \`${settings.userAgent}\` : une demande à la fois par site, HEAD puis GET si besoin, délai de ${formatSeconds(settings.timeoutMs)} par demande, ${plural(settings.retries, 'nouvelle tentative', 'nouvelles tentatives')} après une erreur réseau ou du serveur. Données complètes : fichier JSON du même nom.`,
		''
	);
	return out.join('\n');
}

/** Writes `links-YYYY-MM-DD.md` and `.json` into `outDir` (a report of the same day is replaced). */
export async function writeReport(report: LinkReport, outDir: string) {
	await mkdir(outDir, { recursive: true });
	const [markdown, json] = ['md', 'json'].map((ext) => join(outDir, `links-${report.date}.${ext}`));
	await writeFile(markdown!, renderMarkdown(report));
	await writeFile(json!, `${JSON.stringify(report, null, '\t')}\n`);
	return { markdown: markdown!, json: json! };
}

/** A few English lines for the console: the counts, and each broken address with its reason. */
export function consoleSummary(report: LinkReport): string {
	const { summary: s } = report;
	const broken = report.links.filter((l) => l.status === 'broken');
	return [
		`${s.total} links checked in ${report.files} files: ${s.broken} broken, ${s.redirected} redirected, ${s.slow} slow, ${s.skipped} not checked (robots refused), ${s.ok} ok.`,
		...(report.noAnswer ? ['No server answered at all: is this machine offline?'] : []),
		...broken.map((l) => `  broken: ${l.url} (${l.problem})`),
	].join('\n');
}
