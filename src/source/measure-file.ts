import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { fileOutsideReason } from './measure-source.js';
import { MAX_MEASURE_BYTES, type MeasureReading, valueAt } from './measure-value.js';

export { fileOutsideReason, measureFileExists } from './measure-source.js';

function readCapped(path: string): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_MEASURE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_MEASURE_BYTES) return null;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The number at `path` in the JSON or YAML file `file` of the repository at `root`. The file must
 * lie inside the repository, also once its links are followed (realpath), and hold at most 1 MB.
 */
export function readMeasureFile(root: string, file: string, path: string): MeasureReading {
  const outside = fileOutsideReason(file);
  if (outside) return { ok: false, reason: outside };
  const absolute = join(root, file);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { ok: false, reason: `file "${file}" is missing` };
  }
  const realRoot = realpathSync(root);
  const inside = relative(realRoot, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return {
      ok: false,
      reason: `file "${file}" is a link to a place outside the repository; okr reads only files inside it`,
    };
  if (!statSync(real).isFile()) return { ok: false, reason: `file "${file}" is not a file` };
  const bytes = readCapped(real);
  if (bytes === null) return { ok: false, reason: `file "${file}" is larger than 1 MB` };
  let data: unknown;
  try {
    data = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    return {
      ok: false,
      reason: `file "${file}" is not valid JSON or YAML${line ? ` (${file}:${line.line}:${line.col})` : ''}`,
    };
  }
  return valueAt(data, path, `file "${file}"`);
}
