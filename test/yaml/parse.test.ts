import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from '../../src/load/load.js';
import { MAX_NESTING_DEPTH, nestingTooDeep, parseSource } from '../../src/yaml/parse.js';

const OKR =
  'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: a\n    title: A title\n    key_results:\n      - { id: k, title: K, progress: 0.5 }\n';

describe('nestingTooDeep', () => {
  it('finds nothing in an ordinary OKR file', () => {
    expect(nestingTooDeep(OKR)).toBe(-1);
  });

  it('points at the bracket that passes the limit', () => {
    const text = `x: ${'['.repeat(300)}${']'.repeat(300)}`;
    // "x:" opens the first level, so bracket number `limit` is one level too many.
    expect(nestingTooDeep(text)).toBe(3 + MAX_NESTING_DEPTH - 1);
  });

  it('counts compact block sequences and indentation steps', () => {
    expect(nestingTooDeep(`${'- '.repeat(300)}x`)).toBeGreaterThan(0);
    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(nestingTooDeep(indented)).toBeGreaterThan(0);
  });

  it('does not count brackets in quoted scalars or comments, nor apostrophes as quotes', () => {
    const many = '['.repeat(400);
    expect(nestingTooDeep(`title: "${many}"\n`)).toBe(-1);
    expect(nestingTooDeep(`title: '${many}'\n`)).toBe(-1);
    expect(nestingTooDeep(`# ${many}\ntitle: x # ${many}\n`)).toBe(-1);
    // An apostrophe inside plain text does not hide the brackets after it.
    expect(nestingTooDeep(`title: don't\nx: ${many}`)).toBeGreaterThan(0);
  });

  it('the limit is below the depth at which the YAML parser runs out of stack', () => {
    const depth = MAX_NESTING_DEPTH - 2;
    for (const text of [`x: ${'['.repeat(depth)}${']'.repeat(depth)}`, `${'- '.repeat(depth)}x`]) {
      expect(nestingTooDeep(text)).toBe(-1);
      const { problems, source } = parseSource('deep.yaml', text);
      expect(problems).toEqual([]);
      expect(source.data).not.toBeNull();
    }
  });
});

describe('parseSource on awkward text', () => {
  it('reads lone CR line ends as LF', () => {
    const lf = parseSource('a.yaml', OKR);
    const cr = parseSource('a.yaml', OKR.replace(/\n/g, '\r'));
    expect(cr.problems).toEqual([]);
    expect(cr.source.data).toEqual(lf.source.data);
  });

  it('refuses a raw control character at its position, but not its escape', () => {
    const raw = parseSource('a.yaml', 'owner: team\ntitle: a\u001bb\n');
    expect(raw.problems).toMatchObject([{ ruleId: 'yaml-syntax', line: 2, column: 9 }]);
    expect(raw.problems[0]!.message).toContain('U+001B ESC');
    const escaped = parseSource('a.yaml', 'owner: team\ntitle: "a\\eb"\n');
    expect(escaped.problems).toEqual([]);
    expect((escaped.source.data as { title: string }).title).toBe('a\u001bb');
  });

  it('reports nesting too deep as yaml-syntax, without calling the parser', () => {
    const { problems, source } = parseSource('a.yaml', `a: 1\nb: ${'{x: '.repeat(5000)}`);
    expect(problems).toMatchObject([{ ruleId: 'yaml-syntax', line: 2 }]);
    expect(source.doc).toBeNull();
  });
});

describe('invalidUtf8Offset', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it('accepts UTF-8 of every length', () => {
    expect(invalidUtf8Offset(new TextEncoder().encode('aé€𝄞'))).toBe(-1);
  });
  it('finds stray, overlong, surrogate, out-of-range and cut sequences', () => {
    expect(invalidUtf8Offset(bytes(0x61, 0xff))).toBe(1);
    expect(invalidUtf8Offset(bytes(0x61, 0xc0, 0x80))).toBe(1);
    expect(invalidUtf8Offset(bytes(0xe0, 0x80, 0x80))).toBe(0);
    expect(invalidUtf8Offset(bytes(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2);
    expect(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(invalidUtf8Offset(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(invalidUtf8Offset(bytes(0xe2, 0x28, 0xa1))).toBe(0);
  });
});
