import type { Exercise } from '@spotter/shared';

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/**
 * Library search: every word typed must appear in the name, type, movement pattern or a
 * muscle group ("squat", "pull back", "cardio"). Names that start with the query come first,
 * then alphabetical, so the likeliest pick is at the top of a short list.
 */
export function searchExercises(exercises: readonly Exercise[], query: string): Exercise[] {
  const words = norm(query).split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const hits = exercises.filter((e) => {
    const hay = norm([e.name, e.type, e.pattern, ...e.muscleGroups].join(' '));
    return words.every((w) => hay.includes(w));
  });
  const rank = (e: Exercise) => (q && norm(e.name).startsWith(q) ? 0 : q && norm(e.name).includes(q) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
