import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unknown-theme',
    description: '`theme` names no theme of the strategy file.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    // A strategy file that failed to load is reported on its own; its themes are unknown, not missing.
    if (!ctx.strategy && ctx.loadProblems.some((p) => p.file === ctx.config.strategy)) return;
    const themes = new Set((ctx.strategy?.themes ?? []).map((t) => t.id));
    for (const objective of ctx.graph.objectives) {
      const theme = objective.data.theme;
      if (theme === undefined || themes.has(theme)) continue;
      const where = ctx.strategy
        ? `the themes of ${ctx.config.strategy} are: ${[...themes].join(', ') || 'none'}`
        : `there is no strategy file at ${ctx.config.strategy} to declare it`;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'theme'],
        target: objective.id,
        message: `objective "${objective.id}" names theme "${theme}", which does not exist; ${where}`,
      });
    }
  },
};
