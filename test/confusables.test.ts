import { describe, expect, it } from 'vitest';
import { describeChar, explainLookAlikes, lookAlikes, onlyInvisible, skeleton } from '../src/confusables.js';

describe('skeleton', () => {
  it('no ASCII character reads as another, so ASCII text is its own skeleton', () => {
    for (let code = 0; code < 0x80; code++) {
      const c = String.fromCharCode(code);
      expect(lookAlikes(c), `U+${code.toString(16)}`).toEqual([]);
    }
    expect(skeleton('Grow revenue, 2026-Q4')).toBe('Grow revenue, 2026-Q4');
  });

  it('folds Cyrillic and Greek look-alikes, fullwidth forms and invisible characters', () => {
    expect(skeleton('сheckout')).toBe('checkout');
    expect(skeleton('Αlpha')).toBe('Alpha');
    expect(skeleton('２０２６-Ｑ4')).toBe('2026-Q4');
    expect(skeleton('te\u200bam\u00ad')).toBe('team');
    expect(skeleton('first\u2011time')).toBe('first-time');
  });

  it('leaves plain text, other scripts and case alone', () => {
    expect(skeleton('Checkout')).toBe('Checkout');
    expect(skeleton('оплата')).not.toBe(skeleton('oплaтa-x'));
    expect(skeleton('ünïcödé ✓')).toBe('ünïcödé ✓');
  });
});

describe('naming characters', () => {
  it('gives code point and name, and shows invisible ones by name only', () => {
    expect(describeChar('\u0430')).toBe('"а" (U+0430 CYRILLIC SMALL LETTER A)');
    expect(describeChar('\uff21')).toBe('"Ａ" (U+FF21 FULLWIDTH LATIN CAPITAL LETTER A)');
    expect(describeChar('\u200b')).toBe('the invisible U+200B ZERO WIDTH SPACE');
    expect(describeChar('_')).toBe('"_" (U+005F)');
  });

  it('lists each look-alike once, in order, with what it looks like', () => {
    expect(lookAlikes('сосо')).toEqual([
      { char: 'с', looksLike: 'c' },
      { char: 'о', looksLike: 'o' },
    ]);
    expect(explainLookAlikes('tеam\u200b')).toBe(
      '"е" (U+0435 CYRILLIC SMALL LETTER IE) looks like "e", the invisible U+200B ZERO WIDTH SPACE',
    );
    expect(onlyInvisible('team\u200b')).toBe(true);
    expect(onlyInvisible('tеam')).toBe(false);
    expect(onlyInvisible('team')).toBe(false);
  });
});
