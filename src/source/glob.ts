import picomatch from 'picomatch';

/**
 * Whether a `/`-separated path relative to the root matches one of `patterns`, as users know globs
 * from `.gitignore`-style tools: `**` crosses folders, `{a,b}` is a set, and a name starting with a
 * dot (a file or a folder) matches only a pattern segment that starts with a dot itself.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { dot: false });
}

/** The folder a glob can only match below: its leading segments without wildcards. */
export function globBase(glob: string): string {
  const { base, isGlob } = picomatch.scan(glob);
  // A plain path names a file: the walk starts in its folder.
  if (!isGlob) return glob.includes('/') ? glob.slice(0, glob.lastIndexOf('/')) : '';
  return base.replace(/^\.\//, '');
}
