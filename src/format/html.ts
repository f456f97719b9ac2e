import { parseDay } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import type { KeyResult, Objective } from '../model.js';
import { shownPath } from '../paths.js';
import { STATUSES, type Status } from '../rollup/status.js';
import type { Analysis } from '../run/analyze.js';
import type { GradeSheet } from '../run/grade.js';
import {
  type KrFreshness,
  type KrStatus,
  type ObjectiveStatus,
  type StatusReport,
  statusReport,
} from '../run/views/status.js';
import { checkinTrends, type TrendPoint, type Trends } from '../run/views/trends.js';
import { REPORT_CSS, REPORT_JS } from './html-assets.js';
import { cyclePicker, finalScore, gradeSections } from './html-cycles.js';
import { escapeHtml as h, jsonForScript } from './html-escape.js';
import { cspHash, pageStart } from './html-page.js';
import { problemCounts, problemList, problemsByObjective, problemsSection } from './html-problems.js';
import { confidenceLabel, LABEL, ownerLabel, updatedLabel } from './status.js';
import { formatNumber, percent, withUnit } from './text.js';

export interface HtmlReportOptions {
  /** KR values over time by full KR id; defaults to the KRs' check-ins. */
  trends?: Trends;
  /** Git's last changes and check's stale KRs; without it, updates come from check-ins alone. */
  freshness?: KrFreshness;
  /** The score sheets of the closed cycles, shown as their final grades. */
  grades?: readonly GradeSheet[];
  /** Each objective's linked work (commit trailers, SPEC §11); without it, none is shown. */
  work?: ReadonlyMap<string, { commits: number; last: string | null; quiet: boolean }>;
}

/** What the page needs of one objective: its status, its loaded data and where it sits. */
interface Item {
  status: ObjectiveStatus;
  objective: Objective;
  /** Its own theme, or the nearest one up its parent chain. */
  theme: string;
  ownerIndex: number;
}

