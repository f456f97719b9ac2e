import {
  formatStatusJson,
  formatStatusMarkdown,
  formatStatusTable,
  formatStatusTree,
} from '../../format/status.js';
import { type ObjectiveStatus, statusReport } from '../../report/status.js';
import { STATUSES, type Status } from '../../rollup/status.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { standingForView } from '../view.js';

export const STATUS_FORMATS = ['table', 'json', 'markdown'] as const;

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

export async function runStatus(ctx: CommandContext, options: StatusOptions): Promise<number> {
  if (!(STATUS_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format must be one of ${STATUS_FORMATS.join(', ')}, not "${options.format}"`);
  const statuses = statusFilter(options.status);
  const owners = new Set(listOption(options.owner));
  const cycles = new Set(listOption(options.cycle));
  // okr's git modules are loaded only for --at: plain status reads the working tree alone.
  const load =
    options.at === undefined
      ? undefined
      : await (await import('../git.js')).loadAt(ctx, options.at, 'okr status --at');
  const analysis = await standingForView(ctx, load);
  if (!analysis) return 2;
  const report = statusReport(analysis);
  const keep = (o: ObjectiveStatus) =>
    (owners.size === 0 || owners.has(o.owner)) &&
    (cycles.size === 0 || cycles.has(o.cycle)) &&
    (statuses.size === 0 || statuses.has(o.status));
  const filtered = { ...report, objectives: report.objectives.filter(keep) };
  const formatOptions = { krs: Boolean(options.krs), color: ctx.color };
  if (options.format === 'json') ctx.io.out(formatStatusJson(filtered));
  else if (options.format === 'markdown') ctx.io.out(formatStatusMarkdown(filtered, formatOptions));
  else
    ctx.io.out(
      options.tree ? formatStatusTree(filtered, formatOptions) : formatStatusTable(filtered, formatOptions),
    );
  return 0;
}
