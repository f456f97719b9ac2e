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
import { nodeCrypto } from '../node-crypto.js';

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
