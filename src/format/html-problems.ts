import { countBySeverity, type Diagnostic } from '../diagnostics.js';
import { escapeHtml as h } from './html-escape.js';

/**
 * The problems `okr check` finds, split by the objective they concern (a KR's problems go to its
 * objective), in check's order; those of no objective shown in the report are under null.
 */
export function problemsByObjective(
  diagnostics: readonly Diagnostic[],
  shown: ReadonlySet<string>,
): Map<string | null, Diagnostic[]> {
  const byObjective = new Map<string | null, Diagnostic[]>();
  for (const d of diagnostics) {
    const objective = d.target?.split('/')[0];
    const key = objective !== undefined && shown.has(objective) ? objective : null;
    const list = byObjective.get(key) ?? [];
    list.push(d);
    byObjective.set(key, list);
  }
  return byObjective;
}

/** One line a problem: where (file:line), its rule and its message. */
export function problemList(problems: readonly Diagnostic[]): string {
  if (problems.length === 0) return '';
  const items = problems.map(
    (d) =>
      `<li class="p-${d.severity}"><span class="sev">${d.severity}</span> <span class="id">${h(d.file)}:${d.line}</span> <span class="id">${h(d.ruleId)}</span> <span class="msg">${h(d.message)}</span></li>`,
  );
  return `<ul class="problems" aria-label="Problems">\n${items.join('\n')}\n</ul>`;
}

/** "2 errors, 1 warning": the counts `okr check` prints for the same files and date. */
export function problemCounts(diagnostics: readonly Diagnostic[]): string {
  const { errorCount, warningCount } = countBySeverity(diagnostics);
  return `${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}`;
}

/** What the problems section says of where the problems are listed. */
function whereListed(all: number, general: number): string {
  if (all === 0) return 'No problems.';
  if (general === 0) return 'Each is listed with the objective it concerns.';
  if (general === all) return 'None concerns an objective shown here:';
  return 'Those about an objective are listed with it; these concern none shown here:';
}

/** The section with check's counts and the problems that concern no objective shown. */
export function problemsSection(diagnostics: readonly Diagnostic[], general: readonly Diagnostic[]): string {
  return `<section id="problems" aria-labelledby="problems-h"><h2 id="problems-h">Problems <span class="meta">okr check: ${problemCounts(diagnostics)}</span></h2>
<p class="meta">${whereListed(diagnostics.length, general.length)}</p>
${problemList(general)}
</section>`;
}
