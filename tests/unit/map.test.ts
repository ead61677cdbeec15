import { describe, expect, test } from 'vitest';
import { geoContains } from 'd3-geo';
import { countryAnchor, countryFeature, drawMap } from '../../src/lib/map';
import { contentIds } from '../fixtures/content';

const countryIds = contentIds('countries');

describe('map', () => {
	test('every country of the site has an outline and an anchor inside it', () => {
		for (const id of countryIds) {
			const feature = countryFeature(id);
			expect(feature, id).toBeDefined();
			expect(geoContains(feature!, countryAnchor(id)!), id).toBe(true);
		}
	});

	test('places known coordinates, falls back to the country, and keeps markers apart', () => {
		const drawing = drawMap({
			points: [
				{
					id: 'a',
					href: '/a/',
					label: 'A',
					country: 'jp',
					coordinates: { lat: 34.34, lon: 134.05 },
				},
				{ id: 'b', href: '/b/', label: 'B', country: 'jp' },
				{ id: 'c', href: '/c/', label: 'C', country: 'jp' },
			],
		});
		expect(drawing.markers.map((marker) => marker.approximate)).toEqual([false, true, true]);
		const [, b, c] = drawing.markers;
		expect(Math.hypot(b!.x - c!.x, b!.y - c!.y)).toBeGreaterThanOrEqual(8);
		for (const marker of drawing.markers) {
			expect(marker.x).toBeGreaterThan(0);
			expect(marker.x).toBeLessThan(drawing.width);
			expect(marker.y).toBeGreaterThan(0);
			expect(marker.y).toBeLessThan(drawing.height);
		}
	});

	test('the world map draws land only; a country map draws that country and its neighbours', () => {
		const world = drawMap({ points: [] });
		expect(world.countries).toHaveLength(1);
		expect(world.countries[0]!.d.length).toBeLessThan(40_000);
		const japan = drawMap({ points: [], focus: 'jp' });
		expect(japan.countries.filter((country) => country.focus)).toHaveLength(1);
		expect(japan.countries.length).toBeGreaterThan(1);
		expect(japan.countries.length).toBeLessThan(30);
	});
});
