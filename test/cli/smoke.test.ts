import { describe, expect, it } from 'vitest';
import { makeProject, runOkr } from '../helpers.js';

describe('okr (smoke)', () => {
  it('prints its version and exits 0', () => {
    const r = runOkr(['--version'], { cwd: makeProject({}) });
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.code).toBe(0);
  });

  it('exits 2 with a clear line when no OKR files match', () => {
    const r = runOkr(['check'], { cwd: makeProject({ 'README.md': '# nothing\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no OKR files matched');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
