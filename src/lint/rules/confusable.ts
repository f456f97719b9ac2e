import { explainLookAlikes, onlyInvisible, skeleton } from '../../confusables.js';
import { cycleWindow } from '../../dates.js';
import type { YamlPath } from '../../model.js';
import { shownPath } from '../../paths.js';
import { locate } from '../../yaml/locate.js';
import type { NoOptions, Rule, RuleContext } from '../types.js';

type Kind = 'owner' | 'cycle' | 'title';

interface Occurrence {
  kind: Kind;
  text: string;
  /** How the text reads (see `skeleton`). */
  skeleton: string;
  file: string;
  path: YamlPath;
  /** The objective whose value it is, or null for a file's own owner and cycle. */
  objective: string | null;
}

/** Owners, cycles and objective titles in file order (files sorted by path). */
function occurrences(ctx: RuleContext): Occurrence[] {
  const found: Occurrence[] = [];
  const add = (kind: Kind, text: string, file: string, path: YamlPath, objective: string | null) =>
    found.push({ kind, text, skeleton: skeleton(text), file, path, objective });
  for (const { source, data, invalidObjectives } of ctx.files) {
    const file = source.path;
    add('owner', data.owner, file, ['owner'], null);
    add('cycle', data.cycle, file, ['cycle'], null);
    data.objectives.forEach((o, i) => {
      if (invalidObjectives.has(i)) return;
      if (o.owner !== undefined) add('owner', o.owner, file, ['objectives', i, 'owner'], o.id);
      add('title', o.title, file, ['objectives', i, 'title'], o.id);
    });
  }
  return found;
}

function describe(o: Occurrence): string {
  return o.kind === 'title' ? `the title of objective "${o.objective}"` : `${o.kind} "${o.text}"`;
}

function whereIs(ctx: RuleContext, o: Occurrence): string {
  const source = ctx.sources.get(o.file);
  return `${shownPath(ctx.config, o.file)}:${source ? locate(source, o.path).line : 1}`;
}

/** Which characters make the two strings differ while looking the same. */
function why(a: string, b: string): string {
  return [explainLookAlikes(a), explainLookAlikes(b)].filter(Boolean).join('; ');
}

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'confusable',
    description:
      'Owners, cycles or objective titles that differ only by look-alike characters (Cyrillic or Greek letters, fullwidth forms, invisible characters).',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    const report = (o: Occurrence, message: string) =>
      ctx.report({ file: o.file, path: o.path, target: o.objective, message });
    const groups = new Map<string, Occurrence[]>();
    for (const o of occurrences(ctx)) {
      const key = `${o.kind}\u0000${o.skeleton}`;
      const group = groups.get(key) ?? [];
      group.push(o);
      groups.set(key, group);
    }
    const models = new Map<Occurrence[], Occurrence>();
    for (const group of groups.values()) {
      const model = canonical(group);
      models.set(group, model);
      for (const o of group) {
        if (o.text === model.text) continue;
        report(
          o,
          `${describe(o)} looks the same as ${describe(model)} at ${whereIs(ctx, model)} but is a different string: ${why(o.text, model.text)}; write both the same way`,
        );
      }
      if (model.text !== model.skeleton) lone(ctx, model, report);
    }
    const owners = [...models.values()].filter((o) => o.kind === 'owner');
    for (const root of ctx.config.roots)
      for (const o of owners)
        if (o.text !== root && o.skeleton === skeleton(root))
          report(
            o,
            `owner "${o.text}" looks the same as "${root}" of "roots" in the config but is a different string: ${why(o.text, root)}; write both the same way`,
          );
  },
};

/**
 * The spelling the others of a group are measured against: the most used one, then one in plain
 * characters, then the first.
 */
function canonical(group: readonly Occurrence[]): Occurrence {
  if (group.length === 1) return group[0]!;
  const scores = new Map<string, number>();
  for (const o of group) scores.set(o.text, (scores.get(o.text) ?? (o.text === o.skeleton ? 1 : 0)) + 2);
  return group.reduce((best, o) => (scores.get(o.text)! > scores.get(best.text)! ? o : best));
}

/** A look-alike spelling with no twin: a cycle that reads as a known one, an owner with invisible characters. */
function lone(ctx: RuleContext, o: Occurrence, report: (o: Occurrence, message: string) => void): void {
  const plain = o.skeleton;
  if (o.kind === 'cycle' && cycleWindow(plain, ctx.config.cycles))
    report(
      o,
      `cycle "${o.text}" looks like the cycle "${plain}" but is not: ${why(o.text, '')}; type it in plain characters`,
    );
  else if (o.kind === 'owner' && onlyInvisible(o.text))
    report(o, `owner "${o.text}" contains characters that cannot be seen: ${why(o.text, '')}; remove them`);
}
