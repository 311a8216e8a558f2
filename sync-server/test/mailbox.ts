/**
 * A real SMTP server in-process (smtp-server), for tests that follow the links in the mails
 * the sync server sends: start it, pass its port to startTestServer({ smtpPort }), then wait
 * for a mail to an address and read its link.
 *
 *   const box = await startMailbox();
 *   const s = await startTestServer({ smtpPort: box.port });
 *   const mail = await box.next('ana@example.test');     // waits for it
 *   const token = tokenIn(mail);                          // the part after # of its link
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailbox {
  port: number;
  /** Every mail received so far, oldest first. */
  received: ReceivedMail[];
  /** The next mail to this address not yet taken by next() (waits up to `timeoutMs`). */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  let wake: (() => void)[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback, no login: what a local relay offers.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: typeof session.envelope.mailFrom === 'object' && session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
        });
        const waiting = wake;
        wake = [];
        for (const w of waiting) w();
        callback();
      }, (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  async function next(to: string, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = received.find((m) => !taken.has(m) && m.to.includes(to.toLowerCase()));
      if (mail) {
        taken.add(mail);
        return mail;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${to} within ${timeoutMs} ms (received: ${received.map((m) => `${m.to} "${m.subject}"`).join('; ') || 'none'})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return { port, received, next, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The first link in a mail's text. */
export function linkIn(mail: { text: string }): URL {
  const found = mail.text.match(/https?:\/\/\S+/);
  if (!found) throw new Error(`no link in mail: ${mail.text}`);
  return new URL(found[0]);
}

/** The token of a mail's link: what the web page reads from the fragment. */
export const tokenIn = (mail: { text: string }): string => linkIn(mail).hash.slice(1);
