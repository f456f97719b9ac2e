import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import { renderHtmlReport } from '../../src/format/html.js';
import { escapeHtml, jsonForScript } from '../../src/format/html-escape.js';
import { analyze } from '../../src/run/analyze.js';
import { statusReport } from '../../src/run/views/status.js';
import { REPO_ROOT } from '../helpers.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'graph');

function fixtureAnalysis(asOf = '2026-11-15') {
  return analyze(loadConfig(FIXTURE), { asOf: parseDay(asOf)! });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The text of every element `tag` of the page, in order. */
function contents(html: string, open: RegExp, close: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(open)) {
    const start = m.index! + m[0].length;
    out.push(html.slice(start, html.indexOf(close, start)));
  }
  return out;
}

/** The markup of one KR in the owner sections. */
function krItem(html: string, id: string): string {
  const owners = html.slice(html.indexOf('<section id="owners"'));
  const item = owners.slice(owners.indexOf(`<span class="id">${id}</span>`));
  return item.slice(0, item.indexOf('</li>'));
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('jsonForScript', () => {
  it('cannot close its script element and reads back as the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(fixtureAnalysis());

  it('shows hostile titles, owners and notes only as escaped text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(7)&gt; pasted from a ticket');
    expect(html).toContain('data-owner="eve &quot;the&quot; &lt;b&gt;tester&lt;/b&gt; &amp; co"');
    expect(html).not.toContain('<b>tester');
    expect(html).not.toContain('<b>words');
    // Only the page's own two script elements open and close.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('loads nothing from anywhere: every link is a fragment or a data URL', () => {
    const refs = [...html.matchAll(/\b(?:src|href|action|xlink:href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^(#|data:)/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('allows exactly its own inline style and script by hash in a strict Content-Security-Policy', () => {
    const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const csp = attribute.replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    const [style] = contents(html, /<style>/g, '</style>');
    const script = contents(html, /<script>/g, '</script>')[0]!;
    expect(csp).toContain(`style-src ${sha256(style!)}`);
    expect(csp).toContain(`script-src ${sha256(script)}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('embeds the status data as JSON that parses back to the status report', () => {
    const [json] = contents(html, /<script type="application\/json" id="okr-data">/g, '</script>');
    const data = JSON.parse(json!);
    const report = statusReport(fixtureAnalysis());
    expect(data.asOf).toBe('2026-11-15');
    expect(data.objectives.map((o: { id: string }) => o.id)).toEqual(report.objectives.map((o) => o.id));
    expect(data.objectives[2].title).toBe(report.objectives[2]!.title);
    expect(data.trends['effortless-checkout/conversion']).toHaveLength(3);
  });

  it('has a phone viewport, print rules and filters hidden until the script shows them', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media print');
    expect(html).toMatch(/<form id="filters" hidden/);
    // With script off the tree's first level is open and the rest expands with <details>.
    expect(html.match(/<details open>/g)?.length).toBe(2);
  });

  it('draws trends from the series it is given, not only from check-ins', () => {
    const trends = new Map([
      [
        'end/traffic-moved',
        [
          { date: '2026-10-01', value: 0 },
          { date: '2026-10-20', value: 5 },
          { date: '2026-11-01', value: 12 },
          { date: '2026-11-14', value: 20 },
        ],
      ],
    ]);
    const page = renderHtmlReport(fixtureAnalysis(), { trends });
    const points = /<polyline points="([^"]+)"/.exec(krItem(page, 'end/traffic-moved'))?.[1];
    expect(points?.split(' ')).toHaveLength(4);
    // KRs without a series say so instead of drawing a line, even those with check-ins.
    expect(krItem(page, 'effortless-checkout/conversion')).toContain('no history yet');
    expect(krItem(html, 'effortless-checkout/conversion')).toMatch(/<polyline points="[^" ]+ [^" ]+ [^" ]+"/);
  });

  it('follows --as-of: before the cycle nothing has started', () => {
    const before = renderHtmlReport(fixtureAnalysis('2026-06-15'));
    expect(before).toContain('OKR report as of 2026-06-15');
    const statuses = [...before.matchAll(/<article class="obj s-(\w+)"/g)].map((m) => m[1]);
    expect(statuses.length).toBe(statusReport(fixtureAnalysis()).objectives.length);
    expect(new Set(statuses)).toEqual(new Set(['not_started']));
    expect(html.match(/<article class="obj s-not_started"/g)).toBeNull();
  });
});
