import { formatDay, parseDay } from '../../dates.js';
import type { Graph } from '../../graph/graph.js';

export interface TrendPoint {
  date: string;
  value: number;
}

/** Values of KRs over time by full KR id, oldest first; milestones as 0 (not done) and 1 (done). */
export type Trends = ReadonlyMap<string, readonly TrendPoint[]>;

/** Oldest first; dates are YYYY-MM-DD, so text order is date order. */
const byDate = (a: TrendPoint, b: TrendPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The points of a map of date → value, oldest first. */
const pointsOf = (values: ReadonlyMap<string, number>): TrendPoint[] =>
  [...values].map(([date, value]) => ({ date, value })).sort(byDate);

/** Trends read from each KR's `checkins`, sorted by date (check-ins of one day keep their order). */
export function checkinTrends(graph: Graph): Map<string, TrendPoint[]> {
  const trends = new Map<string, TrendPoint[]>();
  for (const kr of graph.krs.values()) {
    const points = (kr.data.checkins ?? [])
      .filter((c) => parseDay(c.date) !== null)
      .map((c) => ({ date: c.date, value: typeof c.value === 'boolean' ? Number(c.value) : c.value }))
      .filter((p) => Number.isFinite(p.value));
    if (points.length > 0) trends.set(kr.fullId, points.sort(byDate));
  }
  return trends;
}

/**
 * Check-in trends merged with the values a KR had in git history, oldest first: one point a recorded
 * value, as `okr history` draws it. A commit that recorded a check-in (its value is that of a
 * check-in dated since the commit before it) is that check-in's point, not a second one; a check-in
 * wins over a commit of the same day.
 */
export function mergeTrends(
  checkins: ReadonlyMap<string, readonly TrendPoint[]>,
  git: ReadonlyMap<string, readonly { day: number; value: number }[]>,
): Map<string, TrendPoint[]> {
  const merged = new Map<string, TrendPoint[]>();
  for (const id of new Set([...checkins.keys(), ...git.keys()])) {
    const recorded = checkins.get(id) ?? [];
    const values = new Map<string, number>();
    let previous = Number.NEGATIVE_INFINITY;
    for (const point of [...(git.get(id) ?? [])].sort((a, b) => a.day - b.day)) {
      const since = previous;
      previous = point.day;
      const recordsCheckin = recorded.some((c) => {
        const day = parseDay(c.date);
        return day !== null && day > since && day <= point.day && c.value === point.value;
      });
      if (!recordsCheckin) values.set(formatDay(point.day), point.value);
    }
    for (const point of recorded) values.set(point.date, point.value);
    merged.set(id, pointsOf(values));
  }
  return merged;
}

/**
 * The trends of the KRs of objectives that continue earlier ones (`continues:`, as okr rollover
 * writes it), drawn with the values of the KRs they continue, oldest first: the KR of the same id
 * in the objective continued, then in the one that one continues… (SPEC §12: the report follows the
 * chain, as `okr history` does). On a day two of them have a value, the later KR's counts. Other
 * trends are as given.
 */
export function followContinues(
  graph: Graph,
  trends: ReadonlyMap<string, readonly TrendPoint[]>,
): Map<string, TrendPoint[]> {
  const followed = new Map<string, TrendPoint[]>([...trends].map(([id, points]) => [id, [...points]]));
  for (const objective of graph.objectives) {
    if (objective.data.continues === undefined) continue;
    for (const kr of objective.keyResults) {
      // The KRs continued, nearest first.
      const earlier: string[] = [];
      const seen = new Set([objective.id]);
      for (let id: string | undefined = objective.data.continues; id !== undefined && !seen.has(id); ) {
        seen.add(id);
        const continued = graph.byId.get(id);
        const krId = `${id}/${kr.id}`;
        if (!continued || !graph.krs.has(krId)) break;
        earlier.push(krId);
        id = continued.data.continues;
      }
      if (earlier.length === 0) continue;
      const values = new Map<string, number>();
      for (const id of [...earlier.reverse(), kr.fullId])
        for (const point of trends.get(id) ?? []) values.set(point.date, point.value);
      if (values.size === 0) continue;
      followed.set(kr.fullId, pointsOf(values));
    }
  }
  return followed;
}
