import { explainLookAlikes, onlyInvisible, skeleton } from '../../confusables.js';
import { cycleWindow } from '../../dates.js';
import { locate } from '../../locate.js';
import type { YamlPath } from '../../model.js';
import type { Rule, RuleContext } from '../types.js';

type Kind = 'owner' | 'cycle' | 'title';

interface Occurrence {
  kind: Kind;
  text: string;
  file: string;
  path: YamlPath;
  /** The objective whose value it is, or null for a file's own owner and cycle. */
  objective: string | null;
}

/** Owners, cycles and objective titles in file order (files sorted by path). */
function occurrences(ctx: RuleContext): Occurrence[] {
  const found: Occurrence[] = [];
  for (const { source, data, invalidObjectives } of ctx.files) {
    const file = source.path;
    found.push({ kind: 'owner', text: data.owner, file, path: ['owner'], objective: null });
    found.push({ kind: 'cycle', text: data.cycle, file, path: ['cycle'], objective: null });
    data.objectives.forEach((o, i) => {
      if (invalidObjectives.has(i)) return;
      const path: YamlPath = ['objectives', i];
      if (o.owner !== undefined)
        found.push({ kind: 'owner', text: o.owner, file, path: [...path, 'owner'], objective: o.id });
      found.push({ kind: 'title', text: o.title, file, path: [...path, 'title'], objective: o.id });
    });
  }
  return found;
}

function describe(o: Occurrence): string {
  return o.kind === 'title' ? `the title of objective "${o.objective}"` : `${o.kind} "${o.text}"`;
}

function whereIs(ctx: RuleContext, o: Occurrence): string {
  const source = ctx.sources.get(o.file);
  return `${o.file}:${source ? locate(source, o.path).line : 1}`;
}

/** Which characters make the two strings differ while looking the same. */
function why(a: string, b: string): string {
  return [explainLookAlikes(a), explainLookAlikes(b)].filter(Boolean).join('; ');
}

export const rule: Rule = {
  meta: {
    id: 'confusable',
    description:
      'Owners, cycles or objective titles that differ only by look-alike characters (Cyrillic or Greek letters, fullwidth forms, invisible characters).',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    const first = new Map<string, Occurrence>();
    const report = (o: Occurrence, message: string) =>
      ctx.report({ file: o.file, path: o.path, target: o.objective, message });
    for (const o of occurrences(ctx)) {
      const key = `${o.kind}\u0000${skeleton(o.text)}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, o);
        const plain = skeleton(o.text);
        if (o.kind === 'cycle' && plain !== o.text && cycleWindow(plain, ctx.config.cycles))
          report(
            o,
            `cycle "${o.text}" looks like the cycle "${plain}" but is not: ${why(o.text, '')}; type it in plain characters`,
          );
        else if (o.kind === 'owner' && onlyInvisible(o.text))
          report(
            o,
            `owner "${o.text}" contains characters that cannot be seen: ${why(o.text, '')}; remove them`,
          );
        continue;
      }
      if (earlier.text === o.text) continue;
      report(
        o,
        `${describe(o)} looks the same as ${describe(earlier)} at ${whereIs(ctx, earlier)} but is a different string: ${why(o.text, earlier.text)}; write both the same way`,
      );
    }
    for (const root of ctx.config.roots) {
      const match = [...first.values()].find(
        (o) => o.kind === 'owner' && o.text !== root && skeleton(o.text) === skeleton(root),
      );
      if (match)
        report(
          match,
          `owner "${match.text}" looks the same as "${root}" of "roots" in the config but is a different string: ${why(match.text, root)}; write both the same way`,
        );
    }
  },
};
