import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/** A 2026-Q4 file whose one KR has check-ins on `dates`. */
const file = (dates: string[], cycle = '2026-Q4', current = 30) =>
  yaml(
    'owner: company',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    key_results:',
    '      - id: arr',
    '        title: Recurring revenue in millions',
    '        start: 10',
    '        target: 40',
    `        current: ${current}`,
    '        checkins:',
    ...dates.map((d) => `          - { date: ${d}, value: ${current} }`),
  );

describe('stale-kr', () => {
  it('valid: a check-in within 14 days does not fire', () => {
    expect(lint({ 'okrs/company.yaml': file(['2026-10-01', '2026-11-01']) }, { asOf: '2026-11-15' })).toEqual(
      [],
    );
  });

  it('valid: an old check-in does not fire outside the running cycle, nor on a KR already reached', () => {
    expect(lint({ 'okrs/company.yaml': file(['2026-07-01'], '2026-Q3') }, { asOf: '2026-11-15' })).toEqual(
      [],
    );
    expect(
      lint({ 'okrs/company.yaml': file(['2026-10-01'], '2026-Q4', 40) }, { asOf: '2026-11-15' }),
    ).toEqual([]);
  });

  it('invalid: a latest check-in 15 days old is reported at the KR mapping', () => {
    const diagnostics = lintRule(
      'stale-kr',
      { 'okrs/company.yaml': file(['2026-10-31', '2026-10-05']) },
      { asOf: '2026-11-15' },
    );
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'stale-kr',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 7,
        column: 9,
        target: 'grow-revenue/arr',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('was last updated 15 days ago (check-in on 2026-10-31)');
  });

  it('invalid: option days sets the limit', () => {
    const files = { 'okrs/company.yaml': file(['2026-11-05']) };
    expect(lintRule('stale-kr', files, { asOf: '2026-11-15' })).toEqual([]);
    const diagnostics = lintRule('stale-kr', files, {
      asOf: '2026-11-15',
      config: yaml('rules:', '  stale-kr: [warn, { days: 7 }]'),
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[7, 9, 'grow-revenue/arr']]);
    expect(diagnostics[0]!.message).toContain('at least every 7 days');
  });

  it('invalid: a threshold KR inside its line is not done before its cycle ends, so an old check-in is reported', () => {
    const threshold = yaml(
      'owner: platform',
      'cycle: 2026-Q4',
      'objectives:',
      '  - id: fast-checkout',
      '    title: Keep checkout fast through Black Friday week',
      '    key_results:',
      '      - id: p95',
      '        title: Keep p95 checkout latency below 300 ms',
      '        target: 300',
      '        keep: below',
      '        current: 280',
      '        checkins: [{ date: 2026-10-01, value: 280 }]',
    );
    const diagnostics = lintRule('stale-kr', { 'okrs/platform.yaml': threshold }, { asOf: '2026-11-20' });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'stale-kr',
        severity: 'warning',
        file: 'okrs/platform.yaml',
        line: 7,
        column: 9,
        target: 'fast-checkout/p95',
      },
    ]);
    expect(lintRule('stale-kr', { 'okrs/platform.yaml': threshold }, { asOf: '2027-01-05' })).toEqual([]);
  });
});
