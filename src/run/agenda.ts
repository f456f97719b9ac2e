import { formatDay, parseDay } from '../dates.js';
import type { KeyResult, Objective } from '../model.js';
import { shownPath } from '../paths.js';
import type { Standing } from '../rollup/standing.js';
import type { Status } from '../rollup/status.js';
import { lineOf } from '../yaml/locate.js';
import { type KrFreshness, type KrStatus, type KrUpdate, statusReport } from './views/status.js';

/** An objective or KR on the agenda, with the line it is written on. */
export interface AgendaItem {
  id: string;
  kind: 'objective' | 'kr';
  title: string;
  /** Path from the repository root. */
  file: string;
  line: number;
  /** `file#Lline` under the link base, or `file#Lline` alone without one. */
  link: string;
  progress: number;
  status: Status;
  /** The KR's value now (current, done or progress); null for an objective and a rolled-up KR. */
  value: number | boolean | null;
  /** The KR's latest update, as `okr status` shows it. */
  updated: KrUpdate | null;
}

export interface OwnerAgenda {
  owner: string;
  /** KRs whose value changed in (since, asOf]: a check-in or a commit in that window. */
  moved: AgendaItem[];
  /** KRs `stale-kr` fires for. */
  stale: AgendaItem[];
  /** Objectives and KRs at risk or off track. */
  atRisk: AgendaItem[];
}

export interface Agenda {
  since: string;
  asOf: string;
  owners: OwnerAgenda[];
}

/** Whether a KR's value changed after day `since`, up to the day of the agenda, by check-in or commit. */
function movedSince(kr: KeyResult, since: number, asOf: number, freshness: KrFreshness): boolean {
  const inWindow = (day: number | null | undefined) => day != null && day > since && day <= asOf;
  if ((kr.data.checkins ?? []).some((c) => inWindow(parseDay(String(c.date))))) return true;
  return inWindow(freshness.lastChanged?.get(kr.fullId));
}

function krValue(row: KrStatus, kr: KeyResult): number | boolean | null {
  if (kr.kind === 'milestone') return row.done ?? false;
  if (kr.kind === 'judged') return kr.data.progress ?? null;
  return row.current ?? null;
}

/**
 * The week's agenda (README "A weekly measure job"): per owner (the objective's, for its KRs), what
 * moved since `since`, what is stale and what is at risk or off track, each with the line it is on.
 * Every figure is `okr status`'s (statusReport); owners in the order of their first objective.
 */
export function agenda(
  standing: Standing,
  freshness: KrFreshness,
  since: number,
  linkBase: string | null,
): Agenda {
  const report = statusReport(standing, freshness);
  const owners = new Map<string, OwnerAgenda>();
  const at = (file: string, line: number) =>
    `${linkBase === null ? '' : `${linkBase.replace(/\/$/, '')}/`}${file}#L${line}`;
  const where = (node: Objective | KeyResult) => {
    const file = shownPath(standing.config, node.file);
    const source = standing.load.sources.get(node.file);
    const line = source ? lineOf(source, node.path) : 1;
    return { file, line, link: at(file, line) };
  };
  for (const objective of standing.graph.objectives) {
    const row = report.objectives.find((o) => o.id === objective.id);
    if (!row) continue;
    const entry = owners.get(row.owner) ?? { owner: row.owner, moved: [], stale: [], atRisk: [] };
    owners.set(row.owner, entry);
    const base = { progress: row.progress, status: row.status, value: null, updated: null };
    if (row.status === 'at_risk' || row.status === 'off_track')
      entry.atRisk.push({ id: row.id, kind: 'objective', title: row.title, ...where(objective), ...base });
    objective.keyResults.forEach((kr, i) => {
      const k = row.keyResults[i]!;
      const item: AgendaItem = {
        id: k.id,
        kind: 'kr',
        title: k.title,
        ...where(kr),
        progress: k.progress,
        status: k.status,
        value: krValue(k, kr),
        updated: k.updated,
      };
      if (kr.kind !== 'rollup' && movedSince(kr, since, standing.asOf, freshness)) entry.moved.push(item);
      if (k.stale) entry.stale.push(item);
      if (k.status === 'at_risk' || k.status === 'off_track') entry.atRisk.push(item);
    });
  }
  return {
    since: formatDay(since),
    asOf: formatDay(standing.asOf),
    owners: [...owners.values()].filter((o) => o.moved.length + o.stale.length + o.atRisk.length > 0),
  };
}
