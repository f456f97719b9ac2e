import type { RuleContext } from './types.js';

/**
 * A value made on first use and kept: word tables built from `verbForms` cost start-up time in every
 * command, and only the rules that read them need them.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Forwards the problems the loader found for one rule id. */
export function forwardLoadProblems(ctx: RuleContext, ruleId: string): void {
  for (const problem of ctx.loadProblems) if (problem.ruleId === ruleId) ctx.forward(problem);
}

/** Completes "… names X" with why X does not resolve, and the nearest id when there is one. */
export function describeMissingRef(ctx: RuleContext, ref: string): string {
  const slash = ref.indexOf('/');
  if (slash !== -1) {
    const objective = ctx.graph.byId.get(ref.slice(0, slash));
    if (objective) {
      const krs = objective.keyResults.map((k) => k.id);
      return `which does not exist: objective "${objective.id}" has no key result "${ref.slice(slash + 1)}"${krs.length ? ` (it has ${krs.join(', ')})` : ''}`;
    }
    return `which does not exist: there is no objective "${ref.slice(0, slash)}"`;
  }
  return 'which does not exist: no objective has that id; check the spelling or add the objective';
}
