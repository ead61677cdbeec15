// @ts-check
/** Loopback ports and base path of the servers the end-to-end tests run against. */
export const ports = { root: 4380, subpath: 4381 };
/** The base path of the sub-path build. */
export const subpath = '/international/';
