/**
 * The device's own copies of media files (docs/DESIGN.md "Media storage"), by content hash: a
 * file picked on this device waiting to upload (the blob kept until the server has it, across
 * reloads and offline days), and files kept for offline viewing. In an IndexedDB database of
 * its own beside RxDB's (RxDB documents are JSON; a 50 MB video is a Blob). Where there is no
 * IndexedDB (Node tests without one), in memory.
 */
export interface MediaFile {
  id: string;
  type: string;
  size: number;
  blob: Blob;
  /** Waiting to upload: true until the server answered 201. */
  upload: boolean;
  /** When it was picked or kept: uploads go oldest first. */
  at: number;
  /** The server refused it: why (the file stays, so nothing the coach recorded is lost). */
  refused?: string;
}

export interface MediaFiles {
  get(id: string): Promise<MediaFile | undefined>;
  put(file: MediaFile): Promise<void>;
  all(): Promise<MediaFile[]>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
}

export function memoryMediaFiles(): MediaFiles {
  const files = new Map<string, MediaFile>();
  return {
    get: async (id) => files.get(id),
    put: async (f) => void files.set(f.id, f),
    all: async () => [...files.values()],
    delete: async (id) => void files.delete(id),
    clear: async () => files.clear(),
  };
}

const STORE = 'files';

export function idbMediaFiles(idb: IDBFactory, name: string): MediaFiles {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise((resolve, reject) => {
      const req = idb.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await db()).transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    get: (id) => run('readonly', (s) => s.get(id) as IDBRequest<MediaFile | undefined>),
    put: async (f) => void (await run('readwrite', (s) => s.put(f))),
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<MediaFile[]>),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
    clear: async () => void (await run('readwrite', (s) => s.clear())),
  };
}
