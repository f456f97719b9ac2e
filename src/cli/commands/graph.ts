import { formatDot } from '../../format/dot.js';
import { formatMermaid } from '../../format/mermaid.js';
import { alignmentGraph } from '../../run/views/alignment.js';
import { statusReport } from '../../run/views/status.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { krFreshness } from '../freshness.js';
import { standingForView } from '../view.js';
import { applyFilters, cycleFilter, emptyReason, ownerFilter } from './status.js';

export const GRAPH_DIRECTIONS = ['BT', 'TD'] as const;

export interface GraphOptions {
  format: string;
  direction: string;
  owner?: string[];
  cycle?: string[];
}

export async function runGraph(ctx: CommandContext, options: GraphOptions): Promise<number> {
  const direction = options.direction.toUpperCase();
  if (direction !== 'BT' && direction !== 'TD')
    throw new UsageError(
      `--direction must be one of ${GRAPH_DIRECTIONS.join(', ')}, not "${options.direction}"`,
    );
  const filters = [ownerFilter(options.owner), cycleFilter(options.cycle)];
  const analysis = await standingForView(ctx, undefined, 'graph');
  if (!analysis) return 2;
  const report = statusReport(analysis, await krFreshness(ctx, analysis));
  // An empty flowchart would say nothing: say which filter matched nothing instead.
  const empty = emptyReason(analysis, report.objectives, filters);
  if (empty !== null) {
    ctx.io.err(`okr: ${empty}; no graph written\n`);
    return 0;
  }
  const graph = alignmentGraph({ ...report, objectives: applyFilters(report.objectives, filters) });
  const text = options.format === 'dot' ? formatDot(graph) : formatMermaid(graph, { direction });
  ctx.io.out(text);
  return 0;
}
