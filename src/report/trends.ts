import { formatDay, parseDay } from '../dates.js';
import type { Graph } from '../graph/graph.js';

export interface TrendPoint {
  date: string;
  value: number;
}

/** Values of KRs over time by full KR id, oldest first; milestones as 0 (not done) and 1 (done). */
export type Trends = ReadonlyMap<string, readonly TrendPoint[]>;

/** Trends read from each KR's `checkins`, sorted by date (check-ins of one day keep their order). */
export function checkinTrends(graph: Graph): Map<string, TrendPoint[]> {
  const trends = new Map<string, TrendPoint[]>();
  for (const kr of graph.krs.values()) {
    const points = (kr.data.checkins ?? [])
      .filter((c) => parseDay(c.date) !== null)
      .map((c) => ({ date: c.date, value: typeof c.value === 'boolean' ? Number(c.value) : c.value }))
      .filter((p) => Number.isFinite(p.value));
    if (points.length > 0)
      trends.set(
        kr.fullId,
        points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      );
  }
  return trends;
}

/**
 * Check-in trends merged with the values a KR had in git history: one point a day, a check-in winning
 * over a commit of the same day, oldest first.
 */
export function mergeTrends(
  checkins: ReadonlyMap<string, readonly TrendPoint[]>,
  git: ReadonlyMap<string, readonly { day: number; value: number }[]>,
): Map<string, TrendPoint[]> {
  const merged = new Map<string, TrendPoint[]>();
  for (const id of new Set([...checkins.keys(), ...git.keys()])) {
    const byDate = new Map<string, number>();
    for (const point of git.get(id) ?? []) byDate.set(formatDay(point.day), point.value);
    for (const point of checkins.get(id) ?? []) byDate.set(point.date, point.value);
    merged.set(
      id,
      [...byDate]
        .map(([date, value]) => ({ date, value }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    );
  }
  return merged;
}
