import { applyClose } from '../edit/close.js';
import { loadProject } from '../load/load.js';
import type { Config } from '../model.js';
import { cycleFiles } from './cycle-files.js';

export interface CloseRunOptions {
  config: Config;
  cycle: string;
  /** YYYY-MM-DD written as `closed:`. */
  date: string;
  /** Reads a file's text as it is on disk now (byte-order mark included): root-relative path. */
  read: (path: string) => string;
}

export interface CloseFile {
  /** Root-relative path. */
  path: string;
  /** The text read, which the new text replaces only if the file still holds it. */
  text: string;
  /** The text with `closed:` added; null for a file closed already. */
  closedText: string | null;
  /** The date of a file closed already, else null. */
  closedBefore: string | null;
}

export interface ClosePlan {
  cycle: string;
  date: string;
  files: CloseFile[];
  /** Files that did not load and may belong to the cycle: nothing is closed while they are there. */
  unreadable: string[];
}

/**
 * What `okr close CYCLE` writes: for each file of the cycle, its text with `closed: DATE` added
 * after `cycle:` (every other byte kept), or nothing for a file closed already. Every file is
 * edited before any is written, so that an edit that cannot be made stops the command early.
 */
export function planClose(options: CloseRunOptions): ClosePlan {
  const { config, cycle, date } = options;
  const { files, unreadable } = cycleFiles(loadProject(config), cycle);
  const plan: ClosePlan = { cycle, date, files: [], unreadable };
  if (unreadable.length > 0) return plan;
  for (const file of files) {
    const path = file.source.path;
    const text = options.read(path);
    const closedBefore = file.data.closed ?? null;
    plan.files.push({ path, text, closedBefore, closedText: closedBefore ? null : applyClose(text, date) });
  }
  return plan;
}
