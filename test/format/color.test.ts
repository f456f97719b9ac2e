import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { type Color, PLAIN, type Style } from '../../src/format/color.js';

const TEXTS = [
  '',
  'plain',
  ' spaced out ',
  'two\nlines',
  '\u001b[31malready red\u001b[39m',
  '█░ 57%',
  '⋯ └─ ',
];

/** Every style of a Color, chained ones included, by name. */
function styles(color: Color): [string, Style][] {
  return [
    ['bold', color.bold],
    ['cyan', color.cyan],
    ['dim', color.dim],
    ['gray', color.gray],
    ['green', color.green],
    ['underline', color.underline],
    ['red', color.red],
    ['red.bold', color.red.bold],
    ['yellow', color.yellow],
    ['yellow.bold', color.yellow.bold],
  ];
}

describe('PLAIN', () => {
  it('writes every style exactly as chalk does with colours off', () => {
    const chalk = styles(new Chalk({ level: 0 }));
    const plain = styles(PLAIN);
    expect(plain.map(([name]) => name)).toEqual(chalk.map(([name]) => name));
    for (const [i, [name, style]] of plain.entries())
      for (const text of TEXTS)
        expect(style(text), `${name}(${JSON.stringify(text)})`).toBe(chalk[i]![1](text));
  });
});
