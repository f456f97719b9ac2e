import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyze } from '../../analyze.js';
import { renderHtmlReport } from '../../report/html.js';
import type { CommandContext } from '../context.js';
import { FatalError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';

export interface ReportOptions {
  out?: string;
}

/** Writes `text` to `path` (relative to where okr runs) atomically, or says clearly why it cannot. */
export function writeOutput(ctx: CommandContext, path: string, text: string): string {
  const absolute = resolve(ctx.cwd, path);
  const folder = dirname(absolute);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new FatalError(`cannot write ${path}: no such folder "${dirname(path)}"; create it first`);
  if (existsSync(absolute) && statSync(absolute).isDirectory())
    throw new FatalError(`cannot write ${path}: it is a folder; give a file name`);
  try {
    writeFileAtomic(absolute, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FatalError(`cannot write ${path} (${code}); check that its folder is writable`);
  }
  return absolute;
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
