import type { ContactData } from '../schemas/contact.ts';
import type { CountryData } from '../schemas/country.ts';
import type { FactsheetData } from '../schemas/factsheet.ts';
import type { GlossaryData } from '../schemas/glossary.ts';
import type { GrantData } from '../schemas/grant.ts';
import type { LegalData } from '../schemas/legal.ts';
import { say } from '../schemas/messages.ts';
import { latestFirst, publishable } from '../schemas/report.ts';
import type { AgreementData, PartnerData } from '../schemas/partner.ts';
import type { ProgrammeData } from '../schemas/programme.ts';
import type { RecognitionData } from '../schemas/recognition.ts';
import type { ReportData } from '../schemas/report.ts';
import { collection, dataCollections, type DataCollectionName } from './collections.ts';
import { ContentError, type Problem } from './problems.ts';
import { referencesIn, schemaTree } from './schema-tree.ts';

/**
 * The data collections resolved together: every reference checked and replaced by the entry it
 * points to, and linked back (a country knows its partners, a programme its partners). Pure: the
 * build (`src/loaders/site-data.ts`), `check:content` and the tests call it with entries read
 * their own way.
 */

/** An entry of a data collection: its id, the file it came from and its validated data. */
export interface Entry<D> {
	id: string;
	/** Path of the file relative to the project root, for messages. */
	filePath?: string | undefined;
	data: D;
}

/** The validated entries of every data collection, references still as ids. */
export interface RawCollections {
	partners: Entry<PartnerData>[];
	countries: Entry<CountryData>[];
	programmes: Entry<ProgrammeData>[];
	contacts: Entry<ContactData>[];
	glossary: Entry<GlossaryData>[];
	factsheet: Entry<FactsheetData>[];
	legal: Entry<LegalData>[];
	/** Absent when a caller reads no recognised course (older tests, tools). */
	recognitions?: Entry<RecognitionData>[] | undefined;
	reports?: Entry<ReportData>[] | undefined;
	/** Absent when a caller reads no grant (older tests, tools). */
	grants?: Entry<GrantData>[] | undefined;
}

export type GlossaryTerm = Entry<GlossaryData>;
export type Contact = Entry<ContactData>;

export interface Country extends Entry<CountryData> {
	/** Partners in this country, by English name. */
	partners: Partner[];
}
export interface Programme extends Entry<ProgrammeData> {
	/** The contacts `data.contacts` names. */
	contacts: Contact[];
	/** Partners with at least one agreement under this programme. */
	partners: Partner[];
}
export interface Agreement extends Omit<AgreementData, 'programme'> {
	programme?: Programme | undefined;
}
export interface Partner extends Entry<PartnerData> {
	/** The country `data.country` names. */
	country: Country;
	/** `data.agreements`, with their programme resolved. */
	agreements: Agreement[];
	/** Programmes of the partner's agreements, without repeats. */
	programmes: Programme[];
	/** Pages that gather agreements of a kind the partner has (the double degrees). */
	gatheredBy: Programme[];
}

type RawInformation = NonNullable<FactsheetData['housingInfo']>;
/** The factsheet's information entries, with their contact resolved. */
export interface Information extends Omit<RawInformation, 'contact' | 'websites'> {
	contact?: Contact | undefined;
	websites: NonNullable<RawInformation['websites']>;
}
/** The school's factsheet, with its contacts resolved. */
export interface Factsheet extends Omit<
	FactsheetData,
	| 'applicationInfo'
	| 'housingInfo'
	| 'visaInfo'
	| 'insuranceInfo'
	| 'accessibility'
	| 'additionalInfo'
> {
	applicationInfo?: Information | undefined;
	housingInfo?: Information | undefined;
	visaInfo?: Information | undefined;
	insuranceInfo?: Information | undefined;
	accessibility?:
		| {
				type: 'infrastructure' | 'service';
				name: { fr: string; en: string };
				information: Information;
		  }[]
		| undefined;
	additionalInfo: { type: string; info: Information }[];
}

/** A recognised course, with its partner. */
export interface Recognition extends Entry<RecognitionData> {
	partner: Partner;
}
/** A returnee report, with its partner, its programme and the recognised courses it names. */
export interface Report extends Entry<ReportData> {
	partner: Partner;
	programme?: Programme | undefined;
	courses: { title: string; recognition?: Recognition | undefined }[];
}

/** Every collection, with references resolved both ways. */
export interface SiteData {
	partners: Partner[];
	countries: Country[];
	programmes: Programme[];
	contacts: Contact[];
	glossary: GlossaryTerm[];
	partnerById: Map<string, Partner>;
	countryById: Map<string, Country>;
	programmeById: Map<string, Programme>;
	contactById: Map<string, Contact>;
	termById: Map<string, GlossaryTerm>;
	/** The school's factsheet (`content/factsheet/mines-ales.yaml`), when there is one. */
	factsheet: Factsheet | undefined;
	/** The facts of the legal pages and the accessibility status (`content/site/legal.yaml`). */
	legal: LegalData | undefined;
	/** Recognised courses, by partner then title. */
	recognitions: Recognition[];
	/** Returnee reports the students agreed to have published, the latest stay first. */
	reports: Report[];
	/** Grants for a stay abroad (`content/grants/`), by id. */
	grants: Entry<GrantData>[];
}

/** Finds the line of a field in a file, when the caller knows it (the loaders do). */
export type Locate = (file: string, path: (string | number)[]) => number | undefined;

const fileOf = (entry: Entry<unknown>, name: string) =>
	entry.filePath ?? `${collection(name)?.folder ?? `content/${name}`}/${entry.id}.yaml`;

