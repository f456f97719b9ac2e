import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Color, PLAIN } from '../format/color.js';
import { nodeCrypto } from '../node-crypto.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one. */
  stdoutColumns?: number;
  /** stderr is a terminal: progress lines may be drawn there. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** The width tables fit in: COLUMNS when set to a whole number, else the terminal's, else 100. */
export function terminalWidth(io: Io): number {
  const columns = io.env.COLUMNS?.trim();
  if (columns !== undefined && /^\d+$/.test(columns) && Number(columns) > 0) return Number(columns);
  return io.stdoutIsTTY && io.stdoutColumns !== undefined && io.stdoutColumns > 0 ? io.stdoutColumns : 100;
}

/**
 * Colour only on a TTY, unless forced: `--no-color`, NO_COLOR and TERM=dumb (a terminal that draws
 * no escape codes; unless FORCE_COLOR is set) turn it off, FORCE_COLOR (other than 0/false) turns it
 * on. Chalk is loaded only when there is colour to draw.
 */
export async function colorFor(io: Io, colorOption: boolean): Promise<Color> {
  const force = io.env.FORCE_COLOR;
  let level: 0 | 1 | 2 | 3 = io.stdoutIsTTY ? 1 : 0;
  if (force !== undefined)
    level = force === '0' || force === 'false' ? 0 : force === '2' ? 2 : force === '3' ? 3 : 1;
  // A dumb terminal draws escape codes as text; FORCE_COLOR still forces them (into a file, say).
  if (io.env.TERM === 'dumb' && force === undefined) level = 0;
  if (!colorOption || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) level = 0;
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

/** Progress lines on stderr: only on a terminal, and not with TERM=dumb or NO_COLOR (SPEC §13). */
export function showsProgress(io: Io): boolean {
  if (!io.stderrIsTTY || io.env.TERM === 'dumb') return false;
  return io.env.NO_COLOR === undefined || io.env.NO_COLOR === '';
}

export interface AtomicWriteOptions {
  /** Mode of the file written; default: the mode of the file it replaces, else 0666 less the umask. */
  mode?: number;
  /** Called after the content is safely in the temporary file, just before the rename; may throw. */
  beforeRename?: () => void;
}

function existing(path: string): { target: string; stat: Stats | null } {
  try {
    // Follow a symbolic link so that the link stays a link and its target is what changes.
    const target = realpathSync(path);
    return { target, stat: statSync(target) };
  } catch {
    return { target: path, stat: null };
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed to disk, then a rename over
 * the target. The replaced file's mode (and, when run as root, its owner) is kept. On any failure the
 * temporary file is removed and the target is left as it was.
 */
export function writeFileAtomic(
  path: string,
  content: string,
  options: number | AtomicWriteOptions = {},
): void {
  const { mode, beforeRename } =
    typeof options === 'number' ? { mode: options, beforeRename: undefined } : options;
  const { target, stat } = existing(path);
  const keepMode = mode ?? (stat ? stat.mode & 0o7777 : undefined);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const fd = openSync(temp, 'wx', keepMode === undefined ? 0o666 : 0o600);
    try {
      writeFileSync(fd, content);
      // The umask applies when a file is created; chmod sets the mode exactly.
      if (keepMode !== undefined) fchmodSync(fd, keepMode);
      if (stat && process.getuid?.() === 0 && (stat.uid !== 0 || stat.gid !== 0))
        fchownSync(fd, stat.uid, stat.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    beforeRename?.();
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
