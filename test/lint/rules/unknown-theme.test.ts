import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

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

describe('unknown-theme', () => {
  it('valid: a theme of the strategy file does not fire', () => {
    expect(lint({ 'okrs/strategy.yaml': strategy, 'okrs/sales.yaml': team('expansion') })).toEqual([]);
  });

  it('valid: the strategy file is found where the config says', () => {
    const diagnostics = lint(
      { 'strategy/2026.yaml': strategy, 'okrs/sales.yaml': team('expansion') },
      { config: yaml('strategy: strategy/2026.yaml') },
    );
    expect(diagnostics).toEqual([]);
  });

  it('invalid: a theme the strategy does not declare is reported at the theme value, listing the themes', () => {
    const diagnostics = lintRule('unknown-theme', {
      'okrs/strategy.yaml': strategy,
      'okrs/sales.yaml': team('expanison'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unknown-theme',
        severity: 'error',
        file: 'okrs/sales.yaml',
        line: 6,
        column: 12,
        target: 'open-nordics',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'names theme "expanison", which does not exist; the themes of okrs/strategy.yaml are: customer-love, expansion',
    );
  });

  it('invalid: without a strategy file, the message says so', () => {
    const diagnostics = lintRule('unknown-theme', { 'okrs/sales.yaml': team('expansion') });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[6, 12]]);
    expect(diagnostics[0]!.message).toContain('there is no strategy file at okrs/strategy.yaml');
  });

  it('valid: a strategy file that fails to load is reported itself, and its themes are not reported as missing', () => {
    const diagnostics = lint({
      'okrs/strategy.yaml': yaml(
        'themes:',
        '  - { id: expansion, title: Expand into new markets, colour: red }',
      ),
      'okrs/sales.yaml': team('expansion'),
    });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'schema', severity: 'error', file: 'okrs/strategy.yaml', line: 2, column: 54, target: null },
    ]);
  });
});