/**
 * Every reference of every entry to an entry that does not exist, found by walking each
 * collection's schema (`reference()` fields): a new collection's references are checked without
 * a line of code here.
 */
export function unknownReferences(raw: RawCollections, locate?: Locate): Problem[] {
	const byName = raw as unknown as Record<DataCollectionName, Entry<unknown>[]>;
	const ids = new Map<string, Set<string>>(
		dataCollections.map((definition) => [
			definition.name,
			new Set((byName[definition.name] ?? []).map((entry) => entry.id)),
		])
	);
	const problems: Problem[] = [];
	for (const definition of dataCollections) {
		const tree = schemaTree(definition.schema);
		for (const entry of byName[definition.name] ?? []) {
			for (const reference of referencesIn(tree, entry.data)) {
				if (ids.get(reference.collection)?.has(reference.id)) continue;
				const target = collection(reference.collection);
				const file = fileOf(entry, definition.name);
				const folder = target?.folder ?? `content/${reference.collection}`;
				const singular = target?.labels.singular ?? {
					en: reference.collection,
					fr: reference.collection,
				};
				problems.push({
					file,
					line: locate?.(file, reference.path),
					field: reference.path.join('.'),
					message: say({
						en: `unknown ${singular.en.toLowerCase()} "${reference.id}": there is no file ${folder}/${reference.id}.yaml`,
						fr: `${singular.fr.toLowerCase()} inconnu « ${reference.id} » : il n’y a pas de fichier ${folder}/${reference.id}.yaml`,
					}),
				});
			}
		}
	}
	return problems;
}

/**
 * Resolves the references between collections (partner → country and programmes, programme →
 * contacts, factsheet → contacts) and links them back (country → partners, programme →
 * partners). Every reference to a missing entry is reported at once, in a `ContentError`.
 */
export function resolveSiteData(raw: RawCollections, locate?: Locate): SiteData {
	const problems = unknownReferences(raw, locate);
	if (problems.length > 0) throw new ContentError(problems);

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
			...entry,
			contacts: entry.data.contacts.map((id) => contactById.get(id)!),
			partners: [] as Partner[],
		}))
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
	const programmeById = new Map(programmes.map((programme) => [programme.id, programme]));

	const partners: Partner[] = raw.partners.map((entry) => {
		const agreements: Agreement[] = entry.data.agreements.map(({ programme, ...agreement }) => ({
			...agreement,
			programme: programme === undefined ? undefined : programmeById.get(programme)!,
		}));
		return {
			...entry,
			country: countryById.get(entry.data.country)!,
			agreements,
			programmes: [
				...new Set(agreements.flatMap(({ programme }) => (programme ? [programme] : []))),
			],
			gatheredBy: programmes.filter(
				(programme) =>
					programme.data.gathers !== undefined &&
					agreements.some((agreement) => agreement.kind === programme.data.gathers)
			),
		};
	});
	partners.sort(byName);
	for (const partner of partners) {
		partner.country.partners.push(partner);
		for (const programme of new Set([...partner.programmes, ...partner.gatheredBy]))
			programme.partners.push(partner);
	}

	const recognitions: Recognition[] = (raw.recognitions ?? [])
		.map((entry) => ({ ...entry, partner: partners.find(({ id }) => id === entry.data.partner)! }))
		.sort(
			(a, b) =>
				byName(a.partner, b.partner) ||
				a.data.course.title.localeCompare(b.data.course.title) ||
				a.id.localeCompare(b.id)
		);
	const recognitionById = new Map(recognitions.map((entry) => [entry.id, entry]));
	const reports: Report[] = latestFirst((raw.reports ?? []).filter(publishable)).map((entry) => ({
		...entry,
		partner: partners.find(({ id }) => id === entry.data.partner)!,
		programme:
			entry.data.programme === undefined ? undefined : programmeById.get(entry.data.programme),
		courses: (entry.data.courses ?? []).map((course) => ({
			title: course.title,
			recognition:
				course.recognition === undefined ? undefined : recognitionById.get(course.recognition),
		})),
	}));

	return {
		partners,
		countries,
		programmes,
		contacts,
		glossary: raw.glossary,
		recognitions,
		reports,
		grants: [...(raw.grants ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
		partnerById: new Map(partners.map((partner) => [partner.id, partner])),
		countryById,
		programmeById,
		contactById,
		termById: new Map(raw.glossary.map((term) => [term.id, term])),
		factsheet: raw.factsheet[0] && resolveFactsheet(raw.factsheet[0].data, contactById),
		legal: raw.legal[0]?.data,
	};
}

/** The factsheet with its contacts resolved (references already checked). */
function resolveFactsheet(raw: FactsheetData, contacts: Map<string, Contact>): Factsheet {
	const resolve = (entry: RawInformation | undefined): Information | undefined =>
		entry && {
			...entry,
			contact: entry.contact === undefined ? undefined : contacts.get(entry.contact),
			websites: entry.websites ?? [],
		};
	return {
		...raw,
		applicationInfo: resolve(raw.applicationInfo),
		housingInfo: resolve(raw.housingInfo),
		visaInfo: resolve(raw.visaInfo),
		insuranceInfo: resolve(raw.insuranceInfo),
		accessibility: raw.accessibility?.map((item) => ({
			...item,
			information: resolve(item.information)!,
		})),
		additionalInfo: raw.additionalInfo.map((item) => ({
			type: item.type,
			info: resolve(item.info)!,
		})),
	};
}
