import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

// The report in a real headless Chromium: Debian's package, driven by playwright-core. Without it
// these tests fail, saying how to install it; OKR_SKIP_BROWSER=1 skips them on purpose.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = join(REPO_ROOT, 'test-output');
// The day the Acme example's check-ins tell their story up to.
const AS_OF = '2026-11-20';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const HOSTILE_FILE = `owner: "<img src=x onerror=alert(3)>"
cycle: 2026-Q4
objectives:
  - id: zz-hostile-probe
    title: ${HOSTILE_TITLE}
    key_results:
      - id: probe
        title: "</script><script>alert(2)</script>"
        progress: 0.5
`;

interface Project {
  name: string;
  dir: string;
  /** Where the screenshots go: the first project's are report.png and report-phone.png. */
  shot: string;
}

const acme = join(REPO_ROOT, 'examples', 'acme');
const projects: Project[] = [
  ...(existsSync(acme) ? [{ name: 'examples/acme', dir: acme }] : []),
  { name: 'test/fixtures/graph', dir: join(REPO_ROOT, 'test', 'fixtures', 'graph') },
].map((p, i) => ({ ...p, shot: i === 0 ? 'report' : `report-${p.name.replace(/\W+/g, '-')}` }));

/** A copy of the project with one more OKR file whose strings try to become markup. */
function reportOf(project: Project): { html: string; objectives: number } {
  const dir = tempDir('okr-report-');
  cpSync(project.dir, dir, { recursive: true });
  writeFiles(dir, { 'okrs/zz-hostile-probe.yaml': HOSTILE_FILE });
  const r = runOkr(['report', '--out', 'report.html', '--as-of', AS_OF], { cwd: dir });
  if (r.code !== 0) throw new Error(`okr report failed (${r.code}): ${r.stderr}`);
  const status = runOkr(['status', '--format', 'json', '--as-of', AS_OF], { cwd: dir });
  const objectives = (JSON.parse(status.stdout) as { objectives: unknown[] }).objectives.length;
  return { html: readFileSync(join(dir, 'report.html'), 'utf8'), objectives };
}

/** Serves one page from loopback and counts what is asked of it. */
async function serve(html: string): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/report.html')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/report.html`, hits };
}

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

const skipBrowser = process.env.OKR_SKIP_BROWSER === '1';
const INSTALL_HINT = `the browser tests need Chromium at ${CHROMIUM}: run "apt-get install chromium" (or set OKR_SKIP_BROWSER=1 to skip them)`;

// Counted as a failed test of its own, so that CI's tally shows a missing browser.
it.skipIf(skipBrowser)('has Chromium to run the browser tests in', () => {
  expect(existsSync(CHROMIUM), INSTALL_HINT).toBe(true);
});

