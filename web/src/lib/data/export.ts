import { stringify } from 'csv-stringify/browser/esm/sync';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  csvFiles, csvRows, EXPORT_VERSION, exerciseNames, exportFileName, exportNote, jsonChunks, todayLocal,
  type CsvFile, type ExportFormat, type ExportHeader, type ExportReader, type ExportSource, type SessionUser, type TrainingSession,
} from '@spotter/shared';
import type { Api } from './api.ts';
import type { SpotterDatabase } from './database.ts';

/** A finished export, ready to save: where it came from says whether it is the device's copy. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
  source: ExportSource;
}

/**
 * "Download my data" (docs/DESIGN.md "Export"). Online, the server's export (everything the
 * person may see, streamed by GET /api/export). Without a connection, the copy this device
 * holds: what sync brought it is exactly what the person may see, so the device writes the
 * same files from its own database, and says in them that they are the device's copy.
 * Errors: HttpError (the server refused, e.g. a client no longer the coach's).
 */
export function createExport(api: Api, db: () => SpotterDatabase, user: () => SessionUser | null) {
  async function fromServer(format: ExportFormat, clientId: string | null): Promise<ExportFile> {
    const query = new URLSearchParams({ format, ...(clientId ? { clientId } : {}) });
    const res = await api.download(`/api/export?${query}`);
    return { blob: await res.blob(), fileName: exportFileName(format, todayLocal(), 'server'), source: 'server' };
  }

  async function fromDevice(format: ExportFormat, clientId: string | null): Promise<ExportFile> {
    const me = user();
    if (!me) throw new Error('Sign in to export your data.');
    const narrowed = clientId && clientId !== me.id ? clientId : null;
    const header: ExportHeader = {
      format: 'spotter-export', version: EXPORT_VERSION, source: 'device', exportedAt: new Date().toISOString(),
      person: { id: me.id, role: me.role }, clientId: narrowed, note: exportNote('device'),
    };
    const reader = deviceReader(db(), me.id, narrowed);
    const fileName = exportFileName(format, todayLocal(), 'device');
    if (format === 'json') {
      const parts: string[] = [];
      for await (const chunk of jsonChunks(header, reader)) parts.push(chunk);
      return { blob: new Blob(parts, { type: 'application/json' }), fileName, source: 'device' };
    }
    const names = await exerciseNames(reader);
    const files: Zippable = { 'manifest.json': strToU8(`${JSON.stringify(header, null, 2)}\n`) };
    for (const file of Object.keys(csvFiles) as CsvFile[]) {
      let text = '';
      for await (const rows of csvRows(file, reader, names)) text += stringify(rows);
      files[file] = strToU8(text);
    }
    return { blob: new Blob([zipSync(files)], { type: 'application/zip' }), fileName, source: 'device' };
  }

  return {
    /**
     * The server's export, or — when the server cannot be reached (TypeError: offline, or
     * `offline` already known) — the device's copy.
     */
    async download(format: ExportFormat, opts: { clientId?: string | null; offline?: boolean } = {}): Promise<ExportFile> {
      const clientId = opts.clientId ?? null;
      if (opts.offline) return fromDevice(format, clientId);
      try {
        return await fromServer(format, clientId);
      } catch (e) {
        if (e instanceof TypeError) return fromDevice(format, clientId);
        throw e;
      }
    },
  };
}

/** The device's database as an export reads it; narrowed to one client like the server's. */
function deviceReader(db: SpotterDatabase, me: string, clientId: string | null): ExportReader {
  const keep = (kind: string, d: Record<string, unknown>) => {
    if (!clientId || kind === 'exercises') return true;
    if (kind === 'people') return d.id === clientId || d.id === me;
    return d.clientId === clientId;
  };
  return {
    async *pages(kind) {
      const docs = (await db[kind].find().exec()).map((d) => d.toMutableJSON() as Record<string, unknown>).filter((d) => keep(kind, d));
      if (docs.length) yield docs;
    },
    async sessions(ids) {
      return Array.from((await db.sessions.findByIds(ids).exec()).values(), (d) => d.toMutableJSON() as TrainingSession);
    },
  };
}
