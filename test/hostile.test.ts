// Hostile OKR files: each must end in a precise problem (or the documented behaviour), never in a
// crash, a hang, a leak or a write. Small cases live in test/fixtures/hostile/<case>/; large ones and
// symbolic links are made here, in a temporary folder.
import { chmodSync, cpSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { parseDay } from '../src/dates.js';
import { formatJson } from '../src/format/json.js';
import { formatStatusJson } from '../src/format/status.js';
import { loadOkrSource } from '../src/load/load.js';
import { analyze } from '../src/run/analyze.js';
import { statusReport } from '../src/run/views/status.js';
import { MAX_NESTING_DEPTH } from '../src/yaml/parse.js';
import { REPO_ROOT, runOkr, tempDir, writeFiles } from './helpers.js';

const HOSTILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
const AS_OF = ['--as-of', '2026-11-15'];
const TIME_LIMIT_MS = 10_000;
const HEAD = 'owner: team\ncycle: 2026-Q4\n';
const LOAD_RULES = new Set(['yaml-syntax', 'schema', 'file-too-large', 'file-unreadable']);

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  target: string | null;
}

interface Expected {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message?: RegExp;
}

/** A temporary copy of a corpus case, so that nothing the test does can touch the corpus. */
function copyOfCase(name: string): string {
  const dir = tempDir('okr-hostile-');
  cpSync(join(HOSTILE, name), dir, { recursive: true });
  return dir;
}

/** Every entry below `dir` (links not followed) with its type, size and modification time. */
function listing(dir: string, rel = ''): string[] {
  const entries: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    const stat = lstatSync(join(dir, path));
    const type = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file';
    entries.push(`${path} ${type} ${stat.size} ${stat.mtimeMs}`);
    if (type === 'dir') entries.push(...listing(dir, path));
  }
  return entries;
}

function timed(args: string[], cwd: string) {
  const start = performance.now();
  const result = runOkr(args, { cwd });
  return { ...result, ms: performance.now() - start };
}

function expectNoCrash(stderr: string): void {
  expect(stderr).not.toMatch(/internal error|\n\s+at |RangeError|TypeError|Maximum call stack/);
}

/**
 * Runs `okr check --format json` and `okr status --format json` on `dir` and asserts what every
 * hostile case must show: the expected problems at their positions, exit 1 from check (0 when the
 * input is valid), exit 0 from status with the failing files named on stderr, no stack trace, each
 * run under ten seconds, and the folder unchanged.
 */
function expectHandled(
  dir: string,
  expected: Expected[],
  options: { checkExit?: number } = {},
): { problems: Problem[]; status: { objectives: Record<string, unknown>[] }; statusStderr: string } {
  const before = listing(dir);
  const check = timed(['check', '--format', 'json', ...AS_OF], dir);
  expectNoCrash(check.stderr);
  expect(check.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(check.code).toBe(options.checkExit ?? 1);
  const problems = (JSON.parse(check.stdout) as { problems: Problem[] }).problems;
  for (const e of expected) {
    const { message, ...where } = e;
    expect(problems).toContainEqual(
      expect.objectContaining({ ...where, ...(message ? { message: expect.stringMatching(message) } : {}) }),
    );
  }
  const status = timed(['status', '--format', 'json', ...AS_OF], dir);
  expectNoCrash(status.stderr);
  expect(status.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(status.code).toBe(0);
  // OKR files the loader could not read in whole or in part are named; the rest is still shown.
  const failed = problems.filter(
    (p) => LOAD_RULES.has(p.ruleId) && p.severity === 'error' && p.file.startsWith('okrs/'),
  );
  for (const file of new Set(failed.map((p) => p.file))) expect(status.stderr).toContain(`okr: ${file} has`);
  expect(listing(dir)).toEqual(before);
  return { problems, status: JSON.parse(status.stdout), statusStderr: status.stderr };
}

describe('hostile input: YAML features', () => {
  it('an alias bomb ("billion laughs") stops at the alias limit, at the first alias', () => {
    expectHandled(copyOfCase('alias-bomb'), [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/bomb.yaml',
        line: 4,
        column: 10,
        message: /aliases expand to too many nodes/,
      },
    ]);
  });

  it('merge keys are not YAML 1.2: "<<" is an unknown key', () => {
    expectHandled(copyOfCase('merge-keys'), [
      { ruleId: 'schema', file: 'okrs/merge.yaml', line: 11, column: 5, message: /unknown key "<<"/ },
    ]);
  });

  it('unknown tags (!!js/function, !custom, !!python/...) are refused, never run', () => {
    // The listing check in expectHandled also shows that `touch pwned` did not run.
    expectHandled(copyOfCase('unknown-tags'), [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/tags.yaml',
        line: 5,
        column: 12,
        message: /js\/function.*remove the tag/,
      },
      { ruleId: 'yaml-syntax', file: 'okrs/tags.yaml', line: 8, column: 16, message: /!custom/ },
      { ruleId: 'yaml-syntax', file: 'okrs/tags.yaml', line: 9, column: 19, message: /python/ },
    ]);
  });

  it('.inf, -.inf, .nan and 1e999 are schema errors at their values', () => {
    const file = 'okrs/floats.yaml';
    expectHandled(copyOfCase('special-floats'), [
      { ruleId: 'schema', file, line: 9, column: 16, message: /"start".*finite number, not Infinity/ },
      { ruleId: 'schema', file, line: 14, column: 17, message: /"target".*finite number, not NaN/ },
      { ruleId: 'schema', file, line: 18, column: 17, message: /"target".*finite number, not Infinity/ },
      { ruleId: 'schema', file, line: 21, column: 16, message: /"start".*finite number, not -Infinity/ },
    ]);
  });

  it('hex and octal numbers read as the YAML 1.2 core schema says; a leading zero is decimal', () => {
    const { status } = expectHandled(copyOfCase('hex-octal'), [], { checkExit: 0 });
    const krs = (status.objectives[0] as { keyResults: Record<string, unknown>[] }).keyResults;
    expect(krs[0]).toMatchObject({ id: 'grow-revenue/hex', target: 31, current: 15 });
    expect(krs[1]).toMatchObject({ id: 'grow-revenue/leading-zero', target: 34, current: 17 });
  });
});

