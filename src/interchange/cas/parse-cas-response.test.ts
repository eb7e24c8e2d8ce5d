import { describe, expect, it } from 'vitest';
import { parseCasResponse } from './parse-cas-response.js';

const NS = 'xmlns:cas="http://www.yale.edu/tp/cas"';

describe('parseCasResponse', () => {
  it('reads the user and repeated CAS 3.0 attributes', () => {
    const result = parseCasResponse(`<?xml version="1.0"?>
<cas:serviceResponse ${NS}>
  <cas:authenticationSuccess>
    <cas:user>2024001</cas:user>
    <cas:attributes>
      <cas:mail>li.lei@college.edu.cn</cas:mail>
      <cas:memberOf>student</cas:memberOf>
      <cas:memberOf>library</cas:memberOf>
      <cas:name><![CDATA[李雷 & 韩梅梅]]></cas:name>
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>`);
    expect(result).toEqual({
      kind: 'success',
      user: '2024001',
      attributes: { mail: ['li.lei@college.edu.cn'], memberOf: ['student', 'library'], name: ['李雷 & 韩梅梅'] },
    });
  });

  it('reads a failure with its code, whatever the namespace prefix', () => {
    expect(
      parseCasResponse(
        `<sso:serviceResponse xmlns:sso="http://www.yale.edu/tp/cas"><sso:authenticationFailure code="INVALID_TICKET">Ticket ST-1 not recognized</sso:authenticationFailure></sso:serviceResponse>`,
      ),
    ).toEqual({ kind: 'failure', code: 'INVALID_TICKET', message: 'Ticket ST-1 not recognized' });
  });

  it.each([
    ['not XML', 'Service temporarily unavailable'],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['truncated', `<cas:serviceResponse ${NS}><cas:authenticationSuccess><cas:user>2024001`],
    [
      'no user',
      `<cas:serviceResponse ${NS}><cas:authenticationSuccess></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    ['neither', `<cas:serviceResponse ${NS}></cas:serviceResponse>`],
    [
      'an entity (no DTD processing)',
      `<!DOCTYPE x [<!ENTITY a "2024001">]><cas:serviceResponse ${NS}><cas:authenticationSuccess><cas:user>&a;</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    ['empty', ''],
  ])('refuses %s as malformed', (_label, xml) => {
    expect(parseCasResponse(xml).kind).toBe('malformed');
  });

  it('does not take a user nested elsewhere for the authenticated one', () => {
    const result = parseCasResponse(
      `<cas:serviceResponse ${NS}><cas:authenticationSuccess><cas:proxies><cas:user>admin</cas:user></cas:proxies></cas:authenticationSuccess></cas:serviceResponse>`,
    );
    expect(result.kind).toBe('malformed');
  });
});
