import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { legalSchema } from '../../src/schemas/legal';

const legal = (overrides: Record<string, unknown> = {}) => ({
	publisher: { name: { fr: 'IMT Mines Alès', en: 'IMT Mines Alès' } },
	editorialService: {
		fr: 'Service Pédagogie Internationale',
		en: 'Service Pédagogie Internationale',
	},
	accessibility: { status: 'non-compliant', statementDate: '2026-11-30' },
	sources: [
		{
			url: 'https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/',
			title: 'Déclaration d’accessibilité',
			lang: 'fr',
			publisher: { fr: 'DINUM', en: 'DINUM' },
			date: '2026',
			kind: 'official',
		},
	],
	consulted: '2026-11-30',
	...overrides,
});
const audit = (criteriaMet: number) => ({
	date: '2026-10-01',
	auditor: 'Internal team',
	rgaaVersion: '4.1.2',
	criteriaMet,
});

/** Every issue of a failed parse, as `path: message`. */
function issues(data: unknown): string[] {
	const result = legalSchema.safeParse(data);
	expect(result.success).toBe(false);
	return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('legalSchema', () => {
	test('accepts the facts with no director of publication, host or audit', () => {
		const result = legalSchema.parse(legal());
		expect(result.publicationDirector).toBeUndefined();
		expect(result.host).toBeUndefined();
		expect(result.accessibility.audit).toBeUndefined();
	});

	test('parses the site’s own content/site/legal.yaml', () => {
		const file = new URL('../../content/site/legal.yaml', import.meta.url);
		expect(legalSchema.parse(parse(readFileSync(file, 'utf8'))).accessibility.status).toBe(
			'non-compliant'
		);
	});

	test.each([
		['compliant', 100],
		['partially-compliant', 50],
		['partially-compliant', 99.5],
		['non-compliant', 49],
	])('accepts "%s" with %d % of criteria met', (status, met) => {
		expect(
			legalSchema.safeParse(
				legal({ accessibility: { status, statementDate: '2026-11-30', audit: audit(met) } })
			).success
		).toBe(true);
	});

	test.each([
		[
			'"compliant" without an audit',
			{ status: 'compliant' },
			'accessibility.status: "compliant" needs an audit with criteriaMet: 100, got no audit',
		],
		[
			'"partially-compliant" without an audit',
			{ status: 'partially-compliant' },
			'accessibility.status: "partially-compliant" needs an audit with criteriaMet from 50 to 99, got no audit',
		],
		[
			'"partially-compliant" below 50 %',
			{ status: 'partially-compliant', audit: audit(42) },
			'accessibility.status: "partially-compliant" needs an audit with criteriaMet from 50 to 99, got 42 %',
		],
		[
			'"non-compliant" with 75 % of criteria met',
			{ status: 'non-compliant', audit: audit(75) },
			'accessibility.status: "non-compliant" is for a site with no audit or fewer than 50 % of criteria met; the audit gives 75 %: write "partially-compliant"',
		],
		[
			'a status in French',
			{ status: 'non conforme' },
			'accessibility.status: expected one of "compliant", "partially-compliant", "non-compliant", got "non conforme"',
		],
	])('rejects %s', (_, accessibility, expected) => {
		expect(
			issues(legal({ accessibility: { statementDate: '2026-11-30', ...accessibility } }))
		).toEqual([expected]);
	});

	test('rejects a percentage above 100 and an unknown field', () => {
		expect(
			issues(
				legal({
					accessibility: { status: 'compliant', statementDate: '2026-11-30', audit: audit(120) },
					director: 'Someone',
				})
			)
		).toEqual([
			'accessibility.audit.criteriaMet: expected a percentage from 0 to 100',
			'accessibility.status: "compliant" needs an audit with criteriaMet: 100, got 120 %',
			': Unrecognized key: "director"',
		]);
	});

	test('rejects a data protection officer with no way to reach them', () => {
		expect(issues(legal({ dataProtectionOfficer: {} }))).toEqual([
			'dataProtectionOfficer: expected an e-mail address (email: …) or a web page (url: …), got neither',
		]);
	});
});
