import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { BlobReader, withBlobReader } from '../../src/git/cat-file.js';
import { GitError } from '../../src/git/errors.js';
import { okrLog } from '../../src/git/log.js';
import { defaultBase, gitTopLevel, requireCommit, resolveCommit } from '../../src/git/repo.js';
import { listTree } from '../../src/git/tree.js';
import { loadRevision } from '../../src/run/revision.js';
import { commitAll, git, gitInit, tempDir, writeFiles } from '../helpers.js';
import { companyYaml, okrRepo, teamYaml } from './okr-repo.js';

describe('git cat-file --batch reader', () => {
  it('answers many requests in order through one process, null for missing objects', async () => {
    const dir = okrRepo({ 'okrs/a.yaml': 'a: 1\n', 'okrs/b.yaml': 'b: 2\n' });
    const reader = new BlobReader(dir);
    try {
      const answers = await Promise.all(
        ['HEAD:okrs/a.yaml', 'HEAD:okrs/missing.yaml', 'HEAD:okrs/b.yaml', 'HEAD:okrs/a.yaml'].map((o) =>
          reader.read(o),
        ),
      );
      expect(answers.map((a) => a?.toString() ?? null)).toEqual(['a: 1\n', null, 'b: 2\n', 'a: 1\n']);
    } finally {
      reader.close();
    }
  });

  it('reads a blob larger than one pipe chunk whole', async () => {
    const big = `${'x'.repeat(200_000)}\n`;
    const dir = okrRepo({ 'okrs/big.yaml': big });
    const text = await withBlobReader(dir, async (r) => (await r.read('HEAD:okrs/big.yaml'))?.toString());
    expect(text).toBe(big);
  });
});

describe('reading a revision', () => {
  it('lists and loads the OKR files of a commit, not the working tree, relative to the config root', async () => {
    const dir = tempDir('okr-git-');
    gitInit(dir);
    writeFiles(dir, {
      'planning/okr.config.yaml': 'roots: [company]\n',
      'planning/okrs/company.yaml': companyYaml({ target: 200 }),
      'planning/notes.md': 'not an OKR file\n',
    });
    const first = commitAll(dir, 'one', '2026-10-02T12:00:00Z');
    writeFiles(dir, { 'planning/okrs/company.yaml': companyYaml({ target: 300 }) });
    const root = join(dir, 'planning');
    expect((await listTree(root, first)).map((e) => e.path).sort()).toEqual([
      'notes.md',
      'okr.config.yaml',
      'okrs/company.yaml',
    ]);
    const load = await withBlobReader(root, (r) => loadRevision(defaultConfig(root), first, r));
    expect(load.fileCount).toBe(1);
    expect(load.files[0]!.source.path).toBe('okrs/company.yaml');
    expect(load.files[0]!.data.objectives[0]!.key_results![0]!.target).toBe(200);
  });
});

describe('git log of the OKR files', () => {
  it('lists the commits that change OKR files, oldest first, a rename as a deletion and an addition', async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() }, '2026-10-01T09:00:00Z');
    writeFiles(dir, { 'README.md': 'not OKRs\n' });
    commitAll(dir, 'docs', '2026-10-03T09:00:00Z');
    git(dir, ['mv', 'okrs/company.yaml', 'okrs/top.yaml']);
    const renamed = commitAll(dir, 'rename', '2026-10-05T09:00:00Z');
    const log = await okrLog(defaultConfig(dir));
    expect(log.map((c) => new Date(c.day * 86_400_000).toISOString().slice(0, 10))).toEqual([
      '2026-10-01',
      '2026-10-05',
    ]);
    expect(log[1]!.sha).toBe(renamed);
    expect(log[1]!.changes.map((c) => [c.path, c.blob === null])).toEqual([
      ['okrs/company.yaml', true],
      ['okrs/top.yaml', false],
    ]);
  });

  it('dates a branch merged with a merge commit by the merge, along the first parent', async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() }, '2026-10-01T09:00:00Z');
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    commitAll(dir, 'team OKRs', '2026-10-04T09:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 130 }) });
    commitAll(dir, 'company check-in', '2026-10-06T09:00:00Z');
    git(dir, ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], '2026-10-08T09:00:00Z');
    const merge = git(dir, ['rev-parse', 'HEAD']).trim();
    const log = await okrLog(defaultConfig(dir));
    expect(log).toHaveLength(3);
    expect(log[2]!.sha).toBe(merge);
    expect(log[2]!.changes.map((c) => c.path)).toEqual(['okrs/team.yaml']);
  });

  it('is empty in a repository without commits', async () => {
    const dir = tempDir('okr-git-');
    gitInit(dir);
    expect(await okrLog(defaultConfig(dir))).toEqual([]);
  });
});

describe('revisions and the default base', () => {
  it('says an unknown revision is unknown', async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    expect(await resolveCommit(dir, 'no-such-branch')).toBeNull();
    await expect(requireCommit(dir, 'no-such-branch')).rejects.toThrow(/unknown revision "no-such-branch"/);
    await expect(requireCommit(dir, '--help')).rejects.toBeInstanceOf(GitError);
  });

  it('is null outside git', async () => {
    expect(await gitTopLevel(tempDir())).toBeNull();
  });

  it('takes the merge-base with main from a feature branch', async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const forkPoint = git(dir, ['rev-parse', 'HEAD']).trim();
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    commitAll(dir, 'team', '2026-10-03T12:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 140 }) });
    commitAll(dir, 'main moves on', '2026-10-04T12:00:00Z');
    git(dir, ['checkout', '-q', 'feature']);
    expect(await defaultBase(dir)).toEqual({ ref: 'main', sha: forkPoint });
  });

  it("prefers the remote's default branch (origin/HEAD) in a clone", async () => {
    const upstream = okrRepo({ 'okrs/company.yaml': companyYaml() });
    git(upstream, ['branch', '-q', 'master']);
    const clone = tempDir('okr-clone-');
    git(clone, ['clone', '-q', upstream, '.']);
    expect((await defaultBase(clone)).ref).toBe('origin/main');
  });
});
