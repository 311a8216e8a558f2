import type { SimResult } from './simulation.ts';

export function formatReport(seed: number | string, opsGenerated: number, r: SimResult): string {
  const faults = Object.entries(r.faults)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const o = r.oracle;
  return [
    `Spotter sync simulation — seed ${seed}, ${opsGenerated} operations, ${(r.ms / 1000).toFixed(1)} s`,
    `  user operations: ${r.userOps.applied} applied, ${r.userOps.skipped} not applicable (nothing to pick)`,
    `  faults injected: ${faults || 'none'} (server SIGKILLs in all: ${r.serverKills})`,
    `  pushes observed: ${o.pushes} (${o.rowsAcked} rows acknowledged, ${o.lostAnswers} answers lost with the server, ${o.replays} replays delivered)`,
    `  conflicts resolved: ${o.conflicts} stale-state conflicts merged on devices, ${o.submitAnswers} submits answered, ${o.refusals} writes refused with a reason; ${r.conflictScenarios} two-device conflict scenarios checked`,
    `  invariants checked: ${o.invariantChecks} (device = server view, committed writes present, nothing twice, visibility = canSee, conflict outcomes)`,
    r.failures.length ? `  FAILED: ${r.failures.length} violation(s)` : '  all invariants hold',
  ].join('\n');
}
