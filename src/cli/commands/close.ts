import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay } from '../../dates.js';
import { CheckinEditError } from '../../edit/checkin.js';
import { parseCheckinDate } from '../../edit/values.js';
import { shownPath } from '../../paths.js';
import { planClose } from '../../run/close.js';
import { UnknownCycleError } from '../../run/cycle-files.js';
import type { CommandContext } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { replaceFiles } from '../replace-files.js';

export interface CloseOptions {
  date?: string;
}

/** A cycle no file has: exit 2, naming the cycles there are. */
export function unknownCycle(error: UnknownCycleError): UsageError {
  return new UsageError(
    error.message,
    error.known.length > 0
      ? `the cycles of the OKR files are ${error.known.join(', ')}`
      : 'there are no OKR files yet; run "okr init"',
  );
}

export async function runClose(ctx: CommandContext, cycle: string, options: CloseOptions): Promise<number> {
  const date = parseCheckinDate(options.date ?? formatDay(ctx.asOf));
  if (!date.ok) throw new UsageError(`--date takes ${date.expected}, not "${options.date}"`);
  const shown = (path: string) => shownPath(ctx.config, path);
  let plan: ReturnType<typeof planClose>;
  try {
    plan = planClose({
      config: ctx.config,
      cycle,
      date: date.value,
      read: (path) => readFileSync(join(ctx.root, path), 'utf8'),
    });
  } catch (error) {
    if (error instanceof UnknownCycleError) throw unknownCycle(error);
    if (error instanceof CheckinEditError) {
      ctx.io.err(errorText(`cannot close cycle "${cycle}": ${error.message}; nothing was written`));
      return 1;
    }
    throw error;
  }
  if (plan.unreadable.length > 0) {
    ctx.io.err(
      errorText(
        `cannot close cycle "${cycle}": ${plan.unreadable.map(shown).join(', ')} did not load, and may belong to it; nothing was written`,
        'run "okr check" and fix the file first',
      ),
    );
    return 1;
  }
  const open = plan.files.filter((f) => f.closedText !== null);
  if (open.length === 0) {
    const dates = [...new Set(plan.files.map((f) => f.closedBefore))].join(', ');
    ctx.io.out(`cycle "${cycle}" is closed already (closed: ${dates}); nothing was written\n`);
    return 0;
  }
  const failure = await replaceFiles(
    ctx,
    open.map((f) => ({ path: f.path, text: f.text, next: f.closedText! })),
  );
  for (const f of plan.files)
    if (f.closedText === null) ctx.io.out(`${shown(f.path)}: closed already (closed: ${f.closedBefore})\n`);
    else if (!failure?.unwritten.has(f.path)) ctx.io.out(`${shown(f.path)}: closed: ${date.value}\n`);
  if (failure) {
    ctx.io.err(errorText(failure.message));
    return 1;
  }
  const written = open.length;
  ctx.io.out(
    `cycle "${cycle}" closed on ${date.value}: ${written} file${written === 1 ? '' : 's'} written; its numbers are final\n`,
  );
  return 0;
}
