/**
 * Components for MDX pages, from one place: `import { Steps, Aside, Contact, Foreign, Term } from '~/components';`.
 * Those that show the site's data are in `mdx/`: MDX gives them an id at most, so each fetches
 * its data and calls one view, as a page does, then renders with a component of this folder.
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
export { default as Contact } from './mdx/Contact.astro';
export { default as LinkCard } from './LinkCard.astro';
export { default as CountryGuides } from './mdx/CountryGuides.astro';
export { default as NetworkStatement } from './mdx/NetworkStatement.astro';
export { default as Foreign } from './Foreign.astro';
export { default as LegalFacts } from './mdx/LegalFacts.astro';
export { default as Term } from './mdx/Term.astro';
