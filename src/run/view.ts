import type { Diagnostic } from '../diagnostics.js';
import type { LoadResult } from '../load/load.js';
import type { Config } from '../model.js';
import { shownPath } from '../paths.js';
import { type Standing, standing } from '../rollup/standing.js';

/** An OKR file that failed to load, as the views name it: its root-relative path and its errors. */
export interface FailedFile {
  path: string;
  errors: number;
}

/** What status, graph and the other views show: where the OKRs stand, and the files left out. */
export interface ViewStanding {
  standing: Standing;
  failed: FailedFile[];
}

export interface ViewOptions {
  asOf: number;
  /** Folder of the cache of loaded files; null: none. */
  cacheDir: string | null;
  /** Files read already (another revision's, `okr status --at`) instead of the working tree's. */
  load?: LoadResult;
}

/** The number of errors of each failed file among `diagnostics`, which name files as output does. */
export function failedFiles(
  config: Config,
  failed: readonly string[],
  diagnostics: readonly Diagnostic[],
): FailedFile[] {
  return failed.map((path) => {
    const shown = shownPath(config, path);
    const errors = diagnostics.filter((d) => d.file === shown && d.severity === 'error').length;
    return { path, errors };
  });
}

/**
 * Where the OKRs stand, which is no problem. The rules are loaded and run only to count the errors
 * of files that failed to load, so that a clean repository's views start without them.
 */
export async function viewStanding(config: Config, options: ViewOptions): Promise<ViewStanding> {
  const { asOf, cacheDir, load } = options;
  const result = standing(config, { asOf, cacheDir, ...(load ? { load } : {}) });
  if (result.load.fileCount === 0 || result.load.failed.length === 0) return { standing: result, failed: [] };
  const { lintStanding } = await import('./analyze.js');
  return { standing: result, failed: failedFiles(config, result.load.failed, lintStanding(result)) };
}
