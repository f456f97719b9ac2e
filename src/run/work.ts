import { isAbsolute, resolve } from 'node:path';
import { parseDay } from '../dates.js';
import { GitError } from '../git/errors.js';
import {
  type MessageTrailer,
  messageTrailers,
  readWorkLog,
  type WorkCommit,
  workLogDelta,
} from '../git/work.js';
import type { Graph } from '../graph/graph.js';
import { nearestId } from '../graph/nearest.js';
import type { Config } from '../model.js';
import { type RepoCommits, type Work, WorkLinks, workItems } from './work-items.js';
import {
  advanceWork,
  pointedCommits,
  readWorkBase,
  readWorkPointer,
  type WorkPointer,
  type WorkStore,
  workStore,
  writeWork,
} from './work-store.js';

/** The ref names no objective or KR in the working tree: the user must fix it. */
export class UnknownWorkRefError extends Error {}

export interface WorkRunOptions {
  config: Config;
  asOf: number;
  /** Where relative --repo paths are read from. */
  cwd: string;
  /** A YYYY-MM-DD day, or a revision of each repository: only commits after it. */
  since?: string;
  repos: readonly string[];
  env: NodeJS.ProcessEnv;
  /**
   * The cache folder: each repository's linked commits are kept there for the git state they were
   * read in (`storedWorkLog`), so that a repository unchanged since the last run is not read again.
   */
  cacheDir: string | null;
}

/**
 * The commits of each repository that carry the trailer (SPEC §11): one `git log` run per repository
 * (the OKR repository, shown as ".", then each --repo, shown as given), all started at once, or
 * none for a repository whose commits the cache folder holds for its git state. `onCommits` is given
 * each batch of a repository's commits (by its place in that list) as git's output is read (all of
 * them at once from the cache); `signal` stops the runs.
 */
export function linkedCommits(
  options: WorkRunOptions,
  signal?: AbortSignal,
  onCommits?: (repo: number, commits: readonly WorkCommit[]) => void,
): Promise<RepoCommits[]> {
  const { config } = options;
  const sinceRev =
    options.since !== undefined && parseDay(options.since) === null ? options.since : undefined;
  return Promise.all(
    sourcesOf(options).map(async ({ repo, cwd }, index) => {
      const command = repo === '.' ? 'okr work' : `okr work --repo ${repo}`;
      const read = () =>
        readWorkLog(cwd, {
          trailer: config.work.trailer,
          command,
          ...(sinceRev ? { sinceRev } : {}),
          ...(signal ? { signal } : {}),
          ...(onCommits ? { onCommits: (batch: readonly WorkCommit[]) => onCommits(index, batch) } : {}),
        });
      // A revision's range depends on more than the git state: read every time.
      const commits =
        sinceRev === undefined
          ? await storedWorkLog(
              cwd,
              config.work.trailer,
              options,
              read,
              (stored) => onCommits?.(index, stored),
              signal,
            )
          : (await read()).commits;
      return { repo, commits };
    }),
  ).catch((error: unknown) => {
    throw error instanceof GitError ? error : new GitError(String((error as Error).message));
  });
}

function sourcesOf(options: WorkRunOptions): { repo: string; cwd: string }[] {
  return [
    { repo: '.', cwd: options.config.root },
    ...options.repos.map((repo) => ({ repo, cwd: isAbsolute(repo) ? repo : resolve(options.cwd, repo) })),
  ];
}

/**
 * The commits linked to each objective and KR (SPEC §11), with the git runs of `linkedCommits`
 * started at once, before the OKR files are read: git runs while they load, and its commits are
 * linked as they are read once the graph is there. The function returned is given the graph.
 */
export function startLinkedWork(
  options: WorkRunOptions,
  signal?: AbortSignal,
): (graph: Graph) => Promise<Work> {
  let links: WorkLinks | null = null;
  const early: [number, readonly WorkCommit[]][] = [];
  const done = linkedCommits(options, signal, (repo, commits) => {
    if (links) links.add(repo, commits);
    else early.push([repo, commits]);
  });
  // Awaited once the graph is there: a git error is heard after the OKR files' own.
  done.catch(() => {});
  return async (graph) => {
    const sinceDay = options.since === undefined ? null : parseDay(options.since);
    links = new WorkLinks(
      graph,
      {
        config: options.config,
        asOf: options.asOf,
        since: options.since ?? null,
        ...(sinceDay !== null ? { sinceDay } : {}),
      },
      sourcesOf(options).map((s) => s.repo),
    );
    for (const [repo, commits] of early.splice(0)) links.add(repo, commits);
    await done;
    return links.work();
  };
}

