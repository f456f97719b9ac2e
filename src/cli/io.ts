import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A reader that stops early (`okr status | head`) is not an error: okr stops, with its exit code. */
function stopOnEpipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

/** process.stdout or process.stderr, made when first used (node builds its stream then). */
function stdStream(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!stream.listeners('error').includes(stopOnEpipe)) stream.on('error', stopOnEpipe);
  return stream;
}

/** Whether some output went through node's stream, which may still hold it. */
let streamed = false;

/**
 * Whether every byte written is in the descriptors already: then nothing okr wrote is lost when the
 * process exits at once.
 */
export const outputWritten = (): boolean => !streamed;

/**
 * Writes text to fd 1 or 2. Into a file or a pipe, the bytes go straight to the descriptor: node
 * builds process.stdout, and loads its stream modules for it, only when a write cannot be made so
 * (a pipe another process made non-blocking and full: EAGAIN), and from then on writes through it,
 * in order. A Windows console is written through node's stream, which draws Unicode there.
 */
function writer(fd: 1 | 2): (text: string) => void {
  let viaStream = process.platform === 'win32' && isTerminal(fd);
  return (text) => {
    if (viaStream) {
      streamed = true;
      stdStream(fd).write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length; )
      try {
        done += writeSync(fd, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') stopOnEpipe(error as NodeJS.ErrnoException);
        if (code !== 'EAGAIN') throw error;
        viaStream = true;
        streamed = true;
        stdStream(fd).write(bytes.subarray(done));
        return;
      }
  };
}

/**
 * Whether fd is a terminal. A file, a pipe or /dev/null is told by its stat alone: node:tty, which
 * answers for the rest, loads node's stream and network modules with it.
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // A closed descriptor is no terminal.
    return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

const stdoutIsTTY = isTerminal(1);

export const processIo: Io = {
  out: writer(1),
  err: writer(2),
  stdoutIsTTY,
  // Only a terminal has columns; asking for them makes node build process.stdout.
  stdoutColumns: stdoutIsTTY ? process.stdout.columns : undefined,
  stderrIsTTY: isTerminal(2),
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
