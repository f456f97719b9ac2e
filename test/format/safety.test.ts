// User text reaches terminals, markdown and JSON: each output keeps it from acting as anything but
// text, and JSON keeps it exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStatusMarkdown } from '../../src/format/status.js';
import { markdownInline, terminalLine, terminalSafe } from '../../src/format/text.js';
import { makeProject, runOkr } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-15'];

// Clear the screen, set the window title, ring the bell; flip the text direction; fake a colour.
const OWNER = 'evil\x1b[2J\x1b]0;pwned\x07';
const TITLE =
  'Grow \x1b[31mred\x1b[0m revenue \u202eevil | *bold* <script>alert(1)</script> [x](javascript:alert(1)) `code` _u_ ~s~ &amp;';
const KR_TITLE = 'Judged \x9b2J by the review\r\n| injected | row |';

/** The same strings as YAML double-quoted escapes (raw control characters are not allowed in YAML). */
function yamlQuoted(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u001b/g, '\\e')
    .replace(/\\u0007/g, '\\a')
    .replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const FILES = {
  'okrs/evil.yaml': `owner: ${yamlQuoted(OWNER)}\ncycle: 2026-Q4\nobjectives:\n  - id: grow\n    title: ${yamlQuoted(TITLE)}\n    key_results:\n      - id: k\n        title: ${yamlQuoted(KR_TITLE)}\n        progress: 0.5\n`,
};