describe('hostile input: nesting and size', () => {
  it('100,000 levels of flow nesting: yaml-syntax where the depth passes the limit', () => {
    const dir = tempDir('okr-hostile-');
    const prefix = 'objectives: ';
    writeFiles(dir, {
      'okrs/deep.yaml': `${HEAD}${prefix}${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    });
    // The top-level mapping is one level, so the limit is passed at bracket number MAX_NESTING_DEPTH.
    expectHandled(dir, [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/deep.yaml',
        line: 3,
        column: prefix.length + MAX_NESTING_DEPTH,
        message: /nests more than 256 levels/,
      },
    ]);
  });

  it('100,000 levels of block sequences on one line ("- - - …")', () => {
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, { 'okrs/deep.yaml': `${HEAD}objectives:\n  ${'- '.repeat(100_000)}x\n` });
    const { problems } = expectHandled(dir, [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/deep.yaml',
        line: 4,
        column: 511,
        message: /nests more than 256 levels/,
      },
    ]);
    expect(problems).toHaveLength(1);
  });

  it('block mappings indented one more space a level, 2,000 levels deep', () => {
    const dir = tempDir('okr-hostile-');
    const lines = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`);
    writeFiles(dir, { 'okrs/deep.yaml': `${HEAD}nest:\n${lines.join('\n')} 1\n` });
    // "nest:" is level 1; the line indented by n spaces is level n + 1.
    expectHandled(dir, [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/deep.yaml',
        line: 3 + MAX_NESTING_DEPTH,
        column: MAX_NESTING_DEPTH + 1,
        message: /nests more than 256 levels/,
      },
    ]);
  });

  it('a 50 MB file is refused from its size, before it is read', () => {
    const dir = tempDir('okr-hostile-');
    mkdirSync(join(dir, 'okrs'));
    writeFileSync(join(dir, 'okrs', 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, '#'));
    writeFiles(dir, { 'okrs/fine.yaml': `${HEAD}objectives: []\n` });
    expectHandled(dir, [
      {
        ruleId: 'file-too-large',
        file: 'okrs/huge.yaml',
        line: 1,
        column: 1,
        message: /52428800 bytes, more than the 5242880 okr reads.*maxFileSize/,
      },
    ]);
  });

  it('maxFileSize in okr.config.yaml sets the limit', () => {
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, {
      'okr.config.yaml': 'maxFileSize: 40\n',
      'okrs/small.yaml': `${HEAD}objectives: []\n`,
    });
    expectHandled(dir, [
      {
        ruleId: 'file-too-large',
        file: 'okrs/small.yaml',
        line: 1,
        column: 1,
        message: /more than the 40 okr reads/,
      },
    ]);
  });

  it('a 100,000-character title and parent: messages stay short, JSON status keeps the title whole', () => {
    const dir = tempDir('okr-hostile-');
    const title = `Grow revenue by ${'9'.repeat(100_000)}`;
    writeFiles(dir, {
      'okr.config.yaml': 'roots: [team]\n',
      'okrs/long.yaml': `${HEAD}objectives:\n  - id: grow\n    title: "${title}"\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n  - id: other\n    title: Keep every customer happy always\n    parent: ${'x'.repeat(100_000)}-X\n`,
    });
    const { problems, status } = expectHandled(dir, [
      { ruleId: 'metric-in-objective', file: 'okrs/long.yaml', line: 5, column: 12, message: /"9{79}…"/ },
      {
        ruleId: 'schema',
        file: 'okrs/long.yaml',
        line: 12,
        column: 13,
        message: /"x{79}…" is not a valid reference/,
      },
    ]);
    for (const p of problems) expect(p.message.length).toBeLessThanOrEqual(1000);
    expect(status.objectives[0]).toMatchObject({ id: 'grow', title });
    const stylish = runOkr(['check', ...AS_OF], { cwd: dir });
    expect(stylish.stdout.length).toBeLessThan(3000);
    for (const args of [['status'], ['status', '--tree'], ['status', '--format', 'markdown']]) {
      const r = runOkr([...args, ...AS_OF], { cwd: dir });
      expect(r.code).toBe(0);
      if (args[2] !== 'markdown') expect(r.stdout.length).toBeLessThan(3000);
    }
  });
});

