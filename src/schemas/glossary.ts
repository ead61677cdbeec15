import { z } from 'astro/zod';
import { field, localizedSchema, provenanceShape, textSchema } from './common.ts';

/**
 * A term of the French–English glossary. One YAML file per term in `content/glossary/`; the file
 * name is the term's anchor on the glossary page (`pfe.yaml` → `/glossaire/#pfe`) and the id
 * pages use to link to it (`<Term id="pfe" />`).
 */
export const glossarySchema = z.strictObject({
	term: field(localizedSchema, {
		label: { fr: 'Terme', en: 'Term' },
		hint: 'Le terme tel que le lecteur le rencontre dans chaque langue (Contrat d’études / Learning agreement).',
		description:
			'The term as readers meet it in each language (e.g. fr `Contrat d’études`, en `Learning agreement`).',
	}),
	expansion: field(localizedSchema.optional(), {
		label: { fr: 'Forme développée', en: 'Expansion' },
		fact: 'public',
		detail: true,
		hint: 'La forme développée d’un sigle, dans chaque langue (Projet de fin d’études / Final-year project).',
		description:
			'Expansion of an abbreviation, in each language (e.g. `Projet de fin d’études` / `Final-year project`).',
	}),
	aliases: field(z.array(textSchema({ en: 'an alias', fr: 'un autre nom' })).default([]), {
		label: { fr: 'Autres noms', en: 'Aliases' },
		fact: 'public',
		detail: true,
		hint: 'Les autres graphies ou noms qu’un lecteur peut chercher (EHIC, CEAM).',
		description: 'Other spellings or names a reader may search for (e.g. `EHIC`, `CEAM`).',
	}),
	definition: field(localizedSchema, {
		label: { fr: 'Définition', en: 'Definition' },
		format: 'markdown',
		hint: 'Ce que le terme veut dire, en Markdown, dans chaque langue.',
		description: 'What it means, in Markdown, in each language.',
	}),
	...provenanceShape,
});
export type GlossaryData = z.infer<typeof glossarySchema>;
