import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import { diffRevisions } from '../../src/run/diff.js';
import { companyYaml, okrRepo, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, writeFiles } from '../helpers.js';

describe('diffRevisions', () => {
  it("judges each side's staleness from its own history, even when the base is not on the head's", async () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() }, '2026-10-01T12:00:00Z');
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    const feature = commitAll(dir, 'team', '2026-11-18T12:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 130 }) });
    const main = commitAll(dir, 'buyers check-in on main', '2026-11-15T12:00:00Z');
    const { diff } = await diffRevisions({
      config: loadConfig(dir),
      asOf: parseDay('2026-11-20')!,
      env: process.env,
      base: main,
      head: feature,
    });
    // On main, "grow/buyers" changed five days before; on the feature branch, fifty days before.
    expect(
      diff.problems.introduced
        .filter((d) => d.ruleId === 'stale-kr')
        .map((d) => [d.target, d.message.match(/\(change on [\d-]+\)/)?.[0]]),
    ).toEqual([['grow/buyers', '(change on 2026-10-01)']]);
    expect(diff.problems.fixed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.progress.map((p) => [p.id, p.from, p.to])).toEqual([
      ['grow', 0.3, 0.2],
      ['grow/buyers', 0.3, 0.2],
    ]);
  });
});
