import { ruleTester, yaml } from '../rule-tester.js';

/** A file with one KR measured by `measure` (YAML flow text). */
const file = (measure: string) =>
  yaml(
    'owner: platform',
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: fewer-bugs',
    '    title: Ship with fewer bugs reaching our customers',
    '    key_results:',
    '      - id: open-p1',
    '        title: Open P1 bugs from 40 to 5',
    '        start: 40',
    '        target: 5',
    `        measure: ${measure}`,
  );

ruleTester('measure-unavailable').run({
  valid: [
    {
      name: 'a file measure whose file is in the repository does not fire',
      files: {
        'okrs/platform.yaml': file('{ file: metrics/bugs.json, path: p1 }'),
        'metrics/bugs.json': '{"p1": 12}\n',
      },
    },
    {
      name: 'a command measure does not fire when the config allows commands',
      config: 'measure: { allow: [file, command] }\n',
      files: { 'okrs/platform.yaml': file('{ command: [scripts/count.sh] }') },
    },
    {
      name: 'a url measure does not fire when the config allows urls',
      config: 'measure: { allow: [url] }\n',
      files: { 'okrs/platform.yaml': file('{ url: "https://metrics.example.com/bugs", path: p1 }') },
    },
  ],
  invalid: [
    {
      name: 'a command measure with the default config (allow: [file]) is reported at the measure key',
      files: { 'okrs/platform.yaml': file('{ command: [scripts/count.sh] }') },
      errors: [
        {
          line: 11,
          column: 9,
          severity: 'warning',
          target: 'fewer-bugs/open-p1',
          messageIncludes: ['reads a command, which the config does not allow', 'measure.allow: [file]'],
        },
      ],
    },
    {
      name: 'a url measure the config does not list is reported',
      config: 'measure: { allow: [file, command] }\n',
      files: { 'okrs/platform.yaml': file('{ url: "https://metrics.example.com/bugs", path: p1 }') },
      errors: [{ line: 11, column: 9, messageIncludes: 'reads a url, which the config does not allow' }],
    },
    {
      name: 'a file measure whose file is missing is reported at the file value',
      files: { 'okrs/platform.yaml': file('{ file: metrics/gone.json, path: p1 }') },
      errors: [
        {
          line: 11,
          column: 26,
          messageIncludes: 'reads the file "metrics/gone.json", which is not in the repository',
        },
      ],
    },
    {
      name: 'an allowed file measure is not reported when the config allows nothing: it is reported as not allowed',
      config: 'measure: { allow: [] }\n',
      files: {
        'okrs/platform.yaml': file('{ file: metrics/bugs.json, path: p1 }'),
        'metrics/bugs.json': '{"p1": 12}\n',
      },
      errors: [{ line: 11, column: 9, messageIncludes: 'reads a file, which the config does not allow' }],
    },
  ],
});
