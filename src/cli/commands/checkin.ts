import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDay } from '../../dates.js';
import {
  CheckinEditError,
  type CheckinInput,
  type CheckinResult,
  CheckinValueError,
  checkinSource,
  checkValue,
} from '../../edit/checkin.js';
import { unifiedDiff } from '../../edit/diff.js';
import { findKeyResult } from '../../edit/find.js';
import { LockBusyError, withLock } from '../../edit/lock.js';
import { parseCheckinDate, parseConfidence } from '../../edit/values.js';
import { buildGraph } from '../../graph/graph.js';
import { loadProject } from '../../load/load.js';
import { shownPath } from '../../paths.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';

export interface CheckinOptions {
  confidence?: string;
  note?: string;
  date?: string;
  dryRun?: boolean;
}

/** The check-in was valid but could not be written: exit 1 with this message. */
class NotWritten extends Error {}

/** The file changed on disk between reading it and replacing it. */
class ChangedMeanwhile extends Error {}

const ATTEMPTS = 3;

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

/**
 * Why the file cannot be replaced, if it cannot. The permission bits are read as well as asked
 * about, so that a file or folder made read-only is respected even by root, which access() lets by.
 */
function unwritable(absolute: string, path: string): string | null {
  const folder = dirname(absolute);
  const shownFolder = dirname(path);
  const readOnly = (p: string, mode: number) => {
    if ((statSync(p).mode & 0o222) === 0) return true;
    try {
      accessSync(p, mode);
      return false;
    } catch {
      return true;
    }
  };
  if (readOnly(absolute, constants.W_OK))
    return `${path} is read-only; make it writable (chmod u+w ${path}) to check in`;
  if (readOnly(folder, constants.W_OK | constants.X_OK))
    return `the folder ${shownFolder} is read-only, and okr replaces ${path} through a new file beside it; make the folder writable (chmod u+w ${shownFolder}) to check in`;
  return null;
}

function systemReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    ENOENT: 'the file was moved or deleted meanwhile',
    EISDIR: 'a folder stands where okr writes a file (the lock or the temporary file)',
  };
  return code && reasons[code] ? `${reasons[code]} (${code})` : null;
}

/** Reads, checks in and replaces the file while holding its lock; retries if it changes meanwhile. */
async function writeCheckin(ctx: CommandContext, absolute: string, path: string, input: CheckinInput) {
  const timeout = Number(ctx.io.env.OKR_LOCK_TIMEOUT_MS);
  const lockOptions = Number.isFinite(timeout) && timeout >= 0 ? { timeoutMs: timeout } : {};
  return withLock(
    `${absolute}.lock`,
    () => {
      for (let attempt = 1; ; attempt++) {
        const text = readFileSync(absolute, 'utf8');
        const result = checkinSource(path, text, input);
        try {
          writeFileAtomic(absolute, result.text, {
            beforeRename: () => {
              if (readFileSync(absolute, 'utf8') !== text) throw new ChangedMeanwhile();
            },
          });
          return result;
        } catch (error) {
          if (!(error instanceof ChangedMeanwhile)) throw error;
          if (attempt === ATTEMPTS)
            throw new NotWritten(
              `${path} kept changing while okr wrote it; nothing was written, run the check-in again`,
            );
        }
      }
    },
    lockOptions,
  );
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
  const load = loadProject(ctx.config);
  const found = findKeyResult(ref, buildGraph(load.files, ctx.config.rollup), load);
  if (!found.ok) {
    if (!found.blocked) throw new UsageError(found.message);
    ctx.io.err(`okr: ${found.message}\n`);
    return 1;
  }
  const { kr } = found;
  const input = inputOf(ctx, kr.objective.id, kr.id, value, options);
  const absolute = join(ctx.root, kr.file);
  const file = shownPath(ctx.config, kr.file);
  try {
    // A wrong value is refused before the file is looked at for writing; under the lock the value is
    // read again against the file as it is then.
    checkValue(kr.fullId, kr.data, value);
    if (options.dryRun) {
      const text = readFileSync(absolute, 'utf8');
      ctx.io.out(colorDiff(ctx, unifiedDiff(text, checkinSource(file, text, input).text, file)));
      return 0;
    }
    const problem = unwritable(absolute, file);
    if (problem) throw new NotWritten(problem);
    ctx.io.out(summary(kr.fullId, file, input, await writeCheckin(ctx, absolute, file, input)));
    return 0;
  } catch (error) {
    if (error instanceof CheckinValueError) throw new UsageError(error.message);
    let message: string;
    if (error instanceof NotWritten || error instanceof CheckinEditError) message = error.message;
    else if (error instanceof LockBusyError)
      message = `${file} is being changed by another okr (process ${error.holder?.pid ?? 'unknown'}, lock ${file}.lock); run again when it is done, or delete the lock file if no okr is running`;
    else {
      const reason = systemReason(error);
      if (!reason) throw error;
      message = `cannot write ${file}: ${reason}; nothing was changed`;
    }
    ctx.io.err(`okr: ${message}\n`);
    return 1;
  }
}
