import { describe, expect, it } from 'vitest';
import { CheckinEditError } from '../../src/edit/checkin.js';
import { applyClose } from '../../src/edit/close.js';

describe('applyClose', () => {
  it('adds the line after cycle: and its comment, at the indentation of the keys', () => {
    const text = 'owner: a\ncycle: 2026-Q3   # the summer\n\n# objectives below\nobjectives: []\n';
    expect(applyClose(text, '2026-10-02')).toBe(
      'owner: a\ncycle: 2026-Q3   # the summer\nclosed: 2026-10-02\n\n# objectives below\nobjectives: []\n',
    );
  });

  it('keeps Windows line breaks, a byte-order mark and a last line without a line break', () => {
    expect(applyClose('\ufeffowner: a\r\nobjectives: []\r\ncycle: 2026', '2026-12-31')).toBe(
      '\ufeffowner: a\r\nobjectives: []\r\ncycle: 2026\r\nclosed: 2026-12-31',
    );
  });

  it('writes into a flow mapping as one more entry', () => {
    expect(applyClose('{ owner: a, cycle: 2026-Q3, objectives: [] }\n', '2026-10-02')).toBe(
      '{ owner: a, cycle: 2026-Q3, closed: 2026-10-02, objectives: [] }\n',
    );
  });

  it('refuses a file closed already, or one that is not YAML', () => {
    expect(() =>
      applyClose('owner: a\ncycle: 2026\nclosed: 2026-12-31\nobjectives: []\n', '2027-01-02'),
    ).toThrow(CheckinEditError);
    expect(() => applyClose('owner: [a\n', '2027-01-02')).toThrow(/not valid YAML/);
  });
});
