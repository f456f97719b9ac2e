import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDay } from '../dates.js';
import type { Problem } from '../diagnostics.js';
import { locate } from '../locate.js';
import type { Config, OkrFile, OkrFileData, SourceFile, StrategyData } from '../model.js';
import { discoverFiles } from './discover.js';
import { parseSource } from './parse.js';
import { schemaProblems, targetOf } from './schema.js';

export interface LoadResult {
  /** Files that loaded cleanly, sorted by path. */
  files: OkrFile[];
  /** Every file read, by path, for positions and disable comments. */
  sources: Map<string, SourceFile>;
  strategy: StrategyData | null;
  /** Paths of OKR files that failed to load (YAML or schema). */
  failed: string[];
  /** Ids declared in files that failed to load, so that links to them are not reported twice. */
  unavailableIds: Set<string>;
  problems: Problem[];
  /** Number of OKR files matched. */
  fileCount: number;
}

function fileProblem(path: string, ruleId: string, message: string): Problem {
  return { ruleId, message, file: path, target: null, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Reads a file's text, or says why it cannot be read as a problem. */
export function readSource(config: Config, path: string): { text: string } | { problem: Problem } {
  const absolute = join(config.root, path);
  try {
    const size = statSync(absolute).size;
    if (size > config.maxFileSize)
      return {
        problem: fileProblem(
          path,
          'file-too-large',
          `the file is ${size} bytes, more than the ${config.maxFileSize} okr reads; split it, or raise maxFileSize in okr.config.yaml`,
        ),
      };
    const bytes = readFileSync(absolute);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof TypeError
        ? 'the file is not valid UTF-8 text; save it as UTF-8'
        : code === 'EACCES'
          ? 'permission denied; make the file readable'
          : `cannot read the file (${code ?? (error as Error).message})`;
    return {
      problem: fileProblem(path, error instanceof TypeError ? 'yaml-syntax' : 'file-unreadable', reason),
    };
  }
}

/** Semantic checks JSON Schema cannot express: real calendar dates of check-ins. */
function dateProblems(source: SourceFile, data: OkrFileData): Problem[] {
  const problems: Problem[] = [];
  data.objectives.forEach((objective, o) => {
    objective.key_results?.forEach((kr, k) => {
      kr.checkins?.forEach((checkin, c) => {
        if (parseDay(checkin.date) !== null) return;
        const path = ['objectives', o, 'key_results', k, 'checkins', c, 'date'];
        problems.push({
          ruleId: 'schema',
          message: `"date" ${JSON.stringify(checkin.date)} of a check-in is not a real calendar date`,
          file: source.path,
          target: targetOf(data, path),
          ...locate(source, path),
        });
      });
    });
  });
  return problems;
}

function declaredIds(data: unknown): string[] {
  const objectives = (data as { objectives?: unknown } | null)?.objectives;
  if (!Array.isArray(objectives)) return [];
  const ids: string[] = [];
  for (const o of objectives as { id?: unknown; key_results?: unknown }[]) {
    if (typeof o?.id !== 'string') continue;
    ids.push(o.id);
    if (Array.isArray(o.key_results))
      for (const k of o.key_results as { id?: unknown }[])
        if (typeof k?.id === 'string') ids.push(`${o.id}/${k.id}`);
  }
  return ids;
}

/** Parses and validates one OKR file from its text. */
export function loadOkrSource(
  path: string,
  text: string,
): { source: SourceFile; file: OkrFile | null; problems: Problem[] } {
  const { source, problems } = parseSource(path, text);
  if (problems.length > 0) return { source, file: null, problems };
  problems.push(...schemaProblems('okr-file', source));
  if (problems.length > 0) return { source, file: null, problems };
  const data = source.data as OkrFileData;
  // A bare year is read by YAML as a number; it names the same cycle as the string.
  data.cycle = String(data.cycle);
  problems.push(...dateProblems(source, data));
  return { source, file: problems.length > 0 ? null : { source, data }, problems };
}

function loadStrategy(config: Config, result: LoadResult): void {
  if (!existsSync(join(config.root, config.strategy))) return;
  const read = readSource(config, config.strategy);
  if ('problem' in read) {
    result.problems.push(read.problem);
    return;
  }
  const { source, problems } = parseSource(config.strategy, read.text);
  result.sources.set(source.path, source);
  if (problems.length === 0) problems.push(...schemaProblems('strategy', source));
  if (problems.length === 0) result.strategy = (source.data ?? {}) as StrategyData;
  result.problems.push(...problems);
}

/** Loads the strategy file and every OKR file, keeping going past files that fail. */
export function loadProject(config: Config, paths: string[] = discoverFiles(config)): LoadResult {
  const result: LoadResult = {
    files: [],
    sources: new Map(),
    strategy: null,
    failed: [],
    unavailableIds: new Set(),
    problems: [],
    fileCount: paths.length,
  };
  loadStrategy(config, result);
  for (const path of paths) {
    const read = readSource(config, path);
    if ('problem' in read) {
      result.problems.push(read.problem);
      result.failed.push(path);
      continue;
    }
    const { source, file, problems } = loadOkrSource(path, read.text);
    result.sources.set(path, source);
    result.problems.push(...problems);
    if (file) result.files.push(file);
    else {
      result.failed.push(path);
      for (const id of declaredIds(source.data)) result.unavailableIds.add(id);
    }
  }
  return result;
}
