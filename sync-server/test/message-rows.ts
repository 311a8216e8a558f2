/** Push rows of plain coach messages and a paged read of their ids: the child-process fault tests share them. */
import { expect } from 'vitest';
import { message } from '@spotter/shared/fixtures.ts';
import { postJson } from '@spotter/sim/faults/cut-proxy.ts';

const now = () => new Date().toISOString();

/** A push row creating message `id` from the coach to the client. */
export const messageRow = (coach: { id: string }, clientId: string, id: string, body: string) => ({
  assumedMasterState: null,
  newDocumentState: { ...message({ id, authorId: coach.id, coachId: coach.id, clientId, body, createdAt: now(), updatedAt: now() }), _deleted: false },
});

/** Ids starting with `prefix` among every message the coach can pull, in seq order. */
export async function messageIds(url: string, token: string, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  let checkpoint: unknown = null;
  for (;;) {
    const res = await postJson(url, '/api/sync/messages/pull', token, { checkpoint, batchSize: 1000 });
    expect(res.status).toBe(200);
    if (res.body.documents.length === 0) return ids;
    ids.push(...res.body.documents.map((d: any) => d.id).filter((id: string) => id.startsWith(prefix)));
    checkpoint = res.body.checkpoint;
  }
}
