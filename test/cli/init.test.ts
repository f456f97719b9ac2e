import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, gitInit, makeProject, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

const AS_OF = '2026-11-20';
const REPO_SCHEMAS = join(REPO_ROOT, 'schemas');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const FILES = [
  'okr.config.yaml',
  'okrs/strategy.yaml',
  'okrs/2026-Q4/company.yaml',
  '.github/workflows/okr.yml',
  '.okr/schemas/okr-file.schema.json',
  '.okr/schemas/strategy.schema.json',
  '.okr/schemas/config.schema.json',
  '.vscode/settings.json',
];

/** Every file below `dir` (the .git folder aside) with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
    if (!path.startsWith('.git/') && path !== '.git' && statSync(join(dir, path)).isFile())
      files[path] = readFileSync(join(dir, path), 'utf8');
  return files;
}

describe('okr init', () => {
  it('scaffolds a repository that okr check passes at the same date', () => {
    const dir = tempDir();
    gitInit(dir);
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, FILES.length)).toEqual(FILES.map((f) => `created ${f}`));
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

  it("writes a workflow that runs okr's Action at this version on the current branch, the diff left to the Action", () => {
    const dir = tempDir();
    git(dir, ['init', '-q', '-b', 'master']);
    runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    const text = readFileSync(join(dir, '.github/workflows/okr.yml'), 'utf8');
    const workflow = parse(text);
    expect(workflow.on).toEqual({ push: { branches: ['master'] }, pull_request: null });
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const steps = workflow.jobs.okr.steps as {
      uses?: string;
      with?: Record<string, unknown>;
      run?: string;
    }[];
    expect(steps).toHaveLength(2);
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps[0]!.with).toEqual({ 'fetch-depth': 0 });
    expect(steps[1]).toEqual({ uses: `okr-cli/okr@v${VERSION}` });
    // The Action writes okr diff's summary; the workflow adds no second one.
    expect(text).not.toContain('GITHUB_STEP_SUMMARY');
    expect(text).not.toContain('npx');
  });

  it("triggers on the remote's default branch when origin/HEAD names one", () => {
    const dir = tempDir();
    git(dir, ['init', '-q', '-b', 'feature']);
    git(dir, ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk']);
    runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    const workflow = parse(readFileSync(join(dir, '.github/workflows/okr.yml'), 'utf8'));
    expect(workflow.on.push).toEqual({ branches: ['trunk'] });
  });

  it('maps each schema to its files for the editor, through copies in the repository', () => {
    const dir = makeProject({});
    runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    const byFile = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k.split('/').pop(), v]));
    expect(byFile['okr-file.schema.json']).toContain('okrs/**/*.yaml');
    expect(byFile['okr-file.schema.json']).toContain('!okrs/strategy.yaml');
    expect(byFile['strategy.schema.json']).toEqual(['okrs/strategy.yaml']);
    expect(byFile['config.schema.json']).toEqual(['okr.config.yaml']);
    for (const path of Object.keys(schemas)) {
      expect(path).toMatch(/^\.\/\.okr\/schemas\/[a-z-]+\.schema\.json$/);
      expect(readFileSync(join(dir, path), 'utf8')).toBe(
        readFileSync(join(REPO_SCHEMAS, path.split('/').pop()!), 'utf8'),
      );
    }
  });

  it("points the editor at a local dev dependency's schemas, and writes no copies", () => {
    const dir = makeProject({});
    cpSync(REPO_SCHEMAS, join(dir, 'node_modules', 'okr-cli', 'schemas'), { recursive: true });
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(Object.keys(settings['yaml.schemas'])).toEqual([
      './node_modules/okr-cli/schemas/okr-file.schema.json',
      './node_modules/okr-cli/schemas/strategy.schema.json',
      './node_modules/okr-cli/schemas/config.schema.json',
    ]);
    expect(existsSync(join(dir, '.okr'))).toBe(false);
    const refresh = runOkr(['init', '--schemas'], { cwd: dir });
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toContain("okr's schemas are in ./node_modules/okr-cli/schemas/");
    expect(existsSync(join(dir, '.okr'))).toBe(false);
  });

  it('run twice, writes nothing the second time and says what it skipped', () => {
    const dir = tempDir();
    gitInit(dir);
    expect(runOkr(['init', '--as-of', AS_OF], { cwd: dir }).code).toBe(0);
    const before = snapshot(dir);
    const again = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(snapshot(dir)).toEqual(before);
    expect(again.stdout).toBe(
      [
        ...FILES.slice(0, 4).map((f) => `skipped ${f}: it exists (okr init --force replaces it)`),
        "skipped .vscode/settings.json: its yaml.schemas already maps okr's schemas",
        '',
      ].join('\n'),
    );
  });

  it('in a repository with OKR files, adds only what is missing and names what it skipped', () => {
    const team = 'owner: team\ncycle: 2026-Q4\nobjectives: []\n';
    const dir = makeProject({ 'okr.config.yaml': 'roots: [team]\n', 'okrs/team/okrs.yaml': team });
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('skipped okr.config.yaml: it exists (okr init --force replaces it)\n');
    expect(r.stdout).toContain(
      'skipped okrs/2026-Q4/company.yaml: the repository already has OKR files under okrs/\n',
    );
    expect(r.stdout).toContain('created okrs/strategy.yaml\n');
    expect(r.stdout).toContain('created .github/workflows/okr.yml\n');
    expect(r.stdout).not.toContain('Next:');
    expect(existsSync(join(dir, 'okrs/2026-Q4/company.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'okr.config.yaml'), 'utf8')).toBe('roots: [team]\n');
    expect(readFileSync(join(dir, 'okrs/team/okrs.yaml'), 'utf8')).toBe(team);
  });

  it("merges okr's schemas into hand-written editor settings, keeping every key and comment, once", () => {
    const settings = `// Team settings: keep them tidy.
{
\t"editor.tabSize": 4, // we like four
\t/* Markdown */
\t"[markdown]": { "editor.wordWrap": "on" },
\t"yaml.schemas": {
\t\t"https://json.schemastore.org/github-workflow.json": ".github/workflows/*.yml", // CI
\t},
}
`;
    const dir = makeProject({ '.vscode/settings.json': settings });
    const first = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(
      'updated .vscode/settings.json (yaml.schemas: ./.okr/schemas/okr-file.schema.json',
    );
    const merged = readFileSync(join(dir, '.vscode/settings.json'), 'utf8');
    // Every line of the user's is still there, unchanged and in order, each comment on its line.
    const lines = merged.split('\n');
    let at = 0;
    for (const line of settings.split('\n')) {
      const found = lines.indexOf(line, at);
      expect(found, JSON.stringify(line)).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    const parsed = parseJsonc(merged) as Record<string, unknown>;
    expect(parsed['editor.tabSize']).toBe(4);
    expect(parsed['[markdown]']).toEqual({ 'editor.wordWrap': 'on' });
    expect(Object.keys(parsed['yaml.schemas'] as object)).toEqual([
      'https://json.schemastore.org/github-workflow.json',
      './.okr/schemas/okr-file.schema.json',
      './.okr/schemas/strategy.schema.json',
      './.okr/schemas/config.schema.json',
    ]);
    // The added lines are indented with tabs, as the user's are.
    expect(merged).toContain('\n\t\t"./.okr/schemas/config.schema.json": [\n\t\t\t"okr.config.yaml"\n\t\t]');

    const second = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      "skipped .vscode/settings.json: its yaml.schemas already maps okr's schemas\n",
    );
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe(merged);
  });

  it('adds its entries after the last setting, whose comment stays on its line, with the line ends of the file', () => {
    const dir = makeProject({
      '.vscode/settings.json': '{\r\n  "files.eol": "\\r\\n" // Windows team\r\n}\r\n',
    });
    expect(runOkr(['init', '--as-of', AS_OF], { cwd: dir }).code).toBe(0);
    const merged = readFileSync(join(dir, '.vscode/settings.json'), 'utf8');
    expect(
      merged.startsWith('{\r\n  "files.eol": "\\r\\n", // Windows team\r\n  "yaml.schemas": {\r\n'),
    ).toBe(true);
    expect(merged.endsWith('\r\n    ]\r\n  }\r\n}\r\n')).toBe(true);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(Object.keys((parseJsonc(merged) as Record<string, object>)['yaml.schemas']!)).toHaveLength(3);
  });

  it('leaves a schema the editor settings already map, from wherever, to the user', () => {
    const settings =
      '{\n  "yaml.schemas": {\n    "../shared/okr-file.schema.json": ["okrs/**/*.yaml"]\n  }\n}\n';
    const dir = makeProject({ '.vscode/settings.json': settings });
    expect(runOkr(['init', '--as-of', AS_OF], { cwd: dir }).code).toBe(0);
    const schemas = Object.keys(
      JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['yaml.schemas'],
    );
    expect(schemas).toEqual([
      '../shared/okr-file.schema.json',
      './.okr/schemas/strategy.schema.json',
      './.okr/schemas/config.schema.json',
    ]);
  });

  it('refuses editor settings it cannot read, naming the place, and writes nothing', () => {
    const dir = makeProject({
      '.vscode/settings.json': '{\n  "editor.tabSize": 4\n  "files.eol": "\\n"\n}\n',
    });
    const r = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'okr: .vscode/settings.json:3:3: is not valid JSON with comments (CommaExpected); fix it, or add the "yaml.schemas" of docs/editors.md by hand; nothing was written\n',
    );
    expect(Object.keys(snapshot(dir))).toEqual(['.vscode/settings.json']);
  });

  it('okr init --schemas refreshes the schema copies and touches nothing else', () => {
    const dir = makeProject({});
    expect(runOkr(['init', '--as-of', AS_OF], { cwd: dir }).code).toBe(0);
    const copy = join(dir, '.okr/schemas/okr-file.schema.json');
    writeFileSync(copy, '{ "title": "an older okr-file schema" }\n');
    writeFileSync(join(dir, 'okr.config.yaml'), 'roots: [team]\n');
    const plain = runOkr(['init', '--as-of', AS_OF], { cwd: dir });
    expect(plain.stdout).toContain(
      "skipped .okr/schemas/okr-file.schema.json: it is okr's schema of another version (okr init --schemas refreshes it)\n",
    );
    expect(readFileSync(copy, 'utf8')).toBe('{ "title": "an older okr-file schema" }\n');
    const before = snapshot(dir);
    const refresh = runOkr(['init', '--schemas'], { cwd: dir });
    expect(refresh).toMatchObject({ code: 0, stderr: '' });
    expect(refresh.stdout).toBe(
      "replaced .okr/schemas/okr-file.schema.json\nskipped .vscode/settings.json: its yaml.schemas already maps okr's schemas\n",
    );
    const after = snapshot(dir);
    expect(after['.okr/schemas/okr-file.schema.json']).toBe(
      readFileSync(join(REPO_SCHEMAS, 'okr-file.schema.json'), 'utf8'),
    );
    delete before['.okr/schemas/okr-file.schema.json'];
    delete after['.okr/schemas/okr-file.schema.json'];
    expect(after).toEqual(before);
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
