import { describe, expect, it } from 'vitest';
import { collectionNames, collections } from '@spotter/shared';
import { samples } from '@spotter/shared/fixtures.ts';
import { blanks, tombstone } from './tombstone.ts';

describe('tombstones', () => {
  it.each(collectionNames)('a %s tombstone is a valid document with no content', (name) => {
    const full = samples[name]();
    const { _deleted, ...fields } = tombstone(name, full);
    expect(_deleted).toBe(true);
    expect(collections[name].schema.safeParse(fields).error).toBeUndefined();
    expect(fields.id).toBe(full.id);
    // Everything that is not identity or ownership is the blank value.
    for (const [key, blank] of Object.entries(blanks[name])) {
      if (!['kind', 'role', 'ownerId'].includes(key)) expect(fields[key], key).toEqual(blank);
    }
  });
});
