import type { Status } from '../../rollup/status.js';
import type { KrUpdate, StatusReport } from './status.js';

export interface AlignmentNode {
  /** Objective id, or full KR id (objective-id/kr-id). */
  id: string;
  kind: 'objective' | 'kr';
  title: string;
  owner: string;
  /** The owner's file's team when the objective's `owner:` overrides it. */
  team: string;
  progress: number;
  status: Status;
  /** An objective's `depends_on`; empty for a KR. */
  dependsOn: string[];
  /** KR: its latest update; objective: null. */
  updated: KrUpdate | null;
  /** KR: its latest confidence; objective: null. */
  confidence: number | null;
  /** KR: stale-kr fires for it; objective: the ids (within the objective) of its stale KRs. */
  stale: boolean | string[];
}

export interface AlignmentEdge {
  /** The child: an objective, or a KR pointing at its own objective. */
  from: string;
  to: string;
  /** `aligns`: an objective's `parent` link; `belongs`: a KR to the objective it is part of. */
  kind: 'aligns' | 'belongs';
}

export interface AlignmentGraph {
  nodes: AlignmentNode[];
  edges: AlignmentEdge[];
}

/**
 * The alignment graph of the objectives of a status report: every objective, and the KRs that other
 * objectives of the report align to; edges go from child to parent. Links to objectives left out of
 * the report (by filters, or because their file failed to load) are not drawn.
 */
export function alignmentGraph(report: StatusReport): AlignmentGraph {
  const objectiveIds = new Set(report.objectives.map((o) => o.id));
  const krOwner = new Map<string, string>();
  for (const o of report.objectives) for (const kr of o.keyResults) krOwner.set(kr.id, o.id);
  const alignedKrs = new Set(
    report.objectives.flatMap((o) => (o.parent !== null && krOwner.has(o.parent) ? [o.parent] : [])),
  );
  const nodes: AlignmentNode[] = [];
  const belongs: AlignmentEdge[] = [];
  for (const o of report.objectives) {
    nodes.push({
      id: o.id,
      kind: 'objective',
      title: o.title,
      owner: o.owner,
      team: o.team,
      progress: o.progress,
      status: o.status,
      dependsOn: o.dependsOn,
      updated: null,
      confidence: null,
      stale: o.keyResults.filter((kr) => kr.stale).map((kr) => kr.id.slice(o.id.length + 1)),
    });
    for (const kr of o.keyResults) {
      if (!alignedKrs.has(kr.id)) continue;
      nodes.push({
        id: kr.id,
        kind: 'kr',
        title: kr.title,
        owner: o.owner,
        team: o.team,
        progress: kr.progress,
        status: kr.status,
        dependsOn: [],
        updated: kr.updated,
        confidence: kr.confidence,
        stale: kr.stale,
      });
      belongs.push({ from: kr.id, to: o.id, kind: 'belongs' });
    }
  }
  const aligns: AlignmentEdge[] = report.objectives.flatMap((o) =>
    o.parent !== null && (objectiveIds.has(o.parent) || krOwner.has(o.parent))
      ? [{ from: o.id, to: o.parent, kind: 'aligns' as const }]
      : [],
  );
  return { nodes, edges: [...aligns, ...belongs] };
}
