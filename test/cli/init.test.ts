import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitInit, makeProject, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

const AS_OF = '2026-11-20';
const REPO_SCHEMAS = join(REPO_ROOT, 'schemas');
const FILES = [
  'okr.config.yaml',
  'okrs/strategy.yaml',
  'okrs/2026-Q4/company.yaml',
  '.github/workflows/okr.yml',
  '.vscode/settings.json',
];

describe('okr init', () => {
  it('scaffolds a repository that okr check passes at the same date', () => {
    const dir = tempDir();
    gitInit(dir);
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual(FILES.map((f) => `created ${f}`));
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);

    const check = runOkr(['check', '--format', 'json', '--as-of', AS_OF], { cwd: dir });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      problems: [],
      errorCount: 0,
      warningCount: 0,
      fileCount: 1,
    });
    const status = JSON.parse(runOkr(['status', '--format', 'json', '--as-of', AS_OF], { cwd: dir }).stdout);
    expect(status.objectives[0].keyResults.map((k: { kind: string }) => k.kind)).toEqual([
      'numeric',
      'threshold',
      'milestone',
      'judged',
    ]);
  });

  it('names the example file after the quarter of --as-of, and its check-in after the day', () => {
    const dir = makeProject({});
    expect(runOkr(['init', '--as-of', '2027-05-31'], { cwd: dir }).code).toBe(0);
    const example = readFileSync(join(dir, 'okrs/2027-Q2/company.yaml'), 'utf8');
    expect(example).toContain('cycle: 2027-Q2\n');
    expect(example).toContain('{ date: 2027-05-31, value: 2.1');
  });

  it('writes a workflow that checks, and on pull requests puts the diff in the summary', () => {
    const dir = makeProject({});
    runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    const workflow = parse(readFileSync(join(dir, '.github/workflows/okr.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    const steps = workflow.jobs.okr.steps as {
      uses?: string;
      with?: Record<string, unknown>;
      run?: string;
      if?: string;
    }[];
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npx okr check');
    const diff = steps.find((s) => s.run?.includes('okr diff'))!;
    expect(diff.run).toContain('--format markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(diff.if).toContain("github.event_name == 'pull_request'");
  });

  it('maps each schema to its files for the editor', () => {
    const dir = makeProject({});
    runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    const byFile = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k.split('/').pop(), v]));
    expect(byFile['okr-file.schema.json']).toContain('okrs/**/*.yaml');
    expect(byFile['okr-file.schema.json']).toContain('!okrs/strategy.yaml');
    expect(byFile['strategy.schema.json']).toEqual(['okrs/strategy.yaml']);
    expect(byFile['config.schema.json']).toEqual(['okr.config.yaml']);
    for (const path of Object.keys(schemas))
      expect(existsSync(join(REPO_SCHEMAS, path.split('/').pop()!)), path).toBe(true);
  });

  it('refuses to overwrite any existing file and writes none of the others', () => {
    const dir = makeProject({ '.vscode/settings.json': '{ "editor.tabSize": 4 }\n' });
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^okr: \.vscode\/settings\.json already exists in .*; nothing was written\. Run "okr init --force" to replace it\n$/,
    );
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe('{ "editor.tabSize": 4 }\n');
    for (const f of FILES.slice(0, 4)) expect(existsSync(join(dir, f)), f).toBe(false);
  });

  it('replaces existing files with --force, then okr check passes', () => {
    const dir = makeProject({});
    writeFiles(dir, { 'okr.config.yaml': 'roots: [\n', 'okrs/strategy.yaml': 'vision: old\n' });
    const r = runOkr(['init', '--force', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'replaced okr.config.yaml\nreplaced okrs/strategy.yaml\ncreated okrs/2026-Q4/company.yaml\n',
    );
    expect(readFileSync(join(dir, 'okrs/strategy.yaml'), 'utf8')).not.toContain('vision: old');
    expect(runOkr(['check', '--as-of', AS_OF], { cwd: dir }).code).toBe(0);
  });

  it('removes what it created when a file cannot be written', () => {
    // A file where a folder must go stops the write even for root, unlike permission bits.
    const dir = makeProject({ '.github': 'not a folder\n' });
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^okr: cannot write \.github\/workflows\/okr\.yml: E[A-Z]+; okr init stopped and removed the files it had created\n$/,
    );
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(false);
    expect(readFileSync(join(dir, '.github'), 'utf8')).toBe('not a folder\n');
  });

  it('writes at the repository root when run in a subfolder', () => {
    const dir = tempDir();
    gitInit(dir);
    writeFileSync(join(dir, 'README.md'), '# team\n');
    writeFiles(dir, { 'docs/x.md': 'x\n' });
    expect(runOkr(['init', '--as-of', AS_OF], { cwd: join(dir, 'docs') }).code).toBe(0);
    expect(existsSync(join(dir, 'okr.config.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'docs', 'okr.config.yaml'))).toBe(false);
  });
});
