import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CheckinEditError } from '../../edit/checkin.js';
import { shownPath } from '../../paths.js';
import { UnknownCycleError } from '../../run/cycle-files.js';
import { type Carry, planRollover, type RolloverFile, RolloverUsageError } from '../../run/rollover.js';
import type { CommandContext } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { replaceFiles } from '../replace-files.js';
import { unknownCycle } from './close.js';

export interface RolloverOptions {
  carry: Carry;
  dryRun?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(ctx: CommandContext, file: RolloverFile): string {
  const carried = file.carried.map((c) => `${c.from} -> ${c.id}`).join(', ');
  return `${shownPath(ctx.config, file.path)}: ${plural(file.carried.length, 'objective')} carried${carried ? ` (${carried})` : ''}`;
}

export async function runRollover(
  ctx: CommandContext,
  from: string,
  to: string,
  options: RolloverOptions,
): Promise<number> {
  const shown = (path: string) => shownPath(ctx.config, path);
  let plan: ReturnType<typeof planRollover>;
  try {
    plan = planRollover({
      config: ctx.config,
      from,
      to,
      carry: options.carry,
      asOf: ctx.asOf,
      exists: (path) => existsSync(join(ctx.root, path)),
    });
  } catch (error) {
    if (error instanceof UnknownCycleError) throw unknownCycle(error);
    if (error instanceof RolloverUsageError) throw new UsageError(error.message, error.hint);
    if (error instanceof CheckinEditError) {
      ctx.io.err(errorText(`cannot roll over "${from}": ${error.message}; nothing was written`));
      return 1;
    }
    throw error;
  }
  if (plan.refusals.length > 0) {
    ctx.io.err(
      errorText(
        `cannot roll over "${from}" into "${to}", nothing was written: ${plan.refusals.join('; ')}`,
        'okr rollover never replaces a file: move or delete the files named, or roll over into another cycle',
      ),
    );
    return 1;
  }
  for (const path of plan.notIncluded)
    ctx.io.err(
      `okr: ${shown(path)} is not covered by "include" in okr.config.yaml, so okr check will not read it; widen "include"\n`,
    );
  const carried = plan.files.reduce((n, f) => n + f.carried.length, 0);
  const summary = `${plural(carried, 'objective')} carried from "${from}" into "${to}" (--carry ${plan.carry}), ${plural(plan.left.length, 'objective')} left behind`;
  if (options.dryRun) {
    for (const file of plan.files)
      ctx.io.out(`# ${describe(ctx, file)}\n--- ${shown(file.path)}\n${file.text}\n`);
    ctx.io.out(
      `dry run: ${plural(plan.files.length, 'file')} would be written, ${summary}; nothing was written\n`,
    );
    return 0;
  }
  const failure = await replaceFiles(
    ctx,
    plan.files.map((f) => ({ path: f.path, text: null, next: f.text })),
  );
  for (const file of plan.files)
    if (!failure?.unwritten.has(file.path)) ctx.io.out(`${describe(ctx, file)}\n`);
  if (failure) {
    ctx.io.err(errorText(failure.message));
    return 1;
  }
  ctx.io.out(`${plural(plan.files.length, 'file')} written, ${summary}\n`);
  return 0;
}
