import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { expectGolden } from './golden.js';
import { HOSTILE, PROBLEMS, problem } from './problems.js';

/** GitHub's reading of one workflow command line: command, properties and message, unescaped. */
function parseCommand(line: string): {
  command: string;
  properties: Record<string, string>;
  message: string;
} {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  const decode = (s: string) =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of match[2] ? match[2].split(',') : []) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = decode(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, message: decode(match[3]!) };
}

const linesOf = (text: string) => text.split('\n').slice(0, -1);

describe('formatGithub', () => {
  it('matches the golden output', () => {
    expectGolden('problems.github.txt', formatGithub(PROBLEMS));
  });

  it("escapes data and properties as GitHub's toolkit does", () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    // An already escaped-looking sequence is escaped again, so it cannot decode to a line break.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes one annotation per problem with file, position, end and title', () => {
    const lines = linesOf(formatGithub(PROBLEMS));
    expect(lines).toHaveLength(PROBLEMS.length);
    const first = parseCommand(lines[0]!);
    expect(first).toEqual({
      command: 'error',
      properties: {
        file: 'okrs/2026-Q4/checkout.yaml',
        line: '4',
        col: '5',
        endLine: '4',
        endColumn: '10',
        title: 'okr schema',
      },
      message: PROBLEMS[0]!.message,
    });
  });

  it('cannot be split or forged by a message, title or path with newlines, %0A, ::, commas or colons', () => {
    const hostile: Diagnostic[] = [
      problem({ ruleId: 'schema', message: HOSTILE, file: 'okrs/a,line=99:b.yaml' }),
      problem({ ruleId: 'vague-objective', severity: 'warning', message: '::error::x\n::error::y', line: 2 }),
    ];
    const output = formatGithub(hostile);
    const lines = linesOf(output);
    expect(lines).toHaveLength(2);
    expect(output.endsWith('\n')).toBe(true);
    for (const line of lines) {
      expect(line.startsWith('::')).toBe(true);
      expect(line).not.toMatch(/[\r\n]/);
    }
    const [first, second] = lines.map(parseCommand);
    expect(first!.command).toBe('error');
    expect(Object.keys(first!.properties)).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
    expect(first!.properties.file).toBe('okrs/a,line=99:b.yaml');
    expect(first!.properties.line).toBe('1');
    // Newlines survive the escaping; control characters are shown as text (see the next test).
    expect(first!.message).toBe(HOSTILE.replace('\r', '\\x0d').replace('\u0007', '\\x07'));
    expect(second!.command).toBe('warning');
    expect(second!.message).toBe('::error::x\n::error::y');
  });

  it('shows the escape sequences of a message as text, which the runner log would draw', () => {
    const [line] = linesOf(
      formatGithub([
        problem({ ruleId: 'vague-objective', message: 'title "\u001b[8mhidden\u001b[0m" is vague' }),
      ]),
    );
    expect(line).not.toContain('\u001b');
    expect(parseCommand(line!).message).toBe('title "\\x1b[8mhidden\\x1b[0m" is vague');
  });

  it('shows at most 10 errors and 10 warnings, errors first, then one notice with the rest', () => {
    const problems: Diagnostic[] = [];
    for (let i = 1; i <= 14; i++)
      problems.push(problem({ ruleId: 'too-many-krs', severity: 'warning', message: `w${i}`, line: i }));
    for (let i = 1; i <= 13; i++)
      problems.push(problem({ ruleId: 'schema', message: `e${i}`, line: 100 + i }));
    const lines = linesOf(formatGithub(problems)).map(parseCommand);
    expect(lines.map((l) => l.command)).toEqual([
      ...Array<string>(10).fill('error'),
      ...Array<string>(10).fill('warning'),
      'notice',
    ]);
    expect(lines.slice(0, 10).map((l) => l.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `e${i + 1}`),
    );
    expect(lines.slice(10, 20).map((l) => l.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `w${i + 1}`),
    );
    expect(lines[20]!.message).toMatch(/^7 more problems not shown as annotations/);
    expect(lines[20]!.message).toContain('okr check');
  });

  it('adds no notice when everything fits, and prints nothing for no problems', () => {
    const problems = Array.from({ length: 10 }, (_, i) => problem({ ruleId: 'schema', message: `e${i}` }));
    expect(linesOf(formatGithub(problems)).map((l) => parseCommand(l).command)).not.toContain('notice');
    expect(formatGithub([])).toBe('');
  });
});