/** The items of `ref` and those aligned below it; an UnknownWorkRefError when it names nothing. */
export function workOf(work: Work, graph: Graph, ref: string): Work {
  const objective = graph.byId.get(ref);
  const kr = graph.krs.get(ref);
  if (!objective && !kr)
    throw new UnknownWorkRefError(
      `no objective or key result "${ref}"; use an objective id or "objective-id/kr-id" (see "okr status --krs")`,
    );
  const keep = new Set<string>();
  // Walked with an explicit stack: an alignment chain may be very deep.
  const stack = objective ? [objective] : [...(graph.alignedTo.get(kr!) ?? [])];
  if (!objective) keep.add(ref);
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (keep.has(o.id)) continue;
    keep.add(o.id);
    for (const k of o.keyResults) keep.add(k.fullId);
    stack.push(...(graph.children.get(o) ?? []));
  }
  return { since: work.since, items: work.items.filter((item) => keep.has(item.id)) };
}

/** An objective's linked work as status and report show it: commits counted in `total`, and `last`. */
export interface ObjectiveWork {
  commits: number;
  last: string | null;
  quiet: boolean;
}

interface CachedWorkLogOptions {
  trailer: string;
  env: NodeJS.ProcessEnv;
  cacheDir: string | null | undefined;
  /** The store's files: work.json for the OKR repository (okr status and okr report read it too). */
  store: WorkStore;
  /** The whole log, when nothing stored can be brought up to date. */
  read: () => Promise<{ head: string | null; commits: WorkCommit[] }>;
  signal?: AbortSignal;
}

/**
 * The linked commits of the repository at `cwd`, from the cache folder when they were stored for its
 * present git state (HEAD, its branch's commit: the state's tip; what can rewrite history, and this
 * trailer: the store's key), so that running okr work again on an unchanged repository runs no git.
 * When only the tip moved, `upToDate` reads the difference alone. Otherwise, or when that cannot be
 * read, `read` gives them all (one `git log`). What is read is stored. `fromStore` tells whether no
 * whole log was read.
 */
async function cachedWorkLog(
  cwd: string,
  options: CachedWorkLogOptions,
): Promise<{ commits: WorkCommit[]; fromStore: boolean }> {
  const { cacheDir, store } = options;
  const { gitStateParts } = await import('../git/state.js');
  const parts = cacheDir == null ? null : gitStateParts(cwd, options.env);
  if (cacheDir == null || parts === null || parts === 'none')
    return { commits: (await options.read()).commits, fromStore: false };
  const key = `${parts.history}\n${options.trailer}`;
  const pointer = readWorkPointer(cacheDir, store, key);
  let commits: WorkCommit[] | null = null;
  if (pointer !== null && pointer.tip === parts.tip) {
    const base = readWorkBase(cacheDir, store, key, pointer);
    if (base !== null) commits = pointedCommits(pointer, base);
  } else if (pointer !== null)
    commits = await upToDate(cwd, { ...options, cacheDir }, key, pointer, parts.tip);
  if (commits !== null) return { commits, fromStore: true };
  const fresh = await options.read();
  writeWork(cacheDir, store, key, parts.tip, fresh.head, fresh.commits);
  return { commits: fresh.commits, fromStore: false };
}

/**
 * The commits stored under `pointer`, brought up to date for HEAD at `tip` (a new commit, a pull, a
 * reset, another branch) by one `git log` of the difference between the commit they were read at
 * and HEAD (`workLogDelta`), started before the stored commits are parsed: its new commits first,
 * then the stored ones HEAD still reaches; stored (`advanceWork`). Null when that cannot be read:
 * the commit is not known (null, or no longer in the repository), or the stored commits are not whole.
 */
async function upToDate(
  cwd: string,
  options: CachedWorkLogOptions & { cacheDir: string },
  key: string,
  pointer: WorkPointer,
  tip: string,
): Promise<WorkCommit[] | null> {
  const { cacheDir, store, signal } = options;
  const from = pointer.head;
  if (from === null) return null;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  const delta = workLogDelta(cwd, from, { trailer: options.trailer, signal: stop.signal }).catch(() => null);
  // Parsed while git runs.
  const base = readWorkBase(cacheDir, store, key, pointer);
  if (base === null) stop.abort();
  const difference = await delta;
  signal?.removeEventListener('abort', onAbort);
  if (signal?.aborted) throw signal.reason;
  if (base === null || difference === null) return null;
  return advanceWork(cacheDir, store, key, tip, { ...pointer, head: from }, base, difference);
}

