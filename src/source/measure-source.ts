// What a measure names, looked at without reading it: apart from the readers (measure.ts and its
// measure-*.ts) so that the commands that run the rules (measure-unavailable) do not load the
// readers' packages, the yaml library and node:child_process, which only okr measure uses.
import { statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { MeasureData, MeasureSourceKind, OkrFile } from '../model.js';

/** The kind of source a measure reads. */
export function measureKind(measure: MeasureData): MeasureSourceKind {
  return 'file' in measure ? 'file' : 'url' in measure ? 'url' : 'command';
}

/** Why `file` (a measure's path) may not be read, or null: absolute paths and `..` stay out. */
export function fileOutsideReason(file: string): string | null {
  if (isAbsolute(file) || /^[a-zA-Z]:/.test(file))
    return `file "${file}" is an absolute path; give a path relative to the root`;
  const parts = normalize(file).split(/[\\/]/);
  if (file.split(/[\\/]/).includes('..') || parts[0] === '..')
    return `file "${file}" goes out of the repository with ".."; give a path inside it`;
  return null;
}

/** Whether the measure's file is there to be read (no read of its content): for okr check. */
export function measureFileExists(root: string, file: string): boolean {
  if (fileOutsideReason(file)) return false;
  try {
    return statSync(join(root, file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The paths the `measure: { file }` of the loaded files name, each once, sorted. A file with schema
 * errors is loaded as it is, so an objective, a KR or a measure may be anything there.
 */
export function namedMeasureFiles(files: readonly OkrFile[]): string[] {
  const items = (list: unknown): readonly unknown[] => (Array.isArray(list) ? list : []);
  const field = (item: unknown, key: string): unknown =>
    typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  const named = new Set<string>();
  for (const file of files)
    for (const objective of items(file.data.objectives))
      for (const kr of items(field(objective, 'key_results'))) {
        const path = field(field(kr, 'measure'), 'file');
        if (typeof path === 'string') named.add(path);
      }
  return [...named].sort();
}
