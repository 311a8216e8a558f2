import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/**
 * The mails the browser tests' server sent: without SMTP settings it keeps them in its dev
 * outbox, text files in the data folder (README "Email"). A test reads the one it waits for
 * and follows its link, as the person would from their mailbox.
 */
const outbox = () => join(process.env.SPOTTER_E2E_DATA!, 'outbox');
const taken = new Set<string>();

export interface OutboxMail {
  subject: string;
  text: string;
  /** The first link in the mail. */
  link: URL;
}

function read(name: string): OutboxMail {
  const raw = readFileSync(join(outbox(), name), 'utf8');
  const [head = '', ...body] = raw.split('\n\n');
  const subject = head.split('\n').find((l) => l.startsWith('Subject: '))?.slice('Subject: '.length) ?? '';
  const text = body.join('\n\n');
  return { subject, text, link: new URL(text.match(/https?:\/\/\S+/)![0]) };
}

/** Waits for the next mail to `email` (whose subject matches, when given) not read before. */
export async function mailTo(email: string, subject?: RegExp): Promise<OutboxMail> {
  let found: string | undefined;
  await expect.poll(() => {
    if (!existsSync(outbox())) return false;
    found = readdirSync(outbox()).sort().find((name) => {
      if (taken.has(name)) return false;
      const mail = readFileSync(join(outbox(), name), 'utf8');
      return mail.startsWith(`To: ${email}\n`) && (!subject || subject.test(read(name).subject));
    });
    return !!found;
  }, { message: `a mail to ${email} in the dev outbox`, timeout: 15_000 }).toBe(true);
  taken.add(found!);
  return read(found!);
}

/** A link from a mail as a path on the test server (the mail names the server's PUBLIC_URL). */
export const pathOf = (link: URL) => `${link.pathname}${link.hash}`;
