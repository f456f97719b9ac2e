import { ruleTester, yaml } from '../rule-tester.js';

const team = (owner: string, extra: string[] = []) =>
  yaml(
    `owner: ${owner}`,
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    ...extra,
    '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
  );

ruleTester('orphan-objective').run({
  valid: [
    {
      name: 'an objective of an owner listed in roots (the default) does not fire',
      files: { 'okrs/company.yaml': team('company') },
      clean: true,
    },
    {
      name: 'an objective of an owner listed in roots of the config does not fire',
      files: { 'okrs/sales.yaml': team('sales') },
      config: yaml('roots: [sales]'),
      clean: true,
    },
    {
      name: 'an objective with a theme of the strategy file does not fire',
      files: {
        'okrs/strategy.yaml': yaml('themes:', '  - { id: expansion, title: Expand into new markets }'),
        'okrs/sales.yaml': team('sales', ['    theme: expansion']),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a team objective with no parent and no theme is reported at its mapping',
      files: { 'okrs/sales.yaml': team('sales') },
      errors: [
        {
          file: 'okrs/sales.yaml',
          line: 4,
          column: 5,
          severity: 'warning',
          target: 'open-nordics',
          messageIncludes: 'objective "open-nordics" of "sales" aligns to nothing',
        },
      ],
    },
    {
      name: 'the objective’s own owner counts, not the file’s',
      files: { 'okrs/company.yaml': team('company', ['    owner: dana']) },
      errors: [{ line: 4, column: 5, target: 'open-nordics', messageIncludes: 'of "dana"' }],
    },
    {
      name: 'roots in the config replace the default',
      files: { 'okrs/company.yaml': team('company') },
      config: yaml('roots: [board]'),
      errors: [{ line: 4, column: 5, target: 'open-nordics' }],
    },
  ],
});
