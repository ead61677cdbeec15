import { geoBounds, geoCentroid, geoContains, geoDistance, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import land from 'world-atlas/land-110m.json' with { type: 'json' };

/**
 * Maps drawn at build time as inline SVG: country outlines from Natural Earth (world-atlas,
 * 1:110m) projected with d3-geo, and one marker per partner. No tiles, no request anywhere.
 * @see https://github.com/topojson/world-atlas
 * @see https://d3js.org/d3-geo
 */

/** A partner to place on the map. */
export interface MapPoint {
	/** Partner id, so that the finder can show or hide the marker. */
	id: string;
	/** Where the marker leads. */
	href: string;
	/** Accessible name of the marker. */
	label: string;
	/** ISO 3166-1 alpha-2 code of the partner's country (lower case). */
	country: string;
	/** Position of the campus, when known. */
	coordinates?: { lat: number; lon: number } | undefined;
}

/** A marker ready to draw. */
export interface MapMarker extends MapPoint {
	x: number;
	y: number;
	/** `true` when the partner has no coordinates and stands at its country's centre. */
	approximate: boolean;
}

/** Everything a map component draws. */
export interface MapDrawing {
	width: number;
	height: number;
	/** Outline of every country in view; `focus` marks the country a page is about. */
	countries: { d: string; focus: boolean }[];
	markers: MapMarker[];
}

type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const worldFeatures = (
	feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
).features as CountryFeature[];
const featureByNumeric = new Map(worldFeatures.map((country) => [String(country.id), country]));

/**
 * The land masses for the world map, simplified (half of the points kept by weight) and without
 * Antarctica's outline: country borders are only drawn on a country's own map. This keeps the
 * world map near 20 KB of SVG instead of 130 KB.
 */
const landTopology = land as unknown as Topology<{ land: GeometryCollection }>;
const simplifiedLand = (() => {
	const prepared = presimplify(structuredClone(landTopology));
	const simplified = simplify(prepared, quantile(prepared, 0.5));
	return feature(simplified, simplified.objects.land) as unknown as FeatureCollection<
		Polygon | MultiPolygon
	>;
})();

/** The outline of a country from its ISO 3166-1 alpha-2 code, if the 1:110m data has it. */
export function countryFeature(alpha2: string): CountryFeature | undefined {
	const numeric = countries.alpha2ToNumeric(alpha2.toUpperCase());
	return numeric ? featureByNumeric.get(numeric) : undefined;
}

/**
 * A point inside the largest polygon of a country, to place partners whose campus position is
 * unknown: the centroid of that polygon when it falls inside, else the nearest point inside.
 */
export function countryAnchor(alpha2: string): [number, number] | undefined {
	if (!anchors.has(alpha2)) anchors.set(alpha2, findAnchor(alpha2));
	return anchors.get(alpha2);
}

/** Anchors already found: the search is costly and every marker of a country needs it. */
const anchors = new Map<string, [number, number] | undefined>();

function findAnchor(alpha2: string): [number, number] | undefined {
	const country = countryFeature(alpha2);
	if (!country) return undefined;
	const polygons =
		country.geometry.type === 'Polygon'
			? [country.geometry.coordinates]
			: country.geometry.coordinates;
	const largest = polygons
		.map((coordinates) => ({ type: 'Polygon', coordinates }) as Polygon)
		.sort((a, b) => geoPath().area(b) - geoPath().area(a))[0]!;
	const centroid = geoCentroid(largest);
	if (geoContains(largest, centroid)) return centroid;
	// Long, curved countries (Viet Nam): the inside point of a 24×24 grid nearest the centroid.
	const [[west, south], [east, north]] = geoBounds(largest);
	let best: [number, number] | undefined;
	for (let row = 0; row <= 24; row++) {
		for (let column = 0; column <= 24; column++) {
			const point: [number, number] = [
				west + ((east - west) * column) / 24,
				south + ((north - south) * row) / 24,
			];
			if (
				geoContains(largest, point) &&
				(!best || geoDistance(point, centroid) < geoDistance(best, centroid))
			)
				best = point;
		}
	}
	return best ?? centroid;
}

/**
 * Projects the world, or one country and its surroundings, and places the markers.
 * Partners sharing a position are fanned out a little so that each marker stays clickable.
 */
export function drawMap({
	points,
	focus,
	width = 960,
}: {
	points: MapPoint[];
	focus?: string | undefined;
	width?: number;
}): MapDrawing {
	const focusFeature = focus ? countryFeature(focus) : undefined;
	const height = Math.round(width * (focusFeature ? 0.6 : 0.45));
	const projection = geoEqualEarth();
	let drawn: { d: string; focus: boolean }[];
	if (focusFeature) {
		// A country and its neighbours, with borders, at full precision.
		projection
			.fitExtent(
				[
					[40, 40],
					[width - 40, height - 40],
				],
				focusFeature
			)
			.clipExtent([
				[0, 0],
				[width, height],
			]);
		const path = geoPath(projection).digits(1);
		drawn = worldFeatures
			.map((country) => ({ d: path(country) ?? '', focus: country === focusFeature }))
			.filter((country) => country.d !== '');
	} else {
		// The world's land masses, framed from 58° S (leaving Antarctica out) to 84° N.
		const frame: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[-180, -58],
					[-180, 84],
					[180, 84],
					[180, -58],
					[-180, -58],
				],
			],
		};
		projection
			.fitExtent(
				[
					[4, 4],
					[width - 4, height - 4],
				],
				frame
			)
			.clipExtent([
				[0, 0],
				[width, height],
			]);
		const path = geoPath(projection).digits(0);
		drawn = [
			{ d: simplifiedLand.features.map((shape) => path(shape) ?? '').join(''), focus: false },
		];
	}

	const seen = new Map<string, number>();
	const markers: MapMarker[] = [];
	for (const point of points) {
		const position = point.coordinates
			? ([point.coordinates.lon, point.coordinates.lat] as [number, number])
			: countryAnchor(point.country);
		const projected = position && projection(position);
		if (!projected) continue;
		const key = `${Math.round(projected[0])},${Math.round(projected[1])}`;
		const rank = seen.get(key) ?? 0;
		seen.set(key, rank + 1);
		// Fan out markers at the same spot along a spiral, 9px apart.
		const angle = rank * 2.4;
		const radius = rank === 0 ? 0 : 9 * Math.sqrt(rank);
		markers.push({
			...point,
			x: Math.round((projected[0] + radius * Math.cos(angle)) * 10) / 10,
			y: Math.round((projected[1] + radius * Math.sin(angle)) * 10) / 10,
			approximate: !point.coordinates,
		});
	}
	return { width, height, countries: drawn, markers };
}
