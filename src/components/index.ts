/**
 * Components for MDX pages, from one place: `import { Steps, Aside, Contact, Foreign, Term } from '~/components';`.
 *
 * Starlight's components are all here, used by a page or not: the web editor offers them
 * (`src/lib/page-components.ts`) and writes this import line.
 */
/** @public */
export {
	Aside,
	Badge,
	Card,
	CardGrid,
	Icon,
	LinkButton,
	Steps,
	TabItem,
	Tabs,
} from '@astrojs/starlight/components';
export { default as Contact } from './Contact.astro';
export { default as LinkCard } from './LinkCard.astro';
export { default as CountryGuides } from './CountryGuides.astro';
export { default as NetworkStatement } from './NetworkStatement.astro';
export { default as Foreign } from './Foreign.astro';
export { default as LegalFacts } from './LegalFacts.astro';
export { default as Term } from './Term.astro';
