import type { Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import type { Standing } from '../rollup/standing.js';
import type { KrFreshness } from './views/status.js';

const STALE_KR: ReadonlySet<string> = new Set(['stale-kr']);

export interface FreshnessOptions {
  config: Config;
  asOf: number;
  env: NodeJS.ProcessEnv;
  /** False for a view of another revision: staleness then counts check-ins only. */
  fromGit: boolean;
}

/**
 * Which KRs are stale, judged as `okr check` judges them (the same rules over the same git history:
 * `gitDates` of judge.ts), and the day git last saw each KR's value change. A git state the user
 * must change is a GitError.
 */
export async function krFreshness(standing: Standing, options: FreshnessOptions): Promise<KrFreshness> {
  const [{ lintStanding }, { mayBeRepository }] = await Promise.all([
    import('./analyze.js'),
    import('../git/state.js'),
  ]);
  const { config, asOf, env } = options;
  // Outside a repository okr's git modules are not even loaded.
  const lastChanged =
    options.fromGit && mayBeRepository(config.root, env)
      ? (await (await import('./judge.js')).gitDates({ config, asOf, env }, standing.load))?.days
      : undefined;
  // stale-kr alone: its verdict, its disable comments and its severity are those of okr check.
  const problems = lintStanding(standing, { ...(lastChanged ? { lastChanged } : {}), only: STALE_KR });
  return freshnessOf(problems, lastChanged);
}

/** The KRs' freshness from judged problems (their stale-kr ones) and the dates git gave the judgement. */
export function freshnessOf(
  problems: readonly Diagnostic[],
  lastChanged: ReadonlyMap<string, number> | undefined,
): KrFreshness {
  const stale = new Set<string>();
  for (const d of problems) if (d.ruleId === 'stale-kr' && d.target !== null) stale.add(d.target);
  return { ...(lastChanged ? { lastChanged } : {}), stale };
}
