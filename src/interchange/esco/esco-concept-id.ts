const ESCO_URI = /^https?:\/\/data\.europa\.eu\/esco\/([a-z][a-z-]*)\/([^/\s]+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bundle id of an ESCO concept URI: the UUID for `…/esco/skill/<uuid>` and `…/esco/occupation/<uuid>`,
 * `<scheme>:<key>` otherwise (`…/esco/isced-f/00` → `isced-f:00`), so ids stay unique across schemes.
 * Null when the text is not an ESCO concept URI.
 */
export function escoConceptId(uri: string): string | null {
  const match = ESCO_URI.exec(uri);
  if (!match) return null;
  const scheme = match[1]!;
  const key = match[2]!;
  return (scheme === 'skill' || scheme === 'occupation') && UUID.test(key) ? key.toLowerCase() : `${scheme}:${key}`;
}
