import type { CatalogueEntry } from '@spotter/shared';

/**
 * The exercise catalogue's facts on the device (docs/DESIGN.md "Exercise catalogue"). The JSON
 * is imported lazily: Vite emits it as its own content-hashed chunk, so the service worker
 * precaches it with the app (it opens offline) and a new version of it is a new file, while
 * the pages that never show an exercise do not parse it.
 */
let loading: Promise<readonly CatalogueEntry[]> | null = null;

export function loadCatalogue(): Promise<readonly CatalogueEntry[]> {
  loading ??= import('./catalogue.json').then((m) => m.default as unknown as CatalogueEntry[]);
  return loading;
}

/** The loaded catalogue as reactive state: empty until the chunk has been read. */
class CatalogueState {
  entries = $state<readonly CatalogueEntry[]>([]);
  readonly byId = $derived(new Map(this.entries.map((e) => [e.id, e])));
  readonly equipment = $derived([...new Set(this.entries.map((e) => e.equipment ?? 'none'))].sort());
  constructor() {
    if (typeof window !== 'undefined') void loadCatalogue().then((all) => (this.entries = all));
  }
}

let state: CatalogueState | null = null;
/** Starts the load on first use; components read `.entries`/`.byId` reactively. */
export function catalogue(): CatalogueState {
  state ??= new CatalogueState();
  return state;
}
