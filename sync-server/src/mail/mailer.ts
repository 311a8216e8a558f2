import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One outgoing email: plain text (the links readable as they are) and the same as simple HTML. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where outgoing mail goes (docs/DESIGN.md "Invitations and passwords", README "Email"). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** For the start-up line: "SMTP mail.example.com:587" or "dev outbox data/outbox". */
  readonly describe: string;
  close(): void;
}

export interface SmtpSettings {
  /** smtp://user:password@host:587 or smtps://…:465 (nodemailer's connection URL). */
  url: string;
  /** The From: address, e.g. "Spotter <no-reply@example.com>". */
  from: string;
}

/** Mail over SMTP with nodemailer: one pooled transport for the server's life. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url, { from: settings.from });
  const where = new URL(settings.url);
  return {
    describe: `SMTP ${where.hostname}:${where.port || (where.protocol === 'smtps:' ? 465 : 587)}`,
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP settings (a laptop, `npm start`): every mail is kept as a text file in `dir`,
 * named by time and recipient, headers first, then the body with its links whole (README
 * "Email"). Never used when SMTP_URL is set.
 */
export function outboxMailer(dir: string): Mailer {
  let made = false;
  let n = 0;
  return {
    describe: `dev outbox ${dir}`,
    async send(mail) {
      if (!made) mkdirSync(dir, { recursive: true, mode: 0o700 });
      made = true;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${String(++n).padStart(4, '0')}-${mail.to.replace(/[^A-Za-z0-9@._-]/g, '_')}.txt`;
      writeFileSync(join(dir, name), `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`, { mode: 0o600 });
    },
    close: () => undefined,
  };
}
