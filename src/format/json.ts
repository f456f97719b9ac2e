import { countBySeverity, type Diagnostic } from '../diagnostics.js';

/** One problem as `okr check --format json` and `okr diff --format json` print it (SPEC §9). */
export function problemJson(p: Diagnostic) {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    file: p.file,
    line: p.line,
    column: p.column,
    target: p.target,
  };
}

/** `okr check --format json` (SPEC §9). */
export function formatJson(problems: readonly Diagnostic[], fileCount: number): string {
  const { errorCount, warningCount } = countBySeverity(problems);
  const out = {
    problems: problems.map(problemJson),
    errorCount,
    warningCount,
    fileCount,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
