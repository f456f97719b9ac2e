import type { Diagnostic } from '../diagnostics.js';

export interface JunitOptions {
  /** Every file that was checked, so that files without problems show as passing tests. */
  files: readonly string[];
}

// XML 1.0 cannot carry these at all, not even as character references: C0 controls other than tab,
// newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text content: markup characters escaped, characters XML cannot hold shown as `\uXXXX`, carriage
 * returns as references so that parsers do not turn them into newlines.
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; whitespace kept as references, since parsers fold it. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function failure(p: Diagnostic): string {
  const body = `${p.severity} at ${p.file}:${p.line}:${p.column}: ${p.message} (${p.ruleId})`;
  return `      <failure message="${xmlAttribute(p.message)}" type="${xmlAttribute(p.ruleId)}">${xmlText(body)}</failure>`;
}

/**
 * `okr check --format junit`: one test suite, one test case per checked file (passing files too),
 * and one failure per problem in it, warnings included, as ESLint's JUnit output does.
 */
export function formatJunit(problems: readonly Diagnostic[], options: JunitOptions): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of options.files) byFile.set(file, []);
  for (const p of problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const files = [...byFile.keys()].sort();
  const failing = files.filter((f) => byFile.get(f)!.length > 0).length;
  const counts = `tests="${files.length}" failures="${failing}" errors="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="okr check" ${counts}>`,
    `  <testsuite name="okr check" ${counts} skipped="0">`,
  ];
  for (const file of files) {
    const name = xmlAttribute(file);
    const found = byFile.get(file)!;
    if (found.length === 0) {
      lines.push(`    <testcase name="${name}" classname="${name}"/>`);
      continue;
    }
    lines.push(`    <testcase name="${name}" classname="${name}">`, ...found.map(failure), '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
