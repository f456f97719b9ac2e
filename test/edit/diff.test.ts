import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from '../../src/edit/diff.js';
import { gitInit, tempDir } from '../helpers.js';

describe('diffLines', () => {
  it('keeps every line of both texts, in order', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 12 })
      .map((l) => l.map((x) => `${x}\n`).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const lines = diffLines(a, b);
        const old = lines.filter((l) => l.op !== '+').map((l) => `${l.text}\n`);
        const next = lines.filter((l) => l.op !== '-').map((l) => `${l.text}\n`);
        expect(old.join('')).toBe(a);
        expect(next.join('')).toBe(b);
      }),
    );
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'x.yaml')).toBe('');
  });

  it('is a patch git applies', () => {
    const dir = tempDir();
    gitInit(dir);
    const before = Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join('');
    const after = before
      .replace('line 3\n', 'line three\n')
      .replace('line 20\n', 'line 20\nline 20.5\n')
      .replace('line 29\n', '');
    writeFileSync(join(dir, 'x.yaml'), before);
    const patch = unifiedDiff(before, after, 'x.yaml');
    expect(patch.match(/^@@ /gm)).toHaveLength(3);
    writeFileSync(join(dir, 'change.patch'), patch);
    execFileSync('git', ['apply', 'change.patch'], { cwd: dir });
    expect(readFileSync(join(dir, 'x.yaml'), 'utf8')).toBe(after);
  });
});
