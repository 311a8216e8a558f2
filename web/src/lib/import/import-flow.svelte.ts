import {
  buildImportRequest, importRequestSchema, namesOf, suggestMatches,
  type Exercise, type ImportAnswer, type ImportPreview, type ImportRequest, type NameDecision, type WeightUnit,
} from '@spotter/shared';
import { ImportFileError, readHistoryCsv, type ParsedHistory } from '@spotter/shared/domain/import/csv.ts';
import { loadCatalogue } from '../catalogue/catalogue.svelte.ts';
import type { Device } from '../data/device.ts';
import { failureText } from '../account/needs-network.ts';
import { decisionOf, type Choice } from './review.ts';

export type { Choice } from './review.ts';

/**
 * The import, step by step (docs/DESIGN.md "Import"): read and match on the device (offline
 * too), review the unmatched names, preview, then one request that the server commits whole.
 * A reviewed import that cannot be sent (offline) is kept on the device and sent when online.
 */
export type Step = 'choose' | 'review' | 'preview' | 'sending' | 'kept' | 'done';
const keptKey = (clientId: string) => `import.${clientId}`;
const isRequest = (v: unknown): v is ImportRequest => importRequestSchema.safeParse(v).success;

export class ImportFlow {
  step = $state<Step>('choose');
  /** 0..1 over the steps of the work (read, parse, match, send), for the progress bar. */
  progress = $state(0);
  busy = $state('');
  error = $state('');
  fileName = $state('');
  history = $state.raw<ParsedHistory | null>(null);
  /** Names matched automatically (shown, not asked about), and those the person reviews. */
  matched = $state.raw<{ name: string; to: string }[]>([]);
  unmatched = $state.raw<{ name: string; sets: number }[]>([]);
  choices = $state<Record<string, Choice>>({});
  /** Names still undecided when the person asked for the preview. */
  missing = $state.raw<string[]>([]);
  preview = $state.raw<ImportPreview | null>(null);
  answer = $state.raw<ImportAnswer | null>(null);
  #auto = new Map<string, NameDecision | null>();
  #request: ImportRequest | null = null;

  readonly device: Device;
  readonly clientId: string;

  constructor(device: Device, clientId: string) {
    this.device = device;
    this.clientId = clientId;
  }

  /** A kept import from an earlier visit (offline then): shown, and sent when online. */
  async restore(): Promise<boolean> {
    const kept = await this.device.snapshots.load(keptKey(this.clientId), isRequest);
    if (!kept) return false;
    this.#request = kept;
    const sets = kept.workouts.reduce((n, w) => n + w.exercises.reduce((m, e) => m + e.sets.length, 0), 0);
    this.preview = { workouts: kept.workouts.length, sets, from: kept.workouts[0]?.date ?? null, to: kept.workouts.at(-1)?.date ?? null, newExercises: kept.exercises.flatMap((e) => (e.kind === 'library' ? [] : [e.name])), skipped: [] };
    this.step = 'kept';
    return true;
  }

  async read(file: File, unit: WeightUnit, library: readonly Exercise[]): Promise<void> {
    this.error = '';
    this.fileName = file.name;
    this.busy = `Reading ${file.name}…`;
    this.progress = 0.1;
    try {
      const text = await file.text();
      this.progress = 0.3;
      this.busy = 'Finding the workouts…';
      await tick();
      const history = readHistoryCsv(text, { unit, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      this.progress = 0.5;
      this.busy = 'Matching exercise names…';
      const catalogue = await loadCatalogue();
      const names = namesOf(history);
      this.#auto = suggestMatches(names, library, catalogue);
      const nameOf = new Map(library.map((e) => [e.id, e.name]));
      this.matched = names.flatMap(({ name }) => {
        const d = this.#auto.get(name);
        if (!d || d.kind === 'skip') return [];
        return [{ name, to: d.kind === 'library' ? (nameOf.get(d.exerciseId) ?? name) : d.kind === 'catalogue' ? d.entry.name : name }];
      });
      this.unmatched = names.filter(({ name }) => !this.#auto.get(name)).map(({ name, sets }) => ({ name, sets }));
      this.choices = Object.fromEntries(this.unmatched.map((u) => [u.name, null]));
      this.history = history;
      this.progress = 0.6;
      this.step = this.unmatched.length ? 'review' : 'preview';
      if (this.step === 'preview') this.#buildPreview();
    } catch (e) {
      this.progress = 0;
      this.error = e instanceof ImportFileError ? e.message : `This file could not be read: ${(e as Error).message}`;
    } finally {
      this.busy = '';
    }
  }

  /** From the review to the preview: every unmatched name must be decided. */
  toPreview(): void {
    this.missing = this.unmatched.filter((u) => !decisionOf(this.choices[u.name] ?? null)).map((u) => u.name);
    if (this.missing.length) return;
    this.#buildPreview();
  }

  #buildPreview(): void {
    const decisions = new Map(this.#auto);
    for (const u of this.unmatched) decisions.set(u.name, decisionOf(this.choices[u.name] ?? null));
    const { request, preview } = buildImportRequest(this.history!, decisions, this.clientId);
    this.#request = request;
    this.preview = preview;
    this.progress = 0.7;
    this.step = 'preview';
  }

  get canSend(): boolean {
    return this.#request !== null;
  }

  /** Sends the import; offline (or the server unreachable) it is kept on the device to send later. */
  async send(online: boolean): Promise<void> {
    const request = this.#request;
    if (!request) return;
    this.error = '';
    if (!online) return this.#keep(request);
    this.step = 'sending';
    this.progress = 0.8;
    this.busy = `Importing ${request.workouts.length} workouts…`;
    try {
      this.answer = await this.device.commands.importHistory(request);
      await this.device.snapshots.save(keptKey(this.clientId), null);
      this.progress = 1;
      this.step = 'done';
    } catch (e) {
      if (e instanceof TypeError) return this.#keep(request);
      this.error = failureText(e, 'import this history');
      this.step = 'preview';
      this.progress = 0.7;
    } finally {
      this.busy = '';
    }
  }

  async #keep(request: ImportRequest): Promise<void> {
    await this.device.snapshots.save(keptKey(this.clientId), request);
    this.step = 'kept';
  }

  /** Forget a kept import or start over with another file. */
  async reset(): Promise<void> {
    await this.device.snapshots.save(keptKey(this.clientId), null);
    this.step = 'choose';
    this.progress = 0;
    this.history = null;
    this.preview = null;
    this.answer = null;
    this.#request = null;
    this.error = '';
  }
}

/** Lets the progress bar paint before a long synchronous parse. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
