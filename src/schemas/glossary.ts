import { z } from 'astro/zod';
import {
	labelled,
	localizedSchema,
	provenanceLabels,
	provenanceShape,
	textSchema,
} from './common.ts';

/**
 * A term of the French–English glossary. One YAML file per term in `content/glossary/`; the file
 * name is the term's anchor on the glossary page (`pfe.yaml` → `/glossaire/#pfe`) and the id
 * pages use to link to it (`<Term id="pfe" />`).
 */
export const glossarySchema = labelled(
	z.strictObject({
		/**
		 * The term as readers meet it in each language (e.g. fr `Contrat d’études`, en `Learning
		 * agreement`).
		 * @fr Le terme tel que le lecteur le rencontre dans chaque langue (Contrat d’études /
		 *   Learning agreement).
		 */
		term: localizedSchema,
		/**
		 * Expansion of an abbreviation, in each language (e.g. `Projet de fin d’études` /
		 * `Final-year project`).
		 * @fr La forme développée d’un sigle, dans chaque langue (Projet de fin d’études /
		 *   Final-year project).
		 */
		expansion: localizedSchema.optional(),
		/**
		 * Other spellings or names a reader may search for (e.g. `EHIC`, `CEAM`).
		 * @fr Les autres graphies ou noms qu’un lecteur peut chercher (EHIC, CEAM).
		 */
		aliases: z.array(textSchema({ en: 'an alias', fr: 'un autre nom' })).default([]),
		/**
		 * What it means, in Markdown, in each language.
		 * @fr Ce que le terme veut dire, en Markdown, dans chaque langue.
		 */
		definition: localizedSchema,
		...provenanceShape,
	}),
	{
		term: { label: { fr: 'Terme', en: 'Term' } },
		expansion: { label: { fr: 'Forme développée', en: 'Expansion' }, fact: 'public', detail: true },
		aliases: { label: { fr: 'Autres noms', en: 'Aliases' }, fact: 'public', detail: true },
		definition: { label: { fr: 'Définition', en: 'Definition' }, format: 'markdown' },
		...provenanceLabels,
	}
);
export type GlossaryData = z.infer<typeof glossarySchema>;
