import type { Analysis } from '../analyze.js';
import type { Diagnostic } from '../diagnostics.js';
import { terminalLine } from '../format/text.js';
import type { LoadResult } from '../load/load.js';
import { type Standing, standing } from '../standing.js';
import type { CommandContext } from './context.js';

/** False, after saying why on stderr, when no OKR file matched (exit 2). */
function anyFiles(ctx: CommandContext, result: Standing): boolean {
  if (result.load.fileCount > 0) return true;
  ctx.io.err(
    `okr: no OKR files matched ${ctx.config.include.join(', ')} in ${ctx.root}; run "okr init" to start\n`,
  );
  return false;
}

/** Names on stderr each file that failed to load, with the number of its errors. */
function reportFailed(
  ctx: CommandContext,
  failed: readonly string[],
  diagnostics: readonly Diagnostic[],
): void {
  for (const path of failed) {
    const count = diagnostics.filter((d) => d.file === path && d.severity === 'error').length;
    const file = terminalLine(path);
    ctx.io.err(
      `okr: ${file} has ${count} error${count === 1 ? '' : 's'}; what they concern is not shown. Run "okr check ${file}" for details.\n`,
    );
  }
}

/**
 * What status and graph show, which is no problem: null (exit 2) when no OKR file matched. Files
 * that failed to load are named on stderr; the rest is shown. The rules are loaded and run only to
 * count the errors of such files, so that a clean repository's status starts without them.
 */
export async function standingForView(ctx: CommandContext, load?: LoadResult): Promise<Standing | null> {
  const result = standing(ctx.config, { asOf: ctx.asOf, cacheDir: ctx.cacheDir, ...(load ? { load } : {}) });
  if (!anyFiles(ctx, result)) return null;
  if (result.load.failed.length > 0) {
    const { lintStanding } = await import('../analyze.js');
    reportFailed(ctx, result.load.failed, lintStanding(result));
  }
  return result;
}

/**
 * The whole analysis, its problems judged exactly as `okr check` judges them (git staleness
 * included), for the report; null and failed files as for status.
 */
export async function analyzeForView(ctx: CommandContext): Promise<Analysis | null> {
  const [{ judge, shallowNote }, { gitCommand }] = await Promise.all([
    import('../run/judge.js'),
    import('./git-command.js'),
  ]);
  const { analysis, undatedByTheCut } = await gitCommand(() =>
    judge({ config: ctx.config, asOf: ctx.asOf, env: ctx.io.env, cacheDir: ctx.cacheDir }),
  );
  if (!anyFiles(ctx, analysis)) return null;
  for (const note of shallowNote(undatedByTheCut)) ctx.io.err(note);
  reportFailed(ctx, analysis.load.failed, analysis.diagnostics);
  return analysis;
}