interface Page {
  analysis: Analysis;
  report: StatusReport;
  items: Item[];
  byId: Map<string, Item>;
  owners: string[];
  themeTitles: Map<string, string>;
  trends: Trends;
  work: HtmlReportOptions['work'];
  /** okr check's problems by the objective they concern; null: none shown. */
  problems: Map<string | null, Diagnostic[]>;
  grades: readonly GradeSheet[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unique = (values: Iterable<string>) => [...new Set(values)].sort(byText);

function effectiveTheme(analysis: Analysis, objective: Objective): string {
  const seen = new Set<Objective>();
  for (
    let o: Objective | undefined = objective;
    o && !seen.has(o);
    o = analysis.graph.rollupParents.get(o)?.objective
  ) {
    if (o.data.theme) return o.data.theme;
    seen.add(o);
  }
  return '';
}

function buildPage(
  analysis: Analysis,
  trends: Trends,
  freshness: KrFreshness | undefined,
  grades: readonly GradeSheet[],
  work: HtmlReportOptions['work'],
): Page {
  const report = statusReport(analysis, freshness);
  const owners = unique(report.objectives.map((o) => o.owner));
  const ownerIndex = new Map(owners.map((o, i) => [o, i]));
  const items = report.objectives.map((status) => {
    const objective = analysis.graph.byId.get(status.id)!;
    return {
      status,
      objective,
      theme: effectiveTheme(analysis, objective),
      ownerIndex: ownerIndex.get(status.owner)!,
    };
  });
  const themeTitles = new Map((analysis.load.strategy?.themes ?? []).map((t) => [t.id, t.title]));
  return {
    analysis,
    report,
    items,
    byId: new Map(items.map((i) => [i.status.id, i])),
    owners,
    themeTitles,
    trends,
    work,
    problems: problemsByObjective(analysis.diagnostics, new Set(items.map((i) => i.status.id))),
    grades,
  };
}

/** A progress bar: the fill to `progress`, and a mark at `expected` when given. */
function bar(progress: number, status: Status, expected?: number): string {
  const p = Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 10;
  const label =
    expected === undefined ? percent(progress) : `${percent(progress)}, expected ${percent(expected)}`;
  const mark =
    expected === undefined
      ? ''
      : `<line class="exp" x1="${Math.round(expected * 1000) / 10}" x2="${Math.round(expected * 1000) / 10}" y1="-1.5" y2="7.5"/>`;
  return `<svg class="bar s-${status}" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${h(label)}"><rect class="track" width="100" height="6"/><rect class="fill" width="${p}" height="6"/>${mark}</svg>`;
}

function badge(status: Status): string {
  return `<span class="badge s-${status}">${LABEL[status]}</span>`;
}

function progressLine(progress: number, status: Status, expected?: number): string {
  return `<span class="prog">${bar(progress, status, expected)}<span class="pct">${percent(progress)}</span></span>`;
}

/** A sparkline of a KR's values over time, with its target as a dashed line when it has one. */
function sparkline(points: readonly TrendPoint[], kr: KrStatus, unit: string | undefined): string {
  if (points.length === 0) return '<span class="no-trend">no history yet</span>';
  const days = points.map((p, i) => parseDay(p.date) ?? i);
  const values = points.map((p) => p.value);
  const reference = [kr.start, kr.target].filter((v): v is number => v !== undefined);
  const lo = Math.min(...values, ...reference);
  const hi = Math.max(...values, ...reference);
  const [first, last] = [days[0]!, days[days.length - 1]!];
  const x = (d: number) => (last === first ? 60 : ((d - first) / (last - first)) * 120);
  const y = (v: number) => (hi === lo ? 16 : 30 - ((v - lo) / (hi - lo)) * 28);
  const coords = points.map((p, i) => `${formatNumber(x(days[i]!))},${formatNumber(y(p.value))}`);
  const target =
    kr.target === undefined
      ? ''
      : `<line x1="0" x2="120" y1="${formatNumber(y(kr.target))}" y2="${formatNumber(y(kr.target))}"/>`;
  const lastPoint = coords[coords.length - 1]!.split(',');
  const title = points.map((p) => `${p.date}: ${withUnit(p.value, unit)}`).join(', ');
  return `<svg class="spark s-${kr.status}" viewBox="0 0 120 32" preserveAspectRatio="none" role="img" aria-label="${h(`trend: ${title}`)}"><title>${h(title)}</title>${target}${points.length > 1 ? `<polyline points="${coords.join(' ')}"/>` : ''}<circle cx="${lastPoint[0]}" cy="${lastPoint[1]}" r="2"/></svg>`;
}

function value(term: string, text: string): string {
  return `<div><dt>${h(term)}</dt><dd>${h(text)}</dd></div>`;
}

/** The values that measure a KR, by its kind. */
function krValues(kr: KrStatus, data: KeyResult, page: Page): string {
  const unit = kr.unit;
  switch (kr.kind) {
    case 'numeric':
      return [
        value('start', withUnit(kr.start, unit)),
        value('current', withUnit(kr.current, unit)),
        value('target', withUnit(kr.target, unit)),
      ].join('');
    case 'threshold':
      return [
        value('current', withUnit(kr.current, unit)),
        value(`keep ${kr.keep}`, withUnit(kr.target, unit)),
      ].join('');
    case 'milestone':
      return value('done', kr.done ? 'yes' : 'not yet');
    case 'judged':
      return value('judged progress', percent(kr.progress));
    default: {
      const aligned = page.analysis.graph.alignedTo.get(data)?.length ?? 0;
      return value('measured by', `${aligned} aligned objective${aligned === 1 ? '' : 's'}`);
    }
  }
}

function krItem(kr: KrStatus, objective: Objective, page: Page): string {
  const data = objective.keyResults.find((k) => k.fullId === kr.id)!;
  const checkins = data.data.checkins ?? [];
  const latest = checkins[checkins.length - 1];
  const note = latest?.note ? `<p class="note">${h(latest.date)}: ${h(latest.note)}</p>` : '';
  const stale = kr.stale ? ' · <span class="stale">stale</span>' : '';
  return `<li class="kr">
<div class="kr-main"><div class="t">${h(kr.title)}</div><div class="meta"><span class="id">${h(kr.id)}</span> · ${h(kr.kind)}${kr.weight === 1 ? '' : ` · weight ${h(formatNumber(kr.weight))}`} · updated ${h(updatedLabel(kr))}${stale}</div>${note}</div>
<dl class="vals">${krValues(kr, data, page)}${kr.confidence === null ? '' : value('confidence', confidenceLabel(kr.confidence))}</dl>
<div class="kr-prog">${progressLine(kr.progress, kr.status)}<span>${badge(kr.status)}</span></div>
<div class="trend">${sparkline(page.trends.get(kr.id) ?? [], kr, kr.unit)}</div>
</li>`;
}

function filterAttributes(item: Item): string {
  const s = item.status;
  return `data-owner="${h(s.owner)}" data-cycle="${h(s.cycle)}" data-theme="${h(item.theme)}" data-status="${s.status}"`;
}

/** The objective's linked commits and the latest one's date, or a mark when it has none. */
function workFact(item: Item, page: Page): string | null {
  const w = page.work?.get(item.status.id);
  if (!page.work) return null;
  if (!w || w.commits === 0) return '<span class="no-work">no linked work</span>';
  const count = `${w.commits} linked commit${w.commits === 1 ? '' : 's'}, last ${h(w.last ?? '')}`;
  const quiet = `no linked work in ${page.analysis.config.work.quietDays} days`;
  return w.quiet ? `${count} · <span class="no-work">${quiet}</span>` : count;
}

function objectiveCard(item: Item, page: Page): string {
  const s = item.status;
  const o = item.objective;
  const facts = [`<span class="id">${h(s.id)}</span>`, h(ownerLabel(s)), h(s.cycle), h(s.type)];
  if (item.theme)
    facts.push(
      `theme: ${h(page.themeTitles.get(item.theme) ?? item.theme)}${o.data.theme ? '' : ' (inherited)'}`,
    );
  if (s.parent !== null) {
    const target = page.byId.get(s.parent.split('/')[0]!);
    facts.push(
      target
        ? `aligns to <a href="#obj-${h(target.status.id)}">${h(s.parent)}</a>`
        : `aligns to <span class="id">${h(s.parent)}</span>`,
    );
  }
  const continued = o.data.continues;
  if (continued !== undefined) {
    const target = page.byId.get(continued);
    facts.push(
      target
        ? `continues <a href="#obj-${h(target.status.id)}">${h(continued)}</a> (${h(target.status.cycle)})`
        : `continues <span class="id">${h(continued)}</span>`,
    );
  }
  if (s.dependsOn.length)
    facts.push(
      `needs: ${s.dependsOn
        .map((ref) => {
          const target = page.byId.get(ref.split('/')[0]!);
          return target
            ? `<a href="#obj-${h(target.status.id)}">${h(ref)}</a>`
            : `<span class="id">${h(ref)}</span>`;
        })
        .join(', ')}`,
    );
  const work = workFact(item, page);
  if (work) facts.push(work);
  facts.push(`${h(s.file)}:${s.line}`);
  const description = o.data.description ? `<p class="desc">${h(o.data.description)}</p>` : '';
  const krs = s.keyResults.map((kr) => krItem(kr, o, page)).join('\n');
  return `<article class="obj s-${s.status}" id="obj-${h(s.id)}" ${filterAttributes(item)}>
<div class="obj-head"><h4>${h(s.title)}</h4>${badge(s.status)}</div>
<p class="meta">${facts.join(' · ')}</p>${description}
${progressLine(s.progress, s.status, s.expected)}<div class="meta">expected by now: ${percent(s.expected)}${finalScore(page.grades, s.id)}</div>
${krs ? `<ul class="krs">\n${krs}\n</ul>` : '<p class="meta">No key results.</p>'}
${problemList(page.problems.get(s.id) ?? [])}
</article>`;
}

function treeRow(item: Item): string {
  const s = item.status;
  return `<span class="row"><span class="name"><span class="t">${h(s.title)}</span> <span class="meta"><span class="id">${h(s.id)}</span> · ${h(ownerLabel(s))} · ${h(s.cycle)}</span></span>${progressLine(s.progress, s.status, s.expected)}${badge(s.status)}</span>`;
}

/** Deeper than this, the tree stops nesting: browsers cap nesting too, and the page would run off-screen. */
const MAX_TREE_DEPTH = 16;

type TreeTask = { html: string } | { item: Item; depth: number };

function krTreeRow(kr: KrStatus): string {
  return `<span class="row kr-row"><span class="tag">KR</span><span class="name"><span class="t">${h(kr.title)}</span> <span class="meta id">${h(kr.id)}</span></span>${progressLine(kr.progress, kr.status)}${badge(kr.status)}</span>`;
}

/**
 * The alignment tree from the roots: each objective, its KRs with the objectives aligned to each
 * below them, then the objectives aligned to it directly. Built with an explicit stack, so a very
 * deep alignment chain cannot exhaust the call stack; past MAX_TREE_DEPTH, what aligns to an
 * objective follows it in the same list instead of inside it.
 */
function treeHtml(page: Page, roots: readonly Item[]): string {
  const out: string[] = [];
  const stack: TreeTask[] = roots.map((item) => ({ item, depth: 0 })).reverse();
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('html' in task) {
      out.push(task.html);
      continue;
    }
    const { item, depth } = task;
    const s = item.status;
    const kids = s.children.map((id) => page.byId.get(id)).filter((c): c is Item => c !== undefined);
    const nest = depth + 1 < MAX_TREE_DEPTH;
    const inner: TreeTask[] = [];
    for (const kr of s.keyResults) {
      const aligned = nest ? kids.filter((c) => c.status.parent === kr.id) : [];
      inner.push({ html: `<li class="krnode">${krTreeRow(kr)}${aligned.length ? '<ul class="kids">' : ''}` });
      inner.push(...aligned.map((c) => ({ item: c, depth: depth + 1 })));
      inner.push({ html: `${aligned.length ? '</ul>' : ''}</li>` });
    }
    if (nest)
      inner.push(...kids.filter((c) => c.status.parent === s.id).map((c) => ({ item: c, depth: depth + 1 })));
    const flattened: TreeTask[] = nest ? [] : kids.map((c) => ({ item: c, depth }));
    // Roots start open so the first level of alignment shows at once; deeper levels expand on a click.
    const open = `<li class="node" ${filterAttributes(item)}><details${depth === 0 ? ' open' : ''}><summary>${treeRow(item)}</summary>${inner.length ? '<ul class="kids">' : ''}`;
    const close = `${inner.length ? '</ul>' : ''}</details></li>`;
    stack.push(...[{ html: open }, ...inner, { html: close }, ...flattened].reverse());
  }
  return out.join('');
}

function header(page: Page): string {
  const strategy = page.analysis.load.strategy;
  const values = strategy?.values?.length
    ? `<ul class="chips" aria-label="Values">${strategy.values.map((v) => `<li>${h(v)}</li>`).join('')}</ul>`
    : '';
  const themes = strategy?.themes?.length
    ? `<ul class="themes" aria-label="Strategic themes">${strategy.themes
        .map((t) => {
          const count = page.items.filter((i) => i.theme === t.id).length;
          const about = [t.description ?? '', `${count} objective${count === 1 ? '' : 's'}`]
            .filter(Boolean)
            .join(' · ');
          return `<li><strong>${h(t.title)}</strong><span>${h(about)}</span></li>`;
        })
        .join('')}</ul>`
    : '';
  return `<header class="top"><div class="wrap">
<p class="eyebrow">${strategy?.vision ? 'Vision · ' : ''}OKR report as of ${h(page.report.asOf)}</p>
<h1>${h(strategy?.vision ?? 'Objectives and key results')}</h1>
${strategy?.mission ? `<p class="mission">${h(strategy.mission)}</p>` : ''}${values}${themes}
</div></header>`;
}

function summary(page: Page): string {
  const cards = [
    `<div class="count"><strong data-count="all">${page.items.length}</strong><span>objectives</span></div>`,
    ...STATUSES.map((s) => {
      const n = page.items.filter((i) => i.status.status === s).length;
      return `<div class="count s-${s}"><strong data-count="${s}">${n}</strong><span>${LABEL[s]}</span></div>`;
    }),
  ];
  const krCount = page.items.reduce((n, i) => n + i.status.keyResults.length, 0);
  const cycles = unique(page.items.map((i) => i.status.cycle));
  const failed = page.analysis.load.failed;
  const notice = failed.length
    ? `<p class="notice">${failed.length} file${failed.length === 1 ? ' has' : 's have'} errors, and what they concern is not shown: ${failed.map((f) => `<span class="id">${h(shownPath(page.analysis.config, f))}</span>`).join(', ')}. Run <code>okr check</code> for details.</p>`
    : '';
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>${notice}
<div class="counts">${cards.join('')}</div>
<p class="meta">${krCount} key result${krCount === 1 ? '' : 's'} · ${page.owners.length} owner${page.owners.length === 1 ? '' : 's'} · cycle${cycles.length === 1 ? '' : 's'} ${cycles.map(h).join(', ')}</p>
</section>`;
}

function select(name: string, label: string, options: readonly (readonly [string, string])[]): string {
  const choices = options.map(([v, text]) => `<option value="${h(v)}">${h(text)}</option>`).join('');
  return `<label>${h(label)}<select name="${name}" id="filter-${name}"><option value="">all</option>${choices}</select></label>`;
}

/** The filter form: hidden until the script shows it, since without script it could not work. */
function filters(page: Page): string {
  const cycles = unique(page.items.map((i) => i.status.cycle));
  const themes = unique(page.items.map((i) => i.theme).filter(Boolean));
  return `<form id="filters" hidden aria-label="Filters">
${select(
  'owner',
  'Owner',
  page.owners.map((o) => [o, o]),
)}
${select(
  'cycle',
  'Cycle',
  cycles.map((c) => [c, c]),
)}
${select(
  'theme',
  'Theme',
  themes.map((t) => [t, page.themeTitles.get(t) ?? t]),
)}
${select(
  'status',
  'Status',
  STATUSES.map((s) => [s, LABEL[s]]),
)}
<button type="reset">Show all</button><output id="shown" aria-live="polite"></output>
</form>`;
}

function tree(page: Page): string {
  const roots = page.items.filter((i) => !page.analysis.graph.rollupParents.has(i.objective));
  return `<section id="tree" aria-labelledby="tree-h"><h2 id="tree-h">Alignment</h2>
<ul class="tree">${treeHtml(page, roots)}</ul>
</section>`;
}

function ownerSections(page: Page): string {
  const sections = page.owners.map((owner, index) => {
    const items = page.items.filter((i) => i.ownerIndex === index);
    return `<section class="owner" id="owner-${index + 1}" aria-label="${h(owner)}"><h3>${h(owner)} <span class="meta">${items.length} objective${items.length === 1 ? '' : 's'}</span></h3>
${items.map((i) => objectiveCard(i, page)).join('\n')}
</section>`;
  });
  return `<section id="owners" aria-labelledby="owners-h"><h2 id="owners-h">By owner</h2>
${sections.join('\n')}
</section>`;
}

function nav(page: Page): string {
  const owners = page.owners.map(
    (o, i) => `<a href="#owner-${i + 1}" data-owner-section="owner-${i + 1}">${h(o)}</a>`,
  );
  const grades = page.grades.map(
    (g) => `<a href="#grades-${h(g.cycle)}" data-cycle="${h(g.cycle)}">Grades ${h(g.cycle)}</a>`,
  );
  return `<nav class="jump" aria-label="Sections"><div class="wrap"><a href="#summary">Summary</a><a href="#problems">Problems</a>${grades.join('')}<a href="#tree">Alignment</a>${owners.join('')}</div></nav>`;
}

function footer(page: Page): string {
  return `<footer><div class="wrap">okr check: ${problemCounts(page.analysis.diagnostics)} · status as of ${h(page.report.asOf)}. The data of this page is in the <code>okr-data</code> script element as JSON.</div></footer>`;
}

function data(page: Page): string {
  return jsonForScript({
    ...page.report,
    strategy: page.analysis.load.strategy,
    trends: Object.fromEntries([...page.trends].sort(([a], [b]) => byText(a, b))),
  });
}

/**
 * The whole report as one self-contained HTML page: inline CSS, script and SVG, no network access,
 * readable without script (filters need it), fluid on a phone, and expanded when printed.
 */
export function renderHtmlReport(analysis: Analysis, options: HtmlReportOptions = {}): string {
  const page = buildPage(
    analysis,
    options.trends ?? checkinTrends(analysis.graph),
    options.freshness,
    options.grades ?? [],
    options.work,
  );
  const cycles = unique(page.items.map((i) => i.status.cycle));
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(REPORT_CSS)}`,
    `script-src ${cspHash(REPORT_JS)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return `${pageStart(`OKR report as of ${page.report.asOf}`, REPORT_CSS, csp)}
${header(page)}
${nav(page)}
${cyclePicker(cycles, analysis.config, analysis.asOf, page.grades)}
<main class="wrap">
${summary(page)}
${problemsSection(page.analysis.diagnostics, page.problems.get(null) ?? [])}
${gradeSections(page.grades)}
${filters(page)}
${tree(page)}
${ownerSections(page)}
</main>
${footer(page)}
<script type="application/json" id="okr-data">${data(page)}</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
