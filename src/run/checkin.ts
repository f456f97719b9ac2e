import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CheckinEditError,
  type CheckinInput,
  type CheckinResult,
  checkinSource,
  checkValue,
} from '../edit/checkin.js';
import { unifiedDiff } from '../edit/diff.js';
import { findKeyResult, type KrLookup } from '../edit/find.js';
import { LockBusyError, withLock } from '../edit/lock.js';
import { buildGraph } from '../graph/graph.js';
import { loadProject } from '../load/load.js';
import type { Config, KeyResult } from '../model.js';
import { shownPath } from '../paths.js';
import { writeFileAtomic } from '../source/write-file.js';

/** The key result `ref` names in the working tree's OKR files, or why none (see `findKeyResult`). */
export function checkinTarget(config: Config, ref: string): KrLookup {
  const load = loadProject(config);
  return findKeyResult(ref, buildGraph(load.files, config.rollup), load);
}

export interface CheckinRunOptions {
  config: Config;
  /** The key result found by `checkinTarget`. */
  kr: KeyResult;
  /** The check-in; its objective and KR ids are those of `kr`. */
  input: CheckinInput;
  /** Show the change as a unified diff instead of writing it. */
  dryRun: boolean;
  /** The environment: OKR_LOCK_TIMEOUT_MS bounds the wait for another okr's lock. */
  env: NodeJS.ProcessEnv;
}

/**
 * What a check-in did: the diff it would make (dry run), what it wrote, or why it wrote nothing.
 * A value the key result does not take is a CheckinValueError, thrown before any file is looked at.
 */
export type CheckinRun =
  | { kind: 'diff'; diff: string }
  | { kind: 'written'; file: string; result: CheckinResult }
  | { kind: 'not-written'; message: string };

/** The check-in was valid but could not be written: exit 1 with this message. */
class NotWritten extends Error {}

/** The file changed on disk between reading it and replacing it. */
class ChangedMeanwhile extends Error {}

const ATTEMPTS = 3;

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
async function writeCheckin(env: NodeJS.ProcessEnv, absolute: string, path: string, input: CheckinInput) {
  const timeout = Number(env.OKR_LOCK_TIMEOUT_MS);
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

/** `okr checkin`: the check-in written into the key result's file under its lock, or its diff. */
export async function checkinRun(options: CheckinRunOptions): Promise<CheckinRun> {
  const { config, input, kr } = options;
  const absolute = join(config.root, kr.file);
  const file = shownPath(config, kr.file);
  // A wrong value is refused before the file is looked at for writing; under the lock the value is
  // read again against the file as it is then.
  checkValue(kr.fullId, kr.data, input.value);
  try {
    if (options.dryRun) {
      const text = readFileSync(absolute, 'utf8');
      return { kind: 'diff', diff: unifiedDiff(text, checkinSource(file, text, input).text, file) };
    }
    const problem = unwritable(absolute, file);
    if (problem) throw new NotWritten(problem);
    return { kind: 'written', file, result: await writeCheckin(options.env, absolute, file, input) };
  } catch (error) {
    if (error instanceof NotWritten || error instanceof CheckinEditError)
      return { kind: 'not-written', message: error.message };
    if (error instanceof LockBusyError)
      return {
        kind: 'not-written',
        message: `${file} is being changed by another okr (process ${error.holder?.pid ?? 'unknown'}, lock ${file}.lock); run again when it is done, or delete the lock file if no okr is running`,
      };
    const reason = systemReason(error);
    if (!reason) throw error;
    return { kind: 'not-written', message: `cannot write ${file}: ${reason}; nothing was changed` };
  }
}
