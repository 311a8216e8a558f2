import { describe, expect, it } from 'vitest';
import { SseEvents } from './sse.ts';

describe('SseEvents', () => {
  const rows: [string, string[], string[]][] = [
    ['one event in one chunk', ['data: {"a":1}\n\n'], ['{"a":1}']],
    ['an event split across chunks waits for its end', ['data: {"a"', ':1}\n', '\n'], ['{"a":1}']],
    ['two events in one chunk', ['data: RESYNC\n\ndata: {"b":2}\n\n'], ['RESYNC', '{"b":2}']],
    ['CRLF line ends', ['data: x\r\n\r\n'], ['x']],
    ['several data lines are joined by newlines', ['data: a\ndata: b\n\n'], ['a\nb']],
    ['a comment (heartbeat) carries no data', [': ping\n\n', 'data: y\n\n'], ['y']],
    ['other fields are ignored', ['event: change\nid: 3\ndata: z\n\n'], ['z']],
    ['an unfinished event is not returned', ['data: partial'], []],
  ];
  it.each(rows)('%s', (_, chunks, expected) => {
    const sse = new SseEvents();
    expect(chunks.flatMap((c) => sse.push(c))).toEqual(expected);
  });
});
