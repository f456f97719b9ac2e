import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import { judge } from '../../src/run/judge.js';
import { okrYaml } from '../git/okr-repo.js';
import { commitAll, git, gitInit, makeProject, tempDir, writeFiles } from '../helpers.js';

const team = (target: number, current: number) =>
  okrYaml('ops', '2026-Q4', [
    {
      id: 'ops',
      title: 'Keep every service fast for our buyers',
      krs: [{ id: 'fixes', start: 0, target, current }],
    },
  ]);

const staleIds = (j: Awaited<ReturnType<typeof judge>>) =>
  j.analysis.diagnostics
    .filter((d) => d.ruleId === 'stale-kr')
    .map((d) => [d.target, d.message.match(/\(change on [\d-]+\)/)?.[0]]);

describe('judge', () => {
  /** A KR whose value last changed on 2026-10-02 at the first commit, on 2026-11-10 at the second. */
  function repo(): { dir: string; first: string; second: string } {
    const dir = tempDir('okr-judge-');
    gitInit(dir);
    writeFiles(dir, { 'okrs/ops.yaml': team(10, 2) });
    const first = commitAll(dir, 'plan', '2026-10-02T12:00:00Z');
    writeFiles(dir, { 'okrs/ops.yaml': team(10, 4) });
    const second = commitAll(dir, 'check-in', '2026-11-10T12:00:00Z');
    return { dir, first, second };
  }

  it('judges a revision by the history up to it, as okr check judges that revision', async () => {
    const { dir, first, second } = repo();
    const config = loadConfig(dir);
    const asOf = parseDay('2026-11-20')!;
    const atFirst = await judge({ config, asOf, env: process.env, revision: first });
    expect(staleIds(atFirst)).toEqual([['ops/fixes', '(change on 2026-10-02)']]);
    const atSecond = await judge({ config, asOf, env: process.env, revision: second });
    expect(staleIds(atSecond)).toEqual([]);
    // The working tree, edited: a value changed today (the day judged) is fresh.
    writeFiles(dir, { 'okrs/ops.yaml': team(10, 5) });
    const worktree = await judge({ config, asOf: parseDay('2026-12-20')!, env: process.env });
    expect(staleIds(worktree)).toEqual([]);
    expect(worktree.undatedByTheCut).toBe(0);
  });

  it('judges a revision with the base graph of --base for moved-goalpost', async () => {
    const { dir, first } = repo();
    writeFiles(dir, { 'okrs/ops.yaml': team(8, 4) });
    const judged = await judge({
      config: loadConfig(dir),
      asOf: parseDay('2026-11-11')!,
      env: process.env,
      base: { rev: first, command: 'okr check --base' },
    });
    expect(
      judged.analysis.diagnostics.filter((d) => d.ruleId === 'moved-goalpost').map((d) => d.target),
    ).toEqual(['ops/fixes']);
  });

  it('counts the KRs a shallow clone leaves undated, and reads no git outside a repository', async () => {
    const { dir } = repo();
    writeFiles(dir, { 'README.md': 'OKRs\n' });
    commitAll(dir, 'readme', '2026-11-15T12:00:00Z');
    const clone = tempDir('okr-judge-clone-');
    git(clone, ['clone', '-q', '--depth', '1', `file://${dir}`, '.']);
    const shallow = await judge({
      config: loadConfig(clone),
      asOf: parseDay('2026-12-10')!,
      env: process.env,
    });
    expect(staleIds(shallow)).toEqual([]);
    expect(shallow.undatedByTheCut).toBe(1);
    // After its cycle, no KR could be stale: nothing to say.
    const after = await judge({ config: loadConfig(clone), asOf: parseDay('2027-01-10')!, env: process.env });
    expect(after.undatedByTheCut).toBe(0);
    const outside = makeProject({ 'okrs/ops.yaml': team(10, 2) });
    const plain = await judge({ config: loadConfig(outside), asOf: parseDay('2026-12-10')!, env: {} });
    expect(staleIds(plain)).toEqual([]);
    expect(plain.analysis.load.fileCount).toBe(1);
  });
});
