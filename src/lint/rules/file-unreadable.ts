import type { NoOptions, Rule } from '../types.js';
import { forwardLoadProblems } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'file-unreadable',
    description: 'The file matched by include cannot be read (permissions, a broken link).',
    severity: 'error',
    options: {},
  },
  check: (ctx) => forwardLoadProblems(ctx, 'file-unreadable'),
};
