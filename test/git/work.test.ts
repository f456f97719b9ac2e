import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type WorkCommit, WorkLogReader, workLog } from '../../src/git/work.js';
import { gitInit, tempDir } from '../helpers.js';

// The separators of workLog's format: a record, a field, a trailer value.
const R = '\x1e';
const F = '\x1f';
const V = '\x1d';

/** git log's output for workLog: each record after its separator, each ended by a newline. */
const OUTPUT = [
  `${R}${'a'.repeat(40)}${F}1793534400${F}Zoë Ångström${F}Café 🚀 checkout${F}checkout/conversion${V}grow\n`,
  // No trailer: left out.
  `${R}${'b'.repeat(40)}${F}1793448000${F}Test${F}Plain change${F}\n`,
  // Repeats, blanks and spaces: each value once, trimmed, in message order.
  `${R}${'c'.repeat(40)}${F}1793361600${F}Test${F}Repeats${F} grow ${V}${V}ops${V}grow\n`,
  // A field separator inside the values is part of a value.
  `${R}${'d'.repeat(40)}${F}1793275200${F}Test${F}Odd${F}a${F}b\n`,
].join('');

const EXPECTED: WorkCommit[] = [
  {
    sha: 'a'.repeat(40),
    time: 1793534400,
    author: 'Zoë Ångström',
    subject: 'Café 🚀 checkout',
    refs: ['checkout/conversion', 'grow'],
  },
  { sha: 'c'.repeat(40), time: 1793361600, author: 'Test', subject: 'Repeats', refs: ['grow', 'ops'] },
  { sha: 'd'.repeat(40), time: 1793275200, author: 'Test', subject: 'Odd', refs: [`a${F}b`] },
];

/**
 * What the reader makes of `bytes` handed over in the pieces that end at `cuts`, reading a batch
 * whenever `batch` bytes wait (1: at every piece).
 */
function readInPieces(bytes: Buffer, cuts: readonly number[], batch?: number): WorkCommit[] {
  const reader = new WorkLogReader(batch);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  return reader.end();
}

describe('WorkLogReader', () => {
  it('reads the records of one piece', () => {
    expect(readInPieces(Buffer.from(OUTPUT), [])).toEqual(EXPECTED);
  });

  it('reads the same records whatever byte the pieces end at, inside a character or a separator', () => {
    const bytes = Buffer.from(OUTPUT);
    for (const batch of [undefined, 1, 5, 64])
      for (let cut = 0; cut <= bytes.length; cut++) {
        expect(readInPieces(bytes, [cut], batch), `cut at byte ${cut}, batch ${batch}`).toEqual(EXPECTED);
        if (cut + 7 <= bytes.length)
          expect(readInPieces(bytes, [cut, cut + 1, cut + 7], batch), `cuts at ${cut}`).toEqual(EXPECTED);
      }
  });

  it('reads byte by byte, and empty pieces change nothing', () => {
    const bytes = Buffer.from(OUTPUT);
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(readInPieces(bytes, cuts, 1)).toEqual(EXPECTED);
    expect(readInPieces(bytes, cuts, 3)).toEqual(EXPECTED);
    expect(readInPieces(bytes, [0, 0, 5, 5, 5], 1)).toEqual(EXPECTED);
  });

  it('reads nothing from no output, and leaves out a record cut short', () => {
    expect(readInPieces(Buffer.alloc(0), [])).toEqual([]);
    expect(readInPieces(Buffer.from(`${R}${'e'.repeat(40)}${F}1793534400${F}Test`), [])).toEqual([]);
  });

  it('keeps many values of one commit once each, in message order', () => {
    const values = Array.from({ length: 30 }, (_, i) => `goal-${i % 12}`);
    const text = `${R}${'f'.repeat(40)}${F}0${F}Test${F}Many${F}${values.join(V)}\n`;
    expect(readInPieces(Buffer.from(text), [])[0]!.refs).toEqual(
      Array.from({ length: 12 }, (_, i) => `goal-${i}`),
    );
  });
});

describe('workLog', () => {
  it('reads a history longer than a pipe holds, every commit whole, newest first', async () => {
    const dir = tempDir();
    gitInit(dir);
    const count = 1500;
    const author = 'Zoë Ångström';
    const start = Date.UTC(2026, 9, 1) / 1000;
    const parts: string[] = [];
    for (let i = 1; i <= count; i++) {
      // Long subjects of multi-byte characters: the output spans many pieces, cut anywhere.
      const message = `Change ${i} ${'é🚀'.repeat(20)}\n\nBody.\n\nOKR: goal-${i % 7}/kr\nOKR: goal-${i % 3}\n`;
      parts.push(
        'commit refs/heads/main',
        `author ${author} <z@example.com> ${start + i * 3600} +0000`,
        `committer ${author} <z@example.com> ${start + i * 3600} +0000`,
        `data ${Buffer.byteLength(message)}`,
        message,
      );
    }
    execFileSync('git', ['fast-import', '--quiet'], {
      cwd: dir,
      input: `${parts.join('\n')}\n`,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    });
    const commits = await workLog(dir, { trailer: 'okr' });
    expect(commits).toHaveLength(count);
    commits.forEach((c, n) => {
      const i = count - n;
      expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(c.author).toBe(author);
      expect(c.subject).toBe(`Change ${i} ${'é🚀'.repeat(20)}`);
      expect(c.time).toBe(start + i * 3600);
      expect(c.refs).toEqual([`goal-${i % 7}/kr`, `goal-${i % 3}`]);
    });
  });
});
