import type { Bilingual } from './locales.ts';

/** Kinds of mobility an agreement covers. */
export const agreementKinds = ['study', 'internship', 'double-degree', 'staff'] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** What each kind of agreement is called. */
export const agreementKindLabels: Readonly<Record<AgreementKind, Bilingual>> = {
	study: { fr: 'Échange d’études', en: 'Study exchange' },
	internship: { fr: 'Stage', en: 'Internship' },
	'double-degree': { fr: 'Double diplôme', en: 'Double degree' },
	staff: { fr: 'Mobilité des personnels', en: 'Staff mobility' },
};

/** Status of a partnership. */
export const partnerStatuses = ['active', 'suspended', 'ended'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

/** What each status of a partnership is called. */
export const partnerStatusLabels: Readonly<Record<PartnerStatus, Bilingual>> = {
	active: { fr: 'Actif', en: 'Active' },
	suspended: { fr: 'Suspendu', en: 'Suspended' },
	ended: { fr: 'Terminé', en: 'Ended' },
};

/** Whether a programme still runs. */
export const programmeStatuses = ['active', 'ended'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/** What each status of a programme is called. */
export const programmeStatusLabels: Readonly<Record<ProgrammeStatus, Bilingual>> = {
	active: { fr: 'En cours', en: 'Running' },
	ended: { fr: 'Terminé', en: 'Ended' },
};
