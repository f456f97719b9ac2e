import type { Config } from './model.js';

/**
 * A root-relative path as every output names it: below the git top level when the root is a
 * subfolder of the git work tree (SPEC §1), so that annotations and SARIF point at the file.
 */
export function shownPath(config: Pick<Config, 'pathPrefix'>, path: string): string {
  return config.pathPrefix + path;
}
