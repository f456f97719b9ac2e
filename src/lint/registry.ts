import { rule as alignmentCycle } from './rules/alignment-cycle.js';
import { rule as closedCycleEdit } from './rules/closed-cycle-edit.js';
import { rule as confusable } from './rules/confusable.js';
import { rule as cycleMismatch } from './rules/cycle-mismatch.js';
import { rule as duplicateId } from './rules/duplicate-id.js';
import { rule as fileTooLarge } from './rules/file-too-large.js';
import { rule as fileUnreadable } from './rules/file-unreadable.js';
import { rule as invalidMetric } from './rules/invalid-metric.js';
import { rule as measureUnavailable } from './rules/measure-unavailable.js';
import { rule as metricInObjective } from './rules/metric-in-objective.js';
import { rule as movedGoalpost } from './rules/moved-goalpost.js';
import { rule as noKeyResults } from './rules/no-key-results.js';
import { rule as orphanObjective } from './rules/orphan-objective.js';
import { rule as outputKr } from './rules/output-kr.js';
import { rule as schema } from './rules/schema.js';
import { rule as staleKr } from './rules/stale-kr.js';
import { rule as tooManyKrs } from './rules/too-many-krs.js';
import { rule as tooManyObjectives } from './rules/too-many-objectives.js';
import { rule as uncountedKr } from './rules/uncounted-kr.js';
import { rule as uncountedObjective } from './rules/uncounted-objective.js';
import { rule as unknownCycle } from './rules/unknown-cycle.js';
import { rule as unknownDisabledRule } from './rules/unknown-disabled-rule.js';
import { rule as unknownTheme } from './rules/unknown-theme.js';
import { rule as unknownWorkRef } from './rules/unknown-work-ref.js';
import { rule as unmeasuredKr } from './rules/unmeasured-kr.js';
import { rule as unresolvedContinues } from './rules/unresolved-continues.js';
import { rule as unresolvedDependency } from './rules/unresolved-dependency.js';
import { rule as unresolvedParent } from './rules/unresolved-parent.js';
import { rule as unusedDisable } from './rules/unused-disable.js';
import { rule as vagueObjective } from './rules/vague-objective.js';
import { rule as yamlSyntax } from './rules/yaml-syntax.js';
import type { Rule, RuleMeta } from './types.js';

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [
  alignmentCycle,
  closedCycleEdit,
  confusable,
  cycleMismatch,
  duplicateId,
  fileTooLarge,
  fileUnreadable,
  invalidMetric,
  measureUnavailable,
  metricInObjective,
  movedGoalpost,
  noKeyResults,
  orphanObjective,
  outputKr,
  schema,
  staleKr,
  tooManyKrs,
  tooManyObjectives,
  uncountedKr,
  uncountedObjective,
  unknownCycle,
  unknownDisabledRule,
  unknownTheme,
  unknownWorkRef,
  unmeasuredKr,
  unresolvedContinues,
  unresolvedDependency,
  unresolvedParent,
  unusedDisable,
  vagueObjective,
  yamlSyntax,
];

export function ruleMetas(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export const DOCS_BASE = 'https://github.com/okr-cli/okr/blob/main/docs/rules';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}
