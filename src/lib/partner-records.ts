import type { FinderRecord } from './finder';
import { normalizeText } from './finder';
import { broadField } from './isced';
import { cefrRank, type CefrLevel } from './levels';
import type { Partner } from './site-data';

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * Flattens a partner into the record the finder filters on. Derived from the partner's data
 * file only, like every other view of the partner.
 */
export function toFinderRecord(partner: Partner): FinderRecord {
	const { data, agreements } = partner;
	const requirements = agreements.map((agreement) =>
		Math.max(0, ...(agreement.languages ?? []).map((skill) => cefrRank(skill.cefr as CefrLevel)))
	);
	return {
		id: partner.id,
		text: normalizeText(
			[data.name.en, data.name.native, data.name.fr, data.abbreviation, data.city]
				.filter(Boolean)
				.join(' ')
		),
		country: partner.country.id,
		region: partner.country.data.region,
		programmes: unique(
			agreements.flatMap((agreement) => (agreement.programme ? [agreement.programme.id] : []))
		),
		kinds: unique(agreements.map((agreement) => agreement.kind)),
		levels: unique(agreements.flatMap((agreement) => (agreement.eqfLevels ?? []).map(String))),
		subjects: unique(
			agreements.flatMap((agreement) =>
				(agreement.subjectAreas ?? []).map((area) => broadField(area.iscedFCode))
			)
		),
		languages: unique(agreements.flatMap((agreement) => agreement.instructionLanguages ?? [])),
		cefr: requirements.length > 0 ? Math.min(...requirements) : 0,
	};
}
