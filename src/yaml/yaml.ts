import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let lib: typeof Yaml | null = null;

/**
 * The yaml library, loaded on first use: it is the largest module okr has, and a run whose files all
 * take the fast path (or come from the cache) and have no problems never needs it.
 */
export function yaml(): typeof Yaml {
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}
