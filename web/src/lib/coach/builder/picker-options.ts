import { filterCatalogue, type CatalogueEntry, type CatalogueFilter, type Exercise } from '@spotter/shared';
import { searchExercises } from '../exercises/search.ts';

export interface PickerOptions {
  /** The coach's library (shared and own) matching the search and filters. */
  library: Exercise[];
  /** Catalogue entries matching, without those the library already links to (no doubles). */
  catalogue: CatalogueEntry[];
}

const filtering = (f: CatalogueFilter) => Boolean(f.muscle || f.equipment || f.level);

/**
 * What the builder's picker offers for a search and the muscle, equipment and level filters
 * (docs/DESIGN.md "Exercise catalogue"). A library exercise passes a filter through its
 * catalogue entry; one without an entry passes the muscle filter by its own muscle groups and
 * no equipment or level filter (unknown is not a match). Nothing is offered for an empty search
 * with no filter: the list is for narrowing, not for scrolling 900 names.
 */
export function pickerOptions(exercises: readonly Exercise[], entries: ReadonlyMap<string, CatalogueEntry>, f: CatalogueFilter): PickerOptions {
  if (!f.query.trim() && !filtering(f)) return { library: [], catalogue: [] };
  const library = searchExercises(exercises, f.query).filter((ex) => {
    if (!filtering(f)) return true;
    const entry = ex.catalogueId ? entries.get(ex.catalogueId) : undefined;
    if (!entry) return !f.equipment && !f.level && (!f.muscle || ex.muscleGroups.includes(f.muscle));
    return filterCatalogue([entry], { ...f, query: '' }).length === 1;
  });
  const linked = new Set(exercises.map((ex) => ex.catalogueId).filter(Boolean));
  const catalogue = filterCatalogue([...entries.values()], f).filter((e) => !linked.has(e.id));
  return { library, catalogue };
}
