import type { Partner } from './resolve.ts';

/**
 * What the site calls a partner, defined once: an institution with at least one agreement with
 * the school. An institution the sources only show in contact with it (a visit, a cooperation, a
 * letter of intent) keeps its sheet and is listed for what it is, « établissement en contact »,
 * never counted or shown as a partner. Every count and list uses these functions: the home page
 * and the finder, the maps, the country index and country pages, the programme pages.
 */
export function isPresentedPartner(partner: Partner): boolean {
	return partner.agreements.length > 0;
}

/** The presented partners of a list, in its order. */
export function presentedPartners(partners: readonly Partner[]): Partner[] {
	return partners.filter(isPresentedPartner);
}

/** The institutions of a list that are only in contact with the school, in its order. */
export function contactInstitutions(partners: readonly Partner[]): Partner[] {
	return partners.filter((partner) => !isPresentedPartner(partner));
}
