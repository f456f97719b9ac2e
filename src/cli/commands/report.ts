import { renderHtmlReport } from '../../format/html.js';
import { shallowNote } from '../../run/judge.js';
import { reportRun } from '../../run/report.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { writeOutput } from '../output.js';
import { noOkrFiles, reportFailed } from '../view.js';

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
  const run = await gitCommand(() =>
    reportRun({ config: ctx.config, asOf: ctx.asOf, env: ctx.io.env, cacheDir: ctx.cacheDir }),
  );
  if (run === null) {
    noOkrFiles(ctx, 'report');
    return 2;
  }
  const { analysis, freshness, trends, grades, work } = run;
  for (const note of shallowNote(run.undatedByTheCut)) ctx.io.err(note);
  reportFailed(ctx, run.failed);
  writeOutput(ctx, out, renderHtmlReport(analysis, { trends, freshness, grades, work }));
  const count = analysis.graph.objectives.length;
  ctx.io.err(`okr: wrote ${out} (${count} objective${count === 1 ? '' : 's'})\n`);
  return 0;
}
