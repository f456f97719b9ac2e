import type { OkrDiff } from '../run/compare.js';
import { problemJson } from './json.js';

/** `okr diff --format json` (SPEC §9). */
export function formatDiffJson(diff: OkrDiff): string {
  const out = {
    base: diff.base,
    head: diff.head,
    added: diff.added.map(({ id, kind }) => ({ id, kind })),
    removed: diff.removed.map(({ id, kind }) => ({ id, kind })),
    changed: diff.changed.map(({ id, field, from, to, movedGoalpost }) => ({
      id,
      field,
      from,
      to,
      movedGoalpost,
    })),
    progress: diff.progress.map(({ id, from, to }) => ({ id, from, to })),
    problems: {
      introduced: diff.problems.introduced.map(problemJson),
      fixed: diff.problems.fixed.map(problemJson),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
