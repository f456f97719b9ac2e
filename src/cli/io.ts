import { type Color, PLAIN } from '../format/color.js';

// Written here once, used by every command that replaces a file; run/ writes through it too.
export { type AtomicWriteOptions, writeFileAtomic } from '../source/write-file.js';

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

// Into a pipe, git log and rev-list flush their output after every commit unless GIT_FLUSH is 0: a
// write a commit for git, and as many reads for okr, which reads the output whole anyway. okr's git
// processes inherit this environment; a GIT_FLUSH the user set is kept.
process.env.GIT_FLUSH ??= '0';

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
