import { STATUSES } from '../rollup/status.js';
import { STATUS_COLORS } from './palette.js';

// The report's own stylesheet and script, inlined into the page and allowed by their hashes in the
// Content-Security-Policy, so that nothing else can run or load, and nothing is fetched.

const statusVariables = STATUSES.map(
  (s) => `.s-${s}{--c:${STATUS_COLORS[s].stroke};--f:${STATUS_COLORS[s].fill}}`,
).join('\n');

export const REPORT_CSS = `
:root{--ink:#212529;--muted:#5c6670;--line:#dee2e6;--bg:#f4f5f7;--card:#fff;--head:#1f2a44;
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
${statusVariables}
*{box-sizing:border-box}
section,article{scroll-margin-top:3rem}
[hidden]{display:none!important}
body{margin:0}
a{color:#1864ab}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.top{background:var(--head);color:#fff;padding:1.4rem 0 1.2rem}
header.top .eyebrow{margin:0;font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;opacity:.75}
header.top h1{margin:.3rem 0 .4rem;font-size:clamp(1.35rem,3.5vw,2rem);line-height:1.2}
header.top .mission{margin:0 0 .8rem;max-width:52rem;opacity:.9}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:.2rem 0 .8rem;padding:0;list-style:none}
.chips li{border:1px solid rgba(255,255,255,.35);border-radius:1rem;padding:.05rem .65rem;font-size:.8rem}
.themes{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem;margin:0;padding:0;list-style:none}
.themes li{background:rgba(255,255,255,.08);border-radius:.5rem;padding:.55rem .75rem}
.themes strong{display:block}
.themes span{font-size:.82rem;opacity:.85}
nav.jump{background:var(--card);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav.jump .wrap{display:flex;gap:1rem;overflow-x:auto;white-space:nowrap;padding-top:.5rem;padding-bottom:.5rem;font-size:.9rem}
main{padding-bottom:2rem}
h2{font-size:1.15rem;margin:1.6rem 0 .7rem}
.notice{background:#fff3bf;border:1px solid #e67700;border-radius:.4rem;padding:.5rem .75rem}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.6rem}
.count{background:var(--card);border:1px solid var(--line);border-left:.35rem solid var(--c,var(--line));border-radius:.4rem;padding:.5rem .75rem}
.count strong{display:block;font-size:1.6rem;line-height:1.1}
.count span{color:var(--muted);font-size:.85rem}
#filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;background:var(--card);border:1px solid var(--line);border-radius:.4rem;padding:.6rem .75rem;margin-top:1rem}
#filters label{display:flex;flex-direction:column;font-size:.78rem;color:var(--muted);gap:.15rem;min-width:9rem;flex:1 1 9rem}
#filters select{font:inherit;font-size:.9rem;padding:.3rem;border:1px solid var(--line);border-radius:.3rem;background:#fff;color:var(--ink);max-width:100%}
#filters button{font:inherit;font-size:.9rem;padding:.35rem .8rem;border:1px solid var(--line);border-radius:.3rem;background:#f8f9fa;cursor:pointer}
#shown{font-size:.85rem;color:var(--muted);flex-basis:100%}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.75rem;font-weight:600;line-height:1.5;background:var(--f);color:var(--ink);border:1px solid var(--c);white-space:nowrap}
.bar{display:block;width:100%;height:.55rem;overflow:visible}
.bar .track{fill:#e9ecef}
.bar .fill{fill:var(--c)}
.bar .exp{stroke:var(--ink);stroke-width:2px;vector-effect:non-scaling-stroke}
.prog{display:flex;align-items:center;gap:.5rem;min-width:0}
.prog .bar{flex:1 1 6rem;min-width:4rem}
.pct{font-variant-numeric:tabular-nums;font-weight:600;min-width:2.7rem;text-align:right}
.meta{color:var(--muted);font-size:.8rem}
.stale{color:${STATUS_COLORS.at_risk.stroke};font-weight:600}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.78rem}
ul.tree,ul.kids,ul.krs{list-style:none;margin:0;padding:0}
ul.tree>li{background:var(--card);border:1px solid var(--line);border-radius:.4rem;margin-bottom:.6rem;padding:.3rem .6rem}
ul.kids{margin-left:.55rem;padding-left:.9rem;border-left:2px solid var(--line)}
summary{list-style:none;cursor:pointer;border-radius:.3rem}
summary::-webkit-details-marker{display:none}
summary:focus-visible{outline:2px solid #1864ab}
.row{display:grid;grid-template-columns:1.1rem minmax(0,1fr) minmax(7rem,13rem) 6rem;gap:.6rem;align-items:center;padding:.35rem 0}
summary .row::before{content:"\\25B8";color:var(--muted);transition:transform .15s}
details[open]>summary .row::before{transform:rotate(90deg)}
.kr-row{grid-template-columns:1.1rem minmax(0,1fr) minmax(7rem,13rem) 6rem}
.kr-row .tag{font-size:.65rem;font-weight:700;color:var(--muted);border:1px solid var(--line);border-radius:.2rem;padding:0 .15rem;text-align:center}
.row .badge{justify-self:start}
.name{min-width:0;overflow-wrap:anywhere}
.name .t{font-weight:600}
.kr-row .name .t{font-weight:400}
li.dim>details>summary,li.dim>details>ul>li.krnode>.row{opacity:.55}
.owner{margin-bottom:1.4rem}
.owner>h3{margin:1.2rem 0 .5rem;font-size:1.05rem;overflow-wrap:anywhere}
article.obj{background:var(--card);border:1px solid var(--line);border-top:.3rem solid var(--c);border-radius:.4rem;padding:.75rem .9rem;margin-bottom:.8rem}
.obj-head{display:flex;gap:.75rem;align-items:flex-start;justify-content:space-between}
.obj-head h4{margin:0;font-size:1rem;overflow-wrap:anywhere}
.obj .meta{margin:.2rem 0 .4rem;overflow-wrap:anywhere}
.desc{margin:.3rem 0 .5rem}
.obj>.prog{margin:.4rem 0 .2rem;max-width:30rem}
li.kr{display:grid;grid-template-columns:minmax(0,2.3fr) minmax(0,1.7fr) minmax(9rem,1.3fr) 8rem;gap:.4rem 1rem;align-items:center;padding:.6rem 0;border-top:1px solid var(--line)}
li.kr .t{overflow-wrap:anywhere}
.note{margin:.2rem 0 0;font-size:.82rem;color:var(--muted);overflow-wrap:anywhere}
dl.vals{display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:0}
dl.vals dt{font-size:.68rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
dl.vals dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.kr-prog{display:flex;flex-direction:column;gap:.2rem}
.spark{display:block;width:8rem;height:2rem;overflow:visible}
.spark polyline{fill:none;stroke:var(--c);stroke-width:1.6px;vector-effect:non-scaling-stroke;stroke-linejoin:round}
.spark circle{fill:var(--c)}
.spark line{stroke:#adb5bd;stroke-dasharray:3 2;stroke-width:1px;vector-effect:non-scaling-stroke}
.no-trend{font-size:.78rem;color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;padding:1rem 0 2rem;border-top:1px solid var(--line)}
ul.problems{list-style:none;margin:.5rem 0 0;padding:0;font-size:.85rem}
ul.problems li{padding:.3rem .5rem;border-left:.25rem solid #e67700;background:#fff9db;margin-top:.25rem;overflow-wrap:anywhere}
ul.problems li.p-error{border-left-color:#c92a2a;background:#fff5f5}
ul.problems .sev{font-weight:600;text-transform:uppercase;font-size:.7rem}
.cycle-pick{padding-top:.8rem}
.cycle-pick select{font:inherit;margin-left:.4rem;padding:.2rem .4rem}
table.grade-table{border-collapse:collapse;width:100%;background:var(--card);font-size:.9rem}
table.grade-table th,table.grade-table td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
table.grade-table .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.score{font-weight:700}
.g-green{color:#2b7a36}.g-yellow{color:#9a5b00}.g-red{color:#b42318}
.missed{color:#b42318;font-weight:600}
@media (max-width:700px){
  .row,.kr-row{grid-template-columns:1.1rem minmax(0,1fr) auto}
  .row .prog{grid-column:2/3}
  .row .badge{grid-column:3/4}
  li.kr{grid-template-columns:minmax(0,1fr) auto}
  li.kr .kr-main,li.kr dl.vals{grid-column:1/-1}
  .obj-head{flex-direction:column;gap:.3rem}
}
@media print{
  :root{background:#fff;font-size:11pt}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  header.top{background:none;color:var(--ink);padding:0 0 .5rem;border-bottom:2px solid var(--ink)}
  .chips li{border-color:var(--line)}
  .themes li{background:none;border:1px solid var(--line)}
  nav.jump,#filters{display:none!important}
  summary .row::before{content:""}
  article.obj,ul.tree>li,.count{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
@media print{details::details-content{content-visibility:visible;display:contents}}
`;

