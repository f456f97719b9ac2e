import { ruleTester, yaml } from '../rule-tester.js';

const okrs = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results:',
  '      - id: quality',
  '        title: Quality judged good by the review',
  '        progress: 0.5',
);

ruleTester('file-too-large').run({
  valid: [
    {
      name: 'a file within maxFileSize is read',
      files: { 'okrs/a.yaml': okrs },
      config: yaml(`maxFileSize: ${okrs.length}`),
      clean: true,
    },
    {
      name: 'off in the config silences it',
      files: { 'okrs/a.yaml': okrs },
      config: yaml('maxFileSize: 10', 'rules:', '  file-too-large: off'),
    },
  ],
  invalid: [
    {
      name: 'a file over maxFileSize is reported at 1:1 and not read',
      files: { 'okrs/a.yaml': okrs },
      config: yaml(`maxFileSize: ${okrs.length - 1}`),
      clean: true,
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 1,
          column: 1,
          severity: 'error',
          target: null,
          messageIncludes: `the file is ${okrs.length} bytes, more than the ${okrs.length - 1}`,
        },
      ],
    },
  ],
});
