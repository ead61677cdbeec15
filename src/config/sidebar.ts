import type { StarlightUserConfig } from '@astrojs/starlight/types';

/**
 * The sidebar, grouped by reader journey. Labels of groups and of generated pages (partners,
 * countries, programmes, contacts) are translated here; pages of `content/docs/` take their
 * title in each language. Individual partners and countries are deliberately not listed: their
 * index pages are, so that every page's weight stays the same however many partners there are.
 */
export const sidebar = [
	{
		label: 'Étudier à l’étranger',
		translations: { en: 'Study abroad' },
		items: [
			{ slug: 'etudier-a-l-etranger', label: 'Les étapes', translations: { en: 'Step by step' } },
			{
				label: 'Trouver un partenaire',
				translations: { en: 'Find a partner' },
				link: '/partenaires/',
			},
			{
				label: 'Comparer des partenaires',
				translations: { en: 'Compare partners' },
				link: '/partenaires/comparer/',
			},
			{ label: 'Guides pays', translations: { en: 'Country guides' }, link: '/pays/' },
			{ label: 'Programmes', translations: { en: 'Programmes' }, link: '/programmes/' },
			{
				label: 'Cours déjà reconnus',
				translations: { en: 'Courses already recognised' },
				link: '/reconnaissances/',
			},
		],
	},
	{
		label: 'Stage à l’étranger',
		translations: { en: 'Internship abroad' },
		items: [
			{ slug: 'stage-a-l-etranger', label: 'Les étapes', translations: { en: 'Step by step' } },
		],
	},
	{
		label: 'Venir étudier à Mines Alès',
		translations: { en: 'Study at Mines Alès' },
		items: [
			{ slug: 'venir-etudier', label: 'Les étapes', translations: { en: 'Step by step' } },
			{ slug: 'guides/logement' },
		],
	},
	{
		label: 'Établissements partenaires',
		translations: { en: 'Partner institutions' },
		items: [
			{
				slug: 'etablissements-partenaires',
				label: 'Présentation',
				translations: { en: 'Overview' },
			},
			{ slug: 'erasmus' },
			{ slug: 'mobilite-des-personnels' },
		],
	},
	{
		label: 'Guides pratiques',
		translations: { en: 'Practical guides' },
		items: [
			{ slug: 'guides/contrat-d-etudes' },
			{ slug: 'guides/assurance-et-securite-sociale' },
			{ slug: 'guides/bourses' },
			{
				label: 'Estimer son budget',
				translations: { en: 'Estimate your budget' },
				link: '/budget/',
			},
			{ slug: 'guides/langues' },
			{ label: 'Glossaire', translations: { en: 'Glossary' }, link: '/glossaire/' },
		],
	},
	{ label: 'Contacts', translations: { en: 'Contacts' }, link: '/contacts/' },
] satisfies NonNullable<StarlightUserConfig['sidebar']>;
