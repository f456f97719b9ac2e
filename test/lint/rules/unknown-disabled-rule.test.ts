import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (...comments: [string, string]) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow-revenue',
    `    ${comments[0]}`,
    '    title: Grow revenue from new markets abroad',
    `    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]  ${comments[1]}`,
  );

describe('unknown-disabled-rule', () => {
  it('valid: comments naming real rules, all rules, or with a reason, do not fire', () => {
    for (const [before, after] of [
      ['# okr-disable-next-line vague-objective', ''],
      ['# okr-disable-next-line', '# okr-disable-line too-many-krs, orphan-objective -- counted by hand'],
      ['# an ordinary comment naming okr-disable-line nothing', ''],
    ] as [string, string][])
      expect(lintRule('unknown-disabled-rule', { 'okrs/company.yaml': file(before, after) }), before).toEqual(
        [],
      );
  });

  it('invalid: each unknown name is reported at its comment, which silences nothing', () => {
    const text = file(
      '# okr-disable-next-line vague-objectives',
      '# okr-disable-line too-many-kr, orphan-objective',
    );
    const diagnostics = lint({ 'okrs/company.yaml': text }).filter(
      (d) => d.ruleId === 'unknown-disabled-rule',
    );
    // The comment on line 7 follows the key result's flow mapping.
    const column7 = text.split('\n')[6]!.indexOf('# okr-disable-line') + 1;
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unknown-disabled-rule',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 5,
        column: 5,
        target: null,
      },
      {
        ruleId: 'unknown-disabled-rule',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 7,
        column: column7,
        target: null,
      },
    ]);
    expect(diagnostics[0]!.message).toContain('names "vague-objectives", which is no rule');
    expect(diagnostics[1]!.message).toContain('names "too-many-kr"');
    expect(diagnostics[0]!.endColumn).toBe(5 + '# okr-disable-next-line vague-objectives'.length);
  });

  it('invalid: a comment inside a quoted value is no directive', () => {
    const text = yaml(
      'owner: company',
      'cycle: 2026',
      'objectives:',
      '  - id: grow-revenue',
      '    title: "Grow revenue # okr-disable-line nothing-at-all"',
      '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
    );
    expect(lintRule('unknown-disabled-rule', { 'okrs/company.yaml': text })).toEqual([]);
  });
});
