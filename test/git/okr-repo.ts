import { commitAll, gitInit, tempDir, writeFiles } from '../helpers.js';

export interface KrSpec {
  id: string;
  start?: number;
  target?: number;
  current?: number;
  keep?: 'below' | 'above';
  checkins?: { date: string; value: number }[];
}

export interface ObjectiveSpec {
  id: string;
  title?: string;
  parent?: string;
  type?: 'aspirational' | 'committed';
  krs: KrSpec[];
}

/** The YAML of an OKR file, written out as people write it. */
export function okrYaml(owner: string, cycle: string, objectives: ObjectiveSpec[]): string {
  let text = `owner: ${owner}\ncycle: ${cycle}\nobjectives:\n`;
  for (const o of objectives) {
    text += `  - id: ${o.id}\n    title: ${o.title ?? `Make the ${o.id} experience effortless for buyers`}\n`;
    if (o.parent) text += `    parent: ${o.parent}\n`;
    if (o.type) text += `    type: ${o.type}\n`;
    text += '    key_results:\n';
    for (const k of o.krs) {
      text += `      - id: ${k.id}\n        title: Raise the ${k.id} rate among new accounts\n`;
      for (const field of ['start', 'target', 'current', 'keep'] as const)
        if (k[field] !== undefined) text += `        ${field}: ${k[field]}\n`;
      if (k.checkins) {
        text += '        checkins:\n';
        for (const c of k.checkins) text += `          - { date: ${c.date}, value: ${c.value} }\n`;
      }
    }
  }
  return text;
}

/** A company file whose objective "grow" has KR "buyers" (numeric 100 → 200). */
export function companyYaml(kr: Partial<KrSpec> = {}, cycle = '2026-Q4'): string {
  return okrYaml('company', cycle, [
    {
      id: 'grow',
      title: 'Grow revenue through new buyers in every market',
      krs: [{ id: 'buyers', start: 100, target: 200, current: 120, ...kr }],
    },
  ]);
}

/** A team file aligned to grow/buyers. */
export function teamYaml(kr: Partial<KrSpec> = {}, cycle = '2026-Q4'): string {
  return okrYaml('checkout', cycle, [
    {
      id: 'checkout',
      title: 'Make checkout effortless for first-time buyers',
      parent: 'grow/buyers',
      krs: [{ id: 'conversion', start: 2, target: 3, current: 2.5, ...kr }],
    },
  ]);
}

/** A git repository with `files` committed on main at `date`. */
export function okrRepo(files: Record<string, string>, date = '2026-10-02T12:00:00Z'): string {
  const dir = tempDir('okr-git-');
  gitInit(dir);
  writeFiles(dir, files);
  commitAll(dir, 'initial OKRs', date);
  return dir;
}
