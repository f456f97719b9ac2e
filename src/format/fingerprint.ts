import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';

/**
 * A hash of what a problem is, not of where it is: rule, file, target and message. Line numbers are
 * left out so that a problem keeps its identity when unrelated lines above it move, which is what
 * code scanning and merge-request widgets use to tell new problems from known ones.
 */
export function problemHash(p: Diagnostic): string {
  return createHash('sha256')
    .update(JSON.stringify([p.ruleId, p.file, p.target, p.message]))
    .digest('hex');
}

/**
 * For each problem, its hash and its 1-based occurrence among problems with the same hash (in the
 * order given), so that identical problems in one file still get distinct fingerprints.
 */
export function fingerprintsOf(problems: readonly Diagnostic[]): { hash: string; occurrence: number }[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const hash = problemHash(p);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { hash, occurrence };
  });
}
