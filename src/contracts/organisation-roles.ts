/**
 * The organisation kinds and the roles each holds, as plain data for every layer (the web app included, which may
 * import these values: they carry no schema library). The same constants the server decides with — not a copy.
 */
export { ENTERPRISE_TYPES, ORGANISATION_KINDS, ROLES, ROLES_BY_ORGANISATION_KIND } from '../core/access/roles.js';
