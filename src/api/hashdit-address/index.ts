export { HASHDIT_CODES, toHashditError } from './codes.js';
export type { AddressSecurityData, AddressSecurityEnvelope } from './envelope.js';
export { ADDRESS_SECURITY_PATH, hashditAddressFace, hashditAddressPlugin } from './plugin.js';
