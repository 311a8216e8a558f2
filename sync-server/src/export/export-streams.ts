import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { ZipFile } from 'yazl';
import {
  canSee, csvFiles, csvRows, exerciseNames, jsonChunks, type CsvFile, type ExportReader, type TrainingSession,
} from '@spotter/shared';
import type { Repository } from '../storage/repository.ts';
import { exportHeader, visiblePages, type ExportScope } from './export.service.ts';

/** The store as an export reads it: only what the person may see (export.service.ts). */
function storeReader(repo: Repository, scope: ExportScope): ExportReader {
  return {
    pages: (kind) => visiblePages(repo, scope, kind),
    async sessions(ids) {
      if (!ids.length) return [];
      const rows = await repo.find('sessions', [{ field: 'id', op: 'in', value: ids }, { field: 'deleted', op: 'eq', value: false }]);
      return rows.map((r) => r.doc as TrainingSession).filter((s) => canSee(scope.viewer, 'sessions', s, scope.rel));
    },
  };
}

/** The JSON document, streamed: a page of documents is read when the network takes the last one. */
export function jsonExportStream(repo: Repository, scope: ExportScope): Readable {
  return Readable.from(jsonChunks(exportHeader(scope), storeReader(repo, scope)), { objectMode: false });
}

async function* csvText(file: CsvFile, reader: ExportReader, names: Promise<Map<string, string>>): AsyncGenerator<string> {
  for await (const rows of csvRows(file, reader, await names)) yield stringify(rows);
}

/**
 * The ZIP of CSV files, streamed: yazl asks for each file's stream only when the one before
 * it is written (addReadStreamLazy), and each file reads the store a page at a time, so a
 * large export holds one page in memory, not the archive.
 */
export function zipExportStream(repo: Repository, scope: ExportScope): NodeJS.ReadableStream {
  const reader = storeReader(repo, scope);
  const zip = new ZipFile();
  const mtime = new Date();
  zip.addBuffer(Buffer.from(`${JSON.stringify(exportHeader(scope, 'server', mtime), null, 2)}\n`), 'manifest.json', { mtime });
  // Read once, when the first file that names exercises is reached.
  let names: Promise<Map<string, string>> | null = null;
  for (const file of Object.keys(csvFiles) as CsvFile[]) {
    zip.addReadStreamLazy(file, { mtime }, (cb) => {
      names ??= exerciseNames(reader);
      cb(null, Readable.from(csvText(file, reader, names), { objectMode: false }));
    });
  }
  zip.end();
  // A failure halfway (the store gone) must end the download as failed, not as a short file.
  zip.on('error', (e: Error) => (zip.outputStream as Readable).destroy(e));
  return zip.outputStream;
}
