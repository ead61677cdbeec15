import { defineHastPlugin, type HastPluginEntry, type MdxJsxAttributeUnion } from 'satteri';
import { withBase } from './i18n';

const linkAttributes = new Set(['href', 'src']);

/** Whether a value is a root-relative path that needs the base path. */
const isRootPath = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * A Sätteri (Astro 7's Markdown processor) plugin that adds the base path the site is built for
 * (`BASE_PATH`, e.g. `/international/`) to the root-relative links of Markdown and MDX pages:
 * Markdown links and images, and the `href` of components such as `<LinkCard>`. Pages are written
 * with plain links (`/guides/logement/`) and work wherever the server hosts the site. It runs
 * before the link validator, which expects links that include the base, as Starlight does.
 * @see https://docs.astro.build/en/reference/markdown-processors/satteri/
 */
export function markdownBasePath(base: string): HastPluginEntry {
	if (base === '/' || base === '') return null;
	const withAttributes = <N extends { attributes: MdxJsxAttributeUnion[] }>(node: N): N | void => {
		if (
			!node.attributes.some(
				(attribute) =>
					attribute.type === 'mdxJsxAttribute' &&
					linkAttributes.has(attribute.name) &&
					isRootPath(attribute.value)
			)
		)
			return;
		return {
			...node,
			attributes: node.attributes.map((attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				linkAttributes.has(attribute.name) &&
				isRootPath(attribute.value)
					? { ...attribute, value: withBase(attribute.value, base) }
					: attribute
			),
		};
	};
	return defineHastPlugin({
		name: 'base-path',
		element: {
			filter: ['a', 'img'],
			visit(node, context) {
				for (const name of ['href', 'src']) {
					const value = node.properties[name];
					if (isRootPath(value)) context.setProperty(node, name, withBase(value, base));
				}
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node) => withAttributes(node) as never },
		mdxJsxTextElement: { filter: [], visit: (node) => withAttributes(node) as never },
	});
}
