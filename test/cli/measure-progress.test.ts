import { describe, expect, it } from 'vitest';
import { type Io, showsProgress } from '../../src/cli/io.js';

const io = (stderrIsTTY: boolean, env: NodeJS.ProcessEnv): Io => ({
  out: () => {},
  err: () => {},
  stdoutIsTTY: false,
  stderrIsTTY,
  env,
});

describe('showsProgress (the progress line of okr measure)', () => {
  it('is on for a terminal only, and off with TERM=dumb or NO_COLOR (SPEC §13)', () => {
    expect(showsProgress(io(true, {}))).toBe(true);
    expect(showsProgress(io(false, {}))).toBe(false);
    expect(showsProgress(io(true, { TERM: 'dumb' }))).toBe(false);
    expect(showsProgress(io(true, { NO_COLOR: '1' }))).toBe(false);
    expect(showsProgress(io(true, { NO_COLOR: '' }))).toBe(true);
  });
});
