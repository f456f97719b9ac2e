import type { Grade, GradeSheet, ObjectiveGrade } from '../run/grade.js';
import { gradeHeadline, missedText, scoreText, summaryLine } from './grade.js';
import { escapeHtml as h } from './html-escape.js';
import { cspHash, pageStart } from './html-page.js';
import { INK } from './palette.js';

/** Grade colours dark enough to read as text on white (WCAG AA). */
export const GRADE_COLORS: Readonly<Record<Grade, string>> = {
  green: '#2b7a36',
  yellow: '#9a5b00',
  red: '#b42318',
};

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:${INK};margin:0;background:#f8f9fa}
main{max-width:960px;margin:0 auto;padding:24px 16px}
h1{font-size:1.6rem;margin:0 0 4px}
.meta{color:#495057;font-size:.9rem}
table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0 16px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dee2e6;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.obj{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:12px 16px;margin:12px 0}
.obj h2{font-size:1.1rem;margin:0 0 4px}
.score{font-weight:700}
.g-green{color:${GRADE_COLORS.green}}.g-yellow{color:${GRADE_COLORS.yellow}}.g-red{color:${GRADE_COLORS.red}}
.missed{color:${GRADE_COLORS.red};font-weight:600}
.retro{border-left:3px solid #adb5bd;margin:8px 0;padding:2px 10px;white-space:pre-wrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em}
`;

function score(value: number, grade: Grade): string {
  return `<span class="score g-${grade}">${scoreText(value)}</span> <span class="g-${grade}">${grade}</span>`;
}

function objectiveSection(o: ObjectiveGrade): string {
  const callout = missedText(o);
  const rows = o.keyResults
    .map(
      (kr) =>
        `<tr><td>${h(kr.title)}<br><code>${h(kr.id)}</code>${kr.retro ? `<div class="retro">${h(kr.retro)}</div>` : ''}</td><td class="n">${score(kr.score, kr.grade)}</td><td class="n">${kr.confidence ?? ''}</td></tr>`,
    )
    .join('');
  return `<section class="obj" id="obj-${h(o.id)}"><h2>${h(o.title)}</h2>
<p class="meta"><code>${h(o.id)}</code> · ${h(o.owner)} · ${o.type} · ${h(o.file)}:${o.line}</p>
<p>${score(o.score, o.grade)}${callout ? ` <span class="missed">missed: ${h(callout)}</span>` : ''}</p>
${rows ? `<table><thead><tr><th>Key result</th><th class="n">Score</th><th class="n">Confidence</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${o.retro ? `<div class="retro">${h(o.retro)}</div>` : ''}</section>`;
}

/** The score sheet as one self-contained page: inline CSS, no script, no network. */
export function formatGradeHtml(sheet: GradeSheet): string {
  const owners = sheet.summary.owners
    .map(
      (o) =>
        `<tr><td>${h(o.owner)}</td><td class="n">${o.objectives}</td><td class="n">${o.averageScore.toFixed(2)}</td><td class="n">${o.hit}</td></tr>`,
    )
    .join('');
  const csp = ["default-src 'none'", `style-src ${cspHash(CSS)}`, "base-uri 'none'", "form-action 'none'"];
  return `${pageStart(`Grades of ${sheet.cycle}`, CSS, csp)}
<main>
<h1>Grades of ${h(sheet.cycle)}</h1>
<p class="meta">${h(gradeHeadline(sheet))}</p>
<p>${h(summaryLine(sheet))}</p>
<table><thead><tr><th>Owner</th><th class="n">Objectives</th><th class="n">Average score</th><th class="n">Hit</th></tr></thead><tbody>${owners}</tbody></table>
${sheet.objectives.map(objectiveSection).join('\n')}
</main>
</body>
</html>
`;
}
