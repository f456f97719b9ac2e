import {
  formatStatusJson,
  formatStatusMarkdown,
  formatStatusTable,
  formatStatusTree,
} from '../../format/status.js';
import type { Standing } from '../../rollup/standing.js';
import { STATUSES, type Status } from '../../rollup/status.js';
import { statusRun } from '../../run/status.js';
import type { ObjectiveStatus } from '../../run/views/status.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { terminalWidth } from '../io.js';
import { noOkrFiles, reportFailed } from '../view.js';

export interface StatusOptions {
  tree?: boolean;
  krs?: boolean;
  owner?: string[];
  cycle?: string[];
  status?: string[];
  format: string;
  at?: string;
}

/** Values of a repeatable, comma-separable option. */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function statusFilter(values: string[] | undefined): Set<Status> {
  const wanted = listOption(values).map((v) => v.replace(/-/g, '_'));
  for (const s of wanted)
    if (!(STATUSES as readonly string[]).includes(s))
      throw new UsageError(`--status takes ${STATUSES.join(', ')}, not "${s}"`);
  return new Set(wanted as Status[]);
}

/** A filter of objectives: the option's name and the values it takes. */
export interface ObjectiveFilter {
  name: string;
  values: ReadonlySet<string>;
  matches: (o: ObjectiveStatus) => boolean;
}

/** `--owner` finds an objective by its owner and by its file's team (an `owner:` override's team). */
export function ownerFilter(values: string[] | undefined): ObjectiveFilter {
  const owners = new Set(listOption(values));
  return { name: 'owner', values: owners, matches: (o) => owners.has(o.owner) || owners.has(o.team) };
}

export function cycleFilter(values: string[] | undefined): ObjectiveFilter {
  const cycles = new Set(listOption(values));
  return { name: 'cycle', values: cycles, matches: (o) => cycles.has(o.cycle) };
}

/** The objectives every given filter keeps. */
export function applyFilters(
  objectives: readonly ObjectiveStatus[],
  filters: readonly ObjectiveFilter[],
): ObjectiveStatus[] {
  const given = filters.filter((f) => f.values.size > 0);
  return objectives.filter((o) => given.every((f) => f.matches(o)));
}

/**
 * Why nothing is shown, or null when something is: every OKR file failed to load, or the filters
 * (named: the first one that matches nothing on its own, else all of them together) matched nothing.
 */
export function emptyReason(
  analysis: Standing,
  objectives: readonly ObjectiveStatus[],
  filters: readonly ObjectiveFilter[],
): string | null {
  const { fileCount, failed } = analysis.load;
  if (fileCount > 0 && failed.length === fileCount)
    return `all ${fileCount} OKR file${fileCount === 1 ? '' : 's'} failed to load; run "okr check" for details`;
  if (applyFilters(objectives, filters).length > 0) return null;
  const given = filters.filter((f) => f.values.size > 0);
  if (given.length === 0) return objectives.length === 0 ? 'no objectives in the OKR files' : null;
  const describe = (f: ObjectiveFilter) => `${f.name} ${[...f.values].map((v) => `"${v}"`).join(' or ')}`;
  const alone = given.find((f) => applyFilters(objectives, [f]).length === 0);
  return `no objectives with ${alone ? describe(alone) : given.map(describe).join(' and ')}`;
}

export async function runStatus(ctx: CommandContext, options: StatusOptions): Promise<number> {
  const statuses = statusFilter(options.status);
  const filters: ObjectiveFilter[] = [
    ownerFilter(options.owner),
    cycleFilter(options.cycle),
    { name: 'status', values: statuses, matches: (o) => statuses.has(o.status) },
  ];
  const run = await gitCommand(() =>
    statusRun({
      config: ctx.config,
      asOf: ctx.asOf,
      env: ctx.io.env,
      cacheDir: ctx.cacheDir,
      ...(options.at === undefined ? {} : { at: options.at }),
      work: options.format === 'json',
    }),
  );
  if (run === null) {
    noOkrFiles(ctx, 'status');
    return 2;
  }
  reportFailed(ctx, run.failed);
  const { report, work } = run;
  const filtered = { ...report, objectives: applyFilters(report.objectives, filters) };
  const empty = emptyReason(run.standing, report.objectives, filters);
  if (options.format === 'json') {
    if (empty !== null) ctx.io.err(`okr: ${empty}\n`);
    const objectives = filtered.objectives.map((o) => {
      const w = work?.get(o.id);
      return { ...o, work: { commits: w?.commits ?? 0, last: w?.last ?? null } };
    });
    ctx.io.out(formatStatusJson({ ...filtered, objectives }));
    return 0;
  }
  if (empty !== null) {
    ctx.io.out(`${empty[0]!.toUpperCase()}${empty.slice(1)}.\n`);
    return 0;
  }
  const formatOptions = {
    krs: Boolean(options.krs),
    color: ctx.color,
    width: terminalWidth(ctx.io),
    tree: Boolean(options.tree),
  };
  if (options.format === 'markdown') ctx.io.out(formatStatusMarkdown(filtered, formatOptions));
  else
    ctx.io.out(
      options.tree ? formatStatusTree(filtered, formatOptions) : formatStatusTable(filtered, formatOptions),
    );
  return 0;
}
