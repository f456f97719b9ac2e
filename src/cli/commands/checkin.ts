import { formatDay } from '../../dates.js';
import { type CheckinInput, type CheckinResult, CheckinValueError } from '../../edit/checkin.js';
import { parseCheckinDate, parseConfidence } from '../../edit/values.js';
import { type CheckinRun, checkinRun, checkinTarget } from '../../run/checkin.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';

export interface CheckinOptions {
  confidence?: string;
  note?: string;
  date?: string;
  dryRun?: boolean;
}

function inputOf(
  ctx: CommandContext,
  objectiveId: string,
  krId: string,
  value: string,
  options: CheckinOptions,
) {
  const date = parseCheckinDate(options.date ?? formatDay(ctx.asOf));
  if (!date.ok) throw new UsageError(`--date takes ${date.expected}, not "${options.date}"`);
  const input: CheckinInput = { objectiveId, krId, value, date: date.value };
  if (options.confidence !== undefined) {
    const confidence = parseConfidence(options.confidence);
    if (!confidence.ok)
      throw new UsageError(`--confidence takes ${confidence.expected}, not "${options.confidence}"`);
    input.confidence = confidence.value;
  }
  if (options.note !== undefined) input.note = options.note;
  return input;
}

function colorDiff(ctx: CommandContext, diff: string): string {
  return diff.replace(/^.*$/gm, (line) =>
    line.startsWith('@@')
      ? ctx.color.cyan(line)
      : line.startsWith('+') && !line.startsWith('+++')
        ? ctx.color.green(line)
        : line.startsWith('-') && !line.startsWith('---')
          ? ctx.color.red(line)
          : line,
  );
}

function summary(ref: string, path: string, input: CheckinInput, result: CheckinResult): string {
  const before = result.before === undefined ? 'unset' : String(result.before);
  if (result.later !== null)
    return `${path}: "${ref}" check-in of ${input.date} added; ${result.field} stays ${before}, from the later check-in of ${result.later}\n`;
  return `${path}: "${ref}" ${result.field} ${before} -> ${String(result.value)}, check-in of ${input.date} added\n`;
}

export async function runCheckin(
  ctx: CommandContext,
  ref: string,
  value: string,
  options: CheckinOptions,
): Promise<number> {
  const found = checkinTarget(ctx.config, ref);
  if (!found.ok) {
    if (!found.blocked) throw new UsageError(found.message);
    ctx.io.err(`okr: ${found.message}\n`);
    return 1;
  }
  const { kr } = found;
  const input = inputOf(ctx, kr.objective.id, kr.id, value, options);
  let run: CheckinRun;
  try {
    run = await checkinRun({
      config: ctx.config,
      kr,
      input,
      dryRun: Boolean(options.dryRun),
      env: ctx.io.env,
    });
  } catch (error) {
    if (error instanceof CheckinValueError) throw new UsageError(error.message);
    throw error;
  }
  if (run.kind === 'diff') ctx.io.out(colorDiff(ctx, run.diff));
  else if (run.kind === 'written') ctx.io.out(summary(kr.fullId, run.file, input, run.result));
  else {
    ctx.io.err(`okr: ${run.message}\n`);
    return 1;
  }
  return 0;
}
