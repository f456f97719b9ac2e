import { cycleWindow, elapsedFraction } from '../dates.js';
import type { Config, Objective } from '../model.js';

export type Status = 'not_started' | 'done' | 'on_track' | 'at_risk' | 'off_track';
export const STATUSES: readonly Status[] = ['not_started', 'off_track', 'at_risk', 'on_track', 'done'];

/** Progress expected of an objective (and its KRs) at day `asOf`; 0 when its cycle is unknown. */
export function expectedProgress(objective: Objective, config: Config, asOf: number): number {
  const window = cycleWindow(objective.cycle, config.cycles);
  if (!window) return 0;
  return elapsedFraction(window, asOf) * (objective.type === 'committed' ? 1 : 0.7);
}

/** Status of an objective or of one of its KRs, given its progress (SPEC §5). */
export function statusOf(progress: number, objective: Objective, config: Config, asOf: number): Status {
  const window = cycleWindow(objective.cycle, config.cycles);
  if (window && asOf < window.start) return 'not_started';
  if (progress >= 1) return 'done';
  const gap = progress - expectedProgress(objective, config, asOf);
  // A hair of tolerance so that a gap of exactly -0.10 is not lost to floating point.
  const EPS = 1e-9;
  if (gap >= -config.status.atRisk - EPS) return 'on_track';
  if (gap >= -config.status.offTrack - EPS) return 'at_risk';
  return 'off_track';
}

export function score(progress: number): string {
  return (Math.round(progress * 10) / 10).toFixed(1);
}

export function grade(progress: number): 'green' | 'yellow' | 'red' {
  return progress >= 0.7 ? 'green' : progress >= 0.4 ? 'yellow' : 'red';
}
