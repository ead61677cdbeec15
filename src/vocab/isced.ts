/**
 * Fields of education and training (ISCED-F 2013), as used by Erasmus Without Paper
 * (`subject-area/isced-f-code`). Only the broad fields and the narrow and detailed fields that
 * an engineering school's agreements may use are listed; add a code here before using it in a
 * partner file.
 * @see https://uis.unesco.org/en/topic/international-standard-classification-education-isced
 */
export const iscedFields = {
	'00': {
		fr: 'Programmes et certifications génériques',
		en: 'Generic programmes and qualifications',
	},
	'01': { fr: 'Éducation', en: 'Education' },
	'02': { fr: 'Arts et humanités', en: 'Arts and humanities' },
	'03': {
		fr: 'Sciences sociales, journalisme et information',
		en: 'Social sciences, journalism and information',
	},
	'04': { fr: 'Commerce, administration et droit', en: 'Business, administration and law' },
	'041': { fr: 'Commerce et administration', en: 'Business and administration' },
	'0413': { fr: 'Gestion et administration', en: 'Management and administration' },
	'05': {
		fr: 'Sciences naturelles, mathématiques et statistiques',
		en: 'Natural sciences, mathematics and statistics',
	},
	'052': { fr: 'Environnement', en: 'Environment' },
	'0521': { fr: "Sciences de l'environnement", en: 'Environmental sciences' },
	'053': { fr: 'Sciences physiques', en: 'Physical sciences' },
	'0531': { fr: 'Chimie', en: 'Chemistry' },
	'0532': { fr: 'Sciences de la Terre', en: 'Earth sciences' },
	'0533': { fr: 'Physique', en: 'Physics' },
	'054': { fr: 'Mathématiques et statistiques', en: 'Mathematics and statistics' },
	'06': {
		fr: "Technologies de l'information et de la communication",
		en: 'Information and communication technologies',
	},
	'061': {
		fr: "Technologies de l'information et de la communication",
		en: 'Information and communication technologies',
	},
	'0613': {
		fr: 'Conception et analyse de logiciels et d’applications',
		en: 'Software and applications development and analysis',
	},
	'07': {
		fr: 'Ingénierie, industries de transformation et construction',
		en: 'Engineering, manufacturing and construction',
	},
	'071': { fr: 'Ingénierie et techniques apparentées', en: 'Engineering and engineering trades' },
	'0711': { fr: 'Génie chimique et procédés', en: 'Chemical engineering and processes' },
	'0712': {
		fr: "Technologies de protection de l'environnement",
		en: 'Environmental protection technology',
	},
	'0713': { fr: 'Électricité et énergie', en: 'Electricity and energy' },
	'0714': { fr: 'Électronique et automatisme', en: 'Electronics and automation' },
	'0715': { fr: 'Mécanique et travail des métaux', en: 'Mechanics and metal trades' },
	'072': {
		fr: 'Industries de transformation et de traitement',
		en: 'Manufacturing and processing',
	},
	'0724': { fr: 'Mines et industries extractives', en: 'Mining and extraction' },
	'073': { fr: 'Architecture et construction', en: 'Architecture and construction' },
	'0732': { fr: 'Bâtiment et génie civil', en: 'Building and civil engineering' },
	'08': {
		fr: 'Agriculture, sylviculture, halieutique et sciences vétérinaires',
		en: 'Agriculture, forestry, fisheries and veterinary',
	},
	'09': { fr: 'Santé et protection sociale', en: 'Health and welfare' },
	'10': { fr: 'Services', en: 'Services' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type IscedCode = keyof typeof iscedFields;
export const iscedCodes = Object.keys(iscedFields) as IscedCode[];

/**
 * The broad field (two digits) a code belongs to; the finder filters on broad fields.
 * @example broadField('0713') // '07'
 */
export function broadField(code: string): IscedCode {
	return code.slice(0, 2) as IscedCode;
}
