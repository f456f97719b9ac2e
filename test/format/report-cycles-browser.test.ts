import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, runOkr } from '../helpers.js';

// The report's cycle picker in a real headless Chromium (Debian's package, driven by
// playwright-core), as the other report tests run. OKR_SKIP_BROWSER=1 skips them on purpose.
const CHROMIUM = '/usr/bin/chromium';
const skipBrowser = process.env.OKR_SKIP_BROWSER === '1';

// 2026-Q3 is over and closed; 2026-Q4 runs on the report's day.
const FILES = {
  'okr.config.yaml': 'roots: [company]\n',
  'okrs/2026-Q3/company.yaml': `owner: company
cycle: 2026-Q3
closed: 2026-10-02
objectives:
  - id: expand
    title: Expand into the Nordic market this summer
    type: committed
    key_results:
      - { id: deals, title: Signed deals in the Nordics, start: 0, target: 10, current: 4 }
      - { id: p95, title: Keep p95 checkout latency below 300 ms, target: 300, keep: below, current: 280 }
  - id: hire
    title: Hire the first Nordic sales team this summer
    key_results:
      - { id: hires, title: Sales people hired in Stockholm, start: 0, target: 4, current: 3 }
`,
  'okrs/2026-Q4/company.yaml': `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue from the new Nordic shops
    key_results:
      - { id: arr, title: Nordic revenue in thousands, start: 0, target: 100, current: 30 }
`,
};

describe.skipIf(skipBrowser)('the report of a repository with two cycles, in Chromium', () => {
  let browser: Browser;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`the browser tests need Chromium at ${CHROMIUM}: run "apt-get install chromium"`);
    dir = makeProject(FILES);
    const r = runOkr(['report', '-o', 'report.html', '--as-of', '2026-11-20'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    url = pathToFileURL(join(dir, 'report.html')).href;
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('id="cycle-picker"');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the running cycle, and the picker switches to the closed one with its final grades', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    const cards = page.locator('#owners article.obj:visible');
    const ids = async () => Promise.all((await cards.all()).map((c) => c.getAttribute('id')));

    // The picker shows (the script runs) and starts on 2026-Q4, the cycle running on 2026-11-20.
    expect(await page.locator('#cycle-picker').isVisible()).toBe(true);
    expect(await page.locator('#cycle-picker option:checked').textContent()).toBe('Running now: 2026-Q4');
    expect(await ids()).toEqual(['obj-grow']);
    expect(await page.locator('[data-count="all"]').textContent()).toBe('1');
    expect(await page.locator('section.grades:visible').count()).toBe(0);

    // The closed cycle: its objectives, and its final grades as okr grade gives them.
    await page.selectOption('#cycle-picker', '2026-Q3');
    expect(await ids()).toEqual(['obj-expand', 'obj-hire']);
    expect(await page.locator('[data-count="all"]').textContent()).toBe('2');
    const grades = page.locator('#grades-2026-Q3');
    expect(await grades.isVisible()).toBe(true);
    // expand (committed): deals 4/10 = 0.4, p95 280 <= 300 → 1; (0.4 + 1) / 2 = 0.7, below 1.0: missed.
    // hire: 3/4 = 0.75 → 0.8, green, not missed.
    const rows = await grades.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('0.7 green');
    expect(rows[0]).toContain('missed: committed, below 1.0');
    expect(rows[1]).toContain('0.8 green');
    expect(rows[1]).not.toContain('missed');
    expect(await page.locator('#obj-expand').textContent()).toContain('final score 0.7 (green), missed');
    const sheet = JSON.parse(
      runOkr(['grade', '2026-Q3', '-f', 'json', '--as-of', '2026-11-20'], {
        cwd: join(new URL(url).pathname, '..'),
      }).stdout,
    ) as { objectives: { score: number }[] };
    expect(sheet.objectives.map((o) => o.score)).toEqual([0.7, 0.8]);

    // All cycles: every objective, and the closed cycle's grades.
    await page.selectOption('#cycle-picker', '');
    expect(await ids()).toEqual(['obj-expand', 'obj-hire', 'obj-grow']);
    expect(await grades.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
