import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay } from '../../dates.js';
import { ClosedFileError } from '../../edit/checkin.js';
import { LockBusyError, withLock } from '../../edit/lock.js';
import { parseCheckinDate } from '../../edit/values.js';
import { formatMeasureJson, formatMeasureText } from '../../format/measure.js';
import { shownPath } from '../../paths.js';
import {
  applyReadings,
  type MeasureRow,
  measureTargets,
  readTargets,
  UnknownMeasureRefError,
} from '../../run/measure.js';
import type { CommandContext } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { showsProgress, terminalWidth, writeFileAtomic } from '../io.js';

export interface MeasureOptions {
  date?: string;
  dryRun?: boolean;
  format?: 'text' | 'json';
}

class ChangedMeanwhile extends Error {}

const ATTEMPTS = 3;

function lockOptions(ctx: CommandContext) {
  const timeout = Number(ctx.io.env.OKR_LOCK_TIMEOUT_MS);
  return Number.isFinite(timeout) && timeout >= 0 ? { timeoutMs: timeout } : {};
}

/**
 * Records the file's rows under its lock: reads the file, applies every check-in to its text and
 * replaces it once, atomically, only while it still holds that text (else reads it again).
 */
async function recordFile(
  ctx: CommandContext,
  path: string,
  rows: MeasureRow[],
  date: string,
): Promise<void> {
  const absolute = join(ctx.root, path);
  const shown = shownPath(ctx.config, path);
  await withLock(
    `${absolute}.lock`,
    () => {
      for (let attempt = 1; ; attempt++) {
        const text = readFileSync(absolute, 'utf8');
        const copies = rows.map((r) => ({ ...r }));
        const next = applyReadings(shown, text, copies, date);
        for (const [i, copy] of copies.entries()) Object.assign(rows[i]!, copy);
        if (next === text) return;
        try {
          writeFileAtomic(absolute, next, {
            beforeRename: () => {
              if (readFileSync(absolute, 'utf8') !== text) throw new ChangedMeanwhile();
            },
          });
          return;
        } catch (error) {
          if (!(error instanceof ChangedMeanwhile) || attempt === ATTEMPTS) throw error;
        }
      }
    },
    lockOptions(ctx),
  );
}

/** Why a file's values could not be written; its rows become failures. */
function writeFailure(ctx: CommandContext, path: string, error: unknown): string {
  const shown = shownPath(ctx.config, path);
  if (error instanceof ChangedMeanwhile)
    return `${shown} kept changing while okr wrote it; nothing was written`;
  if (error instanceof LockBusyError)
    return `${shown} is being changed by another okr (lock ${shown}.lock); run again when it is done, or delete the lock file if no okr is running`;
  if (error instanceof Error && !(error as NodeJS.ErrnoException).code) return error.message;
  return `cannot write ${shown} (${(error as NodeJS.ErrnoException).code}); nothing was written`;
}

export async function runMeasure(
  ctx: CommandContext,
  refs: string[],
  options: MeasureOptions,
): Promise<number> {
  const date = parseCheckinDate(options.date ?? formatDay(ctx.asOf));
  if (!date.ok) throw new UsageError(`--date takes ${date.expected}, not "${options.date}"`);
  const shown = (path: string) => shownPath(ctx.config, path);
  let targets: ReturnType<typeof measureTargets>;
  try {
    targets = measureTargets(ctx.config, refs);
  } catch (error) {
    if (error instanceof UnknownMeasureRefError) throw new UsageError(error.message);
    throw error;
  }
  const closed = targets.find((t) => t.closed !== null);
  if (closed) {
    ctx.io.err(errorText(new ClosedFileError(shown(closed.file), closed.closed!).message));
    return 1;
  }
  const progress = showsProgress(ctx.io);
  const rows = await readTargets(targets, {
    config: ctx.config,
    env: ctx.io.env,
    progress: progress
      ? (done, total) => ctx.io.err(`\r\x1b[Kokr measure: read ${done} of ${total} sources`)
      : undefined,
  });
  if (progress && targets.length > 0) ctx.io.err('\r\x1b[K');
  const files = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.file))];
  for (const file of files) {
    const own = rows.filter((r) => r.file === file);
    try {
      if (options.dryRun)
        applyReadings(shown(file), readFileSync(join(ctx.root, file), 'utf8'), own, date.value);
      else await recordFile(ctx, file, own, date.value);
    } catch (error) {
      const reason = error instanceof ClosedFileError ? error.message : writeFailure(ctx, file, error);
      for (const r of own)
        if (r.value !== null) {
          r.value = null;
          r.error = reason;
        }
    }
  }
  for (const r of rows) if (r.error !== null) ctx.io.err(`okr: "${r.ref}": ${r.error}\n`);
  const report = {
    date: date.value,
    dryRun: Boolean(options.dryRun),
    rows,
    shown,
    width: terminalWidth(ctx.io),
  };
  ctx.io.out(options.format === 'json' ? formatMeasureJson(report) : formatMeasureText(report));
  return rows.some((r) => r.error !== null) ? 1 : 0;
}
