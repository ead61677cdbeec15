/**
 * The school's page on the European mobility programmes (the 2014-2020 Erasmus+ charter and
 * Erasmus Policy Statement): the seed of the whole site and the source of pages that list
 * entries without a source of their own.
 */
export const SEED_SOURCE = 'http://mines-ales.fr/pages/les-programmes-europeens-de-mobilite';
