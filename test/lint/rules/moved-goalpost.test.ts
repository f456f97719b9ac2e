import { ruleTester, yaml } from '../rule-tester.js';

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

const baseline = { 'okrs/company.yaml': file({}) };
const roots = 'roots: [company]\n';

ruleTester('moved-goalpost').run({
  valid: [
    { name: 'no base given, nothing to compare with', files: { 'okrs/company.yaml': file({ target: 25 }) } },
    {
      name: 'a new current value',
      files: { 'okrs/company.yaml': file({ current: 30 }) },
      baseline,
      config: roots,
      clean: true,
    },
    {
      name: 'a change before the cycle starts',
      files: { 'okrs/company.yaml': file({ target: 25 }) },
      baseline,
      asOf: '2026-09-30',
    },
  ],
  invalid: [
    {
      name: 'a lowered target, reported at its value',
      files: { 'okrs/company.yaml': file({ target: 25 }) },
      baseline,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 10,
          column: 17,
          severity: 'warning',
          target: 'grow-revenue/arr',
          message:
            'key result "grow-revenue/arr" changes its target from 40 to 25 after cycle "2026-Q4" started on 2026-10-01; keep the goal and record the miss (a check-in note), or agree the change and silence it with "# okr-disable-line moved-goalpost"',
        },
      ],
    },
    {
      name: 'start, weight and the objective type, in a file that moved',
      files: { 'okrs/teams/company.yaml': file({ start: 15, weight: 2 }, 'committed') },
      baseline,
      errors: [
        {
          file: 'okrs/teams/company.yaml',
          line: 6,
          column: 11,
          target: 'grow-revenue',
          messageIncludes:
            'objective "grow-revenue" changes its type from "aspirational" to "committed" after',
        },
        {
          file: 'okrs/teams/company.yaml',
          line: 10,
          column: 16,
          target: 'grow-revenue/arr',
          messageIncludes: 'key result "grow-revenue/arr" changes its start from 10 to 15 after',
        },
        {
          file: 'okrs/teams/company.yaml',
          line: 13,
          column: 17,
          target: 'grow-revenue/arr',
          messageIncludes: 'key result "grow-revenue/arr" changes its weight from 1 to 2 after',
        },
      ],
    },
    {
      name: 'as an error when configured so',
      files: { 'okrs/company.yaml': file({ target: 25 }) },
      baseline,
      config: 'rules:\n  moved-goalpost: error\n',
      errors: [{ line: 10, column: 17, severity: 'error' }],
    },
  ],
});
