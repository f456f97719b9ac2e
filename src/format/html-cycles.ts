import { cycleWindow } from '../dates.js';
import type { Config } from '../model.js';
import type { GradeSheet, ObjectiveGrade } from '../run/grade.js';
import { missedText, scoreText, summaryLine } from './grade.js';
import { escapeHtml as h } from './html-escape.js';

// The report's view of cycles: a picker when the files hold several, and the final grades of the
// closed ones, the same figures `okr grade` gives.

/** The cycles that run on `asOf` (their window holds it). */
function runningCycles(cycles: readonly string[], config: Config, asOf: number): string[] {
  return cycles.filter((c) => {
    const window = cycleWindow(c, config.cycles);
    return window !== null && window.start <= asOf && asOf <= window.end;
  });
}

function cycleLabel(
  cycle: string,
  config: Config,
  asOf: number,
  grades: ReadonlyMap<string, GradeSheet>,
): string {
  const sheet = grades.get(cycle);
  if (sheet) return `${cycle} (closed on ${sheet.closed}, final grades)`;
  const window = cycleWindow(cycle, config.cycles);
  if (window === null) return cycle;
  return asOf < window.start
    ? `${cycle} (not started)`
    : asOf > window.end
      ? `${cycle} (ended)`
      : `${cycle} (running)`;
}

/**
 * The cycle picker, for files holding more than one cycle: it starts on the cycles running on the
 * report's day (when some are and some are not), and offers every cycle and all of them. Hidden until
 * the script shows it, as the filters are.
 */
export function cyclePicker(
  cycles: readonly string[],
  config: Config,
  asOf: number,
  grades: readonly GradeSheet[],
): string {
  if (cycles.length < 2) return '';
  const byCycle = new Map(grades.map((g) => [g.cycle, g]));
  const running = runningCycles(cycles, config, asOf);
  const startRunning = running.length > 0 && running.length < cycles.length;
  const option = (value: string, members: readonly string[], text: string, selected: boolean) =>
    `<option value="${h(value)}" data-cycles="${h(members.join(' '))}"${selected ? ' selected' : ''}>${h(text)}</option>`;
  const options = [
    ...(startRunning ? [option('running', running, `Running now: ${running.join(', ')}`, true)] : []),
    option('', [], 'All cycles', !startRunning),
    ...cycles.map((c) => option(c, [c], cycleLabel(c, config, asOf, byCycle), false)),
  ];
  return `<div class="wrap cycle-pick" id="cycle-pick" hidden><label>Cycle <select id="cycle-picker">${options.join('')}</select></label></div>`;
}

function gradeRow(o: ObjectiveGrade): string {
  const missed = missedText(o);
  return `<tr><td><a href="#obj-${h(o.id)}">${h(o.title)}</a><br><span class="id">${h(o.id)}</span></td><td>${h(o.owner)}</td><td>${o.type}</td><td class="n"><span class="score g-${o.grade}">${scoreText(o.score)}</span> <span class="g-${o.grade}">${o.grade}</span></td><td>${missed ? `<span class="missed">missed: ${h(missed)}</span>` : ''}</td></tr>`;
}

/** One section per closed cycle: its objectives' final scores, grades and the summary. */
export function gradeSections(grades: readonly GradeSheet[]): string {
  return grades
    .map(
      (
        sheet,
      ) => `<section class="grades" id="grades-${h(sheet.cycle)}" data-cycle="${h(sheet.cycle)}" aria-labelledby="grades-h-${h(sheet.cycle)}"><h2 id="grades-h-${h(sheet.cycle)}">Final grades of ${h(sheet.cycle)}</h2>
<p class="meta">Closed on ${h(sheet.closed ?? '')}; scored as of ${h(sheet.asOf)}. ${h(summaryLine(sheet))}</p>
<table class="grade-table"><thead><tr><th>Objective</th><th>Owner</th><th>Type</th><th class="n">Score</th><th></th></tr></thead><tbody>${sheet.objectives.map(gradeRow).join('')}</tbody></table>
</section>`,
    )
    .join('\n');
}

/** The final score shown on an objective's card when its cycle is closed. */
export function finalScore(grades: readonly GradeSheet[], id: string): string {
  for (const sheet of grades) {
    const o = sheet.objectives.find((g) => g.id === id);
    if (o)
      return ` · final score <span class="score g-${o.grade}">${scoreText(o.score)}</span> (${o.grade})${o.missed ? ', missed' : ''}`;
  }
  return '';
}