/** No escape sequence but colour (SGR `ESC [ … m`), no bell, no C1 control, no direction override. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/\x1b(?!\[[\d;]*m)/);
  expect(text).not.toMatch(/[\x07\x80-\x9f\u202e]/);
}

describe('terminal output makes control characters in user text visible', () => {
  const dir = makeProject(FILES);
  const commands = [['check'], ['status'], ['status', '--krs'], ['status', '--tree', '--krs']];
  for (const args of commands)
    for (const env of [{}, { FORCE_COLOR: '1', NO_COLOR: undefined }])
      it(`okr ${args.join(' ')}${'FORCE_COLOR' in env ? ' (coloured)' : ''}`, () => {
        const r = runOkr([...args, ...AS_OF], { cwd: dir, env });
        expect(r.code).toBeLessThan(2);
        expectInert(r.stdout);
        expectInert(r.stderr);
        if (!('FORCE_COLOR' in env)) expect(r.stdout).not.toContain('\x1b');
        // The user's bytes are still there, shown as escapes.
        expect(r.stdout).toMatch(args[0] === 'check' ? /evil\\x1b\[2J\\x1b]0;pwned\\x07/ : /\\x1b\[31mred/);
      });

  it('a file name with an escape sequence is shown escaped on stderr too', () => {
    const named = makeProject({
      'okrs/\x1b[2Jx.yaml': 'owner: [not, a, string]\ncycle: 2026-Q4\nobjectives: []\n',
    });
    for (const args of [['check'], ['status']]) {
      const r = runOkr([...args, ...AS_OF], { cwd: named });
      expect(r.stdout + r.stderr).toContain('okrs/\\x1b[2Jx.yaml');
      expectInert(r.stdout);
      expectInert(r.stderr);
      expect(r.stdout + r.stderr).not.toContain('\x1b');
    }
  });

  it('terminalSafe and terminalLine escape every control character, keep the rest', () => {
    expect(terminalSafe('a\x1b[2Jb\x07\x9b\u202e\u200bc\nd')).toBe('a\\x1b[2Jb\\x07\\x9b\\u202e\\u200bc\nd');
    expect(terminalLine('a\nb\tc')).toBe('a\\nb c');
    expect(terminalSafe('plain ünïcödé ✓')).toBe('plain ünïcödé ✓');
  });
});

describe('markdown output escapes markdown and HTML', () => {
  it('okr status --format markdown: one row per objective and KR, no live HTML or emphasis', () => {
    const r = runOkr(['status', '--format', 'markdown', '--krs', ...AS_OF], { cwd: makeProject(FILES) });
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    // Header, separator, the objective and its KR: the KR's "| injected | row |" stays in its cell.
    expect(rows).toHaveLength(4);
    const unescapedPipes = (row: string) => row.replace(/\\\|/g, '').split('|').length - 1;
    for (const row of rows) expect(unescapedPipes(row)).toBe(unescapedPipes(rows[0]!));
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('&lt;script&gt;');
    expect(r.stdout).toContain('\\*bold\\*');
    expect(r.stdout).toContain('\\[x\\](javascript:alert(1))');
    expect(r.stdout).toContain('\\`code\\`');
    expect(r.stdout).toContain('&amp;amp;');
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
  });

  it('markdownInline leaves no character that starts markup', () => {
    expect(markdownInline('a|b*c_d`e[f]g<h>i&j~k#l\\m')).toBe(
      'a\\|b\\*c\\_d\\`e\\[f\\]g&lt;h&gt;i&amp;j\\~k\\#l\\\\m',
    );
    expect(markdownInline('line\r\nbreak\x1b[2J')).toBe('line break\\[2J');
  });

  it('the markdown formatter escapes the owner and cycle too', () => {
    const report = {
      asOf: '2026-11-15',
      objectives: [
        {
          id: 'grow',
          title: 't',
          owner: '<img src=x onerror=alert(1)>',
          team: '<img src=x onerror=alert(1)>',
          cycle: '|2026|',
          type: 'aspirational' as const,
          rollup: 'krs' as const,
          parent: null,
          file: 'okrs/a.yaml',
          line: 4,
          progress: 0.5,
          expected: 0.3,
          status: 'on_track' as const,
          children: [],
          dependsOn: [],
          keyResults: [],
        },
      ],
    };
    const out = formatStatusMarkdown(report, { krs: false });
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('\\|2026\\|');
  });
});

describe('JSON output keeps user text exactly', () => {
  const dir = makeProject(FILES);

  it('okr status --format json', () => {
    const r = runOkr(['status', '--format', 'json', '--krs', ...AS_OF], { cwd: dir });
    const json = JSON.parse(r.stdout) as {
      objectives: { owner: string; title: string; keyResults: { title: string }[] }[];
    };
    expect(json.objectives[0]).toMatchObject({ owner: OWNER, title: TITLE });
    expect(json.objectives[0]!.keyResults[0]!.title).toBe(KR_TITLE);
    expect(r.stdout).not.toContain('\x1b');
  });

  it('okr check --format json', () => {
    const r = runOkr(['check', '--format', 'json', ...AS_OF], { cwd: dir });
    const json = JSON.parse(r.stdout) as { problems: { ruleId: string; message: string }[] };
    const orphan = json.problems.find((p) => p.ruleId === 'orphan-objective');
    expect(orphan?.message).toContain(`"${OWNER}"`);
    expect(r.stdout).not.toContain('\x1b');
  });
});

describe('CI and report formats keep user text inert', () => {
  const INJECT_OWNER = 'evil::error::pwned%0A\n::warning file=x::injected';
  const INJECT_TITLE = 'Grow <script>alert(1)</script> ]]></x> & "q" --> \n::set-output name=x::y';
  const dir = makeProject({
    'okrs/evil.yaml': `owner: ${yamlQuoted(INJECT_OWNER)}\ncycle: 2026-Q4\nobjectives:\n  - id: grow\n    title: ${yamlQuoted(INJECT_TITLE)}\n    key_results:\n      - { id: k, title: Judged, progress: 0.5 }\n`,
  });

  it('--format github: one workflow command a problem, none started by user text', () => {
    const r = runOkr(['check', '--format', 'github', ...AS_OF], { cwd: dir });
    const json = JSON.parse(runOkr(['check', '--format', 'json', ...AS_OF], { cwd: dir }).stdout) as {
      problems: unknown[];
    };
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.filter((l) => /^::(error|warning) /.test(l))).toHaveLength(json.problems.length);
    expect(commands.every((l) => /^::(error|warning|notice)[ :]/.test(l))).toBe(true);
    expect(r.stdout).not.toMatch(/^::(set-output|warning file=x)/m);
  });

  it('--format sarif keeps the message text exactly', () => {
    const r = runOkr(['check', '--format', 'sarif', ...AS_OF], { cwd: dir });
    const sarif = JSON.parse(r.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(sarif.runs[0]!.results.some((res) => res.message.text.includes(`"${INJECT_OWNER}"`))).toBe(true);
  });

  it('okr report escapes HTML', () => {
    const r = runOkr(['report', '--out', 'report.html', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain(']]></x>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
