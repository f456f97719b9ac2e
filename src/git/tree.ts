import { runGit } from './run.js';

export interface TreeEntry {
  /** Path relative to the folder git ran in, with `/` separators. */
  path: string;
  /** Blob id, for reading through `git cat-file --batch`. */
  blob: string;
  size: number;
}

/**
 * Every file of a commit below `cwd`, from one `git ls-tree -r -l -z` (paths relative to `cwd`).
 * Symlinks and submodules are left out: they have no OKR content of their own.
 */
export async function listTree(cwd: string, commit: string): Promise<TreeEntry[]> {
  const out = await runGit(cwd, ['ls-tree', '-r', '-l', '-z', commit]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob, size] = record.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || mode === '120000') continue;
    entries.push({ path: record.slice(tab + 1), blob: blob!, size: Number(size) });
  }
  return entries;
}
