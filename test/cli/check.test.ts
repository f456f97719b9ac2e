import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runOkr, tempDir } from '../helpers.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', name);
const golden = (name: string, file: string) => readFileSync(join(fixture(name), 'expected', file), 'utf8');
const AS_OF = ['--as-of', '2026-11-15'];

interface CheckJson {
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    file: string;
    line: number;
    column: number;
    target: string | null;
  }[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

const TEAM = (body: string) => `owner: team\ncycle: 2026-Q4\nobjectives:\n${body}`;
const VALID_OBJECTIVE =
  '  - id: team-o1\n    title: Make checkout effortless for new buyers\n    theme: t\n    key_results:\n      - id: k\n        title: Judged by the quarterly review\n        progress: 0.5\n';
const STRATEGY = 'themes:\n  - id: t\n    title: A theme\n';

function checkJson(
  files: Record<string, string>,
  extra: string[] = [],
): { json: CheckJson; code: number; stderr: string } {
  const r = runOkr(['check', '--format', 'json', ...AS_OF, ...extra], { cwd: makeProject(files) });
  return { json: JSON.parse(r.stdout) as CheckJson, code: r.code, stderr: r.stderr };
}

describe('okr check on fixture folders', () => {
  it('a clean repository: empty problem list, exit 0', () => {
    const r = runOkr(['check', '--format', 'json', ...AS_OF], { cwd: fixture('checkout') });
    expect(r.stdout).toBe(golden('checkout', 'check.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('stylish prints nothing for a clean repository', () => {
    const r = runOkr(['check', ...AS_OF], { cwd: fixture('checkout') });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('a repository with problems: the JSON of SPEC §9, sorted by file, line, column; exit 1', () => {
    const r = runOkr(['check', '--format', 'json', ...AS_OF], { cwd: fixture('problems') });
    expect(r.stdout).toBe(golden('problems', 'check.json'));
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as CheckJson;
    const keys = json.problems.map((p) => [p.file, p.line, p.column]);
    expect(keys).toEqual(
      [...keys].sort((a, b) =>
        a[0] !== b[0]
          ? a[0]! < b[0]!
            ? -1
            : 1
          : (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number),
      ),
    );
    expect(json.errorCount + json.warningCount).toBe(json.problems.length);
  });

  it('stylish groups by file with file:line:col  severity  message  rule-id and a summary', () => {
    const r = runOkr(['check', ...AS_OF], { cwd: fixture('problems') });
    expect(r.stdout).toBe(golden('problems', 'check.txt'));
    expect(r.stdout).toMatch(
      /^ {2}test\/fixtures\/problems\/okrs\/teams\/alpha\.yaml:2:8 {2}error {4}cycle "2026-Q5" is not a known cycle.* {2}unknown-cycle$/m,
    );
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
  });

  it('config severities and options apply, disable comments silence', () => {
    const { json } = checkJson(
      {
        'okr.config.yaml': 'rules:\n  too-many-krs: [error, { max: 1 }]\n  orphan-objective: off\n',
        'okrs/t.yaml': TEAM(
          '  - id: a-objective\n    title: Make onboarding effortless for new buyers\n    key_results:\n      - id: k1\n        title: Judged\n        progress: 0.5\n      - id: k2\n        title: Judged\n        progress: 0.5\n  # okr-disable-next-line too-many-krs\n  - id: b-objective\n    title: Make search effortless for new buyers\n    key_results:\n      - id: k1\n        title: Judged\n        progress: 0.5\n      - id: k2\n        title: Judged\n        progress: 0.5\n',
        ),
      },
      [],
    );
    expect(json.problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.target])).toEqual([
      ['too-many-krs', 'error', 4, 5, 'a-objective'],
    ]);
  });

  it('PATH arguments narrow what is reported but links still resolve across files', () => {
    const files = {
      'okrs/strategy.yaml': STRATEGY,
      'okrs/a/parent.yaml': TEAM(VALID_OBJECTIVE),
      'okrs/b/child.yaml':
        'owner: other\ncycle: 2026-Q4\nobjectives:\n  - id: child\n    title: Make search effortless for new buyers\n    parent: team-o1\n    key_results:\n      - id: k\n        title: Judged by the review\n        progress: 2\n',
    };
    const dir = makeProject(files);
    const narrowed = runOkr(['check', '--format', 'json', ...AS_OF, 'okrs/a'], { cwd: dir });
    expect(JSON.parse(narrowed.stdout)).toMatchObject({ problems: [], fileCount: 1 });
    expect(narrowed.code).toBe(0);
    const child = runOkr(['check', '--format', 'json', ...AS_OF, 'okrs/b/child.yaml'], { cwd: dir });
    const json = JSON.parse(child.stdout) as CheckJson;
    expect(json.problems.map((p) => p.ruleId)).toEqual(['schema']);
    expect(child.code).toBe(1);
    expect(runOkr(['check', 'okrs/nope'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such file or folder: okrs/nope'),
    });
  });

  it('--max-warnings: exit 1 past the limit, 0 within it; --quiet drops warnings', () => {
    const dir = makeProject({ 'okrs/t.yaml': TEAM(VALID_OBJECTIVE.replace('    theme: t\n', '')) });
    expect(runOkr(['check', ...AS_OF], { cwd: dir }).code).toBe(0);
    const over = runOkr(['check', ...AS_OF, '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1)');
    expect(runOkr(['check', ...AS_OF, '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const quiet = runOkr(['check', ...AS_OF, '--quiet', '--format', 'json', '--max-warnings', '0'], {
      cwd: dir,
    });
    expect(JSON.parse(quiet.stdout)).toMatchObject({ problems: [], warningCount: 0 });
    expect(quiet.code).toBe(0);
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const dir = makeProject({ 'okrs/t.yaml': TEAM(VALID_OBJECTIVE.replace('    theme: t\n', '')) });
    const r = runOkr(['check', ...AS_OF, '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CheckJson;
    expect(json.problems.map((p) => p.ruleId)).toEqual(['orphan-objective']);
  });

  it('--output into a missing folder is one clear line, exit 2', () => {
    const dir = makeProject({ 'okrs/t.yaml': TEAM(VALID_OBJECTIVE) });
    const r = runOkr(['check', '--output', 'no/such/report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write no/such/report.json: no such folder');
    expect(r.stderr).not.toContain('internal error');
  });

  it('-C runs as if started in DIR, and the root is found upwards from there', () => {
    const dir = makeProject({
      'okr.config.yaml': 'roots: [team]\n',
      'okrs/t.yaml': TEAM(VALID_OBJECTIVE.replace('    theme: t\n', '')),
    });
    const r = runOkr(['-C', join(dir, 'okrs'), 'check', ...AS_OF, '--format', 'json'], { cwd: tempDir() });
    expect(JSON.parse(r.stdout)).toMatchObject({ problems: [], fileCount: 1 });
  });
});

describe('exit code 2: usage, config and no files', () => {
  it('an unknown format, a bad date, a bad --max-warnings', () => {
    const dir = fixture('checkout');
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--as-of', '2026-02-30'],
      ['check', '--max-warnings', 'many'],
      ['frobnicate'],
    ]) {
      const r = runOkr(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a config with an unknown rule names the file, line and column', () => {
    const r = runOkr(['check'], {
      cwd: makeProject({
        'okr.config.yaml': 'roots: [company]\nrules:\n  too-many-kr: warn\n',
        'okrs/t.yaml': TEAM(VALID_OBJECTIVE),
      }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('okr.config.yaml:3:3');
    expect(r.stderr).toContain('unknown rule "too-many-kr"');
    expect(r.stdout).toBe('');
  });

  it('a config with a bad severity, a bad option, an unknown key', () => {
    const cases: [string, string, string][] = [
      ['rules:\n  too-many-krs: warning\n', 'okr.config.yaml:2:17', 'severity "warning"'],
      ['rules:\n  too-many-krs: [warn, { maximum: 3 }]\n', 'okr.config.yaml:2:26', 'has no option "maximum"'],
      ['rollup: sideways\n', 'okr.config.yaml:1:9', '"rollup" must be one of'],
      ['includes: [okrs]\n', 'okr.config.yaml:1:1', 'unknown key "includes"'],
      ['rules: [\n', 'okr.config.yaml:', ''],
      [
        'include:\n  - okrs/**/*.yaml\n  - ../other/okrs/*.yaml\n',
        'okr.config.yaml:3:5',
        'include pattern "../other/okrs/*.yaml" leads outside the repository',
      ],
      ['include: [/etc/*.yaml]\n', 'okr.config.yaml:1:11', 'include pattern "/etc/*.yaml" leads outside'],
    ];
    for (const [config, where, message] of cases) {
      const r = runOkr(['check'], {
        cwd: makeProject({ 'okr.config.yaml': config, 'okrs/t.yaml': TEAM(VALID_OBJECTIVE) }),
      });
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toContain(where);
      expect(r.stderr, config).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--config points at another config file', () => {
    const dir = makeProject({
      'strict.yaml': 'rules:\n  orphan-objective: error\n',
      'okrs/t.yaml': TEAM(VALID_OBJECTIVE.replace('    theme: t\n', '')),
    });
    const r = runOkr(['check', '--config', 'strict.yaml', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(JSON.parse(r.stdout).problems[0]).toMatchObject({ ruleId: 'orphan-objective', severity: 'error' });
    expect(r.code).toBe(1);
    expect(runOkr(['check', '--config', 'missing.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('missing.yaml'),
    });
  });

  it('no OKR files matched', () => {
    const r = runOkr(['check'], {
      cwd: makeProject({ 'okr.config.yaml': 'include: ["goals/**/*.yaml"]\n' }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no OKR files matched goals/**/*.yaml');
  });
});

describe('bad input is a located problem, never a stack trace', () => {
  const cases: {
    name: string;
    text: string;
    rule: string;
    line: number;
    column: number;
    message: RegExp;
  }[] = [
    {
      name: 'malformed YAML',
      text: 'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: a\n    title: [unclosed\n',
      rule: 'yaml-syntax',
      // At the bracket left open, not past the last line.
      line: 5,
      column: 12,
      message: /flow sequence|Missing|closing/i,
    },
    {
      name: 'duplicate keys',
      text: 'owner: team\ncycle: 2026-Q4\nowner: again\nobjectives: []\n',
      rule: 'yaml-syntax',
      line: 3,
      column: 1,
      message: /unique|once/,
    },
    {
      name: 'a wrong type',
      text: TEAM('  - id: a-objective\n    title: Make checkout effortless for buyers\n    weight: heavy\n'),
      rule: 'schema',
      line: 6,
      column: 13,
      message: /"weight" of objective "a-objective" must be a finite number, not string "heavy"/,
    },
    {
      name: 'an unknown key',
      text: TEAM('  - id: a-objective\n    title: Make checkout effortless for buyers\n    parnet: x\n'),
      rule: 'schema',
      line: 6,
      column: 5,
      message: /unknown key "parnet".*did you mean "parent"/,
    },
    {
      name: 'a missing field',
      text: TEAM('  - id: a-objective\n    key_results: []\n'),
      rule: 'schema',
      line: 4,
      column: 5,
      message: /objective "a-objective" is missing "title"/,
    },
    { name: 'an empty file', text: '', rule: 'schema', line: 1, column: 1, message: /the file is empty/ },
    {
      name: 'two documents',
      text: 'owner: a\ncycle: 2026\nobjectives: []\n---\nowner: b\n',
      rule: 'yaml-syntax',
      line: 4,
      column: 1,
      message: /more than one YAML document/,
    },
    {
      name: 'a bad slug',
      text: TEAM('  - id: Bad_Id\n    title: Make checkout effortless for buyers\n'),
      rule: 'schema',
      line: 4,
      column: 9,
      message: /"id" "Bad_Id" is not a valid id/,
    },
    {
      name: 'a KR mixing kinds',
      text: TEAM(
        '  - id: a-objective\n    title: Make checkout effortless for buyers\n    key_results:\n      - id: k\n        title: Both\n        start: 1\n        target: 2\n        done: true\n',
      ),
      rule: 'schema',
      line: 7,
      column: 9,
      message: /key result "a-objective\/k" mixes "start" and "done"/,
    },
    {
      name: 'a non-finite number',
      text: TEAM(
        '  - id: a-objective\n    title: Make checkout effortless for buyers\n    key_results:\n      - id: k\n        title: Big\n        start: 1\n        target: .inf\n',
      ),
      rule: 'schema',
      line: 10,
      column: 17,
      message: /must be a finite number, not Infinity/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { json, code, stderr } = checkJson({
        'okr.config.yaml': 'roots: [team, a]\n',
        'okrs/t.yaml': c.text,
      });
      expect(code).toBe(1);
      expect(stderr).toBe('');
      const problem = json.problems.find((p) => p.ruleId === c.rule);
      expect(problem, JSON.stringify(json.problems)).toBeDefined();
      expect([problem!.line, problem!.column]).toEqual([c.line, c.column]);
      expect(problem!.message).toMatch(c.message);
      expect(problem!.file).toBe('okrs/t.yaml');
    });
  }

  it('a byte-order mark and CRLF line ends keep positions right', () => {
    const body = TEAM('  - id: a-objective\n    title: Make checkout effortless for buyers\n    parnet: x\n');
    const { json } = checkJson({
      'okr.config.yaml': 'roots: [team]\n',
      'okrs/t.yaml': `\ufeff${body.replace(/\n/g, '\r\n')}`,
    });
    expect(json.problems.map((p) => [p.ruleId, p.line, p.column])).toEqual([['schema', 6, 5]]);
  });

  it('one broken file does not stop the others from being checked', () => {
    const { json } = checkJson({
      'okrs/a.yaml': 'owner: [broken\n',
      'okrs/b.yaml': TEAM(
        '  - id: b-objective\n    title: Stuff\n    theme: t\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n',
      ),
      'okrs/strategy.yaml': STRATEGY,
    });
    expect(json.problems.map((p) => [p.file, p.ruleId])).toEqual([
      ['okrs/a.yaml', 'yaml-syntax'],
      ['okrs/b.yaml', 'vague-objective'],
    ]);
    expect(json.fileCount).toBe(2);
  });

  it('writes no file anywhere in the project', () => {
    const dir = makeProject({ 'okrs/t.yaml': 'owner: [broken\n' });
    runOkr(['check'], { cwd: dir });
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });
});