describe('hostile input: bytes and line ends', () => {
  it('bytes that are not UTF-8: yaml-syntax at the first bad byte', () => {
    expectHandled(copyOfCase('not-utf8'), [
      {
        ruleId: 'yaml-syntax',
        file: 'okrs/latin1.yaml',
        line: 5,
        column: 35,
        message: /byte 0xe9 is not valid UTF-8/,
      },
    ]);
  });

  it('a NUL byte: yaml-syntax at the NUL, named', () => {
    expectHandled(copyOfCase('nul-byte'), [
      { ruleId: 'yaml-syntax', file: 'okrs/nul.yaml', line: 8, column: 21, message: /U\+0000 NUL/ },
    ]);
  });

  it('a byte-order mark is not content: positions on every line are unchanged', () => {
    expectHandled(copyOfCase('byte-order-mark'), [
      { ruleId: 'schema', file: 'okrs/bom.yaml', line: 12, column: 9, message: /unknown key "colour"/ },
    ]);
  });

  it('CRLF line ends: positions as with LF', () => {
    expectHandled(copyOfCase('crlf'), [
      { ruleId: 'schema', file: 'okrs/crlf.yaml', line: 11, column: 9, message: /unknown key "colour"/ },
    ]);
  });

  it('lone CR line ends are line ends (YAML 1.2): the file reads as with LF', () => {
    const { problems } = expectHandled(copyOfCase('lone-cr'), [
      { ruleId: 'schema', file: 'okrs/cr.yaml', line: 11, column: 9, message: /unknown key "colour"/ },
    ]);
    expect(problems.filter((p) => p.ruleId === 'yaml-syntax')).toEqual([]);
  });

  it('tabs in indentation: yaml-syntax at the tab', () => {
    expectHandled(copyOfCase('tabs'), [
      { ruleId: 'yaml-syntax', file: 'okrs/tabs.yaml', line: 6, column: 1, message: /Tabs are not allowed/ },
    ]);
  });
});

