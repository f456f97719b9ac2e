import { renderHtmlReport } from '../../format/html.js';
import { closedCycleGrades } from '../../run/grade.js';
import { checkinTrends, mergeTrends } from '../../run/views/trends.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { gitTrendSeries } from '../git.js';
import { writeOutput } from '../output.js';
import { analyzeForView } from '../view.js';

export interface ReportOptions {
  /** The file to write: -o FILE, or its alias --out FILE. */
  output?: string;
  out?: string;
}

export async function runReport(ctx: CommandContext, options: ReportOptions): Promise<number> {
  const out = options.output ?? options.out;
  if (out === undefined || out === '')
    throw new UsageError(
      'report needs the file to write the dashboard to',
      'give it with -o FILE.html (or --out FILE.html)',
    );
  const viewed = await analyzeForView(ctx);
  if (!viewed) return 2;
  const { analysis, freshness } = viewed;
  const { objectiveWork } = await import('../../run/work.js');
  const [series, work] = await Promise.all([
    gitTrendSeries(ctx),
    objectiveWork(analysis.graph, {
      config: ctx.config,
      asOf: ctx.asOf,
      env: ctx.io.env,
      cacheDir: ctx.cacheDir,
    }),
  ]);
  const trends = mergeTrends(checkinTrends(analysis.graph), series);
  const grades = closedCycleGrades(ctx.config, analysis.load, ctx.asOf);
  writeOutput(ctx, out, renderHtmlReport(analysis, { trends, freshness, grades, work }));
  const count = analysis.graph.objectives.length;
  ctx.io.err(`okr: wrote ${out} (${count} objective${count === 1 ? '' : 's'})\n`);
  return 0;
}
