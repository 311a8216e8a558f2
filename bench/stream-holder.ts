/**
 * Holds SSE streams in a worker thread, so that reading 500 streams' fan-out does not delay
 * the writers' timers in the bench's main thread: a late timer counts as push latency (the
 * writers measure from the scheduled time), and it would be the bench's delay, not the server's.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openStream, type Stream } from './sse.ts';

export interface HeldStreams {
  /** How many of the streams are still open. */
  open(): Promise<number>;
  close(): Promise<void>;
}

export async function holdStreams(url: string, tokens: string[]): Promise<HeldStreams> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, tokens } });
  const ask = (what: 'open' | 'close') => new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(what);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    open: () => ask('open'),
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { url, tokens } = workerData as { url: string; tokens: string[] };
  const streams: Stream[] = [];
  for (const token of tokens) streams.push(await openStream(url, token, () => undefined));
  port.postMessage('ready');
  port.on('message', (what: 'open' | 'close') => {
    if (what === 'close') for (const s of streams) s.close();
    port.postMessage(streams.filter((s) => s.open).length);
  });
}
