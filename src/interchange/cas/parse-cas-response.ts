import { SaxesParser } from 'saxes';

/** What a CAS server said about a service ticket (`/serviceValidate`, `/p3/serviceValidate`). */
export type CasValidation =
  | { kind: 'success'; user: string; attributes: Record<string, string[]> }
  | { kind: 'failure'; code: string; message: string }
  | { kind: 'malformed'; problem: string };

const MAX_DEPTH = 16;

/**
 * Reads a CAS 2.0/3.0 service-validation answer with saxes (an XML parser: no regular expressions over markup).
 * Element names are compared without their prefix (`cas:user` and a server that declares the namespace under another
 * prefix read the same). No DTD processing: an entity other than the five predefined ones is an error, so there is no
 * entity expansion. CAS 3.0 attributes (`cas:attributes/*`) may repeat: every value is kept, in order.
 */
export function parseCasResponse(xml: string): CasValidation {
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  let user: string | null = null;
  let failure: { code: string; message: string } | null = null;
  let success = false;
  const attributes: Record<string, string[]> = {};
  let text = '';
  let problem: string | null = null;
  parser.on('error', (error) => {
    problem ??= `not well-formed XML (${error.message.split('\n')[0] ?? ''})`;
  });
  parser.on('doctype', () => {
    problem ??= 'a DOCTYPE is not allowed';
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (path.length === 0 && name !== 'serviceResponse')
      problem ??= `the root element is ${tag.name}, not cas:serviceResponse`;
    path.push(name);
    if (path.length > MAX_DEPTH) problem ??= `elements nested more than ${MAX_DEPTH} deep`;
    text = '';
    if (path.length === 2 && name === 'authenticationSuccess') success = true;
    if (path.length === 2 && name === 'authenticationFailure') {
      const code = tag.attributes.code;
      failure = { code: typeof code === 'string' && code ? code : 'UNKNOWN', message: '' };
    }
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    const value = text.trim();
    if (path.length === 3 && path[1] === 'authenticationSuccess' && name === 'user') user = value;
    if (path.length === 4 && path[1] === 'authenticationSuccess' && path[2] === 'attributes') {
      (attributes[name] ??= []).push(value);
    }
    if (path.length === 2 && name === 'authenticationFailure' && failure) failure.message = value.slice(0, 500);
    path.pop();
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    problem ??= `not well-formed XML (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''})`;
  }
  if (problem) return { kind: 'malformed', problem };
  if (failure) return { kind: 'failure', ...(failure as { code: string; message: string }) };
  if (!success)
    return { kind: 'malformed', problem: 'neither cas:authenticationSuccess nor cas:authenticationFailure' };
  if (!user) return { kind: 'malformed', problem: 'cas:authenticationSuccess without cas:user' };
  return { kind: 'success', user, attributes };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
