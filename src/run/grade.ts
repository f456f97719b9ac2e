import { cycleWindow, formatDay } from '../dates.js';
import type { LoadResult } from '../load/load.js';
import type { Config, ObjectiveType } from '../model.js';
import { standing } from '../rollup/standing.js';
import { cycleFiles } from './cycle-files.js';
import { type ObjectiveStatus, statusReport } from './views/status.js';

export type Grade = 'green' | 'yellow' | 'red';

export interface KrGrade {
  id: string;
  title: string;
  progress: number;
  score: number;
  grade: Grade;
  /** The KR's `confidence`, else the newest check-in's that states one. */
  confidence: number | null;
  retro: string | null;
}

export interface ObjectiveGrade {
  id: string;
  title: string;
  owner: string;
  type: ObjectiveType;
  progress: number;
  score: number;
  grade: Grade;
  /** Committed and scored below 1.0, or aspirational and scored below 0.7. */
  missed: boolean;
  retro: string | null;
  file: string;
  line: number;
  keyResults: KrGrade[];
}

export interface OwnerSummary {
  owner: string;
  objectives: number;
  /** The mean of its objectives' scores, unrounded. */
  averageScore: number;
  hit: number;
}

export interface GradeSummary {
  objectives: number;
  /** Objectives not missed. */
  hit: number;
  committed: number;
  committedHit: number;
  owners: OwnerSummary[];
}

export interface GradeSheet {
  cycle: string;
  /** YYYY-MM-DD: the cycle's last day, or the earlier date the grade was asked for. */
  asOf: string;
  /** The grade is taken before the cycle's end: its numbers may still move. */
  preliminary: boolean;
  /** The day the cycle was closed (the latest `closed:` of its files), or null while any is open. */
  closed: string | null;
  objectives: ObjectiveGrade[];
  summary: GradeSummary;
  /** Files that did not load and may belong to the cycle: what they hold is not graded. */
  unreadable: string[];
}

export interface GradeOptions {
  config: Config;
  cycle: string;
  /** The day okr runs on (`--as-of`, else today); the grade is taken then when before the cycle's end. */
  asOf: number;
  /** Already loaded files (the report grades every cycle of one load); else the working tree is read. */
  load?: LoadResult;
  cacheDir?: string | null;
}

/** Progress on the 0.0–1.0 scale with one decimal (SPEC §5), half up. */
export function scoreOf(progress: number): number {
  // The small nudge keeps 0.65 (stored as 0.6499999…) from rounding down.
  return Math.round(progress * 10 + 1e-9) / 10;
}

/** SPEC §5: green from 0.7, yellow from 0.4, else red; judged on the score that is shown. */
export function gradeOf(score: number): Grade {
  return score >= 0.7 ? 'green' : score >= 0.4 ? 'yellow' : 'red';
}

/** Whether an objective fell short of what its type promises: 1.0 committed, 0.7 aspirational. */
export function missedBy(type: ObjectiveType, score: number): boolean {
  return score < (type === 'committed' ? 1 : 0.7);
}

/** The day the grade is taken: the cycle's last day, or `asOf` when that comes first. */
function gradeDay(config: Config, cycle: string, asOf: number): { day: number; preliminary: boolean } {
  const window = cycleWindow(cycle, config.cycles);
  if (window === null) return { day: asOf, preliminary: false };
  return asOf < window.end ? { day: asOf, preliminary: true } : { day: window.end, preliminary: false };
}

function summarize(objectives: readonly ObjectiveGrade[]): GradeSummary {
  const byOwner = new Map<string, ObjectiveGrade[]>();
  for (const o of objectives) byOwner.set(o.owner, [...(byOwner.get(o.owner) ?? []), o]);
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, graded]) => ({
      owner,
      objectives: graded.length,
      averageScore: graded.reduce((sum, o) => sum + o.score, 0) / graded.length,
      hit: graded.filter((o) => !o.missed).length,
    }));
  const committed = objectives.filter((o) => o.type === 'committed');
  return {
    objectives: objectives.length,
    hit: objectives.filter((o) => !o.missed).length,
    committed: committed.length,
    committedHit: committed.filter((o) => !o.missed).length,
    owners,
  };
}

function objectiveGrade(status: ObjectiveStatus, retros: ReadonlyMap<string, string>): ObjectiveGrade {
  const score = scoreOf(status.progress);
  return {
    id: status.id,
    title: status.title,
    owner: status.owner,
    type: status.type,
    progress: status.progress,
    score,
    grade: gradeOf(score),
    missed: missedBy(status.type, score),
    retro: retros.get(status.id) ?? null,
    file: status.file,
    line: status.line,
    keyResults: status.keyResults.map((kr) => {
      const krScore = scoreOf(kr.progress);
      return {
        id: kr.id,
        title: kr.title,
        progress: kr.progress,
        score: krScore,
        grade: gradeOf(krScore),
        confidence: kr.confidence,
        retro: retros.get(kr.id) ?? null,
      };
    }),
  };
}

/**
 * The score sheet of a cycle (SPEC §12): every objective and KR of the cycle scored as `okr status`
 * computes their progress on the cycle's last day, or earlier when `asOf` comes first (preliminary).
 * Throws UnknownCycleError when no file has the cycle.
 */
export function gradeCycle(options: GradeOptions): GradeSheet {
  const { config, cycle } = options;
  const { day, preliminary } = gradeDay(config, cycle, options.asOf);
  const graded = standing(config, {
    asOf: day,
    cacheDir: options.cacheDir ?? null,
    ...(options.load ? { load: options.load } : {}),
  });
  const { files, unreadable } = cycleFiles(graded.load, cycle);
  const closedDays = files.map((f) => f.data.closed);
  const closed = closedDays.every((d) => d !== undefined) ? ([...closedDays].sort().at(-1) ?? null) : null;
  const retros = new Map<string, string>();
  for (const o of graded.graph.objectives) {
    if (o.cycle !== cycle) continue;
    if (o.data.retro !== undefined) retros.set(o.id, o.data.retro);
    for (const kr of o.keyResults) if (kr.data.retro !== undefined) retros.set(kr.fullId, kr.data.retro);
  }
  const objectives = statusReport(graded)
    .objectives.filter((o) => o.cycle === cycle)
    .map((o) => objectiveGrade(o, retros));
  return {
    cycle,
    asOf: formatDay(day),
    preliminary,
    closed,
    objectives,
    summary: summarize(objectives),
    unreadable,
  };
}

/** The score sheets of the cycles whose files are all closed, in cycle order: the report's final grades. */
export function closedCycleGrades(config: Config, load: LoadResult, asOf: number): GradeSheet[] {
  const cycles = [...new Set(load.files.map((f) => f.data.cycle))].sort();
  return cycles
    .filter((cycle) => load.files.every((f) => f.data.cycle !== cycle || f.data.closed !== undefined))
    .map((cycle) => gradeCycle({ config, cycle, asOf, load }));
}
