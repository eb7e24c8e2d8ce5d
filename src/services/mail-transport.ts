import nodemailer from 'nodemailer';

/** One plain-text message to one person. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail; the production implementation speaks SMTP (nodemailer), tests start a real SMTP server. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** `ZERODOCK_SMTP_URL` (smtp:// or smtps://, user and password in the URL) and `ZERODOCK_MAIL_FROM`. */
export interface SmtpSettings {
  readonly url: string;
  readonly from: string;
}

/**
 * SMTP through nodemailer: one pooled-less transport (a few mails an hour at most: reset codes), with short
 * timeouts so an unreachable server fails the request in seconds instead of holding it.
 */
export function createSmtpMailTransport(settings: SmtpSettings): MailTransport {
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
