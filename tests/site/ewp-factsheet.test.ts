import { describe, expect, test } from 'vitest';
import { ewpFactsheetXml } from '../../src/lib/exporters/ewp-factsheet-xml';
import { dataFiles, fileHref, localePath, routes } from '../../src/lib/routes';
import { langs } from '../../src/vocab/locales';
import { realContent } from '../fixtures/content';
import { ewpSchemaFile, xmllint } from '../fixtures/ewp-factsheet';
import { attributeValues, basePath, distFiles, fileForPath, readDist } from './dist';

/**
 * `/data/factsheet.xml` in the real build: written only once the content holds every fact the
 * EWP schema requires (then valid against it); until then absent, and the open-data page says
 * so in both languages, listing what is missing, without a link to the absent file.
 */

const files = new Set(distFiles());
const raw = realContent();
const contacts = new Map(raw.contacts.map((contact) => [contact.id, contact.data]));
const expected = ewpFactsheetXml(raw.factsheet[0]!.data, (id) => contacts.get(id));
const file = dataFiles.factsheetXml().slice(1);
const href = fileHref(dataFiles.factsheetXml(), basePath);
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replaceAll('&amp;', '&')
		.replaceAll('&#39;', "'")
		.replaceAll('&quot;', '"');

describe('the EWP factsheet in the built site', () => {
	test('is written exactly when the content holds every required fact, and then validates', () => {
		expect(files.has(file)).toBe(expected.xml !== undefined);
		if (expected.xml !== undefined) {
			const { status, output } = xmllint(readDist(file), ewpSchemaFile());
			expect(status, output).toBe(0);
		}
	});

	test('is not published today: the office has not entered the facts EWP requires', () => {
		expect(expected.gaps.length).toBeGreaterThan(0);
		expect(files.has(file)).toBe(false);
	});

	test('the open-data page says why, in both languages, listing what is missing', () => {
		for (const lang of langs) {
			const page = readDist(
				fileForPath(`${basePath}${localePath(lang, routes.openData()).slice(1)}`, files)!
			);
			expect(attributeValues(page, 'href'), lang).not.toContain(href);
			const words = text(page);
			expect(words, lang).toContain(href);
			expect(words, lang).toContain(
				lang === 'fr'
					? 'Son schéma officiel exige des informations que seul le Service Pédagogie Internationale peut donner'
					: 'Its official schema requires facts only the Service Pédagogie Internationale can give'
			);
			for (const gap of expected.gaps)
				expect(words, `${lang}: ${gap.path}`).toContain(gap.label[lang]);
		}
	});
});
