import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { collectionNames, collections, type CollectionName } from './collections.ts';
import * as f from './fixtures.ts';
import { rxSchemaFor } from './rx-schema.ts';

// ajv-formats is CommonJS; under Node's ESM interop its default export is the function itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The same ajv set-up as RxDB's validate-ajv plugin (rxdb/plugins/validate-ajv: strict mode,
 * RxDB's schema keywords, ajv-formats), so "ajv accepts" here means "the device's RxDB accepts".
 */
function rxdbLikeAjv(): Ajv {
  const ajv = new Ajv({ strict: true });
  for (const k of ['version', 'keyCompression', 'primaryKey', 'indexes', 'encrypted', 'final', 'sharding', 'internalIndexes', 'attachments', 'ref', 'crdt']) {
    ajv.addKeyword(k);
  }
  addFormats(ajv);
  return ajv;
}

const ajv = rxdbLikeAjv();
const validators = Object.fromEntries(collectionNames.map((c) => [c, ajv.compile(rxSchemaFor(c))])) as Record<CollectionName, ReturnType<Ajv['compile']>>;

const zodAccepts = (c: CollectionName, doc: unknown) => collections[c].schema.safeParse(doc).success;
const ajvAccepts = (c: CollectionName, doc: unknown) => validators[c](doc) === true;

