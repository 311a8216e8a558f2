import { describe, expect, it } from 'vitest';
import { ExportSlots } from './slots.ts';

describe('ExportSlots', () => {
  it('lets a person run two exports at once, not three, and frees a slot when one ends', () => {
    const slots = new ExportSlots(2);
    const a = slots.take('p1');
    const b = slots.take('p1');
    expect(a && b).toBeTruthy();
    expect(slots.take('p1')).toBeNull();
    // Another person is not held up by the first.
    expect(slots.take('p2')).not.toBeNull();
    a!();
    a!(); // released twice (close and error both report the end): counts once
    expect(slots.take('p1')).not.toBeNull();
    expect(slots.take('p1')).toBeNull();
  });
});
