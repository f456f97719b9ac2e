import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

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
`;

// A warning (vague title) and an error (an id the company file uses already).
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
  - id: grow
    parent: grow/buyers
    title: Make checkout effortless for first-time buyers
`;

// The commits are older than stale-kr allows at AS_OF: staleness is not what these tests are about.
const CONFIG = 'roots: [company]\nrules:\n  stale-kr: off\n';

/** A git repository whose OKRs live in sub/, with their own okr.config.yaml there. */
function monorepo(): string {
  const top = tempDir('okr-monorepo-');
  gitInit(top);
  writeFiles(top, {
    'README.md': 'a product\n',
    'sub/okr.config.yaml': CONFIG,
    'sub/okrs/company.yaml': COMPANY,
    'sub/okrs/team.yaml': TEAM,
  });
  commitAll(top, 'OKRs in a subfolder');
  return top;
}

const sarifSchema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
) as object;
const validateSarif = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(
  sarifSchema,
);

interface SarifLog {
  runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

describe('paths in every output are relative to the git top level (SPEC §1, §13)', () => {
  const top = monorepo();
  // The same run started in sub/ and from the top with -C sub.
  const ways: [string, string, string[]][] = [
    ['started in sub/', join(top, 'sub'), []],
    ['started at the top with -C sub', top, ['-C', 'sub']],
  ];

  for (const [how, cwd, globals] of ways) {
    describe(how, () => {
      const check = (format: string) => runOkr([...globals, 'check', '-f', format, ...AS_OF], { cwd });

      it('SARIF uris start with sub/, and the log is valid SARIF 2.1.0', () => {
        const r = check('sarif');
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout) as SarifLog;
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        const uris = log.runs[0]!.results.flatMap((result) =>
          result.locations.map((l) => l.physicalLocation.artifactLocation.uri),
        );
        expect(uris.length).toBeGreaterThan(1);
        expect(new Set(uris)).toEqual(new Set(['sub/okrs/team.yaml']));
      });

      it('GitHub annotations name files from the top: ::warning file=sub/…', () => {
        const r = check('github');
        const annotations = r.stdout.split('\n').filter((line) => line.startsWith('::'));
        expect(annotations.some((line) => line.startsWith('::warning file=sub/okrs/team.yaml,'))).toBe(true);
        expect(annotations.some((line) => line.startsWith('::error file=sub/okrs/team.yaml,'))).toBe(true);
        for (const line of annotations)
          expect(line).toMatch(/^::(warning|error) file=sub\/okrs\/team\.yaml,/);
      });

      it('json, gitlab, junit and stylish name the same files, and so do messages that cite a file', () => {
        const json = JSON.parse(check('json').stdout) as { problems: { file: string; message: string }[] };
        expect(new Set(json.problems.map((p) => p.file))).toEqual(new Set(['sub/okrs/team.yaml']));
        const duplicate = json.problems.find((p) => p.message.includes('already used'))!;
        expect(duplicate.message).toContain('already used at sub/okrs/company.yaml:4');
        const gitlab = JSON.parse(check('gitlab').stdout) as { location: { path: string } }[];
        expect(new Set(gitlab.map((g) => g.location.path))).toEqual(new Set(['sub/okrs/team.yaml']));
        const junit = check('junit').stdout;
        expect(junit).toContain('sub/okrs/team.yaml');
        expect(junit).not.toMatch(/"okrs\//);
        expect(check('stylish').stdout.split('\n')[0]).toBe('sub/okrs/team.yaml');
      });

      it('status --format json names each objective file from the top', () => {
        const r = runOkr([...globals, 'status', '-f', 'json', ...AS_OF], { cwd });
        const files = (JSON.parse(r.stdout) as { objectives: { file: string }[] }).objectives.map(
          (o) => o.file,
        );
        // The objective whose id repeats the company's is left out (duplicate-id).
        expect(files).toEqual(['sub/okrs/company.yaml', 'sub/okrs/team.yaml']);
      });
    });
  }

  it('a PATH argument is taken relative to where okr runs, and the problems still name sub/…', () => {
    const r = runOkr(['check', '-f', 'json', 'okrs/company.yaml', ...AS_OF], { cwd: join(top, 'sub') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ problems: [], fileCount: 1 });
    const team = runOkr(['-C', 'sub', 'check', '-f', 'json', 'sub/okrs/team.yaml', ...AS_OF], { cwd: top });
    // -C runs as if started in sub/: sub/okrs/team.yaml from there does not exist.
    expect(team.code).toBe(2);
    const fromSub = runOkr(['check', '-f', 'json', 'okrs', ...AS_OF], { cwd: join(top, 'sub') });
    const files = (JSON.parse(fromSub.stdout) as { problems: { file: string }[] }).problems.map(
      (p) => p.file,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f === 'sub/okrs/team.yaml')).toBe(true);
  });

  it('diff, checkin and configuration errors name files from the top too', () => {
    const repo = monorepo();
    const sub = join(repo, 'sub');
    const checkin = runOkr(['checkin', 'grow/buyers', '160', '--date', '2026-11-10'], { cwd: sub });
    expect(checkin.code).toBe(0);
    expect(checkin.stdout).toMatch(/^sub\/okrs\/company\.yaml: "grow\/buyers" current 150 -> 160/);
    writeFiles(repo, {
      'sub/okrs/new.yaml': TEAM.replace(/team/g, 'other').replace('id: grow', 'id: grow-2'),
    });
    const diff = runOkr(['diff', 'HEAD', '-f', 'json', ...AS_OF], { cwd: sub });
    expect(diff.code).toBe(0);
    const introduced = (JSON.parse(diff.stdout) as { problems: { introduced: { file: string }[] } }).problems
      .introduced;
    expect(introduced.length).toBeGreaterThan(0);
    expect(introduced.every((p) => p.file === 'sub/okrs/new.yaml')).toBe(true);
    writeFiles(repo, { 'sub/okr.config.yaml': 'rollup: sideways\n' });
    const config = runOkr(['check', ...AS_OF], { cwd: sub });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^okr: invalid configuration: sub\/okr\.config\.yaml:1:9: /);
  });

