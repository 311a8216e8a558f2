import type { Exercise } from './docs/exercises.ts';
import type { SessionLog } from './docs/logs.ts';
import type { Message } from './docs/messages.ts';
import type { Note } from './docs/notes.ts';
import type { Person } from './docs/people.ts';
import type { Plan } from './docs/plans.ts';
import type { TrainingSession } from './docs/sessions.ts';
import {
  csvFiles, exportedDoc, messageRow, noteRow, personRow, planRows, sessionRow, setRows, type CsvFile, type Row,
} from './domain/export-rows.ts';
import { exportKinds, type ExportHeader, type ExportKind } from './export.ts';

/**
 * What an export is written from: the server's store (sync-server/src/export/) or a device's
 * database offline (web/src/lib/data/export.ts). Both hand over only what the person may see.
 */
export interface ExportReader {
  /** Every document of a kind, a page at a time. */
  pages(kind: ExportKind): AsyncIterable<Array<Record<string, unknown>>>;
  /** Those of these sessions the person may see (the sets file's date and title). */
  sessions(ids: string[]): Promise<TrainingSession[]>;
}

/**
 * The JSON document as text chunks, a page of documents per chunk: the header, then each kind
 * as an array (exportDocumentSchema). The whole export is never one string.
 */
export async function* jsonChunks(header: ExportHeader, reader: ExportReader): AsyncGenerator<string> {
  yield `{"export":${JSON.stringify(header)}`;
  for (const kind of exportKinds) {
    yield `,\n${JSON.stringify(kind)}:[`;
    let first = true;
    for await (const page of reader.pages(kind)) {
      yield (first ? '\n' : ',\n') + page.map((d) => JSON.stringify(exportedDoc(d))).join(',\n');
      first = false;
    }
    yield ']';
  }
  yield '}\n';
}

/** Exercise names by id (the sets and plans files name exercises): the library, kept in memory. */
export async function exerciseNames(reader: ExportReader): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const page of reader.pages('exercises')) for (const e of page as unknown as Exercise[]) names.set(e.id, e.name);
  return names;
}

/** One CSV file's rows, the header first, then a batch per page read. */
export async function* csvRows(file: CsvFile, reader: ExportReader, names: Map<string, string>): AsyncGenerator<Row[]> {
  yield [[...csvFiles[file]]];
  const name = (id: string) => names.get(id) ?? '';
  const kind = ({ 'sessions.csv': 'sessions', 'sets.csv': 'logs', 'messages.csv': 'messages', 'notes.csv': 'notes', 'plans.csv': 'plans', 'people.csv': 'people' } as const)[file];
  for await (const page of reader.pages(kind)) {
    switch (file) {
      case 'sessions.csv':
        yield (page as unknown as TrainingSession[]).map(sessionRow);
        break;
      case 'sets.csv': {
        const logs = page as unknown as SessionLog[];
        const sessions = new Map((await reader.sessions([...new Set(logs.map((l) => l.sessionId))])).map((s) => [s.id, s]));
        yield logs.flatMap((l) => setRows(l, sessions.get(l.sessionId) ?? null, name));
        break;
      }
      case 'messages.csv':
        yield (page as unknown as Message[]).map(messageRow);
        break;
      case 'notes.csv':
        yield (page as unknown as Note[]).map(noteRow);
        break;
      case 'plans.csv':
        yield (page as unknown as Plan[]).flatMap((p) => planRows(p, name));
        break;
      case 'people.csv':
        yield (page as unknown as Person[]).map(personRow);
        break;
    }
  }
}
