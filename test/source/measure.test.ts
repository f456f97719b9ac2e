import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasure } from '../../src/source/measure.js';
import { fileOutsideReason, readMeasureFile } from '../../src/source/measure-file.js';
import { resolveHeaders } from '../../src/source/measure-url.js';
import { numberFromText, valueAt } from '../../src/source/measure-value.js';
import { tempDir } from '../helpers.js';

describe('valueAt', () => {
  it('follows a dot path through mappings and lists (numeric indexes)', () => {
    expect(valueAt({ a: { items: [{ v: 1 }, { v: 2.5 }] } }, 'a.items.1.v', 'x')).toEqual({
      ok: true,
      value: 2.5,
    });
  });
  it('names the first missing part of the path, an index past the end, and a non-number', () => {
    expect(valueAt({ a: {} }, 'a.b.c', 'x')).toEqual({ ok: false, reason: 'path "a.b" is missing in x' });
    expect(valueAt({ a: [1] }, 'a.1', 'x')).toEqual({ ok: false, reason: 'path "a.1" is missing in x' });
    expect(valueAt({ a: [1] }, 'a.01', 'x').ok).toBe(false);
    expect(valueAt({ a: '3' }, 'a', 'x')).toEqual({
      ok: false,
      reason: 'path "a" in x is the string "3", not a finite number',
    });
    expect(valueAt({ a: Number.POSITIVE_INFINITY }, 'a', 'x').ok).toBe(false);
    expect(valueAt({ a: null }, 'a', 'x')).toEqual({
      ok: false,
      reason: 'path "a" in x is null, not a finite number',
    });
  });
  it('does not read inherited properties such as constructor', () => {
    expect(valueAt({}, 'constructor', 'x').ok).toBe(false);
  });
});

describe('numberFromText', () => {
  it('reads one number with blanks around it, and refuses anything else', () => {
    expect(numberFromText(' -12.5e1\n', 'out')).toEqual({ ok: true, value: -125 });
    expect(numberFromText('12 13', 'out').ok).toBe(false);
    expect(numberFromText('', 'out')).toEqual({
      ok: false,
      reason: 'out is empty, not one number (give path: when it prints JSON)',
    });
    expect(numberFromText('Infinity', 'out').ok).toBe(false);
  });
});

describe('resolveHeaders', () => {
  it(`replaces \${NAME} from the environment only, and never puts a value in a reason`, () => {
    const ok = resolveHeaders({ Authorization: `Bearer \${T}` }, { T: 'abc' });
    expect(ok.ok && ok.headers.get('authorization')).toBe('Bearer abc');
    expect(resolveHeaders({ A: `\${MISSING}` }, {})).toEqual({
      ok: false,
      reason: `header "A" uses \${MISSING}, which is not set in the environment`,
    });
    const bad = resolveHeaders({ A: `x\${T}` }, { T: 'secret\nvalue' });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('secret');
  });
});

describe('file measures stay inside the repository', () => {
  it('refuses absolute paths and ".." before looking at the disk', () => {
    expect(fileOutsideReason('/etc/passwd')).toContain('absolute path');
    expect(fileOutsideReason('metrics/../../x.json')).toContain('".."');
    expect(fileOutsideReason('metrics/a.json')).toBeNull();
  });
  it('refuses a link whose target lies outside, reads a link inside', () => {
    const root = tempDir();
    const outside = tempDir();
    mkdirSync(join(root, 'm'));
    writeFileSync(join(outside, 'x.yaml'), 'v: 1\n');
    writeFileSync(join(root, 'm', 'real.yaml'), 'v: 2\n');
    symlinkSync(join(outside, 'x.yaml'), join(root, 'm', 'out.yaml'));
    symlinkSync(join(root, 'm', 'real.yaml'), join(root, 'm', 'in.yaml'));
    expect(readMeasureFile(root, 'm/out.yaml', 'v').ok).toBe(false);
    expect(readMeasureFile(root, 'm/in.yaml', 'v')).toEqual({ ok: true, value: 2 });
  });
});

describe('readMeasure', () => {
  it('reads no source whose kind the config does not allow', async () => {
    const root = tempDir();
    const marker = join(root, 'ran');
    const r = await readMeasure({ command: ['touch', marker] }, { root, env: {}, allow: ['file'] });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('the source "command" is not allowed by the config');
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });
});
