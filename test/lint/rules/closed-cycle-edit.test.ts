import { ruleTester, yaml } from '../rule-tester.js';

interface Values {
  closed?: string | null;
  target?: number;
  current?: number | null;
  weight?: number;
  objectiveWeight?: number;
  title?: string;
  done?: boolean;
}

/** A 2026-Q3 file (closed on 2026-10-02 unless told) with one numeric and one milestone KR. */
const file = (v: Values = {}) =>
  yaml(
    'owner: company',
    'cycle: 2026-Q3',
    ...(v.closed === null ? [] : [`closed: ${v.closed ?? '2026-10-02'}`]),
    'objectives:',
    '  - id: grow-revenue',
    `    title: ${v.title ?? 'Grow revenue from new markets abroad'}`,
    ...(v.objectiveWeight === undefined ? [] : [`    weight: ${v.objectiveWeight}`]),
    '    key_results:',
    '      - id: arr',
    '        title: Recurring revenue in millions',
    '        start: 10',
    `        target: ${v.target ?? 40}`,
    ...(v.current === null ? [] : [`        current: ${v.current ?? 22}`]),
    ...(v.weight === undefined ? [] : [`        weight: ${v.weight}`]),
    '      - id: deal',
    '        title: The reseller deal is signed',
    `        done: ${v.done ?? false}`,
  );

const baseline = { 'okrs/2026-Q3/company.yaml': file() };
const roots = 'roots: [company]\n';

ruleTester('closed-cycle-edit').run({
  valid: [
    {
      name: 'no base given, nothing to compare with',
      files: { 'okrs/2026-Q3/company.yaml': file({ current: 30 }) },
    },
    {
      name: 'a new title in a closed file: only the numbers are final',
      files: { 'okrs/2026-Q3/company.yaml': file({ title: 'Grow revenue from the new markets abroad' }) },
      baseline,
      config: roots,
      clean: true,
    },
    {
      name: 'the last values recorded in the change that closes the cycle (open at the base)',
      files: { 'okrs/2026-Q3/company.yaml': file({ current: 30, done: true }) },
      baseline: { 'okrs/2026-Q3/company.yaml': file({ closed: null }) },
      config: roots,
      clean: true,
    },
    {
      name: 'a weight written out with its default value is no change',
      files: { 'okrs/2026-Q3/company.yaml': file({ weight: 1, objectiveWeight: 1 }) },
      baseline,
    },
  ],
  invalid: [
    {
      name: 'a new current value in a file closed at the base, at the value',
      files: { 'okrs/2026-Q3/company.yaml': file({ current: 30 }) },
      baseline,
      config: roots,
      clean: true,
      errors: [
        {
          line: 12,
          column: 18,
          severity: 'error',
          target: 'grow-revenue/arr',
          message:
            'key result "grow-revenue/arr" changes its current from 22 to 30, but cycle "2026-Q3" was closed on 2026-10-02: a closed cycle\'s numbers are final; undo the change, or reopen the cycle by removing "closed:" in a change of its own',
        },
      ],
    },
    {
      name: 'target, weight, done and the objective weight, in a file that was reopened in the same change',
      files: {
        'okrs/2026-Q3/company.yaml': file({
          closed: null,
          target: 30,
          weight: 2,
          done: true,
          objectiveWeight: 3,
        }),
      },
      baseline,
      errors: [
        {
          line: 6,
          column: 13,
          target: 'grow-revenue',
          messageIncludes: 'objective "grow-revenue" changes its weight from 1 to 3',
        },
        {
          line: 11,
          column: 17,
          target: 'grow-revenue/arr',
          messageIncludes: 'changes its target from 40 to 30',
        },
        {
          line: 13,
          column: 17,
          target: 'grow-revenue/arr',
          messageIncludes: 'changes its weight from 1 to 2',
        },
        {
          line: 16,
          column: 15,
          target: 'grow-revenue/deal',
          messageIncludes: 'changes its done from false to true',
        },
      ],
    },
    {
      name: 'a current value removed is reported at the key result’s mapping',
      files: { 'okrs/2026-Q3/company.yaml': file({ current: null }) },
      baseline,
      errors: [{ line: 8, column: 9, target: 'grow-revenue/arr', messageIncludes: 'from 22 to nothing' }],
    },
  ],
});
