import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { okrLog, okrLogs } from '../../src/git/log.js';
import { commitAll, git, writeFiles } from '../helpers.js';
import { companyYaml, okrRepo, teamYaml } from './okr-repo.js';

describe('okrLogs', () => {
  it('tells apart the first-parent histories of several commits from one git log', async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() }, '2026-10-01T12:00:00Z');
    const first = git(dir, ['rev-parse', 'HEAD']).trim();
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    const team = commitAll(dir, 'team', '2026-10-02T12:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'README.md': 'no OKR file\n' });
    commitAll(dir, 'readme', '2026-10-03T12:00:00Z');
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 150 }) });
    const main = commitAll(dir, 'company value', '2026-10-04T12:00:00Z');
    git(dir, ['checkout', '-q', 'feature']);
    git(dir, ['merge', '-q', '--no-ff', '-m', 'main into feature', 'main'], '2026-10-05T12:00:00Z');
    const merge = git(dir, ['rev-parse', 'HEAD']).trim();
    const config = loadConfig(dir);
    const logs = await okrLogs(config, [main, merge]);
    // main's own history; the feature's sees main's change in the merge, against its first parent.
    expect(logs.get(main)!.map((c) => c.sha)).toEqual([first, main]);
    expect(logs.get(merge)!.map((c) => c.sha)).toEqual([first, team, merge]);
    // The same commits and changes as one okrLog a tip.
    const strip = (commits: readonly { sha: string; day: number; parentless: boolean; changes: unknown }[]) =>
      commits.map(({ sha, day, parentless, changes }) => ({ sha, day, parentless, changes }));
    expect(strip(logs.get(merge)!)).toEqual(strip(await okrLog(config, merge)));
    expect(strip(logs.get(main)!)).toEqual(strip(await okrLog(config, main)));
  });
});
