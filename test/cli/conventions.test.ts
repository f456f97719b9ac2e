import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, gitInit, makeProject, OKR_BIN, runOkr, tempDir, writeFiles } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-15'];

const COMPANY = `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue from first-time buyers in Europe
    key_results:
      - id: buyers
        title: Raise first-time buyers per week
        start: 100
        target: 200
        current: 150
        checkins:
          - { date: 2026-11-10, value: 150 }
`;

// One warning: the title says nothing (vague-objective).
const TEAM = `owner: team
cycle: 2026-Q4
objectives:
  - id: team-o1
    parent: grow/buyers
    title: Stuff
    key_results:
      - id: signups
        title: Raise weekly signups of new buyers
        start: 10
        target: 20
        current: 12
        checkins:
          - { date: 2026-11-10, value: 12 }
`;

/** A git repository with one commit and a change in the working tree, so that every command has something to say. */
function repository(): string {
  const dir = tempDir('okr-conventions-');
  gitInit(dir);
  writeFiles(dir, { 'okr.config.yaml': 'roots: [company]\n', 'okrs/company.yaml': COMPANY });
  commitAll(dir, 'company OKRs', '2026-11-10T12:00:00Z');
  writeFiles(dir, { 'okrs/team.yaml': TEAM });
  return dir;
}

