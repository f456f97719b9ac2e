import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/io.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces, whatever the umask', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o664);
    const umask = process.umask(0o077);
    try {
      writeFileAtomic(file, 'new\n');
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o664);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('new\n');
  });

  it('leaves the file and no temporary file when the last check fails', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    const stop = () => {
      throw new Error('changed meanwhile');
    };
    expect(() => writeFileAtomic(file, 'new\n', { beforeRename: stop })).toThrow('changed meanwhile');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
