import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';

// A message may name another place (`duplicate-id`: "already used at okrs/a.yaml:12"); its line
// moves with unrelated edits just as the problem's own does.
const PLACE_IN_MESSAGE = /(\.ya?ml):\d+(?::\d+)?/gi;

/**
 * A hash of what a problem is, not of where it is: rule, file, target and message. Line numbers are
 * left out so that a problem keeps its identity when unrelated lines above it move, which is what
 * code scanning and merge-request widgets use to tell new problems from known ones.
 */
export function problemHash(p: Diagnostic): string {
  const message = p.message.replace(PLACE_IN_MESSAGE, '$1');
  return createHash('sha256')
    .update(JSON.stringify([p.ruleId, p.file, p.target, message]))
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
