import { z } from 'astro/zod';
import { descriptions, field, fieldMeta } from './common.ts';
import { agreementSchema, partnerObjectSchema } from './partner.ts';

/**
 * The published form of the partner data (`/data/partners.json`, `/data/partners/<id>.json`):
 * the fields of the data files, with references written as ids, dates as `YYYY-MM-DD` and the
 * pages' addresses added. Its JSON Schema (`/data/partners.schema.json`) is generated from this
 * schema, each field described by its `field()` in the data files' schemas.
 */

/** Version of the published data format; raise the major number on a breaking change. */
export const DATASET_VERSION = '2.0.0';

/**
 * A field of the data files written otherwise in the published form (ids for references, dates as
 * text): the new type, with what is said of the field.
 */
const retyped = <T extends z.ZodType>(original: z.ZodType, schema: T): T =>
	field(schema, fieldMeta.get(original) ?? { label: { fr: '', en: '' } });

const dateString = z.iso.date();

/** A schema of the published form with its description (not a field of the data files). */
function described<T extends z.ZodType>(schema: T, description: string): T {
	const copy = schema.clone() as T;
	descriptions.add(copy, { description });
	return copy;
}

/** One agreement as published. */
export const agreementExportSchema = z.strictObject({
	...agreementSchema.shape,
	programme: retyped(agreementSchema.shape.programme, z.string().optional()),
});

/** One partner as published. */
export const partnerExportSchema = described(
	z.strictObject({
		id: field(z.string(), {
			label: { fr: 'Identifiant', en: 'Id' },
			description: 'Identifier of the partner (the name of its data file), stable across versions.',
		}),
		pages: field(z.strictObject({ fr: z.string(), en: z.string() }), {
			label: { fr: 'Pages', en: 'Pages' },
			description: 'Addresses of the partner’s fact sheet on this site, in French and in English.',
		}),
		...partnerObjectSchema.shape,
		country: retyped(partnerObjectSchema.shape.country, z.string().regex(/^[a-z]{2}$/)),
		agreements: retyped(partnerObjectSchema.shape.agreements, z.array(agreementExportSchema)),
		consulted: retyped(partnerObjectSchema.shape.consulted, dateString),
		confirmed: retyped(partnerObjectSchema.shape.confirmed, dateString.optional()),
	}),
	'A partner institution of École des Mines d’Alès (IMT Mines Alès).'
);
export type PartnerExport = z.infer<typeof partnerExportSchema>;

/** The whole dataset as published. */
export const datasetSchema = described(
	z.strictObject({
		version: described(
			z.literal(DATASET_VERSION),
			'Version of the data format (semantic versioning).'
		),
		consulted: described(
			dateString,
			'Most recent date on which the sources of a record were consulted (YYYY-MM-DD).'
		),
		source: described(z.string(), 'Site that publishes the data.'),
		partners: described(z.array(partnerExportSchema), 'Every partner, by English name.'),
	}),
	'Partner institutions of École des Mines d’Alès (IMT Mines Alès), published by its Service Pédagogie Internationale.'
);
export type Dataset = z.infer<typeof datasetSchema>;
