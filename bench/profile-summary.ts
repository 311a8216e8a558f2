/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, BENCH_PROFILE=1): self time by
 * function and inclusive time of our own functions, the quickest way to see where a
 * server figure goes. With a focus regex (e.g. "push.ts"), only the samples under a matching
 * frame count.  node bench/profile-summary.ts bench/profiles/<file>.cpuprofile [top] [focus]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const [file, topArg, focusArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-summary.ts <file.cpuprofile> [top] [focus: a regex on "function file:line"]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[] };
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const focus = focusArg ? new RegExp(focusArg) : null;
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${n.callFrame.lineNumber + 1}`;

// Under focus, a node counts only when a matching frame is above it (or is it).
const inFocus = new Set<number>();
(function mark(id: number, under: boolean) {
  const n = byId.get(id)!;
  const now = under || (focus?.test(label(n)) ?? true);
  if (now) inFocus.add(id);
  for (const c of n.children ?? []) mark(c, now);
})(profile.nodes[0]!.id, false);
for (const n of profile.nodes) if (!inFocus.has(n.id)) n.hitCount = 0;
const total = Math.max(1, profile.nodes.reduce((a, n) => a + n.hitCount, 0));

const self = new Map<string, number>();
for (const n of profile.nodes) self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);

// Inclusive: a node's hits plus its subtree's, counted once per label per stack.
const inclusive = new Map<string, number>();
function walk(id: number, onStack: Set<string>): number {
  const n = byId.get(id)!;
  let hits = n.hitCount;
  const l = label(n);
  const fresh = !onStack.has(l);
  if (fresh) onStack.add(l);
  for (const c of n.children ?? []) hits += walk(c, onStack);
  if (fresh) {
    onStack.delete(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + hits);
  }
  return hits;
}
walk(profile.nodes[0]!.id, new Set());

const show = (title: string, m: Map<string, number>, filter: (l: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  for (const [l, h] of [...m].filter(([l]) => filter(l)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((h / total) * 100).toFixed(1).padStart(5)} %  ${l}`);
};
show('self time', self);
show('inclusive time, our code', inclusive, (l) => /(sync-server|shared-schema)\//.test(l) && !l.includes('node_modules'));
// A page's profile (browser-*.cpuprofile): every function of the app's chunks, RxDB and Dexie
// included (they are bundled into them), by name when built with SPOTTER_NO_MINIFY=1.
show('inclusive time, the page\'s chunks', inclusive, (l) => l.includes('/_app/immutable/'));
