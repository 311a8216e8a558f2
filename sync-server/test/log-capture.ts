import { Writable } from 'node:stream';

/** A pino destination for startTestServer({ logStream }) that keeps every JSON line. */
export function logCapture() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return {
    stream,
    lines,
    /** The lines of one security event (security-log.ts). */
    events: (event: string) => lines.filter((l) => l.event === event),
    /** Everything logged, as text: for "no secret in the log" checks. */
    text: () => lines.map((l) => JSON.stringify(l)).join('\n'),
  };
}
