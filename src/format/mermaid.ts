import { STATUSES } from '../rollup/status.js';
import type { AlignmentGraph, AlignmentNode } from '../run/views/alignment.js';
import { INK, oneLine, STATUS_COLORS } from './palette.js';
import { graphFacts } from './status.js';

export interface MermaidOptions {
  /** `BT` puts parents on top with edges pointing up; `TD` reads top-down. */
  direction: 'BT' | 'TD';
}

// Mermaid decodes `#name;` and `#123;` in labels; everything that could end the quoted label, open
// markup or start an entity is written that way. Control characters and newlines become spaces.
const ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
};

/** User text made safe inside a quoted mermaid label: it shows as the same text, never as markup. */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/["#&<>`]/g, (c) => ENTITY[c]!);
}

/**
 * Node ids made of letters, digits and `_` only, prefixed by kind (so that no id is a mermaid keyword
 * such as `end`); ids that would collide once sanitised get a numeric suffix, in node order.
 */
function nodeIds(nodes: readonly AlignmentNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const base = `${node.kind === 'kr' ? 'k' : 'o'}_${node.id.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

function label(node: AlignmentNode): string {
  // Mermaid wraps long labels itself; only the facts get a line of their own.
  const title = mermaidText(node.title);
  return `"${[title, ...graphFacts(node).map(mermaidText)].join('<br/>')}"`;
}

/** The alignment graph as a mermaid flowchart that GitHub renders in a ```mermaid block. */
export function formatMermaid(graph: AlignmentGraph, options: MermaidOptions): string {
  const ids = nodeIds(graph.nodes);
  const lines = [`flowchart ${options.direction}`];
  for (const status of STATUSES) {
    const c = STATUS_COLORS[status];
    lines.push(`  classDef s_${status} fill:${c.fill},stroke:${c.stroke},color:${INK}`);
  }
  for (const node of graph.nodes) {
    const [open, close] = node.kind === 'kr' ? ['([', '])'] : ['[', ']'];
    lines.push(`  ${ids.get(node.id)}${open}${label(node)}${close}:::s_${node.status}`);
  }
  for (const edge of graph.edges)
    lines.push(`  ${ids.get(edge.from)} ${edge.kind === 'belongs' ? '-.->' : '-->'} ${ids.get(edge.to)}`);
  return `${lines.join('\n')}\n`;
}
