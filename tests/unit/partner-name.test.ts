import { describe, expect, test } from 'vitest';
import { isLatinScript, partnerName, partnerNameLang } from '../../src/lib/i18n';

describe('a partner’s name in French lists and titles', () => {
	test('its French name when it has one', () => {
		expect(
			partnerName(
				{
					native: 'Sapienza Università di Roma',
					en: 'Sapienza University of Rome',
					fr: 'Université Sapienza de Rome',
				},
				'fr'
			)
		).toBe('Université Sapienza de Rome');
	});

	test('else its native name when written in the Latin script, accents included', () => {
		expect(
			partnerName(
				{
					native: 'Instituto Federal Sul-rio-grandense',
					en: 'Federal Institute Sul-rio-grandense',
				},
				'fr'
			)
		).toBe('Instituto Federal Sul-rio-grandense');
		expect(
			partnerName({ native: 'Politechnika Łódzka', en: 'Lodz University of Technology' }, 'fr')
		).toBe('Politechnika Łódzka');
	});

	test('else its English name (a native name in another script)', () => {
		expect(partnerName({ native: '香川大学', en: 'Kagawa University' }, 'fr')).toBe(
			'Kagawa University'
		);
		expect(
			partnerName(
				{
					native: 'Московский государственный технический университет им. Н. Э. Баумана',
					en: 'Bauman Moscow State Technical University',
				},
				'fr'
			)
		).toBe('Bauman Moscow State Technical University');
	});

	test('English pages: always the English name', () => {
		expect(
			partnerName(
				{
					native: 'Sapienza Università di Roma',
					en: 'Sapienza University of Rome',
					fr: 'Université Sapienza de Rome',
				},
				'en'
			)
		).toBe('Sapienza University of Rome');
	});

	test('what counts as the Latin script', () => {
		expect(isLatinScript('Universidade do Porto (U.Porto) 2')).toBe(true);
		expect(isLatinScript('Université « Test »')).toBe(true);
		expect(isLatinScript('東京 University')).toBe(false);
		expect(isLatinScript('2024')).toBe(false);
	});

	test('the language of the name shown, when it is not the page’s', () => {
		const sapienza = {
			native: 'Sapienza Università di Roma',
			nativeLang: 'it',
			en: 'Sapienza University of Rome',
		};
		const bauman = { native: 'МГТУ им. Н. Э. Баумана', nativeLang: 'ru', en: 'Bauman University' };
		expect(partnerNameLang(sapienza, 'fr')).toBe('it');
		expect(partnerNameLang(sapienza, 'en')).toBeUndefined();
		expect(
			partnerNameLang({ ...sapienza, fr: 'Université Sapienza de Rome' }, 'fr')
		).toBeUndefined();
		expect(partnerNameLang(bauman, 'fr')).toBe('en');
		expect(
			partnerNameLang(
				{ native: 'Université de Test', nativeLang: 'fr', en: 'Test University' },
				'fr'
			)
		).toBeUndefined();
	});
});
