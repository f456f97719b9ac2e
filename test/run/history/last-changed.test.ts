import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/dates.js';
import type { LogCommit } from '../../../src/git/log.js';
import { loadOkrSource } from '../../../src/load/load.js';
import { lastChangedDays } from '../../../src/run/history/last-changed.js';
import { teamYaml } from '../../git/okr-repo.js';

// Blob ids stand for the texts here; the walk over real git is tested end to end in test/cli.
const blobs = new Map<string, string>([
  ['v1', teamYaml({ current: 2.1 })],
  ['v2', teamYaml({ current: 2.4 })],
  ['v2-retitled', teamYaml({ current: 2.4 }).replace('Raise the', 'Lift the')],
]);
const read = async (blob: string) => Buffer.from(blobs.get(blob)!);

function commit(date: string, changes: [string, string | null][], parentless = false): LogCommit {
  return {
    sha: `sha-${date}`,
    day: parseDay(date)!,
    parentless,
    changes: changes.map(([path, blob]) => ({ path, blob })),
  };
}

const day = (date: string) => parseDay(date)!;

describe('lastChangedDays', () => {
  const history = [
    commit('2026-10-01', [['okrs/a.yaml', 'v1']], true),
    commit('2026-10-10', [['okrs/a.yaml', 'v2']]),
    commit('2026-10-12', [['okrs/a.yaml', 'v2-retitled']]),
    commit('2026-10-15', [
      ['okrs/a.yaml', null],
      ['okrs/b.yaml', 'v2-retitled'],
    ]),
  ];

  it('dates each KR by the last commit that changed its value, not its title or its file', async () => {
    const { days } = await lastChangedDays(history, read, { shallow: false });
    expect([...days]).toEqual([['checkout/conversion', day('2026-10-10')]]);
  });

  it('knows nothing of changes after the day asked about', async () => {
    const { days } = await lastChangedDays(history, read, { shallow: false, until: day('2026-10-05') });
    expect(days.get('checkout/conversion')).toBe(day('2026-10-01'));
  });

  it('does not take the first commit of a shallow clone for a change, and says which KRs it leaves undated', async () => {
    const cut = await lastChangedDays(history.slice(0, 1), read, { shallow: true });
    expect(cut.days.size).toBe(0);
    expect([...cut.beyondCut]).toEqual(['checkout/conversion']);
    // A change after the cut dates the KR again.
    const changed = await lastChangedDays(history.slice(0, 2), read, { shallow: true });
    expect([...changed.days]).toEqual([['checkout/conversion', day('2026-10-10')]]);
    expect(changed.beyondCut.size).toBe(0);
  });

  it('dates a value edited in the working tree by the day given', async () => {
    const edited = loadOkrSource('okrs/b.yaml', teamYaml({ current: 2.9 })).file!;
    const { days } = await lastChangedDays(history, read, {
      shallow: false,
      worktree: { files: [edited], day: day('2026-11-01') },
    });
    expect(days.get('checkout/conversion')).toBe(day('2026-11-01'));
  });
});
