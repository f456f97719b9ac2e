import { describe, expect, it } from 'vitest';
import { brief, lint, yaml } from '../helpers.js';

const clean = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
);

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('yaml-syntax', () => {
  it('valid: plain YAML, YAML with CRLF line ends and YAML with a byte-order mark do not fire', () => {
    expect(lint({ 'okrs/a.yaml': clean })).toEqual([]);
    expect(lint({ 'okrs/a.yaml': crlf(clean) })).toEqual([]);
    expect(lint({ 'okrs/a.yaml': `\uFEFF${clean}` })).toEqual([]);
  });

  it('invalid: an unclosed flow sequence is reported where the parser notices it, and other files are still checked', () => {
    const diagnostics = lint({
      'okrs/a.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: grow-revenue',
        '    title: [broken',
        '    weight: 1',
      ),
      'okrs/b.yaml': yaml('owner: company', 'cycle: 2026-Q5', 'objectives: []'),
    });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml-syntax', severity: 'error', file: 'okrs/a.yaml', line: 6, column: 5, target: null },
      { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/b.yaml', line: 2, column: 8, target: null },
    ]);
    expect(diagnostics[0]!.message).toContain('must be sufficiently indented and end with a ]');
  });

  it('invalid: a repeated key is reported at the repeated key', () => {
    const diagnostics = lint({
      'okrs/a.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: grow-revenue',
        '    title: Grow revenue from new markets abroad',
        '    title: Grow revenue again',
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml-syntax', severity: 'error', file: 'okrs/a.yaml', line: 6, column: 5, target: null },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'key "title" is repeated: each key may appear once in a mapping',
    );
  });

  it('invalid: two documents in one file are reported at the separator', () => {
    const diagnostics = lint({ 'okrs/a.yaml': `${clean}---\n${clean}` });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml-syntax', severity: 'error', file: 'okrs/a.yaml', line: 7, column: 1, target: null },
    ]);
    expect(diagnostics[0]!.message).toContain('more than one YAML document');
  });

  it('invalid: an empty file, or one with only a comment, is a schema problem at 1:1', () => {
    for (const text of ['', '# nothing yet\n']) {
      const diagnostics = lint({ 'okrs/a.yaml': text });
      expect(diagnostics.map(brief)).toEqual([
        { ruleId: 'schema', severity: 'error', file: 'okrs/a.yaml', line: 1, column: 1, target: null },
      ]);
      expect(diagnostics[0]!.message).toContain('the file is empty');
    }
  });

  it('invalid: aliases that expand without bound are refused', () => {
    const bomb = yaml(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    );
    const diagnostics = lint({ 'okrs/a.yaml': bomb });
    // At the first alias: the place to start reading.
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml-syntax', 2, 8]]);
    expect(diagnostics[0]!.message).toContain('aliases expand to too many nodes');
  });

  it('invalid: a byte-order mark does not shift the columns of the first line', () => {
    const diagnostics = lint({
      'okrs/a.yaml': `\uFEFF${clean.replace('owner: company\ncycle: 2026', 'cycle: 2026-Q5\nowner: company')}`,
    });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/a.yaml', line: 1, column: 8, target: null },
    ]);
  });

  it('invalid: with CRLF line ends, syntax and rule positions stay right', () => {
    const diagnostics = lint({
      'okrs/a.yaml': crlf(
        yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: Grow revenue',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      ),
      'okrs/b.yaml': crlf(
        yaml('owner: company', 'cycle: 2026', 'objectives:', '  - id: x', '    title: a: b'),
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'vague-objective',
        severity: 'warning',
        file: 'okrs/a.yaml',
        line: 5,
        column: 12,
        target: 'grow-revenue',
      },
      { ruleId: 'yaml-syntax', severity: 'error', file: 'okrs/b.yaml', line: 5, column: 12, target: null },
    ]);
    expect(diagnostics[1]!.message).toContain('Nested mappings are not allowed');
  });
});
