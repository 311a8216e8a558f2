import type { SimResult } from './simulation.ts';

export function formatReport(seed: number | string, opsGenerated: number, r: SimResult): string {
  const faults = Object.entries(r.faults)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const o = r.oracle;
  return [
    `Spotter sync simulation — seed ${seed}, ${opsGenerated} operations, ${(r.ms / 1000).toFixed(1)} s`,
    `  server: ${r.backend}`,
    `  user operations: ${r.userOps.applied} applied, ${r.userOps.skipped} not applicable (nothing to pick)`,
    `  faults injected: ${faults || 'none'} (server SIGKILLs in all: ${r.serverKills})`,
    `  pushes observed: ${o.pushes} (${o.rowsAcked} rows acknowledged, ${o.lostAnswers} answers lost with the server, ${o.replays} replays delivered)`,
    `  conflicts resolved: ${o.conflicts} stale-state conflicts merged on devices, ${o.submitAnswers} submits answered, ${o.refusals} writes refused with a reason; ${r.conflictScenarios} two-device conflict scenarios checked`,
    `  admin reassignments: ${r.reassignments.moved} made over REST, ${r.reassignments.refused} refused; ${o.droppedAfterReassign} documents of former clients checked gone from their old coach's devices`,
    `  tokens (TTL ${r.tokenTtl} s): ${r.auth.expired ?? 0} requests found their access token expired, ${r.auth.refresh ?? 0} refreshes, ${r.auth.refreshLost ?? 0} refresh answers lost with the server`,
    `  refused writes: ${o.refusedKept + o.refusedBeforeWipe} found in the devices' refused-changes stores (${o.refusedBeforeWipe} of them checked just before a wipe), ${o.refusedAsTyped} answered with everything typed kept (refused submits)`,
    `  plans: ${o.plansChecked} plans, ${o.planSessionsChecked} scheduled sessions checked; ${o.deviceDocsChecked} device documents checked against canSee`,
    `  invariants checked: ${o.invariantChecks} (device = server view, committed writes present, nothing twice, visibility = canSee on the server and on every device, refused writes kept, plan schedules, conflict outcomes)`,
    r.failures.length ? `  FAILED: ${r.failures.length} violation(s)` : '  all invariants hold',
  ].join('\n');
}
