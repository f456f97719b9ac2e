import type { Config } from '../model.js';
import type { Standing } from '../rollup/standing.js';
import { type FreshnessOptions, krFreshness } from './freshness.js';
import { type FailedFile, viewStanding } from './view.js';
import { type StatusReport, statusReport } from './views/status.js';
import type { ObjectiveWork } from './work.js';

export interface StatusRunOptions {
  config: Config;
  asOf: number;
  env: NodeJS.ProcessEnv;
  /** The cache folder (loaded files, git dates, linked work); null: none. */
  cacheDir: string | null;
  /** A revision to show instead of the working tree (`--at`): its files are read from git. */
  at?: string;
  /** Read each objective's linked work (SPEC §11): the json carries it. */
  work: boolean;
}

export interface StatusRun {
  /** Where the OKRs stand, the report made from it. */
  standing: Standing;
  report: StatusReport;
  /** Files that failed to load, left out of the report. */
  failed: FailedFile[];
  /** Each objective's linked work, when asked for and the working tree is shown. */
  work?: Map<string, ObjectiveWork>;
}

/**
 * `okr status`: where each objective stands, stale KRs judged as `okr check` judges them (from the
 * git history, for the working tree; from check-ins alone, for a past revision). A git state the
 * user must change (an unknown revision for `at`) is a GitError. Null when no OKR file matched.
 */
export async function statusRun(options: StatusRunOptions): Promise<StatusRun | null> {
  const { config, asOf, env, cacheDir, at } = options;
  // okr's git modules are loaded only for --at: plain status reads the working tree alone.
  const load =
    at === undefined
      ? undefined
      : await (await import('./revision.js')).loadAtRevision(config, at, 'okr status --at');
  const { standing, failed } = await viewStanding(config, { asOf, cacheDir, ...(load ? { load } : {}) });
  if (standing.load.fileCount === 0) return null;
  const freshnessOptions: FreshnessOptions = { config, asOf, env, cacheDir, fromGit: load === undefined };
  const [freshness, work] = await Promise.all([
    krFreshness(standing, freshnessOptions),
    options.work && load === undefined
      ? import('./work.js').then(({ objectiveWork }) =>
          objectiveWork(standing.graph, { config, asOf, env, cacheDir }),
        )
      : undefined,
  ]);
  return { standing, report: statusReport(standing, freshness), failed, ...(work ? { work } : {}) };
}
