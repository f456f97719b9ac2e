import type { MeasureData, MeasureSourceKind } from '../model.js';
import { readMeasureCommand } from './measure-command.js';
import { readMeasureFile } from './measure-file.js';
import { measureKind } from './measure-source.js';
import { readMeasureUrl } from './measure-url.js';
import type { MeasureReading } from './measure-value.js';

export { measureKind } from './measure-source.js';
export type { MeasureReading } from './measure-value.js';

export interface MeasureReadOptions {
  /** Absolute path of the repository root: files are read and commands run there. */
  root: string;
  /** The environment: commands get it, `${NAME}` in headers reads it. */
  env: Readonly<Record<string, string | undefined>>;
  /** `measure.allow` of the config: a source of another kind is not read. */
  allow: readonly MeasureSourceKind[];
}

/** Reads one measure, if its kind of source is allowed; never throws. */
export async function readMeasure(
  measure: MeasureData,
  options: MeasureReadOptions,
): Promise<MeasureReading> {
  const kind = measureKind(measure);
  if (!options.allow.includes(kind))
    return {
      ok: false,
      reason: `the source "${kind}" is not allowed by the config (measure.allow: [${options.allow.join(', ')}]); add ${kind} to measure.allow in okr.config.yaml to let it run`,
    };
  try {
    if ('file' in measure) return readMeasureFile(options.root, measure.file, measure.path);
    if ('url' in measure) return await readMeasureUrl(measure, options.env);
    return await readMeasureCommand(measure, options.root, options.env);
  } catch (error) {
    return { ok: false, reason: `the ${kind} could not be read (${(error as Error).message})` };
  }
}