/**
 * The linked commits of the repository at `cwd` (`cachedWorkLog`); the OKR repository's are kept
 * in work.json, another repository's in a file named by a checksum of its path. `stored` is given
 * them when no whole log was read (a whole log hands its commits on as they are read).
 */
async function storedWorkLog(
  cwd: string,
  trailer: string,
  options: WorkRunOptions,
  read: () => Promise<{ head: string | null; commits: WorkCommit[] }>,
  stored: (commits: readonly WorkCommit[]) => void,
  signal?: AbortSignal,
): Promise<WorkCommit[]> {
  const own = resolve(cwd) === resolve(options.config.root);
  const { commits, fromStore } = await cachedWorkLog(cwd, {
    trailer,
    env: options.env,
    cacheDir: options.cacheDir,
    store: workStore(own, resolve(cwd)),
    read,
    ...(signal ? { signal } : {}),
  });
  if (fromStore) stored(commits);
  return commits;
}

/**
 * The OKR repository's linked commits (`cachedWorkLog`, in work.json), so that a warm `okr status`
 * runs no git; none outside a repository or when git cannot run.
 */
async function repositoryWork(
  config: Config,
  env: NodeJS.ProcessEnv,
  cacheDir: string | null | undefined,
): Promise<WorkCommit[]> {
  const { mayBeRepository } = await import('../git/state.js');
  if (!mayBeRepository(config.root, env)) return [];
  return (
    await cachedWorkLog(config.root, {
      trailer: config.work.trailer,
      env,
      cacheDir,
      store: workStore(true, config.root),
      read: () => readWorkLog(config.root, { trailer: config.work.trailer }),
    }).catch(() => ({ commits: [] }))
  ).commits;
}

/**
 * Each objective's linked work from the OKR repository alone (`okr status --format json`, `okr
 * report`); empty outside a repository or before the first commit.
 */
export async function objectiveWork(
  graph: Graph,
  options: { config: Config; asOf: number; env: NodeJS.ProcessEnv; cacheDir?: string | null },
): Promise<Map<string, ObjectiveWork>> {
  const { config } = options;
  const commits = await repositoryWork(config, options.env, options.cacheDir);
  const work = workItems(graph, [{ repo: '.', commits }], { config, asOf: options.asOf, since: null });
  const byId = new Map<string, ObjectiveWork>();
  for (const item of work.items)
    if (item.kind === 'objective')
      byId.set(item.id, { commits: item.total, last: item.last, quiet: item.quiet });
  return byId;
}

/** A work trailer of a commit message that names no objective or key result. */
export interface UnknownMessageRef {
  /** The trailer's key as the message spells it. */
  key: string;
  ref: string;
  /** The id nearest to `ref`, when one is near enough to be a typo. */
  near: string | null;
}

/**
 * The work trailers (`config.work.trailer`) of the commit message in `file`, as git parses them;
 * read before any OKR file, so that a message without one costs a single git run.
 */
export async function messageWork(config: Config, file: string): Promise<MessageTrailer[]> {
  try {
    return await messageTrailers(config.root, file, config.work.trailer);
  } catch (error) {
    throw new GitError(`cannot read the trailers of ${file}: ${(error as Error).message}`);
  }
}

/**
 * The trailers that name no objective or KR, each ref once, in message order. A ref whose objective
 * is in a file that did not load is left out, as `unknown-work-ref` leaves it: that file's problem
 * says why.
 */
export function unknownMessageRefs(
  graph: Graph,
  unavailableIds: ReadonlySet<string>,
  trailers: readonly MessageTrailer[],
): UnknownMessageRef[] {
  const seen = new Set<string>();
  const unknown: UnknownMessageRef[] = [];
  for (const { key, value: ref } of trailers) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (graph.byId.has(ref) || graph.krs.has(ref) || unavailableIds.has(ref.split('/')[0]!)) continue;
    unknown.push({ key, ref, near: nearestId(graph, ref) });
  }
  return unknown;
}
