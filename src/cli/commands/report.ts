import { analyze } from '../../analyze.js';
import { renderHtmlReport } from '../../report/html.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { writeOutput } from '../output.js';

export interface ReportOptions {
  out?: string;
}

export async function runReport(ctx: CommandContext, options: ReportOptions): Promise<number> {
  if (options.out === undefined || options.out === '')
    throw new UsageError('report needs --out FILE.html: the file to write the dashboard to');
  const analysis = analyze(ctx.config, { asOf: ctx.asOf });
  if (analysis.load.fileCount === 0) {
    ctx.io.err(
      `okr: no OKR files matched ${ctx.config.include.join(', ')} in ${ctx.root}; run "okr init" to start\n`,
    );
    return 2;
  }
  for (const path of analysis.load.failed)
    ctx.io.err(
      `okr: ${path} has errors; what they concern is left out. Run "okr check ${path}" for details.\n`,
    );
  writeOutput(ctx, options.out, renderHtmlReport(analysis));
  const count = analysis.graph.objectives.length;
  ctx.io.err(`okr: wrote ${options.out} (${count} objective${count === 1 ? '' : 's'})\n`);
  return 0;
}
