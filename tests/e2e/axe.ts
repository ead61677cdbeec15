import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The violations of axe-core's WCAG 2.0 and 2.1 A and AA rules (RGAA builds on them) on the page
 * as it is, one line each: the rule, what it asks, and the first three elements at fault.
 *
 * Axe runs in the page itself (`setLegacyMode`: `axe.run` in every frame of the page, frames of
 * the same origin included), not in parts gathered in a blank page opened for each scan, which
 * Playwright's default does for frames of other origins; the site has none. And axe details only
 * the violations (`resultTypes`), not every element that passes. The rules and what they find
 * are the same, at under half the time per page.
 * @see https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#options-parameter
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.setLegacyMode()
		.analyze();
	return violations.map(
		(violation) =>
			`${violation.id}: ${violation.help} (${violation.nodes
				.map((node) => node.target.join(' '))
				.slice(0, 3)
				.join(' | ')})`
	);
}
