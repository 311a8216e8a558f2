import { collectionNames, type CollectionName } from '@spotter/shared';

/**
 * What the server holds for one user: every collection pulled from checkpoint null with that
 * user's token — the same requests a freshly wiped device would make.
 */
export type Doc = Record<string, any>;
export type View = Record<CollectionName, Doc[]>;

export interface Account {
  accessToken: string;
  user: { id: string; role: 'coach' | 'client' | 'admin'; email: string };
}

export async function login(url: string, email: string): Promise<Account> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-spotter-csrf': '1' },
    body: JSON.stringify({ email, password: 'spotter-demo' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Account;
}

/**
 * Pulls everything; `duplicates` lists ids the server sent twice (impossible in a quiet state).
 * Access tokens may live a second or two in the simulation: a 401 mid-way signs in again.
 */
export async function pullAll(url: string, token: string, relogin?: () => Promise<string>): Promise<{ view: View; duplicates: string[] }> {
  const view = {} as View;
  const duplicates: string[] = [];
  for (const name of collectionNames) {
    const seen = new Map<string, Doc>();
    let checkpoint: unknown = null;
    for (;;) {
      const res = await fetch(`${url}/api/sync/${name}/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ checkpoint, batchSize: 1000 }),
      });
      if (res.status === 401 && relogin) {
        token = await relogin();
        continue;
      }
      if (!res.ok) throw new Error(`pull ${name}: ${res.status} ${await res.text()}`);
      const page = (await res.json()) as { documents: Doc[]; checkpoint: unknown };
      for (const doc of page.documents) {
        if (seen.has(doc.id)) duplicates.push(`${name}/${doc.id}`);
        seen.set(doc.id, doc);
      }
      if (page.documents.length === 0) break;
      checkpoint = page.checkpoint;
    }
    view[name] = [...seen.values()];
  }
  return { view, duplicates };
}

/** Signs in as `email` and pulls everything, signing in again whenever the token expires. */
export async function pullAs(url: string, email: string): Promise<{ account: Account; view: View; duplicates: string[] }> {
  const account = await login(url, email);
  const relogin = async () => (await login(url, email)).accessToken;
  return { account, ...(await pullAll(url, account.accessToken, relogin)) };
}

export const live = (docs: Doc[]) => docs.filter((d) => !d._deleted);

/** Key-order-independent JSON, for comparing documents and printing them. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function withoutWireFields(doc: Doc): Doc {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
}
