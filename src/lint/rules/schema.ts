import type { NoOptions, Rule } from '../types.js';
import { forwardLoadProblems } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'schema',
    description: 'The file does not match the JSON Schema: type, required key, unknown key, bad id, range.',
    severity: 'error',
    options: {},
  },
  check: (ctx) => forwardLoadProblems(ctx, 'schema'),
};
