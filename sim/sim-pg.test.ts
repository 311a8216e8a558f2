import { describe, expect, it } from 'vitest';
import { Prng, randomSeed } from './prng.ts';
import { formatReport } from './report.ts';
import { describe as describeOp, generateSchedule, withInstanceKilledMidway } from './schedule.ts';
import { runSchedule } from './simulation.ts';

/**
 * The short run of the sync simulation on PostgreSQL (vitest project "pg", whose globalSetup
 * starts the cluster): two server instances on one database behind a round-robin proxy, so
 * each device's requests and live stream are spread over both, and one instance SIGKILLed
 * midway during a push and restarted (docs/DESIGN.md "Growing past one machine"). The same
 * oracle as sim.test.ts. A new seed every run, printed; replay with
 * `SIM_STORE=pg SIM_SEED=<seed> SIM_OPS=<n> npm run test:sim`.
 */
const seed = process.env.SIM_SEED ? Number(process.env.SIM_SEED) : randomSeed();
// Fewer operations than the SQLite run: this run's budget is a couple of minutes on CI's 2 cores.
const ops = Number(process.env.SIM_PG_OPS ?? 40);
const replay = `SIM_STORE=pg SIM_SEED=${seed} SIM_OPS=${ops} npm run test:sim`;
console.log(`sync simulation on PostgreSQL, two instances: SIM_SEED=${seed} SIM_OPS=${ops} (replay: ${replay})`);

describe('sync simulation on PostgreSQL with two instances (short run)', () => {
  it(`seven devices over two instances, one killed midway: no write lost or duplicated (SIM_SEED=${seed} SIM_OPS=${ops})`, { timeout: 400_000 }, async () => {
    expect(process.env.SPOTTER_TEST_PG, 'the "pg" project starts the cluster').toMatch(/^postgres/);
    const schedule = withInstanceKilledMidway(generateSchedule(new Prng(seed), ops));
    const result = await runSchedule(schedule, { store: 'pg' });
    console.log(formatReport(seed, ops, result));
    const context = result.failures.length ? `\nReplay: ${replay}\nSchedule:\n${schedule.map(describeOp).join('\n')}` : '';
    expect(result.failures, context).toEqual([]);
    expect(result.userOps.applied).toBeGreaterThan(0);
    // Every scheduled kill happened. Not "exactly": a kill armed on a device's push and the
    // schedule's own can both land when the first one's restart finished in between (seed
    // 1740736085: 3 SIGKILLs for 2 kills, every invariant held); what matters is checked above.
    expect(result.serverKills).toBeGreaterThanOrEqual(schedule.filter((op) => op.kind === 'killServer').length);
    // Both instances answered the devices (the proxy's counts are in the description).
    const served = /requests answered: (\d+) \/ (\d+)/.exec(result.backend);
    expect(served?.slice(1).map(Number).every((n) => n > 0), result.backend).toBe(true);
  });
});
