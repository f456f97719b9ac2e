import { nearestId } from '../../graph/nearest.js';
import type { NoOptions, Rule, RuleContext } from '../types.js';

/** Where a commit's problem is shown: 1:1 of the config file, else of the first OKR file. */
function anchorFile(ctx: RuleContext): string | null {
  if (ctx.config.file !== null) return ctx.config.file;
  const paths = ctx.files.map((f) => f.source.path).sort();
  return paths[0] ?? null;
}

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unknown-work-ref',
    description:
      'With `okr check --base REF`: a commit of BASE..HEAD has a work trailer (`OKR: <id>`) that names no objective or key result.',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    const file = anchorFile(ctx);
    if (file === null) return;
    const key = ctx.config.work.trailer;
    for (const commit of ctx.workCommits)
      for (const ref of commit.refs) {
        if (ctx.graph.byId.has(ref) || ctx.graph.krs.has(ref)) continue;
        // An id of a file that failed to load may well exist: that file's problem says why.
        if (ctx.unavailableIds.has(ref.split('/')[0]!)) continue;
        const near = nearestId(ctx.graph, ref);
        ctx.forward({
          ruleId: 'unknown-work-ref',
          file,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          target: null,
          message: `commit ${commit.sha.slice(0, 7)} has trailer "${key}: ${ref}", which names no objective or key result${near === null ? '' : ` (did you mean "${near}"?)`}: a trailer names an objective id or "objective-id/kr-id"; name the right one in a later commit, or add the objective`,
        });
      }
  },
};
