import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: outgoing mail', () => {
  it('has no mail transport without ZERODOCK_SMTP_URL (codes are shown to the admin)', () => {
    expect(loadConfig({}, '/tmp').mail).toBeNull();
  });

  it('reads the SMTP URL and the sender', () => {
    const config = loadConfig(
      {
        ZERODOCK_SMTP_URL: 'smtps://user:secret@mail.example.cn:465',
        ZERODOCK_MAIL_FROM: 'Zerodock <no-reply@example.cn>',
      },
      '/tmp',
    );
    expect(config.mail).toEqual({
      url: 'smtps://user:secret@mail.example.cn:465',
      from: 'Zerodock <no-reply@example.cn>',
    });
    expect(loadConfig({ ZERODOCK_SMTP_URL: 'smtp://localhost:25' }, '/tmp').mail?.from).toBe(
      'Zerodock <no-reply@localhost>',
    );
  });

  it('refuses a URL that is not SMTP, naming the variable', () => {
    expect(() => loadConfig({ ZERODOCK_SMTP_URL: 'http://mail.example.cn' }, '/tmp')).toThrow(/ZERODOCK_SMTP_URL/);
  });
});
