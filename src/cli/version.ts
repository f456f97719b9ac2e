import { readFileSync } from 'node:fs';

/** What okr's own package.json says about okr. */
export interface PackageInfo {
  name: string;
  version: string;
  /** The GitHub repository, owner/name, from `repository.url`. */
  repository: string;
}

function readPackage(): { name: string; version: string; repository?: { url?: string } } {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
}

/** okr's own version, from its package.json. */
export function version(): string {
  return readPackage().version;
}

/** okr's name on the npm registry, version and GitHub repository. */
export function packageInfo(): PackageInfo {
  const pkg = readPackage();
  const repository = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(pkg.repository?.url ?? '')?.[1];
  return { name: pkg.name, version: pkg.version, repository: repository ?? 'okr-cli/okr' };
}
