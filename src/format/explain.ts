import { type Explanation, figure, type ValueSource } from '../run/explain.js';
import type { Color } from './color.js';
import { terminalLine } from './text.js';

/** `okr explain --format json` (SPEC §10): the figures, with the basis of the expected progress. */
export function formatExplainJson(e: Explanation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${figure(Math.abs(x))}`;

function sourceLine(source: ValueSource | null): string | null {
  if (source === null) return null;
  const note = source.note === null ? '' : `: ${JSON.stringify(source.note)}`;
  switch (source.type) {
    case 'checkin':
      return `check-in of ${source.date}, value ${String(source.value)}${note}`;
    case 'measure':
      return `okr measure of ${source.date}${source.measure === null ? '' : ` (${source.measure})`}, value ${String(source.value)}${note}`;
    case 'commit':
      return source.commit === null
        ? `edited in the working tree on ${source.date}, not committed yet`
        : `commit ${source.commit.slice(0, 12)} by ${source.author} on ${source.date}`;
    default:
      return 'written in the file, never checked in';
  }
}

function statusRule(e: Explanation): string {
  const { atRisk, offTrack } = e.bounds;
  return `on_track when gap ≥ −${figure(atRisk)}, at_risk when ≥ −${figure(offTrack)}, else off_track; done at 1 when settled`;
}

/** One line a figure, then the inputs (counted and left out) and the chain above. */
export function formatExplainText(e: Explanation, color: Color): string {
  const b = e.basis;
  const lines = [
    `${color.bold(terminalLine(e.id))}  ${e.kind === 'objective' ? `objective, rollup: ${e.rollup}` : `${e.kind} key result`}  ${terminalLine(e.title)}`,
    `progress  ${e.formula}`,
  ];
  const source = sourceLine(e.source);
  if (source !== null) lines.push(`current   from ${terminalLine(source)}`);
  lines.push(
    `settled   ${e.settled ? 'yes' : 'no: it can still change before its cycle ends'}`,
    `expected  ${figure(b.elapsed)} of ${b.cycle}${b.start ? ` (${b.start} … ${b.end})` : ' (unknown cycle)'} elapsed × ${b.factor} = ${figure(e.expected)}`,
    `gap       ${figure(e.progress)} − ${figure(e.expected)} = ${signed(e.gap)}`,
    `status    ${e.status} (${statusRule(e)})`,
  );
  const counted = e.inputs.filter((i) => i.counted);
  const left = e.inputs.filter((i) => !i.counted);
  if (counted.length > 0) {
    lines.push('counted');
    for (const i of counted)
      lines.push(
        `  ${terminalLine(i.id)}  ${i.kind}  weight ${figure(i.weight)}  progress ${figure(i.progress)}  share ${figure(i.share)}`,
      );
  }
  if (left.length > 0) {
    lines.push('left out');
    for (const i of left) lines.push(`  ${terminalLine(i.id)}  ${i.kind}  ${terminalLine(i.reason ?? '')}`);
  }
  lines.push(
    e.rollsInto.length === 0
      ? 'rolls into nothing: a root'
      : `rolls into ${e.rollsInto.map((a) => `${terminalLine(a.id)} (share ${figure(a.share)})`).join(' → ')}`,
  );
  return `${lines.join('\n')}\n`;
}
