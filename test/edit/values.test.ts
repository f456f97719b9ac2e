import { describe, expect, it } from 'vitest';
import { parseCheckinDate, parseCheckinValue, parseConfidence } from '../../src/edit/values.js';

describe('reading check-in values', () => {
  it('takes finite decimal numbers only for numeric and threshold KRs', () => {
    for (const t of ['2.7', '-3', '+4', '.5', '1e3', ' 7 '])
      expect(parseCheckinValue('numeric', t).ok).toBe(true);
    for (const t of ['', 'abc', '0x10', 'Infinity', 'NaN', '1,5', '1e999', '2.7%'])
      expect(parseCheckinValue('threshold', t).ok, t).toBe(false);
  });

  it('takes the milestone words', () => {
    for (const [t, v] of [
      ['true', true],
      ['DONE', true],
      ['yes', true],
      ['false', false],
      ['undone', false],
      ['No', false],
    ] as const)
      expect(parseCheckinValue('milestone', t)).toEqual({ ok: true, value: v });
    expect(parseCheckinValue('milestone', '1').ok).toBe(false);
  });

  it('takes 0..1 for judged KRs and confidence, real dates only', () => {
    expect(parseCheckinValue('judged', '0.6')).toEqual({ ok: true, value: 0.6 });
    expect(parseCheckinValue('judged', '60')).toEqual({
      ok: false,
      expected: 'a progress from 0 to 1, e.g. 0.6; for 60% write 0.6',
    });
    expect(parseCheckinValue('judged', '-0.1').ok).toBe(false);
    expect(parseConfidence('1').ok).toBe(true);
    expect(parseConfidence('1.01').ok).toBe(false);
    expect(parseCheckinDate('2028-02-29').ok).toBe(true);
    expect(parseCheckinDate('2026-02-29').ok).toBe(false);
    expect(parseCheckinDate('2026-1-5').ok).toBe(false);
  });
});
