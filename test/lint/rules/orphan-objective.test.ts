import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

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

describe('orphan-objective', () => {
  it('valid: an objective of an owner listed in roots does not fire', () => {
    expect(lint({ 'okrs/company.yaml': team('company') })).toEqual([]);
    expect(lint({ 'okrs/sales.yaml': team('sales') }, { config: yaml('roots: [sales]') })).toEqual([]);
  });

  it('valid: an objective with a theme of the strategy file does not fire', () => {
    const diagnostics = lint({
      'okrs/strategy.yaml': yaml('themes:', '  - { id: expansion, title: Expand into new markets }'),
      'okrs/sales.yaml': team('sales', ['    theme: expansion']),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: a team objective with no parent and no theme is reported at its mapping', () => {
    const diagnostics = lintRule('orphan-objective', { 'okrs/sales.yaml': team('sales') });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'orphan-objective',
        severity: 'warning',
        file: 'okrs/sales.yaml',
        line: 4,
        column: 5,
        target: 'open-nordics',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('objective "open-nordics" of "sales" aligns to nothing');
  });

  it('invalid: the objective’s own owner counts, not the file’s', () => {
    const diagnostics = lintRule('orphan-objective', {
      'okrs/company.yaml': team('company', ['    owner: dana']),
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[4, 5, 'open-nordics']]);
    expect(diagnostics[0]!.message).toContain('of "dana"');
  });

  it('invalid: roots in the config replace the default', () => {
    const diagnostics = lintRule(
      'orphan-objective',
      { 'okrs/company.yaml': team('company') },
      { config: yaml('roots: [board]') },
    );
    expect(diagnostics.map((d) => d.target)).toEqual(['open-nordics']);
  });
});
