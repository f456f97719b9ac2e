import { type Analysis, analyze } from '../analyze.js';
import { terminalLine } from '../format/text.js';
import type { LoadResult } from '../load/load.js';
import type { CommandContext } from './context.js';

/**
 * The analysis the viewing commands (status, graph, report) show: null, after saying why on stderr,
 * when no OKR file matched (exit 2). Files that failed to load are named on stderr; the rest is shown.
 */
export function analyzeForView(ctx: CommandContext, load?: LoadResult): Analysis | null {
  const analysis = analyze(ctx.config, { asOf: ctx.asOf, cacheDir: ctx.cacheDir, ...(load ? { load } : {}) });
  if (analysis.load.fileCount === 0) {
    ctx.io.err(
      `okr: no OKR files matched ${ctx.config.include.join(', ')} in ${ctx.root}; run "okr init" to start\n`,
    );
    return null;
  }
  for (const path of analysis.load.failed) {
    const count = analysis.diagnostics.filter((d) => d.file === path && d.severity === 'error').length;
    const file = terminalLine(path);
    ctx.io.err(
      `okr: ${file} has ${count} error${count === 1 ? '' : 's'}; what they concern is not shown. Run "okr check ${file}" for details.\n`,
    );
  }
  return analysis;
}
