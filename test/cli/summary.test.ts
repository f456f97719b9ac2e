import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FatalError } from '../../src/cli/errors.js';
import { appendStepSummary } from '../../src/cli/summary.js';
import { tempDir } from '../helpers.js';

describe('appendStepSummary', () => {
  it('appends each section on its own lines to the file GITHUB_STEP_SUMMARY names', () => {
    const path = join(tempDir(), 'summary.md');
    appendStepSummary({ GITHUB_STEP_SUMMARY: path }, '## okr check\n\nfine\n');
    appendStepSummary({ GITHUB_STEP_SUMMARY: path }, '## okr diff');
    expect(readFileSync(path, 'utf8')).toBe('## okr check\n\nfine\n## okr diff\n');
  });

  it('does nothing when GITHUB_STEP_SUMMARY is unset or empty (writing to it would throw)', () => {
    expect(() => appendStepSummary({}, 'x')).not.toThrow();
    expect(() => appendStepSummary({ GITHUB_STEP_SUMMARY: '' }, 'x')).not.toThrow();
  });

  it('throws a FatalError naming the file when it cannot be written', () => {
    const path = join(tempDir(), 'missing', 'summary.md');
    expect(() => appendStepSummary({ GITHUB_STEP_SUMMARY: path }, 'x')).toThrow(FatalError);
    expect(() => appendStepSummary({ GITHUB_STEP_SUMMARY: path }, 'x')).toThrow(path);
  });
});
