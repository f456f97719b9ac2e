import type { LoadResult } from '../load/load.js';
import type { OkrFile } from '../model.js';

/** A command named a cycle that no OKR file has: a usage mistake, with the cycles there are. */
export class UnknownCycleError extends Error {
  constructor(
    readonly cycle: string,
    readonly known: readonly string[],
  ) {
    super(`no OKR file has cycle "${cycle}"`);
  }
}

/** The cycles of the loaded files, sorted. */
export function cyclesOf(load: LoadResult): string[] {
  return [...new Set(load.files.map((f) => f.data.cycle))].sort();
}

/** The cycle a file that did not load says it has, when that can still be read. */
function declaredCycle(load: LoadResult, path: string): string | null {
  const cycle = (load.sources.get(path)?.data as { cycle?: unknown } | null | undefined)?.cycle;
  return typeof cycle === 'string' || typeof cycle === 'number' ? String(cycle) : null;
}

/**
 * The files of `cycle`, sorted by path, and the files that failed to load and may belong to it
 * (they declare it, or their cycle cannot be read): a command that changes a whole cycle refuses
 * to leave one of its files out silently. Throws UnknownCycleError when no file has the cycle.
 */
export function cycleFiles(load: LoadResult, cycle: string): { files: OkrFile[]; unreadable: string[] } {
  const files = load.files.filter((f) => f.data.cycle === cycle);
  const loaded = new Set(load.files.map((f) => f.source.path));
  const unreadable = load.failed.filter((path) => {
    if (loaded.has(path)) return false;
    const declared = declaredCycle(load, path);
    return declared === null || declared === cycle;
  });
  if (files.length === 0 && unreadable.length === 0) throw new UnknownCycleError(cycle, cyclesOf(load));
  return { files, unreadable };
}
