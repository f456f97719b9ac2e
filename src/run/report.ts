import type { Config } from '../model.js';
import type { Analysis } from './analyze.js';
import { freshnessOf } from './freshness.js';
import { closedCycleGrades, type GradeSheet } from './grade.js';
import { trendSeries } from './history/last-changed.js';
import { judge } from './judge.js';
import { type FailedFile, failedFiles } from './view.js';
import type { KrFreshness } from './views/status.js';
import { checkinTrends, followContinues, mergeTrends, type TrendPoint } from './views/trends.js';
import { type ObjectiveWork, objectiveWork } from './work.js';

export interface ReportRunOptions {
  config: Config;
  asOf: number;
  env: NodeJS.ProcessEnv;
  /** The cache folder (loaded files, linked work); null: none. */
  cacheDir: string | null;
}

/** What the dashboard of `okr report` is drawn from. */
export interface ReportRun {
  /** The whole analysis, its problems judged exactly as `okr check` judges them (git staleness included). */
  analysis: Analysis;
  /** The KRs' freshness: the judgement's own stale-kr problems and the dates it read. */
  freshness: KrFreshness;
  /** KRs a shallow clone's cut left undated (`shallowNote`). */
  undatedByTheCut: number;
  /** Files that failed to load, left out of the dashboard. */
  failed: FailedFile[];
  /**
   * Each KR's values over time: its check-ins, and the commits that changed its value; a KR that
   * continues one of an earlier cycle starts with that one's.
   */
  trends: Map<string, TrendPoint[]>;
  grades: GradeSheet[];
  work: Map<string, ObjectiveWork>;
}

/**
 * `okr report`: the judged analysis, the trends, the grades of closed cycles and each objective's
 * linked work. Null when no OKR file matched. A git state the user must change is a GitError.
 */
export async function reportRun(options: ReportRunOptions): Promise<ReportRun | null> {
  const { config, asOf, env, cacheDir } = options;
  const { analysis, undatedByTheCut, lastChanged } = await judge({ config, asOf, env, cacheDir });
  if (analysis.load.fileCount === 0) return null;
  const [series, work] = await Promise.all([
    trendSeries(config, asOf),
    objectiveWork(analysis.graph, { config, asOf, env, cacheDir }),
  ]);
  return {
    analysis,
    freshness: freshnessOf(analysis.diagnostics, lastChanged),
    undatedByTheCut,
    failed: failedFiles(config, analysis.load.failed, analysis.diagnostics),
    trends: followContinues(analysis.graph, mergeTrends(checkinTrends(analysis.graph), series)),
    grades: closedCycleGrades(config, analysis.load, asOf),
    work,
  };
}
