import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { loadConfig } from '../../../src/config/config.js';
import { parseDay } from '../../../src/dates.js';
import { makeProject } from '../../helpers.js';

const file = (owner: string, cycle: string, objectives: string) =>
  `owner: ${JSON.stringify(owner)}\ncycle: ${JSON.stringify(cycle)}\nobjectives:\n${objectives}`;
const objective = (id: string, title: string, extra = '') =>
  `  - id: ${id}\n    title: ${JSON.stringify(title)}\n${extra}    key_results:\n      - { id: k, title: Judged by the review, progress: 0.5 }\n`;

function confusables(files: Record<string, string>) {
  const dir = makeProject(files);
  return analyze(loadConfig(dir), { asOf: parseDay('2026-11-15')! })
    .diagnostics.filter((d) => d.ruleId === 'confusable')
    .map(({ file, line, column, message, severity }) => ({ file, line, column, message, severity }));
}

describe('confusable', () => {
  it('valid: same spellings, different names, a name in another script with no twin', () => {
    expect(
      confusables({
        'okrs/a.yaml': file('checkout', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file('checkout', '2026-Q4', objective('b1', 'Keep payments reliable every day')),
        'okrs/c.yaml': file('оплата', '2026-Q4', objective('c1', 'Make refunds painless for every buyer')),
      }),
    ).toEqual([]);
  });

  it('invalid: an owner with a Cyrillic letter, at its value, naming the first spelling and the letter', () => {
    expect(
      confusables({
        'okrs/a.yaml': file('checkout', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file('checkout', '2026-Q4', objective('b1', 'Keep payments reliable every day')),
        'okrs/c.yaml': file('сheckout', '2026-Q4', objective('c1', 'Make refunds painless for every buyer')),
      }),
    ).toEqual([
      {
        file: 'okrs/c.yaml',
        line: 1,
        column: 8,
        severity: 'warning',
        message:
          'owner "сheckout" looks the same as owner "checkout" at okrs/a.yaml:1 but is a different string: "с" (U+0441 CYRILLIC SMALL LETTER ES) looks like "c"; write both the same way',
      },
    ]);
  });

  it('invalid: the most used spelling wins, even when a look-alike comes first', () => {
    const found = confusables({
      'okrs/a.yaml': file('tеam', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
      'okrs/b.yaml': file(
        'team',
        '2026-Q4',
        objective('b1', 'Keep payments reliable every day', '    owner: team\n'),
      ),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'okrs/a.yaml', line: 1, column: 8 });
  });

  it('invalid: titles that differ only by a look-alike, and an objective owner override', () => {
    const found = confusables({
      'okrs/a.yaml': file(
        'team',
        '2026-Q4',
        objective('a1', 'Make checkout effortless for buyers') +
          objective('a2', 'Make checkout effortless for buyers\u200b', '    owner: "tеam"\n'),
      ),
    });
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [9, 12],
      [10, 12],
    ]);
    expect(found[0]!.message).toMatch(
      /^the title of objective "a2" looks the same as the title of objective "a1" at okrs\/a.yaml:5/,
    );
    expect(found[1]!.message).toMatch(/^owner "tеam" looks the same as owner "team"/);
  });

  it('invalid: a cycle in fullwidth digits, an owner with a zero-width space, an owner like a root', () => {
    const found = confusables({
      'okr.config.yaml': 'roots: [company]\n',
      'okrs/a.yaml': file('cоmpany', '２０２６-Q4', objective('a1', 'Make checkout effortless for buyers')),
      'okrs/b.yaml': file('team\u200b', '2026-Q3', objective('b1', 'Keep payments reliable every day')),
    });
    expect(found.map((f) => [f.file, f.line])).toEqual([
      ['okrs/a.yaml', 1],
      ['okrs/a.yaml', 2],
      ['okrs/b.yaml', 1],
    ]);
    expect(found[0]!.message).toContain('"company" of "roots"');
    expect(found[1]!.message).toContain('looks like the cycle "2026-Q4"');
    expect(found[2]!.message).toContain('the invisible U+200B ZERO WIDTH SPACE');
  });
});
