import { cycleWindow, parseDay } from '../dates.js';
import { type BlobReader, knownBlobs, withBlobReader } from '../git/cat-file.js';
import { type LogCommit, okrLog } from '../git/log.js';
import { repositoryFacts, requireCommit, requireRepository } from '../git/repo.js';
import { mayBeRepository, shallowFromFiles } from '../git/state.js';
import { workLog } from '../git/work.js';
import { buildGraph, type Graph } from '../graph/graph.js';
import { ruleSettings } from '../lint/settings.js';
import type { WorkTrailers } from '../lint/types.js';
import type { LoadResult } from '../load/load.js';
import { loadWorktree, type SourceCache } from '../load/texts.js';
import type { Config } from '../model.js';
import { discoverFiles } from '../source/discover.js';
import { type Analysis, analyze } from './analyze.js';
import { gitLastChanged, type LastChanged } from './history/last-changed.js';
import { loadRevision } from './revision.js';

/**
 * How `okr check` judges a version of the OKRs, and with it every view that shows or compares its
 * problems (`okr report`, both sides of `okr diff`): the same files, the same date, the same git
 * inputs (the day each KR's value last changed, for stale-kr; a base's graph, for moved-goalpost).
 */
export interface JudgeOptions {
  config: Config;
  /** The day judged (`--as-of`): changes after it are not known yet. */
  asOf: number;
  /** The environment, for whether git can hold the root at all. */
  env: NodeJS.ProcessEnv;
  /** The commit to judge (a full id); the working tree when absent. */
  revision?: string;
  /** The working tree's OKR files to load, repository-relative and sorted; default: every one. */
  files?: readonly string[];
  /** A revision whose graph feeds moved-goalpost (`okr check --base REF`); the command named in errors. */
  base?: { rev: string; command: string };
  /** Folder of the cache of loaded files, for the working tree; null or absent: none. */
  cacheDir?: string | null;
  /** Parsed sources, shared by the judgements of two versions that have most files in common. */
  cache?: SourceCache;
  /** Texts read already (the other version's), which need not be read from git again. */
  known?: readonly string[];
  /**
   * Git read already for several versions (okr diff): the `git cat-file --batch` reader, this
   * version's history (`okrLogs`) and whether the clone is shallow. Without it, judge reads git itself.
   */
  git?: SharedGit;
}

export interface SharedGit {
  reader: BlobReader;
  commits: readonly LogCommit[];
  shallow: boolean;
}

export interface Judgement {
  analysis: Analysis;
  /**
   * How many KRs stale-kr could not date because their last change lies beyond the cut of a shallow
   * clone (they are not reported stale; `shallowNote` says so once).
   */
  undatedByTheCut: number;
  /** Full KR id → the day git last saw its value change (absent outside git): what stale-kr read. */
  lastChanged?: ReadonlyMap<string, number>;
}

interface GitInputs {
  lastChanged?: LastChanged;
  baseline?: Graph;
  /** The commits of BASE..HEAD with work trailers, with a base. */
  workCommits?: readonly WorkTrailers[];
  shallow: boolean;
}

/** The working-tree files okr check loads by default: every OKR file but the strategy. */
export function worktreeFiles(config: Config): string[] {
  return discoverFiles(config)
    .filter((f) => f !== config.strategy)
    .sort();
}

/**
 * The KRs that stale-kr would have judged by the date of their last change, had the clone's history
 * reached it: no dated check-in, a cycle running on the day, not done yet.
 */
function undatedByTheCut(analysis: Analysis, beyondCut: ReadonlySet<string>): number {
  if (beyondCut.size === 0 || ruleSettings(analysis.config)['stale-kr']?.severity === 'off') return 0;
  let count = 0;
  for (const kr of analysis.graph.krs.values()) {
    if (!beyondCut.has(kr.fullId) || kr.kind === 'rollup' || kr.objective.closed !== undefined) continue;
    if ((kr.data.checkins ?? []).some((c) => parseDay(c.date) !== null)) continue;
    if ((analysis.rollup.kr.get(kr) ?? 0) >= 1) continue;
    const window = cycleWindow(kr.objective.cycle, analysis.config.cycles);
    if (window && analysis.asOf >= window.start && analysis.asOf <= window.end) count++;
  }
  return count;
}

/** The one note (for stderr) of a command whose judgement left `count` KRs undated by a shallow clone's cut. */
export function shallowNote(count: number): string[] {
  if (count === 0) return [];
  return [
    `okr: staleness was judged on a shallow history: ${count} key result${count === 1 ? '' : 's'} last changed before this clone's first commit ${count === 1 ? 'is' : 'are'} not reported stale (stale-kr)\n  hint: fetch the whole history with "git fetch --unshallow" (in GitHub Actions, "fetch-depth: 0" on actions/checkout) to judge ${count === 1 ? 'it' : 'them'}\n`,
  ];
}

/** The graph of the base revision (for moved-goalpost), reading again no blob the judged files have. */
async function baselineGraph(
  config: Config,
  sha: string,
  reader: BlobReader,
  cache: SourceCache,
  texts: readonly string[],
): Promise<Graph> {
  const load = await loadRevision(config, sha, reader, cache, knownBlobs(texts));
  return buildGraph(load.files, config.rollup);
}

