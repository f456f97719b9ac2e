import { ruleTester, yaml } from '../rule-tester.js';

/** A team file with one objective aligned to `parent`, counting the objectives aligned to it. */
function team(owner: string, id: string, parent: string): string {
  return yaml(
    `owner: ${owner}`,
    'cycle: 2026-Q4',
    'objectives:',
    `  - id: ${id}`,
    `    title: Objective ${id} of the ${owner} team`,
    `    parent: ${parent}`,
    '    rollup: both',
    '    key_results:',
    '      - id: done',
    '        title: The result is judged good',
    '        progress: 0.5',
  );
}

/** Fifty objectives, each the parent of the one before, the last of the first. */
const n = 50;
const ring: Record<string, string> = {};
for (let i = 0; i < n; i++)
  ring[`okrs/t${String(i).padStart(2, '0')}.yaml`] = team(`t${i}`, `o${i}`, `o${(i + 1) % n}`);

ruleTester('alignment-cycle').run({
  valid: [
    {
      name: 'a chain of parents that ends at a root does not fire',
      files: {
        'okrs/a.yaml': team('alpha', 'a', 'b'),
        'okrs/b.yaml': team('beta', 'b', 'c'),
        'okrs/c.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: c',
          '    title: The company objective at the root',
          '    rollup: both',
          '    key_results:',
          '      - id: done',
          '        title: The result is judged good',
          '        progress: 0.5',
        ),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'two objectives that are each other’s parent are reported once, at the parent of the first',
      files: { 'okrs/b.yaml': team('beta', 'b', 'a'), 'okrs/a.yaml': team('alpha', 'a', 'b') },
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 6,
          column: 13,
          severity: 'error',
          target: 'a',
          messageIncludes: '"a" -> "b" -> "a"',
        },
      ],
    },
    {
      name: 'a cycle entered from outside starts at its first member in file order',
      files: {
        'okrs/1-entry.yaml': team('entry', 'entry', 'm2'),
        'okrs/2-m1.yaml': team('one', 'm1', 'm2'),
        'okrs/3-m2.yaml': team('two', 'm2', 'm1'),
      },
      errors: [
        {
          file: 'okrs/2-m1.yaml',
          line: 6,
          column: 13,
          severity: 'error',
          target: 'm1',
          messageIncludes: '"m1" -> "m2" -> "m1"',
        },
      ],
    },
    {
      name: 'an objective that is its own parent, through a key result of its own',
      files: { 'okrs/self.yaml': team('self', 'loop', 'loop/done') },
      errors: [
        {
          file: 'okrs/self.yaml',
          line: 6,
          column: 13,
          severity: 'error',
          target: 'loop',
          messageIncludes: '"loop" -> "loop"',
        },
      ],
    },
    {
      name: 'a long cycle terminates and lists every member in parent order',
      files: ring,
      errors: [
        {
          file: 'okrs/t00.yaml',
          line: 6,
          column: 13,
          messageIncludes: [...Array.from({ length: n }, (_, i) => `"o${i}"`), '"o0"'].join(' -> '),
        },
      ],
    },
    {
      name: 'reported as a warning when the config lowers its severity',
      files: { 'okrs/a.yaml': team('alpha', 'a', 'b'), 'okrs/b.yaml': team('beta', 'b', 'a') },
      config: yaml('rules:', '  alignment-cycle: warn'),
      errors: [{ line: 6, column: 13, severity: 'warning' }],
    },
  ],
});
