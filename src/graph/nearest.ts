import { editDistance } from '../validate/schema.js';
import type { Graph } from './graph.js';

/**
 * The objective or KR id nearest to `ref` by edit distance, when one is near enough to be a typo
 * (ties go to the first id in sorted order); null otherwise.
 */
export function nearestId(graph: Pick<Graph, 'byId' | 'krs'>, ref: string): string | null {
  const limit = Math.max(2, Math.floor(ref.length / 4));
  let best: { id: string; distance: number } | null = null;
  for (const id of [...graph.byId.keys(), ...graph.krs.keys()]) {
    const distance = editDistance(ref, id);
    if (
      distance <= limit &&
      (best === null || distance < best.distance || (distance === best.distance && id < best.id))
    )
      best = { id, distance };
  }
  return best?.id ?? null;
}
