/**
 * A day as content files write it, `YYYY-MM-DD`: the day of a date as YAML reads it (midnight UTC).
 * @example isoDate(new Date('2026-12-06')) // '2026-12-06'
 */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
