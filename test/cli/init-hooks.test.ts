import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, commitAll, git, gitInit, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

const HOOK = '.git/hooks/commit-msg';

/** The PATH of a user who installed okr: the built bin/okr first, and node for its first line. */
const WITH_OKR = `${join(REPO_ROOT, 'bin')}:${dirname(process.execPath)}:${process.env.PATH}`;

/** A repository holding the objective `grow` and its KR `revenue`, one commit made. */
function repository(config = ''): string {
  const dir = tempDir('okr-hooks-');
  gitInit(dir);
  writeFiles(dir, { 'okrs/company.yaml': COMPANY_YAML, ...(config ? { 'okr.config.yaml': config } : {}) });
  commitAll(dir, 'OKRs');
  return dir;
}

/**
 * Runs `git commit` as a user would, hooks and all, in `cwd`: a file changed so there is something
 * to commit. Resolves to git's exit code, its stderr (where the hook's warnings go) and the subject
 * of HEAD afterwards.
 */
function commit(
  cwd: string,
  message: string,
  { path = WITH_OKR, edited = false }: { path?: string; edited?: boolean } = {},
): { code: number; stderr: string; head: string } {
  writeFileSync(join(cwd, 'change.txt'), `${message}\n`);
  const env = {
    ...process.env,
    PATH: path,
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1',
  };
  git(cwd, ['add', '-A']);
  // Edited: the message file the hook gets is the one an editor shows, comments and diff included.
  const args = edited
    ? ['commit', '-q', '-v', '-e', '-F', writeMessage(message)]
    : ['commit', '-q', '-m', message];
  const r = spawnSync('git', args, {
    cwd,
    env: { ...env, GIT_EDITOR: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr, head: git(cwd, ['log', '-1', '--format=%s']).trim() };
}

/** Writes `message` to a file outside the work tree, for `git commit -F`. */
function writeMessage(message: string): string {
  const file = join(tempDir('okr-hooks-message-'), 'MSG');
  writeFileSync(file, `${message}\n`);
  return file;
}

describe('okr init --hooks', () => {
  it('installs an executable commit-msg hook in .git/hooks, then says it is up to date', () => {
    const dir = repository();
    const first = runOkr(['init', '--hooks'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(`created ${HOOK}`);
    expect(first.stdout).toContain('never stops a commit');
    expect(statSync(join(dir, HOOK)).mode & 0o777).toBe(0o755);
    const hook = readFileSync(join(dir, HOOK), 'utf8');
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    // Only the hook: none of the scaffold's files.
    expect(existsSync(join(dir, 'okr.config.yaml'))).toBe(false);

    const second = runOkr(['init', '--hooks'], { cwd: dir });
    expect(second).toEqual({
      code: 0,
      stdout: `skipped ${HOOK}: it is okr's commit-msg hook, up to date\n`,
      stderr: '',
    });
    expect(readFileSync(join(dir, HOOK), 'utf8')).toBe(hook);
  });

  it('lets a commit naming a KR through without a word', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    const r = commit(dir, 'Cache the cart\n\nOKR: grow/revenue');
    expect(r).toEqual({ code: 0, stderr: '', head: 'Cache the cart' });
    expect(commit(dir, 'Plan the year\n\nOKR: grow').stderr).toBe('');
  });

  it('warns about a trailer naming no objective or KR, with the nearest id, and makes the commit', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    const r = commit(dir, 'Cache the cart\n\nOKR: grow/revenu');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'okr: trailer "OKR: grow/revenu" of the commit message names no objective or key result (did you mean "grow/revenue"?)\n' +
        '  hint: a trailer names an objective id or "objective-id/kr-id"; the commit is made all the same: fix its message with "git commit --amend"\n',
    );
    expect(r.head).toBe('Cache the cart');
    expect(git(dir, ['log', '-1', '--format=%(trailers:key=OKR,valueonly)']).trim()).toBe('grow/revenu');
  });

  it('matches the key case-insensitively, as git log does', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    expect(commit(dir, 'Cache the cart\n\nokr: grow/revenue').stderr).toBe('');
    const r = commit(dir, 'Cache the cart again\n\nokr: grow/revenu\nOkr: shrink');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('trailer "okr: grow/revenu" of the commit message names no objective');
    expect(r.stderr).toContain('(did you mean "grow/revenue"?)');
    expect(r.stderr).toContain(
      'trailer "Okr: shrink" of the commit message names no objective or key result\n',
    );
    expect(r.head).toBe('Cache the cart again');
  });

  it('takes no trailer-like line from the middle of the body, only the last paragraph', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    const r = commit(
      dir,
      'Cache the cart\n\nOKR: no-such-goal\nwas what the old message said.\n\nReviewed-by: Ann',
    );
    expect(r).toEqual({ code: 0, stderr: '', head: 'Cache the cart' });
  });

  it('reads an edited message as git keeps it: comment lines and the verbose diff left out', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    const quiet = commit(dir, 'Cache the cart\n\nOKR: grow/revenue\n# OKR: commented-out', { edited: true });
    expect(quiet).toEqual({ code: 0, stderr: '', head: 'Cache the cart' });
    const typo = commit(dir, 'Cache the cart again\n\nOKR: grow/revenu', { edited: true });
    expect(typo.stderr).toContain('"OKR: grow/revenu"');
    expect(typo.head).toBe('Cache the cart again');
  });

  it('reads the trailer okr.config.yaml names in work.trailer', () => {
    const dir = repository('work: { trailer: Goal }\n');
    runOkr(['init', '--hooks'], { cwd: dir });
    const goal = commit(dir, 'Cache the cart\n\nGoal: grow/revenu');
    expect(goal.stderr).toContain('trailer "Goal: grow/revenu" of the commit message names no objective');
    expect(goal.stderr).toContain('(did you mean "grow/revenue"?)');
    // OKR is no work trailer here.
    expect(commit(dir, 'Cache the cart again\n\nOKR: grow/revenu').stderr).toBe('');
  });

  it('installs where core.hooksPath points, and the hook runs from there', () => {
    const dir = repository();
    git(dir, ['config', 'core.hooksPath', '.githooks']);
    const r = runOkr(['init', '--hooks'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('created .githooks/commit-msg');
    expect(existsSync(join(dir, '.githooks', 'commit-msg'))).toBe(true);
    expect(existsSync(join(dir, HOOK))).toBe(false);
    expect(commit(dir, 'Cache the cart\n\nOKR: grow/revenu').stderr).toContain(
      '(did you mean "grow/revenue"?)',
    );
  });

  it('never replaces a commit-msg hook of the user, and says so naming the file', () => {
    const dir = repository();
    const own = '#!/bin/sh\n# our own checks\ngrep -q JIRA- "$1" || echo "no ticket" >&2\n';
    writeFileSync(join(dir, HOOK), own, { mode: 0o700 });
    for (const args of [
      ['init', '--hooks'],
      ['init', '--hooks', '--force'],
    ]) {
      const r = runOkr(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `okr: ${HOOK} is a commit-msg hook of your own; okr init --hooks does not replace it, so nothing was written\n` +
          '  hint: to have it warn about unknown trailers too, add this line to it: okr work --check-message "$1"\n',
      );
      expect(readFileSync(join(dir, HOOK), 'utf8')).toBe(own);
      expect(statSync(join(dir, HOOK)).mode & 0o777).toBe(0o700);
    }
  });

  it("rewrites okr's own hook when it differs from this version's", () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    const hook = readFileSync(join(dir, HOOK), 'utf8');
    writeFileSync(join(dir, HOOK), hook.replace('exit 0\n', 'echo older\nexit 0\n'));
    const r = runOkr(['init', '--hooks'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`updated ${HOOK}`);
    expect(readFileSync(join(dir, HOOK), 'utf8')).toBe(hook);
  });

  it('does nothing, and lets the commit through, when okr cannot be found', () => {
    const dir = repository();
    runOkr(['init', '--hooks'], { cwd: dir });
    // git's own folder only: no okr on the PATH and no node_modules in the repository.
    const gitOnly = dirname(spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim());
    const r = commit(dir, 'Cache the cart\n\nOKR: grow/revenu', { path: `${gitOnly}:/usr/bin:/bin` });
    expect(r).toEqual({ code: 0, stderr: '', head: 'Cache the cart' });
    // The same commit with okr on the PATH is warned about: the hook did run above.
    expect(commit(dir, 'Cache the cart again\n\nOKR: grow/revenu').stderr).toContain('"OKR: grow/revenu"');
  });

  it('runs okr at the okr root when the OKRs live in a subfolder of the repository', () => {
    const dir = tempDir('okr-hooks-mono-');
    gitInit(dir);
    writeFiles(dir, {
      'goals/okr.config.yaml': 'roots: [company]\n',
      'goals/okrs/company.yaml': COMPANY_YAML,
      'app/index.js': '',
    });
    commitAll(dir, 'OKRs');
    const r = runOkr(['init', '--hooks'], { cwd: join(dir, 'goals') });
    expect(r.stdout.split('\n')[0]).toBe(`created ${HOOK}`);
    expect(commit(dir, 'Cache the cart\n\nOKR: grow/revenue').stderr).toBe('');
    expect(commit(dir, 'Cache the cart again\n\nOKR: grow/revenu').stderr).toContain(
      '(did you mean "grow/revenue"?)',
    );
  });

  it('serves every worktree from the hooks folder they share', () => {
    const dir = repository();
    const tree = join(tempDir('okr-hooks-tree-'), 'feature');
    git(dir, ['worktree', 'add', '-q', '-b', 'feature', tree]);
    const r = runOkr(['init', '--hooks'], { cwd: tree });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`created ${join(dir, HOOK)}`);
    expect(commit(tree, 'Cache the cart\n\nOKR: grow/revenu').stderr).toContain('"grow/revenue"');
    expect(commit(dir, 'Cache the cart\n\nOKR: grow/revenu').stderr).toContain('"grow/revenue"');
  });

  it('refuses outside a git repository, and with --measure or --schemas', () => {
    const plain = tempDir();
    const r = runOkr(['init', '--hooks'], { cwd: plain });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^okr: okr init --hooks: .* is not in a git repository/);
    const both = runOkr(['init', '--hooks', '--measure'], { cwd: repository() });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--hooks installs the hook alone');
  });
});

describe('okr work --check-message', () => {
  it('warns on stderr and exits 0; a message without work trailers reads no OKR file', () => {
    const dir = repository();
    writeFileSync(
      join(dir, 'MSG'),
      'Cache the cart\n\nOKR: grow/revenu\nOKR: grow/revenu\nOKR: grow/revenue\n',
    );
    const r = runOkr(['work', '--check-message', 'MSG'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // Each ref once, however often the message names it.
    expect(r.stderr.match(/grow\/revenu"/g)).toHaveLength(1);

    // A broken OKR file is named when the files are read: with a work trailer only.
    writeFiles(dir, { 'okrs/broken.yaml': 'objectives: [\n' });
    expect(runOkr(['work', '--check-message', 'MSG'], { cwd: dir }).stderr).toContain('okrs/broken.yaml has');
    writeFiles(dir, { MSG: 'Cache the cart\n\nReviewed-by: Ann\n' });
    expect(runOkr(['work', '--check-message', 'MSG'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('names a message file that does not exist', () => {
    const r = runOkr(['work', '--check-message', 'NOPE'], { cwd: repository() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file "NOPE"');
  });
});
