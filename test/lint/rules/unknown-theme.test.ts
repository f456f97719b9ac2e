import { ruleTester, yaml } from '../rule-tester.js';

const strategy = yaml(
  'vision: Everyone can buy anything in one click',
  'themes:',
  '  - { id: customer-love, title: Improve customer satisfaction }',
  '  - { id: expansion, title: Expand into new markets }',
);

const team = (theme: string) =>
  yaml(
    'owner: sales',
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    `    theme: ${theme}`,
    '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
  );

ruleTester('unknown-theme').run({
  valid: [
    {
      name: 'a theme of the strategy file does not fire',
      files: { 'okrs/strategy.yaml': strategy, 'okrs/sales.yaml': team('expansion') },
      clean: true,
    },
    {
      name: 'the strategy file is found where the config says',
      files: { 'strategy/2026.yaml': strategy, 'okrs/sales.yaml': team('expansion') },
      config: yaml('strategy: strategy/2026.yaml'),
      clean: true,
    },
    {
      name: 'a strategy file that fails to load is reported itself, and its themes are not reported as missing',
      files: {
        'okrs/strategy.yaml': yaml(
          'themes:',
          '  - { id: expansion, title: Expand into new markets, colour: red }',
        ),
        'okrs/sales.yaml': team('expansion'),
      },
      others: [
        {
          ruleId: 'schema',
          severity: 'error',
          file: 'okrs/strategy.yaml',
          line: 2,
          column: 54,
          target: null,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a theme the strategy does not declare is reported at the theme value, listing the themes',
      files: { 'okrs/strategy.yaml': strategy, 'okrs/sales.yaml': team('expanison') },
      errors: [
        {
          file: 'okrs/sales.yaml',
          line: 6,
          column: 12,
          severity: 'error',
          target: 'open-nordics',
          messageIncludes:
            'names theme "expanison", which does not exist; the themes of okrs/strategy.yaml are: customer-love, expansion',
        },
      ],
    },
    {
      name: 'without a strategy file, the message says so',
      files: { 'okrs/sales.yaml': team('expansion') },
      errors: [{ line: 6, column: 12, messageIncludes: 'there is no strategy file at okrs/strategy.yaml' }],
    },
  ],
});
