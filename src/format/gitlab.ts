import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { fingerprintsOf } from './fingerprint.js';

/** GitLab's Code Quality severities are info, minor, major, critical and blocker. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor' };

/**
 * `okr check --format gitlab`: a Code Quality report (a JSON array of issues) for
 * `artifacts:reports:codequality`. The fingerprint leaves out line numbers, so an issue keeps its
 * identity in the merge-request widget when unrelated lines move; identical problems are told apart
 * by their occurrence.
 */
export function formatGitlab(problems: readonly Diagnostic[]): string {
  const fingerprints = fingerprintsOf(problems);
  const issues = problems.map((p, i) => ({
    description: p.message,
    check_name: p.ruleId,
    fingerprint: createHash('sha256')
      .update(`${fingerprints[i]!.hash}:${fingerprints[i]!.occurrence}`)
      .digest('hex'),
    severity: SEVERITY[p.severity],
    location: { path: p.file, lines: { begin: p.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
