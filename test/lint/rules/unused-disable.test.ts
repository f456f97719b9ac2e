import { ruleTester, yaml } from '../rule-tester.js';

/**
 * A company file whose objective "grow-revenue" (line 5) fires vague-objective at its title (line 6)
 * and whose KR "deals" (line 8) fires unmeasured-kr at its mapping; `before` is line 4, `onId` trails
 * the objective's `- id:` line, `onKr` the KR's.
 */
const file = (before: string, onId = '', onKr = '') =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    `  ${before}`,
    `  - id: grow-revenue  ${onId}`,
    '    title: Grow revenue, etc',
    '    key_results:',
    `      - id: deals  ${onKr}`,
    '        title: Deals closed in new markets',
  );

const columnOf = (text: string, line: number, comment: string) =>
  text.split('\n')[line - 1]!.indexOf(comment) + 1;

const schema = file('# okr-disable-next-line too-many-krs').replace(
  '    key_results:',
  '    weight: heavy\n    key_results:',
);
const syntax = `${file('# okr-disable-next-line too-many-krs')}  - id: [unclosed\n`;
const unknownName = file('# okr-disable-next-line vague-objectiv', '', '# okr-disable-line unmeasured-kr');
const tooMany = file('', '# okr-disable-line vague-objective, too-many-krs', '');
const silencedOff = file('# okr-disable-next-line vague-objective, unmeasured-kr');

ruleTester('unused-disable').run({
  valid: [
    ...(
      [
        ['# okr-disable-next-line vague-objective, unmeasured-kr', '', ''],
        ['', '# okr-disable-line vague-objective, unmeasured-kr -- the board asked for it', ''],
        ['', '# okr-disable-line vague-objective', '# okr-disable-line unmeasured-kr'],
        ['# okr-disable-next-line', '', ''],
      ] as const
    ).map(([before, onId, onKr]) => ({
      name: `comments that silence a problem, on its line, the line before, or over a whole item, do not fire: ${before}${onId} ${onKr}`,
      files: { 'okrs/company.yaml': file(before, onId, onKr) },
      clean: true as const,
    })),
    {
      name: "a comment naming only rules that do not exist is unknown-disabled-rule's alone",
      files: { 'okrs/company.yaml': unknownName },
      // The misspelt name silences nothing, so vague-objective still reports the title.
      others: [
        { ruleId: 'unknown-disabled-rule', line: 4, column: 3 },
        { ruleId: 'vague-objective', line: 6, column: 12 },
      ],
    },
    {
      name: 'moved-goalpost is not judged without a base revision to compare with',
      files: {
        'okrs/company.yaml': file(
          '',
          '# okr-disable-line vague-objective, moved-goalpost',
          '# okr-disable-line unmeasured-kr',
        ),
      },
    },
    {
      name: 'comments in a file with schema errors are not judged, since the rules skip what failed',
      files: { 'okrs/company.yaml': schema },
      others: [{ ruleId: 'schema', line: 7, column: 13 }],
    },
    {
      name: 'comments in a file with yaml-syntax errors are not judged, since the rules skip what failed',
      files: { 'okrs/company.yaml': syntax },
      others: [{ ruleId: 'yaml-syntax', line: 10, column: 9 }],
    },
    {
      name: 'a comment naming no rule that covers grow-revenue silences its problems',
      files: { 'okrs/company.yaml': file('# okr-disable-next-line', '', '') },
    },
    {
      name: 'turned off itself, it reports nothing',
      files: { 'okrs/company.yaml': silencedOff },
      config: yaml('rules:', '  vague-objective: off', '  unused-disable: off'),
    },
    {
      name: 'naming unused-disable in the comment silences it',
      files: {
        'okrs/company.yaml': file('', '# okr-disable-line vague-objective, too-many-krs, unused-disable', ''),
      },
    },
  ],
  invalid: [
    {
      name: 'a comment whose rule reports nothing where it points is reported at the comment',
      // On the objective's line: vague-objective is silenced at the title, too-many-krs finds nothing.
      files: { 'okrs/company.yaml': tooMany },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 5,
          column: columnOf(tooMany, 5, '# okr-disable-line'),
          endColumn:
            columnOf(tooMany, 5, '# okr-disable-line') +
            '# okr-disable-line vague-objective, too-many-krs'.length,
          severity: 'warning',
          target: null,
          messageIncludes: [
            'the okr-disable-line comment names "too-many-krs", which reports no problem where it points',
            'remove that name from it',
          ],
        },
      ],
    },
    {
      name: 'a comment on a line that starts no item does not reach the line after it, and is reported',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    description: Ours  # okr-disable-line vague-objective',
          '    title: Grow revenue, etc',
          '    key_results: [{ id: deals, title: Deals closed in new markets, progress: 0.5 }]',
        ),
      },
      errors: [
        {
          line: 5,
          column: 24,
          message:
            'the okr-disable-line comment names "vague-objective", which reports no problem where it points (or is turned off), so it silences nothing; remove the comment',
        },
      ],
      others: [{ ruleId: 'vague-objective', line: 6, column: 12 }],
    },
    {
      name: 'a next-line comment before one item does not cover the next one',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  # okr-disable-next-line vague-objective',
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    key_results: [{ id: deals, title: Deals closed in new markets, progress: 0.5 }]',
          '  - id: keep-customers',
          '    title: Customers, etc',
          '    key_results: [{ id: churn, title: Churn judged low, progress: 0.5 }]',
        ),
      },
      errors: [{ line: 4, column: 3 }],
      others: [{ ruleId: 'vague-objective', line: 9, column: 12 }],
    },
    {
      name: 'a comment naming no rule that silences nothing is reported',
      // The same comment before "owner" covers no problem.
      files: {
        'okrs/company.yaml': `# okr-disable-next-line\n${yaml('owner: company', 'cycle: 2026', 'objectives: []')}`,
      },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 1,
          column: 1,
          severity: 'warning',
          target: null,
          messageIncludes: 'silences no problem',
        },
      ],
    },
    {
      name: 'a comment naming a rule turned off in okr.config.yaml silences nothing and is reported',
      files: { 'okrs/company.yaml': silencedOff },
      config: yaml('rules:', '  vague-objective: off', '  unused-disable: error'),
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 4,
          column: 3,
          severity: 'error',
          target: null,
          messageIncludes: 'names "vague-objective", which reports no problem',
        },
      ],
    },
    {
      name: 'unknown and unused names in one comment are each reported once, by their own rule',
      files: {
        'okrs/company.yaml': file('# okr-disable-next-line vague-objective, too-many-krs, no-such-rule'),
      },
      errors: [{ line: 4, column: 3, message: /^(?!.*no-such-rule).*names "too-many-krs", which reports/ }],
      others: [
        { ruleId: 'unknown-disabled-rule', line: 4, column: 3 },
        { ruleId: 'unmeasured-kr', line: 8, column: 9 },
      ],
    },
    {
      name: 'without unused-disable named, the same comment is reported',
      files: { 'okrs/company.yaml': tooMany },
      errors: [{ line: 5, column: columnOf(tooMany, 5, '# okr-disable-line') }],
    },
  ],
});
