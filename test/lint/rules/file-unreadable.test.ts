import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, lint, yaml } from '../helpers.js';

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

describe('file-unreadable', () => {
  it('valid: a readable file named explicitly is read', () => {
    expect(lint({ 'okrs/a.yaml': okrs }, { paths: ['okrs/a.yaml'] })).toEqual([]);
  });

  it('invalid: a path that cannot be read is reported at 1:1 and the other files are still checked', () => {
    // Permissions do not stop every user (root reads anything); a folder cannot be read as a file by anyone.
    const diagnostics = lint(
      { 'okrs/a.yaml': okrs, 'okrs/b.yaml': yaml('owner: b', 'cycle: 2026-Q9', 'objectives: []') },
      { paths: ['okrs/a.yaml', 'okrs/b.yaml', 'okrs/missing.yaml'] },
    );
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/b.yaml', line: 2, column: 8, target: null },
      {
        ruleId: 'file-unreadable',
        severity: 'error',
        file: 'okrs/missing.yaml',
        line: 1,
        column: 1,
        target: null,
      },
    ]);
    expect(diagnostics[1]!.message).toContain('cannot read the file (ENOENT)');
  });

  it('invalid: a folder named like an OKR file', () => {
    const diagnostics = lint(
      { 'okrs/a.yaml': okrs },
      {
        paths: ['okrs/a.yaml', 'okrs/folder.yaml'],
        prepare: (root) => mkdirSync(join(root, 'okrs', 'folder.yaml')),
      },
    );
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'file-unreadable',
        severity: 'error',
        file: 'okrs/folder.yaml',
        line: 1,
        column: 1,
        target: null,
      },
    ]);
  });
});
