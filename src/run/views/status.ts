import { formatDay, parseDay } from '../../dates.js';
import type { Checkin, KeyResult, KrKind, Objective, ObjectiveType, RollupMode } from '../../model.js';
import { shownPath } from '../../paths.js';
import type { Standing } from '../../rollup/standing.js';
import { expectedProgress, type Settled, type Status, settledness, statusOf } from '../../rollup/status.js';
import { lineOf } from '../../yaml/locate.js';

export interface KrStatus {
  id: string;
  title: string;
  kind: KrKind;
  start?: number;
  target?: number;
  current?: number;
  keep?: 'below' | 'above';
  done?: boolean;
  unit?: string;
  weight: number;
  /** The KR's `confidence`, else the newest check-in's that states one; null when none does. */
  confidence: number | null;
  progress: number;
  status: Status;
  /** The KR's latest update: its newest check-in, else the last commit that changed its value. */
  updated: KrUpdate | null;
  /** True when `stale-kr` fires for the KR (as `okr check` judges it). */
  stale: boolean;
}

export interface KrUpdate {
  /** YYYY-MM-DD */
  date: string;
  source: 'checkin' | 'measure' | 'commit';
}

/** What the working tree alone does not say about KRs: git's last changes and check's stale-kr. */
export interface KrFreshness {
  /** Full KR id → the day its value last changed in git (an uncommitted edit: the day of the run). */
  lastChanged?: ReadonlyMap<string, number>;
  /** Full ids of the KRs `stale-kr` fires for. */
  stale: ReadonlySet<string>;
}

export interface ObjectiveStatus {
  id: string;
  title: string;
  owner: string;
  /** The owner of the objective's file: its team, which an objective's `owner:` overrides. */
  team: string;
  cycle: string;
  type: ObjectiveType;
  /** The rollup mode its progress was computed by (`krs` without KRs is `children`, and back). */
  rollup: RollupMode;
  parent: string | null;
  file: string;
  line: number;
  progress: number;
  expected: number;
  status: Status;
  /** Ids of the objectives aligned to this one or to its KRs. */
  children: string[];
  /** The objective's `depends_on` references: what it needs from others. */
  dependsOn: string[];
  keyResults: KrStatus[];
}

export interface StatusReport {
  asOf: string;
  objectives: ObjectiveStatus[];
}

/** The newest check-in by date (the later one in the file on the same day), or null. */
export function newestCheckin(checkins: readonly Checkin[]): { checkin: Checkin; day: number } | null {
  let newest: { checkin: Checkin; day: number } | null = null;
  for (const checkin of checkins) {
    const day = parseDay(String(checkin.date));
    if (day !== null && (newest === null || day >= newest.day)) newest = { checkin, day };
  }
  return newest;
}

/**
 * The newest check-in (`source: measure` when a measure recorded it); the last commit that changed
 * the value when there is no check-in (SPEC §8), as `stale-kr` judges it.
 */
export function latestUpdate(kr: KeyResult, lastChanged?: ReadonlyMap<string, number>): KrUpdate | null {
  // A rolled-up KR has no value of its own: its objectives' KRs are updated instead.
  if (kr.kind === 'rollup') return null;
  const newest = newestCheckin(kr.data.checkins ?? []);
  const changed = lastChanged?.get(kr.fullId);
  if (newest !== null) {
    // `source` is what `okr measure` writes into its check-ins; the schema may not know it yet.
    const source = (newest.checkin as { source?: unknown }).source === 'measure' ? 'measure' : 'checkin';
    return { date: formatDay(newest.day), source };
  }
  return changed === undefined ? null : { date: formatDay(changed), source: 'commit' };
}

/** The KR's `confidence`, else that of the newest check-in that states one. */
export function latestConfidence(kr: KeyResult): number | null {
  if (kr.data.confidence !== undefined) return kr.data.confidence;
  const stated = (kr.data.checkins ?? []).filter((c) => typeof c.confidence === 'number');
  return newestCheckin(stated)?.checkin.confidence ?? null;
}

function krStatus(
  analysis: Standing,
  settled: Settled,
  kr: KeyResult,
  freshness: KrFreshness | undefined,
): KrStatus {
  const progress = analysis.rollup.kr.get(kr) ?? 0;
  const d = kr.data;
  const measured: Partial<KrStatus> = {};
  if (kr.kind === 'numeric')
    Object.assign(measured, { start: d.start, target: d.target, current: d.current ?? d.start });
  if (kr.kind === 'threshold')
    Object.assign(measured, { target: d.target, keep: d.keep, current: d.current });
  if (kr.kind === 'milestone') measured.done = d.done ?? false;
  return {
    id: kr.fullId,
    title: kr.title,
    kind: kr.kind,
    ...measured,
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    weight: kr.weight,
    confidence: latestConfidence(kr),
    progress,
    status: statusOf(progress, kr.objective, analysis.config, analysis.asOf, settled.kr.get(kr) ?? true),
    updated: latestUpdate(kr, freshness?.lastChanged),
    stale: freshness?.stale.has(kr.fullId) ?? false,
  };
}

function objectiveStatus(
  analysis: Standing,
  settled: Settled,
  objective: Objective,
  freshness: KrFreshness | undefined,
  teams: ReadonlyMap<string, string>,
): ObjectiveStatus {
  const progress = analysis.rollup.objective.get(objective) ?? 0;
  const source = analysis.load.sources.get(objective.file);
  return {
    id: objective.id,
    title: objective.title,
    owner: objective.owner,
    team: teams.get(objective.file) ?? objective.owner,
    cycle: objective.cycle,
    type: objective.type,
    rollup: analysis.rollup.inputs.get(objective)?.mode ?? objective.rollup,
    parent: objective.data.parent ?? null,
    file: shownPath(analysis.config, objective.file),
    line: source ? lineOf(source, objective.path) : 1,
    progress,
    expected: expectedProgress(objective, analysis.config, analysis.asOf),
    status: statusOf(
      progress,
      objective,
      analysis.config,
      analysis.asOf,
      settled.objective.get(objective) ?? true,
    ),
    children: (analysis.graph.children.get(objective) ?? []).map((c) => c.id),
    dependsOn: [...(objective.data.depends_on ?? [])],
    keyResults: objective.keyResults.map((kr) => krStatus(analysis, settled, kr, freshness)),
  };
}

/**
 * The status of every objective, in file order (SPEC §9). Without `freshness`, latest updates come
 * from check-ins alone and no KR is called stale.
 */
export function statusReport(analysis: Standing, freshness?: KrFreshness): StatusReport {
  const { graph, rollup, config, asOf } = analysis;
  const settled = settledness(graph, rollup, config, asOf);
  const teams = new Map(analysis.load.files.map((f) => [f.source.path, f.data.owner]));
  return {
    asOf: formatDay(asOf),
    objectives: graph.objectives.map((o) => objectiveStatus(analysis, settled, o, freshness, teams)),
  };
}
