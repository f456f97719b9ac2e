import type { Graph } from '../graph/graph.js';
import type { LoadResult } from '../load/load.js';
import type { KeyResult } from '../model.js';
import { editDistance } from '../validate/schema.js';

export type KrLookup =
  | { ok: true; kr: KeyResult }
  /** `blocked`: the KR may exist but its file does not load; otherwise the reference is wrong. */
  | { ok: false; message: string; blocked: boolean };

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

/** The KR ids nearest to `ref`: same KR id first, then by edit distance; at most three. */
export function nearestKrIds(ref: string, ids: readonly string[]): string[] {
  const krPart = ref.slice(ref.indexOf('/') + 1);
  const limit = Math.max(2, Math.floor(ref.length / 5));
  return ids
    .map((id) => {
      const sameKr = id.slice(id.indexOf('/') + 1) === krPart;
      return { id, score: sameKr ? 0 : editDistance(ref, id) };
    })
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 3)
    .map((c) => c.id);
}

function notFound(ref: string, graph: Graph, load: LoadResult): KrLookup {
  const failing = load.failed.length
    ? `; ${load.failed.length} file${load.failed.length === 1 ? '' : 's'} did not load, run "okr check" to see why`
    : '';
  const slash = ref.indexOf('/');
  const objective = slash === -1 ? undefined : graph.byId.get(ref.slice(0, slash));
  if (objective) {
    const own = objective.keyResults.map((k) => k.fullId);
    const list = own.length ? `its key results are ${quoted(own)}` : 'it has no key results';
    return {
      ok: false,
      blocked: false,
      message: `objective "${objective.id}" has no key result ${JSON.stringify(ref.slice(slash + 1))}; ${list}`,
    };
  }
  const near = nearestKrIds(ref, [...graph.krs.keys()]);
  const hint = near.length
    ? `; did you mean ${near.length === 1 ? quoted(near) : `one of ${quoted(near)}`}?`
    : '; run "okr status --krs" to list them';
  return { ok: false, blocked: false, message: `no key result ${JSON.stringify(ref)}${hint}${failing}` };
}

/** Finds the KR a check-in names by its full id `objective-id/kr-id`, or says clearly why not. */
export function findKeyResult(ref: string, graph: Graph, load: LoadResult): KrLookup {
  const kr = graph.krs.get(ref);
  if (kr) return { ok: true, kr };
  if (load.unavailableIds.has(ref))
    return {
      ok: false,
      blocked: true,
      message: `key result "${ref}" is in an objective that does not load; run "okr check", fix what it reports, then check in`,
    };
  const objective = graph.byId.get(ref);
  if (objective) {
    const own = objective.keyResults.map((k) => k.fullId);
    return {
      ok: false,
      blocked: false,
      message: `"${ref}" is an objective; check in one of its key results${own.length ? `: ${quoted(own)}` : ', but it has none'}`,
    };
  }
  if (!ref.includes('/')) {
    const byOwnId = [...graph.krs.values()].filter((k) => k.id === ref).map((k) => k.fullId);
    if (byOwnId.length)
      return {
        ok: false,
        blocked: false,
        message: `a key result is named by its full id objective-id/kr-id: ${byOwnId.length === 1 ? `"${byOwnId[0]}"` : `one of ${quoted(byOwnId)}`}`,
      };
  }
  return notFound(ref, graph, load);
}
