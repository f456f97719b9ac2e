import { formatGradeJson, formatGradeMarkdown, formatGradeText } from '../../format/grade.js';
import { shownPath } from '../../paths.js';
import { UnknownCycleError } from '../../run/cycle-files.js';
import { type GradeSheet, gradeCycle } from '../../run/grade.js';
import type { CommandContext } from '../context.js';
import { errorText } from '../errors.js';
import { unknownCycle } from './close.js';

export interface GradeOptions {
  format: string;
}

async function render(ctx: CommandContext, sheet: GradeSheet, format: string): Promise<string> {
  if (format === 'json') return formatGradeJson(sheet);
  if (format === 'markdown') return formatGradeMarkdown(sheet);
  if (format === 'html') return (await import('../../format/grade-html.js')).formatGradeHtml(sheet);
  return formatGradeText(sheet, ctx.color);
}

/** `okr grade CYCLE`: the cycle's score sheet (SPEC §12). */
export async function runGrade(ctx: CommandContext, cycle: string, options: GradeOptions): Promise<number> {
  let sheet: GradeSheet;
  try {
    sheet = gradeCycle({ config: ctx.config, cycle, asOf: ctx.asOf, cacheDir: ctx.cacheDir });
  } catch (error) {
    if (error instanceof UnknownCycleError) throw unknownCycle(error);
    throw error;
  }
  for (const path of sheet.unreadable)
    ctx.io.err(
      errorText(
        `${shownPath(ctx.config, path)} did not load and may belong to cycle "${cycle}"; what it holds is not graded`,
        `run "okr check ${shownPath(ctx.config, path)}" for details`,
      ),
    );
  ctx.io.out(await render(ctx, sheet, options.format));
  return 0;
}