  it('outside git, paths are relative to the root', () => {
    const dir = tempDir('okr-nogit-');
    writeFiles(dir, {
      'okr.config.yaml': CONFIG,
      'okrs/company.yaml': COMPANY,
      'okrs/team.yaml': TEAM,
    });
    const r = runOkr(['check', '-f', 'github', ...AS_OF], { cwd: dir });
    expect(r.stdout).toMatch(/^::warning file=okrs\/team\.yaml,/m);
    expect(r.stdout).not.toContain('file=sub/');
  });
});

describe('run from the top of a monorepo whose OKRs live in a subfolder', () => {
  function planningRepo(): string {
    const top = tempDir('okr-monorepo-');
    gitInit(top);
    writeFiles(top, {
      'README.md': 'a monorepo\n',
      'planning/okr.config.yaml': CONFIG,
      'planning/okrs/company.yaml': COMPANY,
      // Neither a dependency's nor a dot folder's config is a place the user keeps OKRs.
      'node_modules/some-tool/okr.config.yaml': 'roots: [x]\n',
      '.cache/okr.config.yaml': 'roots: [x]\n',
      'services/api/src/index.ts': 'export {};\n',
    });
    commitAll(top, 'monorepo');
    return top;
  }

  it('says where the okr.config.yaml files below lie and how to point at them, exit 2', () => {
    const top = planningRepo();
    for (const command of ['check', 'status', 'graph', 'report']) {
      const args = command === 'report' ? ['report', '-o', 'r.html'] : [command];
      const r = runOkr(args, { cwd: top });
      expect(r.code, command).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `okr: no okr.config.yaml and no OKR files in ${top}, but planning/okr.config.yaml lies below it\n` +
          `  hint: run okr where the OKRs are: "okr -C planning ${command}"; in the GitHub Action, set "working-directory: planning"\n`,
      );
    }
    // The hint works.
    expect(runOkr(['-C', 'planning', 'check', ...AS_OF], { cwd: top }).code).toBe(0);
  });

  it('diff and history, which read git, point at them too rather than answer with nothing', () => {
    const top = planningRepo();
    for (const args of [['diff'], ['history', 'grow/buyers']]) {
      const r = runOkr(args, { cwd: top });
      expect(r.code, args[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('but planning/okr.config.yaml lies below it');
      expect(r.stderr).toContain(`"okr -C planning ${args.join(' ')}"`);
    }
  });

  it('from a folder beside them, the -C folder is given from where okr runs', () => {
    const top = planningRepo();
    const r = runOkr(['check'], { cwd: join(top, 'services') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"okr -C ../planning check"');
    expect(r.stderr).toContain('"working-directory: planning"');
  });

  it('lists several, and without any below says only that nothing matched', () => {
    const top = planningRepo();
    writeFiles(top, { 'apps/web/okr.config.yaml': 'roots: [web]\n' });
    const r = runOkr(['check'], { cwd: top });
    expect(r.stderr).toMatch(
      /^okr: .* but apps\/web\/okr\.config\.yaml, planning\/okr\.config\.yaml lie below it\n/,
    );
    const bare = tempDir('okr-bare-');
    gitInit(bare);
    const none = runOkr(['check'], { cwd: bare });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `okr: no OKR files matched okrs/**/*.{yaml,yml} in ${bare}\n  hint: check "include" in okr.config.yaml, or run "okr init" to start\n`,
    );
  });
});
