import { isUtf8 } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from '../../src/load/load.js';
import { makeProject, runOkr } from '../helpers.js';

describe('UTF-8 checks', () => {
  it("node's isUtf8, which loading tries first, accepts exactly what invalidUtf8Offset finds no bad byte in", () => {
    // Bytes around the lead and continuation ranges, where the two could disagree.
    const byte = fc.oneof(
      fc.integer({ min: 0x00, max: 0xff }),
      fc.constantFrom(
        0x80,
        0x8f,
        0x90,
        0x9f,
        0xa0,
        0xbf,
        0xc0,
        0xc1,
        0xc2,
        0xdf,
        0xe0,
        0xed,
        0xef,
        0xf0,
        0xf4,
        0xf5,
      ),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(isUtf8(bytes)).toBe(invalidUtf8Offset(bytes) === -1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('a file that is not UTF-8 is still reported at its first bad byte', () => {
    const dir = makeProject({ 'okrs/a.yaml': '' });
    const bad = Buffer.from('owner: team\ntitle: caf\xe9\n', 'latin1');
    writeFileSync(join(dir, 'okrs', 'a.yaml'), bad);
    const r = runOkr(['check', '--no-cache'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2:11');
    expect(r.stdout).toContain('byte 0xe9 is not valid UTF-8');
  });
});
