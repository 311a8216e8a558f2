/** Reads a live stream (GET /api/sync/stream) event by event, for the server's tests. */
export async function openEventStream(url: string, token: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${url}/api/sync/stream?token=${token}`, { signal: ctrl.signal });
  if (res.status !== 200) throw new Error(`stream: ${res.status}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<unknown> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = chunk.split('\n').find((l) => l.startsWith('data: '));
        if (data) return JSON.parse(data.slice(6));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
    }
  };
  return {
    next,
    /** The next event carrying document `id` of `collection` (events for other documents are skipped). */
    async until(collection: string, id: string): Promise<Record<string, unknown>> {
      for (;;) {
        const event = (await next()) as { collection?: string; documents?: Record<string, unknown>[] };
        const doc = event.collection === collection ? event.documents?.find((d) => d.id === id) : undefined;
        if (doc) return doc;
      }
    },
    close: () => ctrl.abort(),
  };
}