/**
 * Whether the root is in a repository (null: not) and whether its clone is shallow. A history that
 * `git log` listed proves the repository, and the git folder says whether it is shallow: one git
 * process fewer for every command that reads the history. Otherwise (no commits yet, git missing or
 * refusing, an unusual layout) `git rev-parse` says, as it always did.
 */
async function gitFacts(
  root: string,
  env: NodeJS.ProcessEnv,
  commits: Promise<readonly LogCommit[]>,
): Promise<{ shallow: boolean } | null> {
  const shallow = (await commits).length > 0 ? shallowFromFiles(root, env) : null;
  return shallow === null ? repositoryFacts(root) : { shallow };
}

/**
 * Starts what git has to say about a version at once (`git log` runs on another core while okr
 * parses) and returns the function that finishes it once that version's files are loaded. Nothing
 * outside git, and nothing when the root is not in a repository (unless a base is asked for).
 */
function startGitInputs(
  options: JudgeOptions,
): (worktree: LoadResult | null, cache: SourceCache) => Promise<{ load: LoadResult; git: GitInputs }> {
  const { config, base, revision } = options;
  const root = config.root;
  if (options.git) {
    const shared = options.git;
    return (worktree, cache) => readGit(options, shared, worktree, cache, null);
  }
  const repository = revision !== undefined || base !== undefined || mayBeRepository(root, options.env);
  const commits: Promise<LogCommit[]> = repository ? okrLog(config, revision) : Promise.resolve([]);
  const facts = repository ? gitFacts(root, options.env, commits) : Promise.resolve(null);
  return async (worktree, cache) => {
    if (base !== undefined) await requireRepository(root, base.command);
    else if (worktree !== null && (await facts) === null) return { load: worktree, git: { shallow: false } };
    const baseSha = base === undefined ? null : await requireCommit(root, base.rev);
    // The trailers of the range's commits, for unknown-work-ref: one more git log, with a base only.
    const work =
      baseSha === null
        ? undefined
        : workLog(root, { trailer: config.work.trailer, range: { base: baseSha, head: revision ?? 'HEAD' } });
    const read = await withBlobReader(root, async (reader) => {
      const shallow = (await facts)?.shallow ?? false;
      return readGit(options, { reader, commits: await commits, shallow }, worktree, cache, baseSha);
    });
    if (work) read.git.workCommits = await work;
    return read;
  };
}

/** The version's files (read from git for a revision) and what git says of them. */
async function readGit(
  options: JudgeOptions,
  { reader, commits, shallow }: SharedGit,
  worktree: LoadResult | null,
  cache: SourceCache,
  baseSha: string | null,
): Promise<{ load: LoadResult; git: GitInputs }> {
  const { config } = options;
  const known = options.known ? knownBlobs(options.known) : undefined;
  const load = worktree ?? (await loadRevision(config, options.revision!, reader, cache, known));
  const git: GitInputs = { shallow };
  const lastChanged = await gitLastChanged(commits, shallow, reader, {
    files: load.files,
    day: options.asOf,
  });
  if (lastChanged) git.lastChanged = lastChanged;
  if (baseSha !== null)
    git.baseline = await baselineGraph(
      config,
      baseSha,
      reader,
      cache,
      load.files.map((file) => file.source.text),
    );
  return { load, git };
}

/**
 * What git says of working-tree files already loaded (a view's): the day each KR's value last
 * changed, read exactly as `judge` reads it; nothing outside a repository.
 */
export async function gitDates(
  options: Pick<JudgeOptions, 'config' | 'asOf' | 'env'>,
  load: LoadResult,
): Promise<LastChanged | undefined> {
  const { git } = await startGitInputs(options)(load, new Map());
  return git.lastChanged;
}

/**
 * Judges a version of the OKRs exactly as `okr check` does: load, read git (staleness from the
 * history up to that version, a base's graph with `base`), graph, roll up and lint. A git state the
 * user must change (an unknown base) is a GitError.
 */
export async function judge(options: JudgeOptions): Promise<Judgement> {
  const { config } = options;
  const finish = startGitInputs(options);
  // Shared with the base, which has most files in common with the version judged: each is parsed once.
  const cache: SourceCache = options.cache ?? new Map();
  // The working tree is parsed while git runs.
  const worktree =
    options.revision === undefined
      ? loadWorktree(config, cache, [...(options.files ?? worktreeFiles(config))], options.cacheDir ?? null)
      : null;
  const { load, git } = await finish(worktree, cache);
  const analysis = analyze(config, {
    asOf: options.asOf,
    load,
    ...(git.lastChanged ? { lastChanged: git.lastChanged.days } : {}),
    ...(git.baseline ? { baseline: git.baseline } : {}),
    ...(git.workCommits ? { workCommits: git.workCommits } : {}),
  });
  const undated = git.shallow && git.lastChanged ? undatedByTheCut(analysis, git.lastChanged.beyondCut) : 0;
  return {
    analysis,
    undatedByTheCut: undated,
    ...(git.lastChanged ? { lastChanged: git.lastChanged.days } : {}),
  };
}
