import { formatDay } from '../dates.js';
import { lineOf } from '../locate.js';
import type { KeyResult, KrKind, Objective, ObjectiveType } from '../model.js';
import { shownPath } from '../paths.js';
import { expectedProgress, type Status, statusOf } from '../rollup/status.js';
import type { Standing } from '../standing.js';

export interface KrStatus {
  id: string;
  title: string;
  kind: KrKind;
  start?: number;
  target?: number;
  current?: number;
  keep?: 'below' | 'above';
  done?: boolean;
  unit?: string;
  weight: number;
  confidence?: number;
  progress: number;
  status: Status;
}

export interface ObjectiveStatus {
  id: string;
  title: string;
  owner: string;
  cycle: string;
  type: ObjectiveType;
  parent: string | null;
  file: string;
  line: number;
  progress: number;
  expected: number;
  status: Status;
  /** Ids of the objectives aligned to this one or to its KRs. */
  children: string[];
  keyResults: KrStatus[];
}

export interface StatusReport {
  asOf: string;
  objectives: ObjectiveStatus[];
}

function krStatus(analysis: Standing, kr: KeyResult): KrStatus {
  const progress = analysis.rollup.kr.get(kr) ?? 0;
  const d = kr.data;
  const measured: Partial<KrStatus> = {};
  if (kr.kind === 'numeric')
    Object.assign(measured, { start: d.start, target: d.target, current: d.current ?? d.start });
  if (kr.kind === 'threshold')
    Object.assign(measured, { target: d.target, keep: d.keep, current: d.current });
  if (kr.kind === 'milestone') measured.done = d.done ?? false;
  return {
    id: kr.fullId,
    title: kr.title,
    kind: kr.kind,
    ...measured,
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    weight: kr.weight,
    ...(d.confidence !== undefined ? { confidence: d.confidence } : {}),
    progress,
    status: statusOf(progress, kr.objective, analysis.config, analysis.asOf),
  };
}

export function objectiveStatus(analysis: Standing, objective: Objective): ObjectiveStatus {
  const progress = analysis.rollup.objective.get(objective) ?? 0;
  const source = analysis.load.sources.get(objective.file);
  return {
    id: objective.id,
    title: objective.title,
    owner: objective.owner,
    cycle: objective.cycle,
    type: objective.type,
    parent: objective.data.parent ?? null,
    file: shownPath(analysis.config, objective.file),
    line: source ? lineOf(source, objective.path) : 1,
    progress,
    expected: expectedProgress(objective, analysis.config, analysis.asOf),
    status: statusOf(progress, objective, analysis.config, analysis.asOf),
    children: (analysis.graph.children.get(objective) ?? []).map((c) => c.id),
    keyResults: objective.keyResults.map((kr) => krStatus(analysis, kr)),
  };
}

/** The status of every objective, in file order (SPEC §9). */
export function statusReport(analysis: Standing): StatusReport {
  return {
    asOf: formatDay(analysis.asOf),
    objectives: analysis.graph.objectives.map((o) => objectiveStatus(analysis, o)),
  };
}
