import { ruleTester, yaml } from '../rule-tester.js';

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

const unknown = file(
  '# okr-disable-next-line vague-objectives',
  '# okr-disable-line too-many-kr, orphan-objective',
);
// The comment on line 7 follows the key result's flow mapping.
const column7 = unknown.split('\n')[6]!.indexOf('# okr-disable-line') + 1;

ruleTester('unknown-disabled-rule').run({
  valid: [
    ...(
      [
        ['# okr-disable-next-line vague-objective', ''],
        ['# okr-disable-next-line', '# okr-disable-line too-many-krs, orphan-objective -- counted by hand'],
        ['# an ordinary comment naming okr-disable-line nothing', ''],
      ] as [string, string][]
    ).map(([before, after]) => ({
      name: `comments naming real rules, all rules, or with a reason, do not fire: ${before} ${after}`,
      files: { 'okrs/company.yaml': file(before, after) },
    })),
    {
      name: 'a comment inside a quoted value is no directive',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: "Grow revenue # okr-disable-line nothing-at-all"',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'each unknown name is reported at its comment, which silences nothing',
      files: { 'okrs/company.yaml': unknown },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 5,
          column: 5,
          endColumn: 5 + '# okr-disable-next-line vague-objectives'.length,
          severity: 'warning',
          target: null,
          messageIncludes: 'names "vague-objectives", which is no rule',
        },
        {
          file: 'okrs/company.yaml',
          line: 7,
          column: column7,
          severity: 'warning',
          target: null,
          messageIncludes: 'names "too-many-kr"',
        },
      ],
    },
  ],
});
