import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxMailer } from './mailer.ts';

const dir = mkdtempSync(join(tmpdir(), 'spotter-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev outbox', () => {
  it('keeps each mail as a text file named by time and recipient, the link whole', async () => {
    const outbox = outboxMailer(join(dir, 'outbox'));
    const link = `http://localhost:8787/invite#0190f0f0-0000-7000-8000-000000000000.${'a'.repeat(43)}`;
    await outbox.send({ to: 'ana@example.test', subject: 'First', text: `Open:\n${link}`, html: '' });
    await outbox.send({ to: 'ana@example.test', subject: 'Second', text: 'Again', html: '' });
    const files = readdirSync(join(dir, 'outbox')).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/ana@example\.test\.txt$/);
    const first = readFileSync(join(dir, 'outbox', files[0]!), 'utf8');
    expect(first.startsWith('To: ana@example.test\nSubject: First\n\n')).toBe(true);
    expect(first.split('\n')).toContain(link);
    expect(readFileSync(join(dir, 'outbox', files[1]!), 'utf8')).toContain('Subject: Second');
  });
});
