import { ruleTester, yaml } from '../rule-tester.js';

/** A 2026-Q4 file whose one KR has check-ins on `dates` (none: no `checkins` key). */
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
    ...(dates.length === 0
      ? []
      : ['        checkins:', ...dates.map((d) => `          - { date: ${d}, value: ${current} }`)]),
  );

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

const recent = { 'okrs/company.yaml': file(['2026-11-05']) };

/** The same KR without check-ins. */
const noCheckins = file([]);

ruleTester('stale-kr').run({
  valid: [
    {
      name: 'a check-in within 14 days does not fire',
      files: { 'okrs/company.yaml': file(['2026-10-01', '2026-11-01']) },
      asOf: '2026-11-15',
      clean: true,
    },
    {
      name: 'an old check-in does not fire outside the running cycle',
      files: { 'okrs/company.yaml': file(['2026-07-01'], '2026-Q3') },
      asOf: '2026-11-15',
      clean: true,
    },
    {
      name: 'an old check-in does not fire on a KR already reached',
      files: { 'okrs/company.yaml': file(['2026-10-01'], '2026-Q4', 40) },
      asOf: '2026-11-15',
      clean: true,
    },
    { name: 'a check-in 10 days old is within the default 14', files: recent, asOf: '2026-11-15' },
    {
      name: 'an old check-in does not fire in a closed file, even while its cycle runs',
      files: {
        'okrs/company.yaml': file(['2026-10-01']).replace(
          'cycle: 2026-Q4\n',
          'cycle: 2026-Q4\nclosed: 2026-11-10\n',
        ),
      },
      asOf: '2026-11-15',
      clean: true,
    },
    {
      name: 'a threshold KR is done once its cycle has ended',
      files: { 'okrs/platform.yaml': threshold },
      asOf: '2027-01-05',
    },
    {
      name: 'without check-ins, a change in git within the limit counts as the update',
      files: { 'okrs/company.yaml': noCheckins },
      lastChanged: { 'grow-revenue/arr': '2026-11-10' },
    },
  ],
  invalid: [
    {
      name: 'a latest check-in 15 days old is reported at the KR mapping',
      files: { 'okrs/company.yaml': file(['2026-10-31', '2026-10-05']) },
      asOf: '2026-11-15',
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 7,
          column: 9,
          severity: 'warning',
          target: 'grow-revenue/arr',
          messageIncludes: 'was last updated 15 days ago (check-in on 2026-10-31)',
        },
      ],
    },
    {
      name: 'option days sets the limit',
      files: recent,
      asOf: '2026-11-15',
      config: yaml('rules:', '  stale-kr: [warn, { days: 7 }]'),
      errors: [{ line: 7, column: 9, target: 'grow-revenue/arr', messageIncludes: 'at least every 7 days' }],
    },
    {
      name: 'a threshold KR inside its line is not done before its cycle ends, so an old check-in is reported',
      files: { 'okrs/platform.yaml': threshold },
      asOf: '2026-11-20',
      errors: [
        { file: 'okrs/platform.yaml', line: 7, column: 9, severity: 'warning', target: 'fast-checkout/p95' },
      ],
    },
    {
      name: 'without check-ins, a change in git older than the limit is named as a change',
      files: { 'okrs/company.yaml': noCheckins },
      lastChanged: { 'grow-revenue/arr': '2026-10-20' },
      errors: [
        {
          line: 7,
          column: 9,
          target: 'grow-revenue/arr',
          messageIncludes: 'was last updated 26 days ago (change on 2026-10-20)',
        },
      ],
    },
    {
      // SPEC §8: git is the fallback for a KR without check-ins. A commit that touched the value
      // after its last check-in (the first commit of the file, a hand edit) is no check-in.
      name: 'with check-ins, a later change in git does not count: the latest check-in is the update',
      files: { 'okrs/company.yaml': file(['2026-10-05']) },
      lastChanged: { 'grow-revenue/arr': '2026-11-10' },
      errors: [
        {
          line: 7,
          column: 9,
          target: 'grow-revenue/arr',
          messageIncludes: 'was last updated 41 days ago (check-in on 2026-10-05)',
        },
      ],
    },
  ],
});
