import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const okrs = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results:',
  '      - id: quality',
  '        title: Quality judged good by the review',
  '        progress: 0.5',
);

describe('file-too-large', () => {
  it('valid: a file within maxFileSize is read', () => {
    expect(lint({ 'okrs/a.yaml': okrs }, { config: yaml(`maxFileSize: ${okrs.length}`) })).toEqual([]);
  });

  it('invalid: a file over maxFileSize is reported at 1:1 and not read', () => {
    const diagnostics = lint({ 'okrs/a.yaml': okrs }, { config: yaml(`maxFileSize: ${okrs.length - 1}`) });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'file-too-large', severity: 'error', file: 'okrs/a.yaml', line: 1, column: 1, target: null },
    ]);
    expect(diagnostics[0]!.message).toContain(
      `the file is ${okrs.length} bytes, more than the ${okrs.length - 1}`,
    );
  });

  it('invalid: off in the config silences it', () => {
    const diagnostics = lintRule(
      'file-too-large',
      { 'okrs/a.yaml': okrs },
      { config: yaml('maxFileSize: 10', 'rules:', '  file-too-large: off') },
    );
    expect(diagnostics).toEqual([]);
  });
});