export const REPORT_JS = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var treeNodes = Array.prototype.slice.call(document.querySelectorAll('#tree li.node')).reverse();
  var cards = Array.prototype.slice.call(document.querySelectorAll('#owners article.obj'));
  var owners = Array.prototype.slice.call(document.querySelectorAll('#owners section.owner'));
  var ownerLinks = Array.prototype.slice.call(document.querySelectorAll('nav.jump a[data-owner-section]'));
  var counts = Array.prototype.slice.call(document.querySelectorAll('[data-count]'));
  var shown = document.getElementById('shown');
  // The cycle picker, when the files hold several cycles: its option names the cycles it shows.
  var picker = document.getElementById('cycle-picker');
  var perCycle = Array.prototype.slice.call(document.querySelectorAll('section.grades, nav.jump a[data-cycle]'));

  function pickedCycles() {
    if (!picker) return null;
    var cycles = picker.options[picker.selectedIndex].getAttribute('data-cycles');
    return cycles ? cycles.split(' ') : null;
  }

  function matches(el) {
    var picked = pickedCycles();
    if (picked && picked.indexOf(el.getAttribute('data-cycle')) < 0) return false;
    return selects.every(function (s) { return s.value === '' || el.getAttribute('data-' + s.name) === s.value; });
  }

  function apply() {
    var picked = pickedCycles();
    perCycle.forEach(function (el) { el.hidden = picked !== null && picked.indexOf(el.getAttribute('data-cycle')) < 0; });
    var active = picked !== null || selects.some(function (s) { return s.value !== ''; });
    // Children come later in the document: walking backwards, a node knows whether any of its
    // descendants is still shown, and stays (dimmed, opened) as the path to it.
    treeNodes.forEach(function (li) {
      var self = matches(li);
      var below = li.querySelector('li.node:not([hidden])') !== null;
      li.hidden = !self && !below;
      li.classList.toggle('dim', active && !self && below);
      if (active && below) li.querySelector('details').open = true;
    });
    var visible = cards.filter(function (card) {
      card.hidden = !matches(card);
      return !card.hidden;
    });
    owners.forEach(function (section) {
      section.hidden = section.querySelector('article.obj:not([hidden])') === null;
    });
    ownerLinks.forEach(function (a) {
      a.hidden = document.getElementById(a.getAttribute('data-owner-section')).hidden;
    });
    counts.forEach(function (el) {
      var status = el.getAttribute('data-count');
      el.textContent = String(visible.filter(function (c) {
        return status === 'all' || c.getAttribute('data-status') === status;
      }).length);
    });
    shown.textContent = active ? 'Showing ' + visible.length + ' of ' + cards.length + ' objectives' : '';
  }

  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  if (picker) {
    picker.addEventListener('change', apply);
    document.getElementById('cycle-pick').hidden = false;
    if (pickedCycles()) apply();
  }

  // Printing shows the whole tree; what was closed is closed again afterwards.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
`;
