import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A clone of the project must explain itself: a comment or test title cites a path in the
 * repo — `docs/DESIGN.md "Section"` for a design rule — never an issue number, the product
 * owner's seed files, or a document that lives outside the repo.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const sourceExtensions = /\.(ts|svelte|js|cjs|mjs)$/;
// Installed or generated trees, never written by hand: by name anywhere, or by path from the root
// (web/src/lib/data is source; the root's data/ is the server's database).
const skippedNames = new Set(['node_modules', 'test-results', 'playwright-report']);
const skippedPaths = new Set(['data', 'web/build', 'build', 'dist']);

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.name.startsWith('.') || skippedNames.has(entry.name) || skippedPaths.has(relative(root, path))) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (sourceExtensions.test(entry.name) && path !== self) out.push(path);
  }
  return out;
}

/** The headings of docs/DESIGN.md, outside code fences: what a citation may name. */
export function headingsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}

interface Problem {
  line: number;
  text: string;
  why: string;
}

const forbidden: { pattern: RegExp; why: string }[] = [
  { pattern: /\bissues? #?\d+/i, why: 'cites an issue number: state the rule, or cite docs/DESIGN.md "Section"' },
  { pattern: /\(#\d+\)/, why: 'cites an issue number: state the rule, or cite docs/DESIGN.md "Section"' },
  { pattern: /\bseeds? 0\d\d\b|\bseeds\//i, why: 'cites a seed file, which is not in the repo: cite docs/DESIGN.md "Section"' },
  { pattern: /(?<!docs\/)\bDESIGN\.md/, why: 'cites a DESIGN.md other than docs/DESIGN.md' },
  { pattern: /\.\.\/shared\//, why: 'cites ../shared/, which is not in the repo' },
];

/** Every citation problem in one file's text; `exists` says whether a repo path exists. */
export function citationProblems(source: string, headings: ReadonlySet<string>, exists: (mdPath: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    const line = i + 1;
    for (const { pattern, why } of forbidden) if (pattern.test(text)) problems.push({ line, text, why });
    // A section name wrapped onto the next comment line would escape the check below.
    if (/docs\/DESIGN\.md\s*$/.test(text) && /^\s*(?:\*|\/\/)?\s*"/.test(lines[i + 1] ?? '')) {
      problems.push({ line, text, why: 'keep a cited section name on one line' });
    }
    for (const m of text.matchAll(/docs\/DESIGN\.md\s+"([^"]*)("?)/g)) {
      if (m[2] !== '"') problems.push({ line, text, why: 'keep a cited section name on one line' });
      else if (!headings.has(m[1]!)) problems.push({ line, text, why: `docs/DESIGN.md has no section "${m[1]}"` });
    }
    // Any other Markdown file named must be a path in the repo (bench/README.md, sim/README.md).
    for (const m of text.matchAll(/(?<![\w./-])((?:[\w-]+\/)*[\w-]+\.md)\b/g)) {
      if (m[1] !== 'DESIGN.md' && !exists(m[1]!)) problems.push({ line, text, why: `${m[1]} is not a file in the repo` });
    }
  });
  return problems;
}

describe('citationProblems', () => {
  const headings = new Set(['The draft queue', 'Who sees what']);
  const exists = (p: string) => ['docs/DESIGN.md', 'bench/README.md'].includes(p);
  it.each([
    ['// Drafts stay local (docs/DESIGN.md "The draft queue").', []],
    ['// See bench/README.md for the figures.', []],
    ['/** Upcoming first (docs/DESIGN.md "Session tabs"). */', ['docs/DESIGN.md has no section "Session tabs"']],
    ['// The builder (issue 8).', ['cites an issue number: state the rule, or cite docs/DESIGN.md "Section"']],
    ["it('keeps the draft (issue #12)', () => {", ['cites an issue number: state the rule, or cite docs/DESIGN.md "Section"']],
    ['// Fixed in (#31).', ['cites an issue number: state the rule, or cite docs/DESIGN.md "Section"']],
    ['// Seed 003 flow 2: plans.', ['cites a seed file, which is not in the repo: cite docs/DESIGN.md "Section"']],
    ['// See ../shared/seeds/003.txt', ['cites a seed file, which is not in the repo: cite docs/DESIGN.md "Section"', 'cites ../shared/, which is not in the repo']],
    ['// (DESIGN.md rule 1)', ['cites a DESIGN.md other than docs/DESIGN.md']],
    ['// a limit of 13 per realm (STACK.md)', ['STACK.md is not a file in the repo']],
    ['// as the docs/DESIGN.md "The draft', ['keep a cited section name on one line']],
    [' * kept (docs/DESIGN.md\n * "The draft queue").', ['keep a cited section name on one line']],
    // Not citations: CSS colours, a simulation op number, a random seed, a zod issue.
    ["  .late { color: #991b1b; } // op #12 of seed 74572; issue.path[0]", []],
  ])('%s', (source, whys) => {
    expect(citationProblems(source, headings, exists).map((p) => p.why)).toEqual(whys);
  });
});

describe('the repo cites only what it holds', () => {
  const headings = headingsOf(readFileSync(join(root, 'docs/DESIGN.md'), 'utf8'));
  const exists = (mdPath: string) => existsSync(join(root, mdPath));

  it('docs/DESIGN.md has its sections, each heading once', () => {
    const all = readFileSync(join(root, 'docs/DESIGN.md'), 'utf8').split('\n').filter((l) => /^#{1,6}\s/.test(l));
    expect(headings.size).toBeGreaterThan(20);
    expect(headings.size).toBe(all.length);
  });

  it('no source file cites an issue, a seed file, an outside document or a missing section', () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(100);
    // Every workspace is scanned, the web data layer included.
    for (const part of ['shared-schema/src/', 'sync-server/src/', 'web/src/lib/data/', 'sim/', 'e2e/', 'bench/']) {
      expect(files.some((f) => relative(root, f).startsWith(part))).toBe(true);
    }
    const found = files.flatMap((file) =>
      citationProblems(readFileSync(file, 'utf8'), headings, (p) => exists(p) || existsSync(join(dirname(file), p))).map(
        (p) => `${relative(root, file)}:${p.line}: ${p.why}\n    ${p.text.trim()}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
