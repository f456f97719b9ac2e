import { give, HASH, SPACE } from './plain-scalars.js';

/**
 * The lines of a text as offsets, in arrays reused by every reading (a reading runs to its end
 * before the next starts) so that reading a file allocates nothing per line.
 */
export class Lines {
  /** Where each line of the text starts, and how many lines there are (the last one may be empty). */
  rawStarts = new Int32Array(256);
  rawCount = 0;
  /**
   * Each content line (not blank, not only a comment): where its content starts after the
   * indentation, where it ends without trailing spaces, its indentation and its 1-based number.
   */
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  indents = new Int32Array(256);
  numbers = new Int32Array(256);
  count = 0;

  /** Reads the lines of `text`; gives up on a document marker or directive. */
  read(text: string): void {
    let { rawStarts, starts, ends, indents, numbers } = this;
    let rawCount = 0;
    let count = 0;
    let pos = 0;
    for (;;) {
      const lineBreak = text.indexOf('\n', pos);
      let end = lineBreak === -1 ? text.length : lineBreak;
      if (rawCount === rawStarts.length) {
        this.grow();
        ({ rawStarts, starts, ends, indents, numbers } = this);
      }
      rawStarts[rawCount++] = pos;
      let start = pos;
      while (start < end && text.charCodeAt(start) === SPACE) start++;
      if (start < end && text.charCodeAt(start) !== HASH) {
        if (start === pos && isMarker(text, start)) give();
        while (text.charCodeAt(end - 1) === SPACE) end--;
        starts[count] = start;
        ends[count] = end;
        indents[count] = start - pos;
        numbers[count] = rawCount;
        count++;
      }
      if (lineBreak === -1) break;
      pos = lineBreak + 1;
    }
    this.rawCount = rawCount;
    this.count = count;
  }

  /** Twice the room, the lines read so far kept. */
  private grow(): void {
    const grown = (array: Int32Array) => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.rawStarts = grown(this.rawStarts);
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.indents = grown(this.indents);
    this.numbers = grown(this.numbers);
  }
}

/** A document marker or a directive, at the start of a line: several documents, or a YAML version, are left to the full parser. */
const isMarker = (text: string, at: number) =>
  text.startsWith('---', at) || text.startsWith('...', at) || text.charCodeAt(at) === 0x25;

export const sharedLines = new Lines();
