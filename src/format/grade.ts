import type { GradeSheet, ObjectiveGrade } from '../run/grade.js';
import type { Color } from './color.js';
import { markdownInline, terminalLine } from './text.js';

/** The shape SPEC §12 gives `okr grade --format json`, with titles and the summary beside it. */
export function formatGradeJson(sheet: GradeSheet): string {
  const json = {
    cycle: sheet.cycle,
    asOf: sheet.asOf,
    preliminary: sheet.preliminary,
    closed: sheet.closed,
    objectives: sheet.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      owner: o.owner,
      type: o.type,
      progress: o.progress,
      score: o.score,
      grade: o.grade,
      missed: o.missed,
      retro: o.retro,
      keyResults: o.keyResults.map((kr) => ({
        id: kr.id,
        title: kr.title,
        progress: kr.progress,
        score: kr.score,
        grade: kr.grade,
        confidence: kr.confidence,
        retro: kr.retro,
      })),
    })),
    summary: sheet.summary,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One decimal, as scores are shown. */
export function scoreText(score: number): string {
  return score.toFixed(1);
}

/** Why an objective is called out, or null. */
export function missedText(o: ObjectiveGrade): string | null {
  if (!o.missed) return null;
  return o.type === 'committed' ? 'committed, below 1.0' : 'aspirational, below 0.7';
}

/** The line that says as of when, and whether the numbers are final. */
export function gradeHeadline(sheet: GradeSheet): string {
  if (sheet.preliminary)
    return `Preliminary grade of ${sheet.cycle} as of ${sheet.asOf}: the cycle has not ended, and its numbers may still move.`;
  const closed = sheet.closed ? `; closed on ${sheet.closed}, its numbers are final` : '; not closed yet';
  return `Grade of ${sheet.cycle} as of its end, ${sheet.asOf}${closed}.`;
}

/** Committed objectives hit out of those there are, and all objectives likewise. */
export function summaryLine(sheet: GradeSheet): string {
  const s = sheet.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${s.hit} of ${plural(s.objectives, 'objective')} hit; ${s.committedHit} of ${s.committed} committed hit.`;
}

function confidenceText(confidence: number | null): string {
  return confidence === null ? '' : `confidence ${confidence}`;
}

/** The terminal's score sheet: each objective with its KRs, retros, then the summary. */
export function formatGradeText(sheet: GradeSheet, color: Color): string {
  const paint = { green: color.green, yellow: color.yellow, red: color.red };
  const lines = [color.bold(gradeHeadline(sheet)), ''];
  for (const o of sheet.objectives) {
    const callout = missedText(o);
    lines.push(
      `${paint[o.grade](`${scoreText(o.score)} ${o.grade.padEnd(6)}`)}  ${color.bold(terminalLine(o.id))}  ${terminalLine(o.owner)}, ${o.type}${callout ? `  ${color.red.bold(`missed: ${callout}`)}` : ''}`,
      `              ${terminalLine(o.title)}`,
    );
    for (const kr of o.keyResults) {
      const confidence = confidenceText(kr.confidence);
      lines.push(
        `    ${paint[kr.grade](`${scoreText(kr.score)} ${kr.grade.padEnd(6)}`)}  ${terminalLine(kr.id)}${confidence ? color.dim(`  ${confidence}`) : ''}`,
      );
      if (kr.retro) lines.push(`          retro: ${terminalLine(kr.retro)}`);
    }
    if (o.retro) lines.push(`    retro: ${terminalLine(o.retro)}`);
    lines.push('');
  }
  lines.push(color.bold('Summary'), `  ${summaryLine(sheet)}`);
  for (const owner of sheet.summary.owners)
    lines.push(
      `  ${terminalLine(owner.owner)}: average score ${owner.averageScore.toFixed(2)} over ${owner.objectives} objective${owner.objectives === 1 ? '' : 's'}, ${owner.hit} hit`,
    );
  return `${lines.join('\n')}\n`;
}

/** A retrospective document: per objective its score, its KRs in a table and what was learned. */
export function formatGradeMarkdown(sheet: GradeSheet): string {
  const md = markdownInline;
  const out = [`# Retrospective: ${md(sheet.cycle)}`, '', `_${gradeHeadline(sheet)}_`, ''];
  out.push(
    '## Summary',
    '',
    summaryLine(sheet),
    '',
    '| Owner | Objectives | Average score | Hit |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const owner of sheet.summary.owners)
    out.push(
      `| ${md(owner.owner)} | ${owner.objectives} | ${owner.averageScore.toFixed(2)} | ${owner.hit} |`,
    );
  out.push('');
  for (const o of sheet.objectives) {
    const callout = missedText(o);
    out.push(
      `## ${md(o.title)}`,
      '',
      `\`${o.id}\`, ${md(o.owner)}, ${o.type}: **${scoreText(o.score)}** (${o.grade})${callout ? ` — missed: ${callout}` : ''}`,
      '',
      '| Key result | Score | Grade | Confidence |',
      '| --- | ---: | --- | ---: |',
    );
    for (const kr of o.keyResults)
      out.push(
        `| ${md(kr.title)} (\`${kr.id}\`) | ${scoreText(kr.score)} | ${kr.grade} | ${kr.confidence ?? ''} |`,
      );
    const retros = o.keyResults.filter((kr) => kr.retro);
    if (o.retro || retros.length > 0) {
      out.push('', '**What we learned**', '');
      if (o.retro) out.push(md(o.retro), '');
      for (const kr of retros) out.push(`- \`${kr.id}\`: ${md(kr.retro!)}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