describe.skipIf(skipBrowser)('the HTML report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
    mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(projects)('the report of $name', (project) => {
    let report: { html: string; objectives: number };
    let site: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      report = reportOf(project);
      site = await serve(report.html);
    });

    afterAll(async () => {
      await new Promise((done) => site?.server.close(done));
    });

    async function open(options: BrowserContextOptions = {}): Promise<Watched> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      const watched: Watched = { page, errors: [], requests: [], dialogs: [] };
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') watched.errors.push(m.text());
      });
      page.on('pageerror', (e) => watched.errors.push(e.message));
      page.on('request', (r) => watched.requests.push(r.url()));
      page.on('dialog', (d) => {
        watched.dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(site.url, { waitUntil: 'load' });
      return watched;
    }

    it('opens with no console errors and no network request but the page itself', async () => {
      const before = site.hits.length;
      const { page, errors, requests, dialogs } = await open();
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([site.url]);
      expect(site.hits.slice(before)).toEqual(['/report.html']);
      // The script ran under the page's Content-Security-Policy: it showed the filters.
      expect(await page.locator('#filters').isVisible()).toBe(true);
      await page.screenshot({ path: join(OUTPUT, `${project.shot}.png`), fullPage: true });
      expect(statSync(join(OUTPUT, `${project.shot}.png`)).size).toBeGreaterThan(20_000);
      await page.context().close();
    });

    it('expands the tree when a summary is clicked', async () => {
      const { page, errors } = await open();
      // A handle, not a locator: once opened, the element no longer matches the selector.
      const closed = (await page.locator('#tree details:not([open])').first().elementHandle())!;
      const firstInside = (await closed.$(':scope > ul.kids > li'))!;
      expect(await firstInside.isVisible()).toBe(false);
      await (await closed.$(':scope > summary'))!.click();
      expect(await closed.getAttribute('open')).toBe('');
      expect(await firstInside.isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('narrows the objectives to one owner with the owner filter, and shows all again on reset', async () => {
      const { page, errors } = await open();
      const cards = page.locator('#owners article.obj:visible');
      expect(await cards.count()).toBe(report.objectives);
      const owner = (await page.locator('#filter-owner option').nth(1).getAttribute('value'))!;
      await page.selectOption('#filter-owner', owner);
      const shown = await cards.count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(report.objectives);
      for (const card of await cards.all()) expect(await card.getAttribute('data-owner')).toBe(owner);
      expect(await page.locator('#shown').textContent()).toBe(
        `Showing ${shown} of ${report.objectives} objectives`,
      );
      expect(await page.locator('[data-count="all"]').textContent()).toBe(String(shown));
      // The tree keeps only matching objectives and the (dimmed) path to them.
      for (const node of await page.locator('#tree li.node:visible').all()) {
        const matches = (await node.getAttribute('data-owner')) === owner;
        expect(matches || (await node.getAttribute('class'))?.includes('dim')).toBe(true);
      }
      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(() => cards.count()).toBe(report.objectives);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('narrows by status, cycle and theme too', async () => {
      const { page } = await open();
      const cards = page.locator('#owners article.obj:visible');
      await page.selectOption('#filter-status', 'done');
      for (const card of await cards.all()) expect(await card.getAttribute('data-status')).toBe('done');
      await page.selectOption('#filter-status', '');
      await page.selectOption('#filter-cycle', '2026-Q4');
      for (const card of await cards.all()) expect(await card.getAttribute('data-cycle')).toBe('2026-Q4');
      const themes = await page.locator('#filter-theme option').count();
      if (themes > 1) {
        const theme = (await page.locator('#filter-theme option').nth(1).getAttribute('value'))!;
        await page.selectOption('#filter-theme', theme);
        expect(await cards.count()).toBeGreaterThan(0);
        for (const card of await cards.all()) expect(await card.getAttribute('data-theme')).toBe(theme);
      }
      await page.context().close();
    });

    it('renders the hostile title as text: no element made from it, no dialog', async () => {
      const { page, dialogs, errors } = await open();
      await page.waitForTimeout(300);
      expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
      const card = page.locator('#obj-zz-hostile-probe');
      expect(await card.locator('h4').textContent()).toBe(HOSTILE_TITLE);
      expect(await card.getAttribute('data-owner')).toBe('<img src=x onerror=alert(3)>');
      expect(await card.locator('li.kr .t').textContent()).toBe('</script><script>alert(2)</script>');
      // The embedded data survived the title that tries to close its script element.
      const data = (await page.evaluate('JSON.parse(document.getElementById("okr-data").textContent)')) as {
        objectives: { title: string }[];
      };
      expect(data.objectives.map((o) => o.title)).toContain(HOSTILE_TITLE);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('shows everything with JavaScript off (the filters, which need it, stay hidden)', async () => {
      const { page, errors } = await open({ javaScriptEnabled: false });
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await page.locator('#owners article.obj:visible').count()).toBe(report.objectives);
      const krs = page.locator('#owners li.kr');
      expect(await page.locator('#owners li.kr:visible').count()).toBe(await krs.count());
      expect(await page.locator('#tree > ul > li.node > details[open]').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, `${project.shot}-nojs.png`), fullPage: true });
      await page.context().close();
    });

    it('fits a phone screen without sideways scrolling', async () => {
      const { page, errors } = await open({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, `${project.shot}-phone.png`), fullPage: true });
      await page.context().close();
    });

    it('prints with the whole tree expanded and without the filters', async () => {
      const { page } = await open({ javaScriptEnabled: false });
      await page.emulateMedia({ media: 'print' });
      const deep = page.locator('#tree details:not([open]) li').first();
      expect(await deep.isVisible()).toBe(true);
      expect(await page.locator('nav.jump').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    });
  });
});
