import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/** A 2026-Q4 file with one committed-or-not objective and one numeric KR. */
const file = (kr: { start?: number; target?: number; current?: number; weight?: number }, type?: string) =>
  yaml(
    'owner: company',
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    ...(type ? [`    type: ${type}`] : []),
    '    key_results:',
    '      - id: arr',
    '        title: Recurring revenue in millions',
    `        start: ${kr.start ?? 10}`,
    `        target: ${kr.target ?? 40}`,
    `        current: ${kr.current ?? 22}`,
    ...(kr.weight !== undefined ? [`        weight: ${kr.weight}`] : []),
  );

const base = { 'okrs/company.yaml': file({}) };
const roots = 'roots: [company]\n';

describe('moved-goalpost', () => {
  it('valid: no base given, nothing to compare with', () => {
    expect(lintRule('moved-goalpost', { 'okrs/company.yaml': file({ target: 25 }) })).toEqual([]);
  });

  it('valid: a new current value or a change before the cycle starts', () => {
    expect(lint({ 'okrs/company.yaml': file({ current: 30 }) }, { baseline: base, config: roots })).toEqual(
      [],
    );
    expect(
      lintRule(
        'moved-goalpost',
        { 'okrs/company.yaml': file({ target: 25 }) },
        { baseline: base, asOf: '2026-09-30' },
      ),
    ).toEqual([]);
  });

  it('invalid: a lowered target, reported at its value', () => {
    const diagnostics = lintRule(
      'moved-goalpost',
      { 'okrs/company.yaml': file({ target: 25 }) },
      { baseline: base },
    );
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'moved-goalpost',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 10,
        column: 17,
        target: 'grow-revenue/arr',
      },
    ]);
    expect(diagnostics[0]!.message).toBe(
      'key result "grow-revenue/arr" changes its target from 40 to 25 after cycle "2026-Q4" started on 2026-10-01; keep the goal and record the miss (a check-in note), or agree the change and silence it with "# okr-disable-line moved-goalpost"',
    );
  });

  it('invalid: start, weight and the objective type, in a file that moved', () => {
    const moved = { 'okrs/teams/company.yaml': file({ start: 15, weight: 2 }, 'committed') };
    expect(
      lintRule('moved-goalpost', moved, { baseline: base }).map((d) => [
        d.file,
        d.line,
        d.target,
        d.message.split(' after')[0],
      ]),
    ).toEqual([
      [
        'okrs/teams/company.yaml',
        6,
        'grow-revenue',
        'objective "grow-revenue" changes its type from "aspirational" to "committed"',
      ],
      [
        'okrs/teams/company.yaml',
        10,
        'grow-revenue/arr',
        'key result "grow-revenue/arr" changes its start from 10 to 15',
      ],
      [
        'okrs/teams/company.yaml',
        13,
        'grow-revenue/arr',
        'key result "grow-revenue/arr" changes its weight from 1 to 2',
      ],
    ]);
  });

  it('invalid: as an error when configured so', () => {
    const diagnostics = lintRule(
      'moved-goalpost',
      { 'okrs/company.yaml': file({ target: 25 }) },
      {
        baseline: base,
        config: 'rules:\n  moved-goalpost: error\n',
      },
    );
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
