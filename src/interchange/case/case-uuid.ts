import { createHash } from 'node:crypto';

/**
 * The namespace of every UUID Zerodock derives for CASE objects: the RFC 4122 version-5 UUID of the URL
 * `https://zerodock.org/case` in the URL namespace. Fixed forever, so re-exporting a framework keeps its GUIDs.
 */
export const ZERODOCK_CASE_NAMESPACE = '5caddf48-ac4f-5e82-83e4-f714900023f8';

/** An RFC 4122 version-5 (SHA-1, name-based) UUID: the same name always gives the same identifier. */
export function caseUuid(name: string, namespace: string = ZERODOCK_CASE_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
