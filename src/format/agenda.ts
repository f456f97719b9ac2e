import type { Agenda, AgendaItem } from '../run/agenda.js';
import { percent, terminalLine } from './text.js';

/** `okr agenda --format json`. */
export function formatAgendaJson(agenda: Agenda): string {
  return `${JSON.stringify(agenda, null, 2)}\n`;
}

const STATUS: Record<string, string> = { at_risk: 'at risk', off_track: 'off track' };

/** What is said of an item: its value and latest update, or its status. */
function detail(item: AgendaItem, section: 'moved' | 'stale' | 'atRisk'): string {
  const updated = item.updated ? `${item.updated.source} ${item.updated.date}` : 'never updated';
  if (section === 'atRisk') return `${STATUS[item.status] ?? item.status}, ${percent(item.progress)}`;
  const value = item.value === null ? '' : `${String(item.value)}, `;
  return `${value}${percent(item.progress)} (${section === 'stale' ? 'last ' : ''}${updated})`;
}

const SECTIONS = [
  ['moved', 'Moved'],
  ['stale', 'Stale'],
  ['atRisk', 'At risk or off track'],
] as const;

/** A markdown document, one section an owner: the body of the weekly pull request. */
export function formatAgendaMarkdown(agenda: Agenda): string {
  const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const lines = [`# OKR agenda, ${agenda.since} … ${agenda.asOf}`, ''];
  if (agenda.owners.length === 0) lines.push('Nothing moved, nothing is stale, nothing is at risk.', '');
  for (const owner of agenda.owners) {
    lines.push(`## ${md(owner.owner)}`, '');
    for (const [key, heading] of SECTIONS) {
      if (owner[key].length === 0) continue;
      lines.push(`### ${heading}`, '');
      for (const item of owner[key])
        lines.push(`- [\`${item.id}\`](${item.link}) ${md(item.title)}: ${detail(item, key)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

/** The same for a terminal: the file and line in place of the link. */
export function formatAgendaText(agenda: Agenda): string {
  const lines = [`OKR agenda, ${agenda.since} … ${agenda.asOf}`];
  if (agenda.owners.length === 0) lines.push('Nothing moved, nothing is stale, nothing is at risk.');
  for (const owner of agenda.owners) {
    lines.push('', terminalLine(owner.owner));
    for (const [key, heading] of SECTIONS) {
      if (owner[key].length === 0) continue;
      lines.push(`  ${heading}`);
      for (const item of owner[key])
        lines.push(`    ${terminalLine(item.id)}  ${item.file}:${item.line}  ${detail(item, key)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
