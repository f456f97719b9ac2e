import type { NoOptions, Rule } from '../types.js';
import { forwardLoadProblems } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'yaml-syntax',
    description: 'The file is not valid YAML: syntax, duplicate keys, more than one document, alias abuse.',
    severity: 'error',
    options: {},
  },
  check: (ctx) => forwardLoadProblems(ctx, 'yaml-syntax'),
};
