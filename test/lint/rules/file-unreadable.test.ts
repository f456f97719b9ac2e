import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, lint } from '../helpers.js';
import { ruleTester, yaml } from '../rule-tester.js';

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

ruleTester('file-unreadable').run({
  valid: [
    {
      name: 'a readable file named explicitly is read',
      files: { 'okrs/a.yaml': okrs },
      paths: ['okrs/a.yaml'],
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a path that cannot be read is reported at 1:1 and the other files are still checked',
      files: { 'okrs/a.yaml': okrs, 'okrs/b.yaml': yaml('owner: b', 'cycle: 2026-Q9', 'objectives: []') },
      paths: ['okrs/a.yaml', 'okrs/b.yaml', 'okrs/missing.yaml'],
      errors: [
        {
          file: 'okrs/missing.yaml',
          line: 1,
          column: 1,
          severity: 'error',
          target: null,
          messageIncludes: 'cannot read the file (ENOENT)',
        },
      ],
      others: [
        { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/b.yaml', line: 2, column: 8, target: null },
      ],
    },
  ],
});

// What cannot be given as a text, a folder where a file should be, is read from disk.
describe('file-unreadable, on disk', () => {
  it('invalid: a path that is missing on disk is reported at 1:1 as the in-memory one is', () => {
    const diagnostics = lint({ 'okrs/a.yaml': okrs }, { paths: ['okrs/a.yaml', 'okrs/missing.yaml'] });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'file-unreadable',
        severity: 'error',
        file: 'okrs/missing.yaml',
        line: 1,
        column: 1,
        target: null,
      },
    ]);
    expect(diagnostics[0]!.message).toContain('cannot read the file (ENOENT)');
  });

  it('invalid: a folder named like an OKR file', () => {
    // Permissions do not stop every user (root reads anything); a folder cannot be read as a file by anyone.
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
