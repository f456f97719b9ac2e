import type { AlignmentGraph, AlignmentNode } from '../run/views/alignment.js';
import { INK, oneLine, STATUS_COLORS, wrapWords } from './palette.js';
import { graphFacts } from './status.js';

/**
 * A graphviz double-quoted string: `"` and `\` escaped (a backslash would otherwise start an escape
 * such as `\N` or `\l`), line breaks and other control characters turned into spaces.
 */
export function dotString(text: string): string {
  return `"${oneLine(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function label(node: AlignmentNode): string {
  const title = wrapWords(node.title, 32);
  // Each part is escaped on its own, then joined with dot's centred line break `\n`.
  return [...title, ...graphFacts(node)].map((part) => dotString(part).slice(1, -1)).join('\\n');
}

/** The alignment graph in graphviz's dot language; render it with `dot -Tsvg`. */
export function formatDot(graph: AlignmentGraph): string {
  const lines = [
    'digraph okr {',
    '  rankdir=BT;',
    `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fontcolor="${INK}"];`,
    '  edge [color="#868e96"];',
  ];
  for (const node of graph.nodes) {
    const c = STATUS_COLORS[node.status];
    // KRs drawn square and dashed, objectives rounded, as mermaid draws them in different shapes.
    const shape = node.kind === 'kr' ? ', style="filled,dashed"' : '';
    lines.push(
      `  ${dotString(node.id)} [label="${label(node)}", fillcolor="${c.fill}", color="${c.stroke}"${shape}];`,
    );
  }
  for (const edge of graph.edges)
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)}${edge.kind === 'belongs' ? ' [style=dashed]' : ''};`,
    );
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
