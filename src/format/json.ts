import { countBySeverity, type Diagnostic } from '../diagnostics.js';

/** `okr check --format json` (SPEC §9). */
export function formatJson(problems: readonly Diagnostic[], fileCount: number): string {
  const { errorCount, warningCount } = countBySeverity(problems);
  const out = {
    problems: problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      file: p.file,
      line: p.line,
      column: p.column,
      target: p.target,
    })),
    errorCount,
    warningCount,
    fileCount,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
