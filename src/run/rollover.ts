import { cycleWindow, formatDay } from '../dates.js';
import { applyRollover } from '../edit/rollover.js';
import type { Config, Objective } from '../model.js';
import { standing } from '../rollup/standing.js';
import { globMatcher } from '../source/glob.js';
import { cycleFiles } from './cycle-files.js';

export type Carry = 'unfinished' | 'all' | 'none';
export const CARRY_CHOICES: readonly Carry[] = ['unfinished', 'all', 'none'];

/** The rollover cannot be made as asked (a cycle that is not one, or not later): exit 2. */
export class RolloverUsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface RolloverRunOptions {
  config: Config;
  from: string;
  to: string;
  carry: Carry;
  asOf: number;
  /** Whether a root-relative path exists already. */
  exists: (path: string) => boolean;
}

export interface CarriedObjective {
  /** The old id, which the new objective `continues`. */
  from: string;
  id: string;
  /** Its progress at the end of the old cycle. */
  progress: number;
}

export interface RolloverFile {
  /** Root-relative path of the old cycle's file. */
  source: string;
  /** Root-relative path of the new file. */
  path: string;
  text: string;
  carried: CarriedObjective[];
}

export interface RolloverPlan {
  from: string;
  to: string;
  carry: Carry;
  files: RolloverFile[];
  /** Objectives of the old cycle left behind (done, or everything with --carry none). */
  left: string[];
  /**
   * What stops the rollover before anything is written: files of FROM that did not load, new files
   * that exist already, new ids that are taken. Empty when it can go ahead.
   */
  refusals: string[];
  /** New files that `include` in okr.config.yaml does not cover: okr check will not read them. */
  notIncluded: string[];
}

/** A cycle name as it may end an id: lower case, anything but letters and digits a dash. */
export function cycleSlug(cycle: string): string {
  return cycle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of a carried objective: `<id>-<to-slug>`; an id that ends in the old cycle's slug (carried
 * before) has it replaced rather than a second cycle added.
 */
export function carriedId(id: string, from: string, to: string): string {
  const suffix = `-${cycleSlug(from)}`;
  const base = id.endsWith(suffix) && id.length > suffix.length ? id.slice(0, -suffix.length) : id;
  return `${base}-${cycleSlug(to)}`;
}

/**
 * Where the new cycle's file goes: the old path with the cycle's name replaced (in folders and in
 * the file name, as written or as a slug); a path that does not name the cycle gets `-<to-slug>`
 * before its extension.
 */
export function rolledPath(path: string, from: string, to: string): string {
  let next = path.split(from).join(to);
  const [fromSlug, toSlug] = [cycleSlug(from), cycleSlug(to)];
  if (fromSlug !== from) next = next.split(fromSlug).join(toSlug);
  if (next !== path) return next;
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}-${toSlug}${path.slice(dot)}`;
}

// Progress is a ratio of user numbers; below 1 by less than this is 1.
const EPSILON = 1e-9;

function carries(carry: Carry, progress: number): boolean {
  return carry === 'all' || (carry === 'unfinished' && progress < 1 - EPSILON);
}

function windowOf(config: Config, cycle: string, role: string) {
  const window = cycleWindow(cycle, config.cycles);
  if (!window)
    throw new RolloverUsageError(
      `${role} "${cycle}" is not a known cycle`,
      'use YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM, or declare it under "cycles" in okr.config.yaml',
    );
  return window;
}

/**
 * What `okr rollover FROM TO` writes: for each file of FROM, the matching file of TO holding the
 * objectives carried (see edit/rollover.ts), with what would stop it. Nothing is written here.
 */
export function planRollover(options: RolloverRunOptions): RolloverPlan {
  const { config, from, to, carry } = options;
  const s = standing(config, { asOf: options.asOf });
  const { files, unreadable } = cycleFiles(s.load, from);
  const [fromWindow, toWindow] = [windowOf(config, from, 'FROM'), windowOf(config, to, 'TO')];
  if (toWindow.start <= fromWindow.end)
    throw new RolloverUsageError(
      `cycle "${to}" starts on ${formatDay(toWindow.start)}, before "${from}" ends on ${formatDay(fromWindow.end)}; a cycle continues only an earlier one`,
      `roll over into a cycle that starts after ${formatDay(fromWindow.end)}`,
    );
  const plan: RolloverPlan = { from, to, carry, files: [], left: [], refusals: [], notIncluded: [] };
  const failed = new Set(s.load.failed);
  for (const path of [...unreadable, ...files.map((f) => f.source.path).filter((p) => failed.has(p))])
    plan.refusals.push(`${path} has problems that keep objectives out (run "okr check" and fix it first)`);
  // Which objectives go, decided over the whole cycle first: parents map to carried parents.
  const carried = new Map<Objective, CarriedObjective>();
  for (const objective of s.graph.objectives) {
    if (objective.cycle !== from) continue;
    const progress = s.rollup.objective.get(objective) ?? 0;
    if (carries(carry, progress))
      carried.set(objective, { from: objective.id, id: carriedId(objective.id, from, to), progress });
    else plan.left.push(objective.id);
  }
  const renamed = new Map([...carried.values()].map((c) => [c.from, c.id]));
  for (const c of carried.values())
    if (s.graph.byId.has(c.id) || s.load.unavailableIds.has(c.id))
      plan.refusals.push(`the id "${c.id}" for the objective carried from "${c.from}" is taken already`);
  const included = globMatcher(config.include);
  const excluded = globMatcher(config.exclude);
  const targets = new Map<string, string>();
  for (const file of files) {
    const source = file.source.path;
    const path = rolledPath(source, from, to);
    if (options.exists(path)) plan.refusals.push(`${path} exists already (from ${source})`);
    else if (targets.has(path))
      plan.refusals.push(`${targets.get(path)} and ${source} would both become ${path}`);
    targets.set(path, source);
    if (!included(path) || excluded(path)) plan.notIncluded.push(path);
    const mine = new Map<number, string>();
    const list: CarriedObjective[] = [];
    for (const [objective, c] of carried)
      if (objective.file === source) {
        mine.set(objective.path[1] as number, c.id);
        list.push(c);
      }
    const text = applyRollover(file.source.text, { cycle: to, carried: mine, renamed });
    plan.files.push({ source, path, text, carried: list });
  }
  return plan;
}
