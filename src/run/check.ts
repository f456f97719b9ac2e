import type { Config } from '../model.js';
import { discoverFiles } from '../source/discover.js';
import { measureFileExists, namedMeasureFiles } from '../source/measure-source.js';
import type { JudgeOptions } from './judge.js';
import { readResults, resultKey, type StoredResults, writeResults } from './result-cache.js';

export interface CheckRunOptions extends JudgeOptions {
  /** Every OKR file of the working tree the check loads, repository-relative and sorted. */
  files: readonly string[];
}

/**
 * The OKR files a check loads: those include and exclude select, and the YAML files named on the
 * command line (`named`, root-relative) although they do not; never the strategy file. Sorted.
 */
export function filesToCheck(config: Config, named: readonly string[]): string[] {
  return [...new Set([...discoverFiles(config), ...named])].filter((f) => f !== config.strategy).sort();
}

/**
 * `okr check` on the working tree: its diagnostics and notes, judged by `judge`, or those of the
 * last check when nothing they were computed from changed (see result-cache.ts). With a base the
 * results depend on another revision too: always computed.
 */
export async function checkWorktree(options: CheckRunOptions): Promise<StoredResults> {
  const { cacheDir } = options;
  const key =
    cacheDir != null && options.base === undefined && options.revision === undefined
      ? resultKey({ config: options.config, asOf: options.asOf, files: options.files, env: options.env })
      : null;
  const exists = (file: string) => measureFileExists(options.config.root, file);
  const stored = key === null ? null : readResults(cacheDir!, key, exists);
  if (stored !== null) return stored;
  // The whole analysis, its modules loaded only when it runs.
  const { judge, shallowNote } = await import('./judge.js');
  const { analysis, undatedByTheCut } = await judge(options);
  const results = {
    diagnostics: analysis.diagnostics,
    notes: shallowNote(undatedByTheCut),
    measureFiles: namedMeasureFiles(analysis.load.files).map((f): [string, boolean] => [f, exists(f)]),
  };
  if (key !== null) writeResults(cacheDir!, key, results);
  return results;
}
