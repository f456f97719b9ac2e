import { cycleWindow, elapsedFraction } from '../dates.js';
import type { Graph } from '../graph/graph.js';
import type { Config, KeyResult, Objective } from '../model.js';
import type { Rollup } from './rollup.js';

export type Status = 'not_started' | 'done' | 'on_track' | 'at_risk' | 'off_track';
export const STATUSES: readonly Status[] = ['not_started', 'off_track', 'at_risk', 'on_track', 'done'];

/** Progress expected of an objective (and its KRs) at day `asOf`; 0 when its cycle is unknown. */
export function expectedProgress(objective: Objective, config: Config, asOf: number): number {
  const window = cycleWindow(objective.cycle, config.cycles);
  if (!window) return 0;
  return elapsedFraction(window, asOf) * (objective.type === 'committed' ? 1 : 0.7);
}

/**
 * Whether a KR measured by itself can no longer change its standing at day `asOf` (SPEC §5): a
 * threshold KR only once its cycle has ended, since until then it can still cross its line.
 */
export function settledByItself(kr: KeyResult, config: Config, asOf: number): boolean {
  if (kr.kind !== 'threshold') return true;
  const window = cycleWindow(kr.objective.cycle, config.cycles);
  return window !== null && asOf > window.end;
}

export interface Settled {
  kr: Map<KeyResult, boolean>;
  objective: Map<Objective, boolean>;
}

/**
 * Which KRs and objectives are settled at day `asOf`: a rolled-up KR when every objective aligned to
 * it is, an objective when everything its progress is taken from is (SPEC §5).
 */
export function settledness(graph: Graph, rollup: Rollup, config: Config, asOf: number): Settled {
  const result: Settled = { kr: new Map(), objective: new Map() };
  const allSettled = (list: readonly Objective[]) => list.every((o) => result.objective.get(o) ?? true);
  for (const objective of rollup.order) {
    for (const kr of objective.keyResults)
      result.kr.set(
        kr,
        kr.kind === 'rollup' ? allSettled(graph.alignedTo.get(kr) ?? []) : settledByItself(kr, config, asOf),
      );
    const inputs = rollup.inputs.get(objective);
    const settled =
      !inputs || (inputs.krs.every((k) => result.kr.get(k) ?? true) && allSettled(inputs.children));
    result.objective.set(objective, settled);
  }
  return result;
}

/**
 * Status of an objective or of one of its KRs, given its progress and whether it is settled (SPEC §5):
 * `done` only when it has reached 1 and nothing it is taken from can still change.
 */
export function statusOf(
  progress: number,
  objective: Objective,
  config: Config,
  asOf: number,
  settled: boolean,
): Status {
  const window = cycleWindow(objective.cycle, config.cycles);
  if (window && asOf < window.start) return 'not_started';
  if (progress >= 1 && settled) return 'done';
  const gap = progress - expectedProgress(objective, config, asOf);
  // A hair of tolerance so that a gap of exactly -0.10 is not lost to floating point.
  const EPS = 1e-9;
  if (gap >= -config.status.atRisk - EPS) return 'on_track';
  if (gap >= -config.status.offTrack - EPS) return 'at_risk';
  return 'off_track';
}
