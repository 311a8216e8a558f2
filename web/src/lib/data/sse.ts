/**
 * Splits a Server-Sent Events body, fed chunk by chunk as it arrives, into the data of each
 * complete event (its `data:` lines joined). A chunk may end mid-event: the rest waits for the
 * next one. Used by the live stream (stream.ts) and by the simulation's wire tap, which reads
 * the same stream as it passes to the app.
 */
export class SseEvents {
  #buffer = '';

  /** The data of every event this chunk completes (events without data are left out). */
  push(chunk: string): string[] {
    this.#buffer += chunk;
    const parts = this.#buffer.split(/\r?\n\r?\n/);
    this.#buffer = parts.pop() ?? '';
    return parts
      .map((part) =>
        part
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n'),
      )
      .filter((data) => data !== '');
  }
}
