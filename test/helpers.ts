import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const OKR_BIN = join(REPO_ROOT, 'bin', 'okr');

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'okr-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes files (path → content) below `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
}

/**
 * A copy of the built package (bin, dist, schemas, package.json; node_modules linked), for a test
 * that changes okr's own files. Its okr is `join(dir, 'bin', 'okr')`.
 */
export function packageCopy(): string {
  const dir = tempDir('okr-package-');
  for (const part of ['bin', 'dist', 'schemas', 'package.json'])
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A temporary folder holding `files`. */
export function makeProject(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * The environment okr runs in under test: this process's, colours off, no COLUMNS, then `extra`
 * (a variable set to undefined there is removed).
 */
export function okrEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    // Tables fit COLUMNS: a terminal's own must not change what the tests see.
    COLUMNS: undefined,
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** Runs the built `bin/okr` as a user would: a child process in `cwd`, colours off unless asked. */
export function runOkr(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string },
): RunResult {
  const result = spawnSync(process.execPath, [OKR_BIN, ...args], {
    cwd: options.cwd,
    env: okrEnv(options.env),
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** Runs git in `cwd` with fixed identity; `date` (ISO) fixes author and committer dates. */
export function git(cwd: string, args: string[], date?: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: cwd,
  };
  if (date) {
    env.GIT_AUTHOR_DATE = date;
    env.GIT_COMMITTER_DATE = date;
  }
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** `git init` with a main branch in `dir`. */
export function gitInit(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
}

/** Stages everything and commits it at `date`. */
export function commitAll(dir: string, message: string, date = '2026-10-01T12:00:00Z'): string {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], date);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** A company file of one objective with one numeric key result (grow/revenue), for the cache tests. */
export const COMPANY_YAML = `owner: company
cycle: 2026
objectives:
  - id: grow
    title: Grow revenue with our merchants across Europe
    key_results:
      - id: revenue
        title: Raise yearly revenue
        start: 10
        target: 20
        current: 15
`;