describe('hostile input: prototype keys and ids', () => {
  it('__proto__, constructor and prototype as keys are unknown keys', () => {
    const file = 'okrs/proto.yaml';
    expectHandled(copyOfCase('proto-keys'), [
      { ruleId: 'schema', file, line: 3, column: 1, message: /unknown key "__proto__" in the file/ },
      { ruleId: 'schema', file, line: 8, column: 5, message: /unknown key "constructor"/ },
      { ruleId: 'schema', file, line: 16, column: 9, message: /unknown key "prototype"/ },
    ]);
  });

  it('constructor and prototype are ordinary ids; __proto__ is not a slug', () => {
    const { status } = expectHandled(copyOfCase('proto-ids'), [
      {
        ruleId: 'schema',
        file: 'okrs/ids.yaml',
        line: 21,
        column: 9,
        message: /"__proto__" is not a valid id/,
      },
    ]);
    const byId = new Map(status.objectives.map((o) => [o.id, o]));
    expect(byId.get('constructor')).toMatchObject({ children: ['prototype'] });
    expect(byId.get('prototype')).toMatchObject({ parent: 'constructor/prototype', progress: 0.5 });
  });

  it('loading, linting and reporting them in process pollutes no prototype', () => {
    const dir = tempDir('okr-hostile-');
    cpSync(join(HOSTILE, 'proto-keys'), dir, { recursive: true });
    cpSync(join(HOSTILE, 'proto-ids'), dir, { recursive: true });
    const analysis = analyze(loadConfig(dir), { asOf: parseDay('2026-11-15')! });
    formatJson(analysis.diagnostics, analysis.load.fileCount);
    formatStatusJson(statusReport(analysis));
    const { source } = loadOkrSource(
      'x.yaml',
      `__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n`,
    );
    expect(Object.getPrototypeOf(source.data)).toBe(Object.prototype);
    expect(Object.hasOwn(source.data as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(analysis.diagnostics.some((d) => d.message.includes('"__proto__"'))).toBe(true);
  });
});

describe('hostile input: look-alikes', () => {
  it('an id with a Cyrillic letter: the schema message names the character', () => {
    expectHandled(copyOfCase('lookalike-id'), [
      {
        ruleId: 'schema',
        file: 'okrs/ids.yaml',
        line: 4,
        column: 9,
        message: /it contains "е" \(U\+0435 CYRILLIC SMALL LETTER IE\), which looks like "e"/,
      },
    ]);
  });

  it('owners, cycles and titles that differ only by look-alikes are reported as confusable', () => {
    const file = 'okrs/checkout-2.yaml';
    expectHandled(copyOfCase('confusable'), [
      {
        ruleId: 'confusable',
        file,
        line: 1,
        column: 8,
        message:
          /owner "сheckout" looks the same as owner "checkout" at okrs\/checkout.yaml:1.*U\+0441 CYRILLIC SMALL LETTER ES/,
      },
      {
        ruleId: 'confusable',
        file,
        line: 2,
        column: 8,
        message: /U\+FF12 FULLWIDTH DIGIT TWO\) looks like "2"/,
      },
      {
        ruleId: 'confusable',
        file,
        line: 5,
        column: 12,
        message: /title of objective "delight-returning".*U\+2011 NON-BREAKING HYPHEN/,
      },
      { ruleId: 'confusable', file, line: 6, column: 12, message: /"company" of "roots"/ },
      { ruleId: 'confusable', file, line: 13, column: 12, message: /invisible U\+200B ZERO WIDTH SPACE/ },
    ]);
  });
});

describe('hostile input: the file system', () => {
  const valid = `${HEAD}objectives: []\n`;

  it('a symbolic link loop is reported, not followed forever', () => {
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, { 'okrs/fine.yaml': valid });
    symlinkSync('b.yaml', join(dir, 'okrs', 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'okrs', 'b.yaml'));
    mkdirSync(join(dir, 'okrs', 'loop'));
    symlinkSync('..', join(dir, 'okrs', 'loop', 'up'));
    const { problems } = expectHandled(dir, [
      { ruleId: 'file-unreadable', file: 'okrs/a.yaml', line: 1, column: 1, message: /link loop/ },
      { ruleId: 'file-unreadable', file: 'okrs/b.yaml', line: 1, column: 1, message: /link loop/ },
    ]);
    expect(problems.map((p) => p.file).filter((f) => f.includes('loop/'))).toEqual([]);
  });

  it('a symbolic link out of the repository is reported and not followed', () => {
    const outside = tempDir('okr-outside-');
    writeFiles(outside, { 'secret.yaml': 'owner: SECRET-VALUE\ncycle: 2026-Q4\nobjectives: []\n' });
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, { 'okrs/fine.yaml': valid });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'okrs', 'leak.yaml'));
    symlinkSync(outside, join(dir, 'okrs', 'shared'));
    expectHandled(dir, [
      {
        ruleId: 'file-unreadable',
        file: 'okrs/leak.yaml',
        line: 1,
        column: 1,
        message: /outside the repository/,
      },
    ]);
    for (const args of [
      ['check', '--format', 'json'],
      ['check', 'okrs/leak.yaml'],
      ['status', '--format', 'json'],
    ]) {
      const r = runOkr([...args, ...AS_OF], { cwd: dir });
      expect(r.stdout + r.stderr).not.toContain('SECRET-VALUE');
      expect(r.stdout + r.stderr).not.toContain('okrs/shared/');
    }
    // A regular file named through a linked folder leads out as well.
    const named = runOkr(['check', 'okrs/shared/secret.yaml', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(named.stdout + named.stderr).not.toContain('SECRET-VALUE');
    expect(JSON.parse(named.stdout).problems).toEqual([
      expect.objectContaining({
        ruleId: 'file-unreadable',
        file: 'okrs/shared/secret.yaml',
        message: expect.stringMatching(/leads outside the repository/),
      }),
    ]);
  });

  it('a strategy path in the config that leads out of the repository is not read', () => {
    const outside = tempDir('okr-outside-');
    writeFiles(outside, { 'strategy.yaml': 'vision: SECRET-VALUE\n' });
    const dir = tempDir('okr-hostile-');
    const outsidePath = `${'../'.repeat(dir.split('/').length)}${outside.slice(1)}/strategy.yaml`;
    writeFiles(dir, { 'okr.config.yaml': `strategy: ${outsidePath}\n`, 'okrs/fine.yaml': valid });
    const { problems } = expectHandled(dir, [
      {
        ruleId: 'file-unreadable',
        file: outsidePath,
        line: 1,
        column: 1,
        message: /leads outside the repository/,
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('SECRET-VALUE');
  });

  it('a file that cannot be read (a dangling link) is reported', () => {
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, { 'okrs/fine.yaml': valid });
    symlinkSync('nowhere.yaml', join(dir, 'okrs', 'gone.yaml'));
    expectHandled(dir, [
      {
        ruleId: 'file-unreadable',
        file: 'okrs/gone.yaml',
        line: 1,
        column: 1,
        message: /"nowhere.yaml", which does not exist/,
      },
    ]);
  });

  // Root reads a file whatever its mode, so this case only means something for other users.
  it.skipIf(process.getuid?.() === 0)('a file without read permission is reported', () => {
    const dir = tempDir('okr-hostile-');
    writeFiles(dir, { 'okrs/fine.yaml': valid, 'okrs/locked.yaml': valid });
    chmodSync(join(dir, 'okrs', 'locked.yaml'), 0o000);
    try {
      expectHandled(dir, [
        {
          ruleId: 'file-unreadable',
          file: 'okrs/locked.yaml',
          line: 1,
          column: 1,
          message: /permission denied/,
        },
      ]);
    } finally {
      chmodSync(join(dir, 'okrs', 'locked.yaml'), 0o644);
    }
  });

  describe("the repository's own okr.config.yaml is read as carefully as its OKR files", () => {
    const check = (dir: string) => runOkr(['check', ...AS_OF], { cwd: dir });

    it('a link out of the repository is refused, and nothing of its target is printed', () => {
      const outside = tempDir('okr-outside-');
      writeFiles(outside, { 'secret.yaml': 'SECRET-VALUE: [unclosed\n' });
      const dir = tempDir('okr-hostile-');
      writeFiles(dir, { 'okrs/fine.yaml': valid });
      symlinkSync(join(outside, 'secret.yaml'), join(dir, 'okr.config.yaml'));
      const r = check(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^okr: invalid configuration: okr\.config\.yaml:1:1: .*symbolic link to ".*secret\.yaml", outside the repository/,
      );
      expect(r.stdout + r.stderr).not.toContain('SECRET-VALUE');
    });

    it('a link to nothing is a config that cannot be read, not a missing one', () => {
      const dir = tempDir('okr-hostile-');
      writeFiles(dir, { 'okrs/fine.yaml': valid });
      symlinkSync('nowhere.yaml', join(dir, 'okr.config.yaml'));
      const r = check(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^okr: invalid configuration: okr\.config\.yaml:1:1: .*"nowhere\.yaml", which does not exist/,
      );
    });

    it('bytes that are not UTF-8 are a located problem', () => {
      const dir = tempDir('okr-hostile-');
      writeFiles(dir, { 'okrs/fine.yaml': valid });
      writeFileSync(
        join(dir, 'okr.config.yaml'),
        Buffer.from([...Buffer.from('roots:\n  - te'), 0xff, 0x0a]),
      );
      const r = check(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^okr: invalid configuration: okr\.config\.yaml:2:7: byte 0xff is not valid UTF-8/,
      );
    });

    it('a file over the size okr reads is refused by its size', () => {
      const dir = tempDir('okr-hostile-');
      writeFiles(dir, { 'okrs/fine.yaml': valid });
      writeFileSync(join(dir, 'okr.config.yaml'), `# ${'x'.repeat(6 * 1024 * 1024)}\nroots: [team]\n`);
      const started = performance.now();
      const r = check(dir);
      expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^okr: invalid configuration: okr\.config\.yaml:1:1: the config file is larger than the 5242880 bytes okr reads/,
      );
    });
  });
});
