import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { checkSizes, FILE_LINES, FUNCTION_LINES, SIZE_EXCEPTIONS } from './sizes.js';

describe('the size of files and functions under src/', () => {
  it(`no file is longer than ${FILE_LINES} lines and no function than ${FUNCTION_LINES}, but the exceptions`, () => {
    expect(checkSizes(join(REPO_ROOT, 'src'))).toEqual([]);
  });

  it('every exception still is one: a file or function that has become short loses its place', () => {
    const over = checkSizes(join(REPO_ROOT, 'src'), {});
    const stale = Object.keys(SIZE_EXCEPTIONS).filter(
      (key) => !over.some((line) => line.startsWith(key.includes('#') ? key.split('#')[0]! : `${key} has`)),
    );
    expect(stale).toEqual([]);
  });

  it('names a long file and a long function of any kind, with their lengths', () => {
    const src = join(tempDir(), 'src');
    mkdirSync(join(src, 'run'), { recursive: true });
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(join(src, 'run', 'short.ts'), `export function short() {\n${body(10)}\n}\n`);
    writeFileSync(
      join(src, 'run', 'long.ts'),
      `export function declared() {\n${body(78)}\n}\nexport const arrow = () => {\n${body(80)}\n};\n` +
        `const table = {\n  method() {\n${body(81)}\n  },\n};\nexport { table };\n${'// filler\n'.repeat(400)}`,
    );
    expect(checkSizes(src, {})).toEqual([
      'run/long.ts has 648 lines (more than 600)',
      'run/long.ts:81 arrow has 82 lines (more than 80)',
      'run/long.ts:164 method has 83 lines (more than 80)',
    ]);
    expect(checkSizes(src, { 'run/long.ts': 'why', 'run/long.ts#arrow': 'why' })).toEqual([
      'run/long.ts:164 method has 83 lines (more than 80)',
    ]);
  });
});