/** The commands listed by `okr --help`. */
function commandNames(): string[] {
  const help = runOkr(['--help'], { cwd: tempDir() }).stdout;
  const commands = help.slice(help.indexOf('Commands:'));
  return [...commands.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

/** Every command that prints a document, with arguments and a format other than its default. */
const DOCUMENTS: Record<string, { args: string[]; format: string }> = {
  check: { args: ['check'], format: 'json' },
  status: { args: ['status'], format: 'markdown' },
  diff: { args: ['diff', 'HEAD'], format: 'json' },
  graph: { args: ['graph'], format: 'dot' },
  history: { args: ['history', 'grow/buyers'], format: 'json' },
  grade: { args: ['grade', '2026-Q4'], format: 'markdown' },
  explain: { args: ['explain', 'grow/buyers'], format: 'json' },
  agenda: { args: ['agenda'], format: 'json' },
  work: { args: ['work'], format: 'markdown' },
  rules: { args: ['rules'], format: 'json' },
  config: { args: ['config'], format: 'json' },
  report: { args: ['report'], format: 'html' },
  measure: { args: ['measure', '--dry-run'], format: 'json' },
};
// Commands that print no document: a message (checkin, init) or a script for a shell (completion: -o only).
const NOT_DOCUMENTS = ['checkin', 'close', 'rollover', 'init', 'completion'];

/** Each stderr line is `okr: …`, or `  hint: …` right after one (SPEC §13). */
function expectErrorShape(stderr: string): void {
  const lines = stderr.replace(/\n$/, '').split('\n');
  expect(lines[0]).toMatch(/^okr: \S/);
  lines.forEach((line, i) => {
    expect(line).toMatch(/^(okr: \S.*| {2}hint: \S.*)$/);
    if (line.startsWith('  hint: ')) expect(lines[i - 1]).toMatch(/^okr: /);
  });
}

describe('-f/--format and -o/--output on every command that prints a document (SPEC §13)', () => {
  it('every command is either a document command or named as not one', () => {
    expect(commandNames().sort()).toEqual([...Object.keys(DOCUMENTS), ...NOT_DOCUMENTS].sort());
    for (const name of Object.keys(DOCUMENTS)) {
      const help = runOkr([name, '--help'], { cwd: tempDir() }).stdout;
      expect(help, name).toContain('-f, --format <format>');
      expect(help, name).toContain('-o, --output <file>');
    }
  });

  for (const [name, { args, format }] of Object.entries(DOCUMENTS)) {
    if (name === 'report') continue;
    it(`okr ${name}: -o FILE writes exactly what stdout shows, in the format -f names`, () => {
      const dir = repository();
      const printed = runOkr([...args, '--format', format, ...AS_OF], { cwd: dir });
      expect(printed.stdout.length, printed.stderr).toBeGreaterThan(0);
      const short = runOkr([...args, '-f', format, '-o', 'short.out', ...AS_OF], { cwd: dir });
      const long = runOkr([...args, '--format', format, '--output', 'long.out', ...AS_OF], { cwd: dir });
      for (const [r, file] of [
        [short, 'short.out'],
        [long, 'long.out'],
      ] as const) {
        expect(r.code).toBe(printed.code);
        expect(r.stdout).toBe('');
        expect(readFileSync(join(dir, file), 'utf8')).toBe(printed.stdout);
      }
      if (format === 'json') expect(() => JSON.parse(printed.stdout)).not.toThrow();
      // The default format differs: -f was obeyed, not ignored.
      expect(runOkr([...args, ...AS_OF], { cwd: dir }).stdout).not.toBe(printed.stdout);
    });
  }

  it('okr report: -o FILE and -f html, with --out kept as an alias', () => {
    const dir = repository();
    const short = runOkr(['report', '-f', 'html', '-o', 'a.html', ...AS_OF], { cwd: dir });
    const alias = runOkr(['report', '--out', 'b.html', ...AS_OF], { cwd: dir });
    expect([short.code, alias.code]).toEqual([0, 0]);
    const [a, b] = ['a.html', 'b.html'].map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(a).toMatch(/^<!doctype html>/i);
    expect(a).toBe(b);
  });

  it('-o is relative to the folder okr runs in (-C), as every other path', () => {
    const dir = repository();
    const r = runOkr(['-C', dir, 'rules', '-f', 'json', '-o', 'rules.json'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8'))).toEqual(
      JSON.parse(runOkr(['rules', '-f', 'json'], { cwd: dir }).stdout),
    );
  });
});

describe('output files are written atomically, into folders that exist', () => {
  it('replaces the file through a new one (a rename), leaving no temporary file', () => {
    const dir = repository();
    writeFileSync(join(dir, 'out.json'), 'old\n');
    const before = statSync(join(dir, 'out.json')).ino;
    const r = runOkr(['status', '-f', 'json', '-o', 'out.json', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toHaveProperty('objectives');
    expect(statSync(join(dir, 'out.json')).ino).not.toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('out.json'))).toEqual(['out.json']);
  });

  it('a command that fails (exit 2) leaves the existing file as it was', () => {
    const empty = makeProject({ 'okr.config.yaml': 'roots: [company]\n' });
    writeFileSync(join(empty, 'out.json'), 'old\n');
    const r = runOkr(['status', '-f', 'json', '-o', 'out.json'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(readFileSync(join(empty, 'out.json'), 'utf8')).toBe('old\n');
  });

  it('a missing parent folder is a clear error, before any work, and nothing is created', () => {
    const dir = repository();
    for (const [file, args] of [
      ['reports/okr.sarif', ['check', '-o', 'reports/okr.sarif', '-f', 'sarif']],
      ['reports/okr.html', ['report', '-o', 'reports/okr.html']],
      ['reports/graph.mmd', ['graph', '--output', 'reports/graph.mmd']],
    ] as const) {
      const r = runOkr([...args, ...AS_OF], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `okr: cannot write ${file}: no such folder "reports"\n  hint: create the folder first (mkdir -p reports), or write somewhere else\n`,
      );
      expect(existsSync(join(dir, 'reports'))).toBe(false);
    }
  });
});

describe('--max-warnings', () => {
  it('-1 means no limit, as in ESLint; 0 fails on one warning; anything else is a usage error', () => {
    const dir = repository();
    const unlimited = runOkr(['check', '--max-warnings', '-1', ...AS_OF], { cwd: dir });
    expect(unlimited.stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(unlimited.code).toBe(0);
    const strict = runOkr(['check', '--max-warnings', '0', ...AS_OF], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      'okr: too many warnings (1); at most 0 are allowed by --max-warnings\n  hint: fix the warnings, or raise --max-warnings (-1: no limit)\n',
    );
    const wrong = runOkr(['check', '--max-warnings', '-2', ...AS_OF], { cwd: dir });
    expect(wrong.code).toBe(2);
    expectErrorShape(wrong.stderr);
    expect(wrong.stderr).toContain('-1 for no limit, not "-2"');
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('TERM=dumb', () => {
  /** okr status on a terminal (a pseudo-terminal from script(1)), FORCE_COLOR and NO_COLOR unset. */
  function onTerminal(dir: string, term: string): string {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: term };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const command = `"${process.execPath}" "${OKR_BIN}" status ${AS_OF.join(' ')}`;
    return execFileSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8' });
  }

  it.skipIf(!hasScript)('turns colour off on a terminal, as NO_COLOR does', () => {
    const dir = repository();
    const ansi = /\u001b\[/;
    const coloured = onTerminal(dir, 'xterm-256color');
    expect(coloured).toMatch(ansi);
    const dumb = onTerminal(dir, 'dumb');
    expect(dumb).not.toMatch(ansi);
    expect(dumb).toContain('grow');
  });
});

describe('okr config', () => {
  const CONFIG = `include: ["goals/**/*.yaml"]
roots: [ceo]
status: { at_risk: 0.2 }
cycles:
  FY27: { start: 2026-07-01, end: 2027-06-30 }
rules:
  too-many-krs: [error, { max: 3 }]
  vague-objective: off
  stale-kr: 1
`;

  /** Every rule as okr.config.yaml writes it, from `okr rules`: the defaults a config starts from. */
  function defaultRules(): Record<string, unknown> {
    const rules = JSON.parse(runOkr(['rules', '-f', 'json'], { cwd: tempDir() }).stdout) as {
      id: string;
      severity: 'error' | 'warning';
      options: Record<string, unknown>;
    }[];
    return Object.fromEntries(
      rules.map((r) => {
        const word = r.severity === 'warning' ? 'warn' : r.severity;
        return [r.id, Object.keys(r.options).length > 0 ? [word, r.options] : word];
      }),
    );
  }

  it('prints the resolved configuration, defaults filled in, as JSON with -f json and as YAML by default', () => {
    const dir = makeProject({ 'okr.config.yaml': CONFIG });
    const json = runOkr(['config', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const rules = defaultRules();
    expect(JSON.parse(json.stdout)).toEqual({
      include: ['goals/**/*.yaml'],
      exclude: [],
      strategy: 'okrs/strategy.yaml',
      roots: ['ceo'],
      rollup: 'krs',
      cycles: { FY27: { start: '2026-07-01', end: '2027-06-30' } },
      status: { at_risk: 0.2, off_track: 0.25 },
      work: { trailer: 'OKR', quiet_days: 21 },
      maxFileSize: 5 * 1024 * 1024,
      // The default: only files may be read by okr measure.
      measure: { allow: ['file'] },
      rules: {
        ...rules,
        'too-many-krs': ['error', { ...(rules['too-many-krs'] as [string, object])[1], max: 3 }],
        // Turned off, with its options as they would apply.
        'vague-objective': ['off', (rules['vague-objective'] as [string, object])[1]],
        'stale-kr': ['warn', (rules['stale-kr'] as [string, object])[1]],
      },
    });
    const yaml = runOkr(['config'], { cwd: dir });
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('read back as okr.config.yaml, its output gives the same configuration; without a file, the defaults', () => {
    const dir = makeProject({ 'okr.config.yaml': CONFIG });
    const printed = runOkr(['config'], { cwd: dir }).stdout;
    const again = makeProject({ 'okr.config.yaml': printed });
    expect(runOkr(['check'], { cwd: again }).stderr).not.toContain('invalid configuration');
    expect(runOkr(['config'], { cwd: again }).stdout).toBe(printed);
    const none = JSON.parse(runOkr(['config', '-f', 'json'], { cwd: tempDir() }).stdout);
    expect(none).toMatchObject({
      include: ['okrs/**/*.{yaml,yml}'],
      roots: ['company'],
      rollup: 'krs',
      status: { at_risk: 0.1, off_track: 0.25 },
      work: { trailer: 'OKR', quiet_days: 21 },
      rules: defaultRules(),
    });
  });

  it('an invalid config file is reported, exit 2', () => {
    const dir = makeProject({ 'okr.config.yaml': 'rules:\n  no-such-rule: warn\n' });
    const r = runOkr(['config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'okr: invalid configuration: okr.config.yaml:2:3: unknown rule "no-such-rule" in okr.config.yaml; run "okr rules" to list the rules\n',
    );
  });
});

describe('okr completion bash|zsh|fish', () => {
  const script = (shell: string) => {
    const r = runOkr(['completion', shell], { cwd: tempDir() });
    expect(r.code).toBe(0);
    return r.stdout;
  };
  /** Long options of a command, from its help. */
  const longOptions = (command: string) =>
    [...runOkr([command, '--help'], { cwd: tempDir() }).stdout.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map(
      (m) => m[1]!,
    );

  it('bash: parses, registers itself with complete, and completes commands and option values', () => {
    const dir = tempDir();
    const file = join(dir, 'okr.bash');
    writeFileSync(file, script('bash'));
    execFileSync('bash', ['-n', file]);
    const registered = execFileSync('bash', ['-c', `source "${file}" && complete -p okr`], {
      encoding: 'utf8',
    });
    expect(registered.trim()).toBe('complete -o default -F _okr okr');
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source "${file}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _okr; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      ).trim();
    expect(complete('okr', 'st')).toBe('status');
    expect(complete('okr', 'check', '--format', '')).toBe('stylish json sarif github gitlab junit');
    expect(complete('okr', '-C', '.', 'status', '-f', '')).toBe('table json markdown');
    expect(complete('okr', 'completion', '')).toBe('bash zsh fish');
    expect(complete('okr', 'check', '--max-w').split(' ')).toEqual(['--max-warnings']);
  });

  it('every command and each of its options is in the bash, zsh and fish scripts', () => {
    const [bash, zsh, fish] = ['bash', 'zsh', 'fish'].map(script) as [string, string, string];
    for (const command of commandNames()) {
      expect(bash).toMatch(new RegExp(`^ {4}${command}\\)$`, 'm'));
      expect(zsh).toMatch(new RegExp(`^ {4}'${command}:`, 'm'));
      expect(zsh).toMatch(new RegExp(`^ {8}${command}\\) _arguments`, 'm'));
      expect(fish).toContain(`-n __fish_use_subcommand -a ${command} -d`);
      for (const option of longOptions(command)) {
        expect(bash, `${command} --${option}`).toContain(`--${option}`);
        expect(zsh, `${command} --${option}`).toContain(`'--${option}[`);
        expect(fish, `${command} --${option}`).toMatch(
          new RegExp(`^complete -c okr -n '__fish_seen_subcommand_from ${command}'.* -l ${option} `, 'm'),
        );
      }
    }
  });

  it.skipIf(spawnSync('zsh', ['--version']).status !== 0)('zsh: parses', () => {
    const file = join(tempDir(), '_okr');
    writeFileSync(file, script('zsh'));
    execFileSync('zsh', ['-n', file]);
  });

  it.skipIf(spawnSync('fish', ['--version']).status !== 0)(
    'fish: parses, and completes option values',
    () => {
      const file = join(tempDir(), 'okr.fish');
      writeFileSync(file, script('fish'));
      execFileSync('fish', ['--no-execute', file]);
      const complete = (line: string) =>
        execFileSync('fish', ['-c', `source "${file}"; complete -C "${line}"`], { encoding: 'utf8' })
          .split('\n')
          .filter(Boolean)
          .map((entry) => entry.split('\t')[0]);
      expect(complete('okr check --format ').sort()).toEqual([
        'github',
        'gitlab',
        'json',
        'junit',
        'sarif',
        'stylish',
      ]);
      expect(complete('okr st')).toEqual(['status']);
      expect(complete('okr completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
    },
  );

  it('an unknown shell is a usage error', () => {
    const r = runOkr(['completion', 'tcsh'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "okr: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n  hint: run \"okr completion --help\" for usage\n",
    );
  });
});

describe('errors have one shape on stderr: okr: <what is wrong>, then   hint: <what to do>', () => {
  it('usage mistakes caught by the command line parser', () => {
    const dir = tempDir();
    const unknown = runOkr(['check', '--nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`okr: unknown option '--nope'\n  hint: run "okr check --help" for usage\n`);
    const command = runOkr(['frobnicate'], { cwd: dir });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(`okr: unknown command 'frobnicate'\n  hint: run "okr --help" for usage\n`);
    const typo = runOkr(['stauts'], { cwd: dir });
    expect(typo.stderr).toBe(
      `okr: unknown command 'stauts'; did you mean status?\n  hint: run "okr --help" for usage\n`,
    );
    const option = runOkr(['check', '--quite'], { cwd: dir });
    expect(option.stderr).toBe(
      `okr: unknown option '--quite'; did you mean --quiet?\n  hint: run "okr check --help" for usage\n`,
    );
    const format = runOkr(['status', '-f', 'xml'], { cwd: dir });
    expect(format.code).toBe(2);
    expectErrorShape(format.stderr);
    expect(format.stderr).toContain("argument 'xml' is invalid. Allowed choices are table, json, markdown.");
  });

  it('mistakes found when the command runs, git state and configuration included', () => {
    const dir = repository();
    const cases: [string[], string][] = [
      [['--as-of', '2026-02-30', 'status'], tempDir()],
      [['-C', 'nowhere', 'status'], tempDir()],
      [['check', 'no/such/file.yaml'], dir],
      [['report'], dir],
      [['status', '-o', 'no/such/folder/x.json'], dir],
      [['diff', 'no-such-revision'], dir],
      [['history', 'nobody/nothing'], dir],
      [['work', '--check-message', 'no/such/message'], dir],
      [['work', 'grow', '--check-message', 'no/such/message'], dir],
      [['init', '--hooks', '--schemas'], dir],
      [['check'], tempDir()],
      [['check'], makeProject({ 'okr.config.yaml': 'rollup: sideways\n' })],
    ];
    for (const [args, cwd] of cases) {
      const r = runOkr(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expectErrorShape(r.stderr);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
