import type { NoOptions, Rule } from '../types.js';
import { forwardLoadProblems } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'file-too-large',
    description: 'The file is larger than maxFileSize (5 MB by default) and is not read.',
    severity: 'error',
    options: {},
  },
  check: (ctx) => forwardLoadProblems(ctx, 'file-too-large'),
};
