import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageTrailers } from '../../src/git/work.js';
import { git, gitInit, tempDir } from '../helpers.js';

/** A repository holding the commit message `text` in MSG; resolves to the message's path. */
function message(text: string): { dir: string; file: string } {
  const dir = tempDir('okr-message-');
  gitInit(dir);
  const file = join(dir, 'MSG');
  writeFileSync(file, text);
  return { dir, file };
}

describe('messageTrailers', () => {
  it("takes the key's trailers of the last paragraph, any case, as written, continuation lines unfolded", async () => {
    const { dir, file } = message(
      'Cache the cart\n\nOKR: mid-body\nis no trailer.\n\nOKR: grow/revenue\nSigned-off-by: Ann\nokr:  grow\n  continued\nOKR:\n',
    );
    expect(await messageTrailers(dir, file, 'OKR')).toEqual([
      { key: 'OKR', value: 'grow/revenue' },
      { key: 'okr', value: 'grow continued' },
    ]);
    expect(await messageTrailers(dir, file, 'Goal')).toEqual([]);
  });

  it('reads a "---" line as part of the message, as git log does, and leaves comments out', async () => {
    const { dir, file } = message('Cache the cart\n\n---\n\nOKR: grow\n# OKR: commented-out\n');
    expect(await messageTrailers(dir, file, 'OKR')).toEqual([{ key: 'OKR', value: 'grow' }]);
  });

  it("follows the repository's trailer.separators", async () => {
    const { dir, file } = message('Cache the cart\n\nOKR = grow\n');
    expect(await messageTrailers(dir, file, 'OKR')).toEqual([]);
    git(dir, ['config', 'trailer.separators', ':=']);
    expect(await messageTrailers(dir, file, 'OKR')).toEqual([{ key: 'OKR', value: 'grow' }]);
  });
});
