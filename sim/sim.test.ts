import { describe, expect, it } from 'vitest';
import { Prng, randomSeed } from './prng.ts';
import { formatReport } from './report.ts';
import { describe as describeOp, generateSchedule } from './schedule.ts';
import { runSchedule } from './simulation.ts';

/**
 * The short CI run of the sync simulation (sim/README.md). The long mode is `npm run test:sim` with
 * SIM_OPS; a failure here prints the seed, so `SIM_SEED=<seed> SIM_OPS=<n> npm run test:sim`
 * replays it and shrinks it to the shortest failing schedule.
 */
// A new seed every run (so CI keeps exploring), printed first so that a run cut short by a
// timeout can still be replayed. 80 operations: the suite's budget (about 15-35 s).
const seed = process.env.SIM_SEED ? Number(process.env.SIM_SEED) : randomSeed();
const ops = Number(process.env.SIM_CI_OPS ?? 80);
console.log(`sync simulation: SIM_SEED=${seed} SIM_OPS=${ops} (replay: SIM_SEED=${seed} SIM_OPS=${ops} npm run test:sim)`);

describe('sync simulation (short run)', () => {
  it(`seven devices, faults and all: no write lost or duplicated (SIM_SEED=${seed} SIM_OPS=${ops})`, { timeout: 300_000 }, async () => {
    const schedule = generateSchedule(new Prng(seed), ops);
    const result = await runSchedule(schedule);
    console.log(formatReport(seed, ops, result));
    const context = result.failures.length ? `\nReplay: SIM_SEED=${seed} SIM_OPS=${ops} npm run test:sim\nSchedule:\n${schedule.map(describeOp).join('\n')}` : '';
    expect(result.failures, context).toEqual([]);
    expect(result.userOps.applied).toBeGreaterThan(0);
  });
});
