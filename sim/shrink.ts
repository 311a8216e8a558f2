import type { Op } from './schedule.ts';

/**
 * Delta debugging (Zeller's ddmin, complement-only): drop chunks of the schedule while it still
 * fails, halving the chunk size when no chunk can go. Each attempt is a whole simulation run,
 * so the search stops when its time budget is spent and returns the shortest failing schedule
 * found so far. Operations keep their original `n`, so the markers in the report still match.
 */
export async function shrink(ops: Op[], stillFails: (candidate: Op[]) => Promise<boolean>, budgetMs: number, log: (line: string) => void): Promise<Op[]> {
  const deadline = Date.now() + budgetMs;
  let current = ops;
  let parts = 2;
  while (current.length >= 2 && Date.now() < deadline) {
    const size = Math.ceil(current.length / parts);
    let reduced = false;
    for (let start = 0; start < current.length && Date.now() < deadline; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      if (await stillFails(candidate)) {
        log(`  shrunk to ${candidate.length} operations`);
        current = candidate;
        parts = Math.max(parts - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (parts >= current.length) break;
      parts = Math.min(current.length, parts * 2);
    }
  }
  return current;
}

/** The kind of a failure ("lost", "diverged", ...): a shrink must keep failing the same way. */
export const failureKinds = (failures: string[]) => new Set(failures.map((f) => f.split(':')[0]!));
