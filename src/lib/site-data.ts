import type { ContactData } from '../schemas/contact';
import type { CountryData } from '../schemas/country';
import type { GlossaryData } from '../schemas/glossary';
import type { AgreementData, PartnerData } from '../schemas/partner';
import type { ProgrammeData } from '../schemas/programme';
import { ContentError, formatIssue } from './content-error';

/** A reference between collections as Astro stores it once parsed. */
export interface Ref<C extends string> {
	collection: C;
	id: string;
}

/** The parsed shape of the data files, with references as Astro leaves them. */
export type RawPartner = Omit<PartnerData, 'country' | 'agreements'> & {
	country: Ref<'countries'>;
	agreements: (Omit<AgreementData, 'programme'> & { programme?: Ref<'programmes'> | undefined })[];
};
export type RawProgramme = Omit<ProgrammeData, 'contacts'> & { contacts: Ref<'contacts'>[] };

/** An entry of a data collection: its id, the file it came from and its data. */
export interface Entry<D> {
	id: string;
	/** Path of the file relative to the project root, for error messages. */
	filePath?: string | undefined;
	data: D;
}

export interface RawCollections {
	partners: Entry<RawPartner>[];
	countries: Entry<CountryData>[];
	programmes: Entry<RawProgramme>[];
	contacts: Entry<ContactData>[];
	glossary: Entry<GlossaryData>[];
}

export type GlossaryTerm = Entry<GlossaryData>;

export interface Country extends Entry<CountryData> {
	/** Partners in this country, by English name. */
	partners: Partner[];
}
export interface Programme extends Entry<Omit<ProgrammeData, 'contacts'>> {
	contacts: Contact[];
	/** Partners with at least one agreement under this programme. */
	partners: Partner[];
}
export type Contact = Entry<ContactData>;
export interface Agreement extends Omit<AgreementData, 'programme'> {
	programme?: Programme | undefined;
}
export interface Partner extends Entry<Omit<PartnerData, 'country' | 'agreements'>> {
	country: Country;
	agreements: Agreement[];
	/** Programmes of the partner's agreements, without repeats. */
	programmes: Programme[];
}

/** Every collection, with references resolved both ways. */
export interface SiteData {
	partners: Partner[];
	countries: Country[];
	programmes: Programme[];
	contacts: Contact[];
	partnerById: Map<string, Partner>;
	countryById: Map<string, Country>;
	programmeById: Map<string, Programme>;
	contactById: Map<string, Contact>;
	glossary: GlossaryTerm[];
	termById: Map<string, GlossaryTerm>;
}

const fileOf = (entry: Entry<unknown>, collection: string) =>
	entry.filePath ?? `content/${collection}/${entry.id}.yaml`;

/**
 * Resolves the references between collections (partner → country and programmes, programme →
 * contacts) and links them back (country → partners, programme → partners). Every reference to a
 * missing entry is reported at once, as `file: field: message` lines, in a `ContentError`.
 */
export function resolveSiteData(raw: RawCollections): SiteData {
	const problems: string[] = [];
	const byName = (a: Partner, b: Partner) => a.data.name.en.localeCompare(b.data.name.en, 'en');

	const contacts: Contact[] = [...raw.contacts].sort(
		(a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)
	);
	const contactById = new Map(contacts.map((contact) => [contact.id, contact]));

	const countries: Country[] = raw.countries
		.map((entry) => ({ ...entry, partners: [] as Partner[] }))
		.sort((a, b) => a.data.name.fr.localeCompare(b.data.name.fr, 'fr'));
	const countryById = new Map(countries.map((country) => [country.id, country]));

	const programmes: Programme[] = raw.programmes
		.map((entry) => ({
			id: entry.id,
			filePath: entry.filePath,
			data: entry.data,
			contacts: entry.data.contacts.flatMap((ref, index) => {
				const contact = contactById.get(ref.id);
				if (!contact) {
					problems.push(
						formatIssue(
							fileOf(entry, 'programmes'),
							`contacts.${index}`,
							`unknown contact "${ref.id}": there is no file content/contacts/${ref.id}.yaml`
						)
					);
					return [];
				}
				return [contact];
			}),
			partners: [] as Partner[],
		}))
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
	const programmeById = new Map(programmes.map((programme) => [programme.id, programme]));

	const partners: Partner[] = [];
	for (const entry of raw.partners) {
		const file = fileOf(entry, 'partners');
		const country = countryById.get(entry.data.country.id);
		if (!country) {
			problems.push(
				formatIssue(
					file,
					'country',
					`unknown country "${entry.data.country.id}": there is no file content/countries/${entry.data.country.id}.yaml`
				)
			);
		}
		const agreements: Agreement[] = entry.data.agreements.map((agreement, index) => {
			const programme = agreement.programme ? programmeById.get(agreement.programme.id) : undefined;
			if (agreement.programme && !programme) {
				problems.push(
					formatIssue(
						file,
						`agreements.${index}.programme`,
						`unknown programme "${agreement.programme.id}": there is no file content/programmes/${agreement.programme.id}.yaml`
					)
				);
			}
			return { ...agreement, programme };
		});
		if (!country) continue;
		const partnerProgrammes = [
			...new Set(
				agreements.flatMap((agreement) => (agreement.programme ? [agreement.programme] : []))
			),
		];
		const partner: Partner = {
			id: entry.id,
			filePath: entry.filePath,
			data: entry.data,
			country,
			agreements,
			programmes: partnerProgrammes,
		};
		partners.push(partner);
		country.partners.push(partner);
		for (const programme of partnerProgrammes) programme.partners.push(partner);
	}
	if (problems.length > 0) throw new ContentError(problems);

	partners.sort(byName);
	for (const country of countries) country.partners.sort(byName);
	for (const programme of programmes) programme.partners.sort(byName);

	return {
		partners,
		countries,
		programmes,
		contacts,
		partnerById: new Map(partners.map((partner) => [partner.id, partner])),
		countryById,
		programmeById,
		contactById,
		glossary: raw.glossary,
		termById: new Map(raw.glossary.map((term) => [term.id, term])),
	};
}

/**
 * When a page listing entries was last checked: the oldest review date among them, since the
 * page is no fresher than its stalest entry.
 */
export function oldestReview(entries: readonly { data: { lastReviewed: Date } }[]): Date {
	return new Date(Math.min(...entries.map((entry) => entry.data.lastReviewed.getTime())));
}

/** Every source of a list of entries, once each, in order of first appearance. */
export function allSources(entries: readonly { data: { sources: string[] } }[]): string[] {
	return [...new Set(entries.flatMap((entry) => entry.data.sources))];
}
