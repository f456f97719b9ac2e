import type { Status } from '../rollup/status.js';

export interface StatusColors {
  /** Background of a node or badge. */
  fill: string;
  /** Border, bar and text accent. */
  stroke: string;
}

/** One palette for every visual output (HTML, mermaid, dot), so a status looks the same everywhere. */
export const STATUS_COLORS: Readonly<Record<Status, StatusColors>> = {
  not_started: { fill: '#f1f3f5', stroke: '#868e96' },
  off_track: { fill: '#ffe3e3', stroke: '#c92a2a' },
  at_risk: { fill: '#fff3bf', stroke: '#e67700' },
  on_track: { fill: '#d3f9d8', stroke: '#2b8a3e' },
  done: { fill: '#d0ebff', stroke: '#1864ab' },
};

/** Text colour on every fill of the palette. */
export const INK = '#212529';

/** Breaks text into lines of at most `width` characters at spaces (longer words stay whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** User text on one line: line breaks and other control characters become a space. */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, ' ');
}
