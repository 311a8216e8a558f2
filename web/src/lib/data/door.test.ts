import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// web/src/lib/data is the only door to the data: nothing else in the app imports RxDB, reaches
// a device's insides, or talks HTTP itself. Pages get named queries and commands.
const src = join(import.meta.dirname, '..', '..');
const door = join(src, 'lib', 'data');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === door ? [] : files(path);
    return /\.(ts|svelte|js)$/.test(e.name) ? [path] : [];
  });
}

const rules: { what: string; pattern: RegExp }[] = [
  { what: 'imports rxdb', pattern: /(?:from\s+|import\s*\(\s*|import\s+)['"]rxdb(?:\/[^'"]*)?['"]/ },
  { what: "reaches a device's insides", pattern: /['"][^'"]*\/data\/internals\.ts['"]/ },
  { what: 'talks HTTP itself', pattern: /\bfetch\s*\(|\bnew\s+EventSource\b|\bXMLHttpRequest\b/ },
];

describe('the data door', () => {
  const outside = files(src);

  it('has files outside it to check (the scan finds the app)', () => {
    expect(outside.some((f) => f.endsWith('+layout.svelte'))).toBe(true);
    expect(outside.some((f) => f.endsWith('client-data.svelte.ts'))).toBe(true);
  });

  it.each(rules)('nothing outside web/src/lib/data $what', ({ pattern }) => {
    const offenders = outside.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    expect(rules[0]!.pattern.test("import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';")).toBe(true);
    expect(rules[0]!.pattern.test("import type { RxDatabase } from 'rxdb';")).toBe(true);
    expect(rules[0]!.pattern.test("const m = await import('rxdb');")).toBe(true);
    expect(rules[0]!.pattern.test("import { x } from 'rxdb-other';")).toBe(false);
    expect(rules[1]!.pattern.test("import { internals } from '../data/internals.ts';")).toBe(true);
    expect(rules[2]!.pattern.test('await fetch(url)')).toBe(true);
  });
});
