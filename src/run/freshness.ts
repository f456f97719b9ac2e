import { blobId } from '../blob-id.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import type { Standing } from '../rollup/standing.js';
import { type StoreKind, storedOr } from '../source/store.js';
import type { KrFreshness } from './views/status.js';

const STALE_KR: ReadonlySet<string> = new Set(['stale-kr']);

export interface FreshnessOptions {
  config: Config;
  asOf: number;
  env: NodeJS.ProcessEnv;
  /** False for a view of another revision: staleness then counts check-ins only. */
  fromGit: boolean;
  /** The cache folder, where the dates git gave are kept for the git state they were read in; null: none. */
  cacheDir?: string | null;
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
  const { config, env } = options;
  // Outside a repository okr's git modules are not even loaded.
  const lastChanged =
    options.fromGit && mayBeRepository(config.root, env) ? await storedGitDays(standing, options) : undefined;
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

const DATES: StoreKind<[string, number][]> = {
  file: 'dates.json',
  format: 1,
  valid: (v): v is [string, number][] =>
    Array.isArray(v) &&
    v.every(
      (pair) =>
        Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && Number.isInteger(pair[1]),
    ),
};

/**
 * What the dates depend on: the git state (HEAD, the commit its branch points at, what can rewrite
 * history: `gitStateKey`), the day judged, the configuration (which files git is asked about) and
 * the text of every working-tree file loaded (a value edited but not committed is dated today).
 * Null when the git state cannot be summarised: then git is asked.
 */
function datesKey(standing: Standing, options: FreshnessOptions, gitState: string | null): string | null {
  if (gitState === null) return null;
  const files = standing.load.files.map((f) => `${f.source.path}\0${blobId(f.source.text)}`);
  return [gitState, options.asOf, JSON.stringify({ ...options.config, ruleEntries: null }), ...files].join(
    '\n',
  );
}

/** The day each KR's value last changed, from the store when the git state is the one they were read in. */
async function storedGitDays(
  standing: Standing,
  options: FreshnessOptions,
): Promise<ReadonlyMap<string, number> | undefined> {
  const { config, asOf, env, cacheDir } = options;
  const key =
    cacheDir == null
      ? null
      : datesKey(standing, options, (await import('../git/state.js')).gitStateKey(config.root, env));
  const days = await storedOr(cacheDir, DATES, key, async () => {
    const read = (await (await import('./judge.js')).gitDates({ config, asOf, env }, standing.load))?.days;
    return read && [...read];
  });
  return days && new Map(days);
}