describe('rxSchemaFor', () => {
  it.each(collectionNames)('%s: the sample document passes zod and the derived RxDB schema', (c) => {
    const doc = f.samples[c]();
    expect(collections[c].schema.parse(doc)).toEqual(doc);
    expect(validators[c](doc), JSON.stringify(validators[c].errors)).toBe(true);
  });

  it.each(collectionNames)('%s: has a bounded string primary key and only indexes that are properties', (c) => {
    const schema = rxSchemaFor(c) as { primaryKey: string; properties: Record<string, { maxLength?: number }>; indexes: (string | string[])[] };
    expect(schema.primaryKey).toBe('id');
    expect(schema.properties.id.maxLength).toBeLessThanOrEqual(64);
    for (const field of schema.indexes.flat()) expect(Object.keys(schema.properties)).toContain(field);
  });

  // Valid variants (nulls, empty strings, boundaries) must pass both, or the server would send
  // documents a device cannot store.
  const valid: [CollectionName, string, unknown][] = [
    ['people', 'coach with trainer profile', f.person({ role: 'coach', isPersonalTrainer: true, maxClients: 15, hourlyRate: 80, yearsExperience: 5, specializations: ['Strength'] })],
    ['people', 'plus-addressed email', f.person({ email: 'a+b@example.co.uk' })],
    ['exercises', 'a coach-owned exercise without a video', f.exercise({ ownerId: 'coach-1', videoUrl: '' })],
    ['sessions', 'a draft with no exercises and a rejection', f.session({ status: 'draft', exercises: [], rejection: 'The due date has passed.' })],
    ['sessions', 'a leap day', f.session({ dueDate: '2028-02-29' })],
    ['sessions', 'year 2000 was a leap year', f.session({ dueDate: '2000-02-29' })],
    ['logs', 'a log with no entries yet', f.sessionLog({ entries: {} })],
    ['logs', 'an entry with every optional number null', f.sessionLog({ entries: { 'rx-1': f.logEntry({ setsCompleted: null, repsCompleted: null, weightUsed: null, difficulty: null }) } })],
    ['logs', 'an instant without milliseconds', f.sessionLog({ completedAt: '2026-03-04T18:00:00Z' })],
    ['messages', 'a comment on a log', f.message({ kind: 'comment', targetType: 'log', targetId: 'log.ses-1' })],
    ['messages', "a comment on one exercise's log", f.message({ kind: 'comment', targetType: 'log', targetId: 'log.ses-1', targetEntryId: 'rx-1' })],
    ['messages', 'a rating without words', f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 1, body: '' })],
    ['messages', 'a rating of 5 with a comment', f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 5, body: 'Helped a lot' })],
    ['notes', 'a shared resource link', f.note({ kind: 'resource', url: 'https://example.com/guide.pdf', isPrivate: false })],
    ['plans', 'an active plan with a start date', f.plan({ status: 'active', startDate: '2026-03-02' })],
    ['recommendations', 'a deload without exercise or pattern', f.recommendation({ kind: 'deload', pattern: null, exerciseId: null })],
  ];
  it.each(valid)('%s: %s is accepted by both', (c, _why, doc) => {
    expect([zodAccepts(c, doc), ajvAccepts(c, doc)]).toEqual([true, true]);
  });

  // Invalid documents must be refused by both: what the device stores is what the server takes.
  const invalid: [CollectionName, string, unknown][] = [
    ['people', 'an unknown field', { ...f.person(), nickname: 'x' }],
    ['people', 'a missing field', (({ units: _u, ...rest }) => rest)(f.person())],
    ['people', 'an unknown role', f.person({ role: 'owner' as never })],
    ['people', 'an email without a domain', f.person({ email: 'a@b' })],
    ['people', 'a fractional max clients', f.person({ maxClients: 1.5 })],
    ['people', 'an empty first name', f.person({ firstName: '' })],
    ['assignments', 'an unknown status', f.assignment({ status: 'ended' as never })],
    ['assignments', 'an id with a space', f.assignment({ id: 'asg 1' })],
    ['exercises', 'a javascript: video link', f.exercise({ videoUrl: 'javascript:alert(1)' })],
    ['exercises', 'an ftp video link', f.exercise({ videoUrl: 'ftp://example.com/a.mp4' })],
    ['exercises', 'an unknown movement pattern', f.exercise({ pattern: 'twist' as never })],
    ['sessions', 'a due date that does not exist', f.session({ dueDate: '2026-02-31' })],
    ['sessions', 'February 29th of a common year', f.session({ dueDate: '2026-02-29' })],
    ['sessions', 'February 29th of 2100', f.session({ dueDate: '2100-02-29' })],
    ['sessions', 'a due date with a time', f.session({ dueDate: '2026-03-04T00:00' })],
    ['sessions', 'an impossible timestamp', f.session({ updatedAt: '2026-13-45T99:99:99Z' })],
    ['sessions', 'a timestamp with an offset', f.session({ updatedAt: '2026-03-04T10:00:00+01:00' })],
    ['sessions', 'empty reps', f.session({ exercises: [f.prescription({ reps: '' })] })],
    ['sessions', 'zero sets', f.session({ exercises: [f.prescription({ sets: 0 })] })],
    ['sessions', 'an unknown status', f.session({ status: 'late' as never })],
    ['sessions', 'an unknown field in a prescription', f.session({ exercises: [{ ...f.prescription(), tempo: '3-1-1' } as never] })],
    ['logs', 'an entry key that is not an id', f.sessionLog({ entries: { 'bad key!': f.logEntry() } })],
    ['logs', 'an unknown field in an entry', f.sessionLog({ entries: { 'rx-1': { ...f.logEntry(), rpe: 8 } as never } })],
    ['logs', 'difficulty 6', f.sessionLog({ entries: { 'rx-1': f.logEntry({ difficulty: 6 }) } })],
    ['logs', 'a negative weight', f.sessionLog({ entries: { 'rx-1': f.logEntry({ weightUsed: -5 }) } })],
    ['logs', 'an unknown weight unit', f.sessionLog({ entries: { 'rx-1': f.logEntry({ weightUnit: 'st' as never }) } })],
    ['messages', 'a rating of 0', f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 0 })],
    ['messages', 'a rating of 6', f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 6 })],
    ['messages', 'a half-star rating', f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 3.5 })],
    ['messages', 'a target entry that is not an id', f.message({ kind: 'comment', targetType: 'log', targetId: 'log.ses-1', targetEntryId: 'rx 1' })],
    ['messages', 'a message without a rating field', (({ rating: _r, ...rest }) => rest)(f.message())],
    ['messages', 'an unknown comment target', f.message({ kind: 'comment', targetType: 'plan' as never, targetId: 'plan-1' })],
    ['notes', 'a relative resource link', f.note({ kind: 'resource', url: '/files/guide.pdf' })],
    ['notes', 'an impossible week', f.note({ weekOf: '2026-04-31' })],
    ['plans', 'a plan of 0 weeks', f.plan({ durationWeeks: 0 })],
    ['plans', 'an unknown weekday', f.plan({ days: [{ day: 'Funday' as never, exercises: [] }] })],
    ['recommendations', 'priority 4', f.recommendation({ priority: 4 })],
    ['recommendations', 'an empty title', f.recommendation({ title: '' })],
  ];
  it.each(invalid)('%s: %s is refused by both', (c, _why, doc) => {
    expect([zodAccepts(c, doc), ajvAccepts(c, doc)]).toEqual([false, false]);
  });
});
