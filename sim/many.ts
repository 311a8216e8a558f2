import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSeed } from './prng.ts';

/**
 * `SIM_SEEDS=N npm run test:sim`: N seeds, each a whole simulation (its own server and six
 * device processes) in its own `node sim/run.ts`, as many at once as the machine has cores
 * (`SIM_PARALLEL` to choose). Seeds: SIM_SEED, SIM_SEED+1, ... when SIM_SEED is set, else
 * random. One line per seed as it ends (replay it with SIM_SEED=<seed>); each run's whole
 * output in a log file. The other SIM_ variables go to every run (shrinking is off unless
 * SIM_SHRINK_MINUTES is set).
 */
export interface SeedOutcome {
  seed: number;
  passed: boolean;
  seconds: number;
  log: string;
  /** The failure lines of the report (empty when passed). */
  failures: string[];
}

export async function runSeeds(count: number): Promise<SeedOutcome[]> {
  const first = process.env.SIM_SEED ? Number(process.env.SIM_SEED) : null;
  const seeds = Array.from({ length: count }, (_, i) => (first === null ? randomSeed() : first + i));
  const parallel = Number(process.env.SIM_PARALLEL ?? Math.max(1, availableParallelism()));
  const ops = process.env.SIM_OPS ?? '60';
  console.log(`SIM_SEEDS=${count} SIM_OPS=${ops}, ${parallel} at a time: seeds ${seeds.join(', ')}`);
  const outcomes: SeedOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < seeds.length) {
      const seed = seeds[next++]!;
      const outcome = await runOne(seed);
      outcomes.push(outcome);
      const head = `seed ${seed}: ${outcome.passed ? 'PASS' : 'FAIL'} in ${outcome.seconds.toFixed(0)} s (log ${outcome.log})`;
      console.log([head, ...outcome.failures.slice(0, 5).map((f) => `    ${f}`)].join('\n'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, seeds.length) }, worker));
  const failed = outcomes.filter((o) => !o.passed);
  console.log(`${outcomes.length} seeds × ${ops} operations: ${outcomes.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.map((o) => o.seed).join(', ')}; replay: SIM_SEED=<seed> SIM_OPS=${ops} npm run test:sim, SIM_TRACE=1 logs every push, pull and write)` : ''}`);
  return outcomes;
}

function runOne(seed: number): Promise<SeedOutcome> {
  const log = join(tmpdir(), `spotter-sim-${seed}.log`);
  const out = createWriteStream(log);
  const started = Date.now();
  const env = { ...process.env, SIM_SEED: String(seed), SIM_SEEDS: '', SIM_SHRINK_MINUTES: process.env.SIM_SHRINK_MINUTES ?? '0' };
  const child = spawn(process.execPath, ['--no-warnings', join(import.meta.dirname, 'run.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const keep = (chunk: Buffer) => {
    out.write(chunk);
    text = (text + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      out.end();
      const failures = text.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
      resolve({ seed, passed: code === 0, seconds: (Date.now() - started) / 1000, log, failures: code === 0 ? [] : failures.length ? failures : [`exit ${code}`] });
    });
  });
}
