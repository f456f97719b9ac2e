import { describe, expect, it } from 'vitest';
import { formatGitlab } from '../../src/format/gitlab.js';
import { expectGolden } from './golden.js';
import { HOSTILE, PROBLEMS, problem } from './problems.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const issues = (text: string) => JSON.parse(text) as Issue[];

describe('formatGitlab', () => {
  it('matches the golden output', () => {
    expectGolden('problems.gitlab.json', formatGitlab(PROBLEMS));
  });

  it("has GitLab Code Quality's documented fields, and no problem is lost", () => {
    const report = issues(formatGitlab(PROBLEMS));
    expect(Array.isArray(report)).toBe(true);
    expect(report).toHaveLength(PROBLEMS.length);
    for (const [i, issue] of report.entries()) {
      const p = PROBLEMS[i]!;
      expect(Object.keys(issue).sort()).toEqual([
        'check_name',
        'description',
        'fingerprint',
        'location',
        'severity',
      ]);
      expect(issue.description).toBe(p.message);
      expect(issue.check_name).toBe(p.ruleId);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.severity).toBe(p.severity === 'error' ? 'major' : 'minor');
      expect(issue.location).toEqual({ path: p.file, lines: { begin: p.line } });
    }
    expect(new Set(report.map((r) => r.fingerprint)).size).toBe(report.length);
  });

  it('keeps fingerprints when unrelated lines move', () => {
    const moved = PROBLEMS.map((p) => ({ ...p, line: p.line + 3, endLine: p.endLine + 3 }));
    expect(issues(formatGitlab(moved)).map((i) => i.fingerprint)).toEqual(
      issues(formatGitlab(PROBLEMS)).map((i) => i.fingerprint),
    );
  });

  it('carries hostile text unchanged and is an empty array without problems', () => {
    expect(issues(formatGitlab([problem({ ruleId: 'schema', message: HOSTILE })]))[0]!.description).toBe(
      HOSTILE,
    );
    expect(issues(formatGitlab([]))).toEqual([]);
  });
});
