import { describe, expect, it } from 'vitest';
import { gitCacheDir, gitStateKey } from '../../src/git/state.js';
import { commitAll, gitInit, tempDir, writeFiles } from '../helpers.js';

describe('gitStateKey', () => {
  it('is the same while nothing changes, and changes with a commit', () => {
    const dir = tempDir('okr-state-');
    gitInit(dir);
    writeFiles(dir, { 'a.txt': 'a\n' });
    commitAll(dir, 'first');
    const key = gitStateKey(dir, {});
    expect(key).not.toBeNull();
    expect(gitStateKey(dir, {})).toBe(key);
    writeFiles(dir, { 'b.txt': 'b\n' });
    commitAll(dir, 'second');
    expect(gitStateKey(dir, {})).not.toBe(key);
  });

  it('gives up on variables that move git’s folders, and keys GIT_CONFIG_NOSYSTEM by its value', () => {
    const dir = tempDir('okr-state-');
    gitInit(dir);
    writeFiles(dir, { 'a.txt': 'a\n' });
    commitAll(dir, 'first');
    expect(gitStateKey(dir, { GIT_DIR: '/elsewhere' })).toBeNull();
    expect(gitStateKey(dir, { GIT_TRACE: '1' })).toBe(gitStateKey(dir, {}));
    const nosystem = gitStateKey(dir, { GIT_CONFIG_NOSYSTEM: '1' });
    expect(nosystem).not.toBeNull();
    expect(nosystem).not.toBe(gitStateKey(dir, {}));
    expect(gitStateKey(dir, { GIT_CONFIG_NOSYSTEM: '1' })).toBe(nosystem);
  });

  it('is "none" outside a repository, where no cache folder is in a git folder', () => {
    const dir = tempDir('okr-state-');
    expect(gitStateKey(dir, {})).toBe('none');
    expect(gitCacheDir(dir)).toBeNull();
  });
});
