/**
 * The import figure (docs/DESIGN.md "Import"): a Strong export of 10,000 rows for one client of
 * the large account, read, matched and turned into the request as the device does (the same
 * shared functions, here in Node), then committed by `POST /api/import` on the real server in
 * one transaction. Timed end to end, with the parts in the note; then the same file again,
 * which must create nothing (idempotent).
 */
import { copyFileSync } from 'node:fs';
import { buildImportRequest, namesOf, suggestMatches, type Exercise, type ImportAnswer, type NameDecision } from '@spotter/shared';
import { readHistoryCsv } from '@spotter/shared/domain/import/csv.ts';
import { BENCH_PASSWORD, clientEmail } from './generate.ts';
import { figure, type Figure } from './report.ts';
import { api, startServerProcess, PORTS } from './server-process.ts';

export const IMPORT_ROWS = 10_000;

/** 500 workouts × 5 exercises × 4 sets, every other day back from 2024, semicolon separated with decimal commas. */
export function strongCsv(exerciseNames: readonly string[], rows = IMPORT_ROWS): string {
  const lines = ['Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Reps;Distance;Seconds;Notes;Workout Notes;RPE'];
  const perWorkout = 20;
  for (let w = 0; lines.length <= rows; w++) {
    const day = new Date(Date.UTC(2024, 0, 1) - w * 2 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < perWorkout && lines.length <= rows; i++) {
      const name = exerciseNames[(w + Math.floor(i / 4)) % exerciseNames.length]!;
      lines.push(`${day} 07:30:00;"Workout ${w % 7}";1h 5m;"${name}";${(i % 4) + 1};${40 + (w % 30)},5;${5 + (i % 4)};0;0;"";"";${i % 4 === 3 ? 9 : ''}`);
    }
  }
  return lines.join('\n');
}

export async function importFigures(baseDb: string, workDir: string): Promise<Figure[]> {
  const dbPath = `${workDir}/import.db`;
  copyFileSync(baseDb, dbPath);
  const server = await startServerProcess(dbPath, PORTS.server);
  try {
    const login = await api<{ accessToken: string; user: { id: string } }>(server.url, null, '/api/auth/login', { email: clientEmail(1), password: BENCH_PASSWORD });
    const library = (await api<{ documents: Exercise[] }>(server.url, login.accessToken, '/api/sync/exercises/pull', { checkpoint: null, batchSize: 1000 })).documents;
    // Library names plus two the library does not know (reviewed as custom exercises).
    const csv = strongCsv([...library.slice(0, 10).map((e) => e.name), 'Hip Airplane', 'Zercher Carry']);

    const t0 = performance.now();
    const history = readHistoryCsv(csv, { unit: 'kg', timeZone: 'UTC' });
    const matched = suggestMatches(namesOf(history), library, []);
    const decisions = new Map<string, NameDecision>([...matched].map(([n, d]) => [n, d ?? { kind: 'custom', type: 'strength', pattern: 'carry' }]));
    const { request } = buildImportRequest(history, decisions, login.user.id);
    const t1 = performance.now();
    const first = await api<ImportAnswer>(server.url, login.accessToken, '/api/import', request);
    const t2 = performance.now();
    const again = await api<ImportAnswer>(server.url, login.accessToken, '/api/import', request);
    const t3 = performance.now();
    const bytes = JSON.stringify(request).length;
    return [
      figure(`import: ${history.rows.toLocaleString('en')} Strong rows → committed`, (t2 - t0) / 1000, 's', '<=', 5,
        `read + match + request ${Math.round(t1 - t0)} ms (device code, in Node), POST /api/import ${Math.round(t2 - t1)} ms ` +
          `(${(bytes / 1e6).toFixed(1)} MB, ${first.created} workouts, ${first.sets} sets, one transaction); ` +
          `the same file again ${Math.round(t3 - t2)} ms, created ${again.created} (existing ${again.existing})`),
    ];
  } finally {
    await server.stop();
  }
}
