// okr measure against a real HTTP server on 127.0.0.1 started here, and real commands.
import { chmodSync, existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOkr, writeFiles } from '../helpers.js';
import { measureProject, okrFile, read, results, runOkrAsync } from './measure-run.js';

const TOKEN = 's3cr3t-token-4711';

let server: Server;
let base = '';
// A second server: another origin (another port), which a redirect may lead to.
let other: Server;
let otherBase = '';
const receivedElsewhere: IncomingHttpHeaders[] = [];
const received: IncomingHttpHeaders[] = [];
const methods: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    methods.push(req.method ?? '');
    const url = req.url ?? '/';
    const json = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (url === '/ok') return json(200, '{"data": {"total": 1350}}');
    if (url === '/auth') {
      received.push(req.headers);
      return json(200, '{"count": 21}');
    }
    if (url === '/missing') return json(404, '{"error": "no such metric"}');
    if (url === '/broken') return json(500, '{"error": "internal"}');
    if (url === '/slow') {
      const timer = setTimeout(() => json(200, '{"data": {"total": 1}}'), 5000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    const hop = /^\/hop\/(\d)$/.exec(url);
    if (hop) {
      const n = Number(hop[1]);
      res.writeHead(301, { location: n === 0 ? '/ok' : `/hop/${n - 1}` });
      return res.end();
    }
    if (url === '/away') {
      res.writeHead(302, { location: `${otherBase}/count` });
      return res.end();
    }
    if (url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html>metrics</html>');
    }
    if (url === '/huge') {
      // 1.5 MB of JSON, sent in chunks without a content-length: the reading must stop at 1 MB.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"pad": "');
      for (let i = 0; i < 15; i++) res.write('x'.repeat(100 * 1024));
      return res.end('", "total": 1}');
    }
    json(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = createServer((req, res) => {
    receivedElsewhere.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"count": 33}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

const URL_CONFIG = 'roots: [platform]\nmeasure: { allow: [file, url] }\n';

describe('okr measure: url sources', () => {
  it('GETs each url, follows up to 5 redirects, sends $NAME headers from the environment, and names every failure', async () => {
    const krs = [
      { id: 'ok', measure: `{ url: "${base}/ok", path: data.total }` },
      {
        id: 'auth',
        measure: `{ url: "${base}/auth", path: count, headers: { Authorization: "Bearer \${METRICS_TOKEN}" } }`,
      },
      { id: 'notfound', measure: `{ url: "${base}/missing", path: data.total }` },
      { id: 'broken', measure: `{ url: "${base}/broken", path: data.total }` },
      { id: 'slow', measure: `{ url: "${base}/slow", path: data.total, timeout: 1 }` },
      { id: 'loop', measure: `{ url: "${base}/loop", path: data.total }` },
      { id: 'hops', measure: `{ url: "${base}/hop/4", path: data.total }` },
      { id: 'html', measure: `{ url: "${base}/html", path: data.total }` },
      { id: 'huge', measure: `{ url: "${base}/huge", path: total }` },
      {
        id: 'unset',
        measure: `{ url: "${base}/ok", path: data.total, headers: { X-Key: "\${NOT_SET_HERE}" } }`,
      },
    ];
    const dir = measureProject(krs, { 'okr.config.yaml': URL_CONFIG });
    const r = await runOkrAsync(['measure', '-f', 'json', '--date', '2026-11-20'], {
      cwd: dir,
      env: { METRICS_TOKEN: TOKEN, NOT_SET_HERE: undefined },
    });
    expect(r.code).toBe(1);
    // The header was sent with the value from the environment, and the value is nowhere in the output.
    expect(received.map((h) => h.authorization)).toEqual([`Bearer ${TOKEN}`]);
    expect(r.stdout).not.toContain(TOKEN);
    expect(r.stderr).not.toContain(TOKEN);
    expect(read(dir, 'okrs/platform.yaml')).not.toContain(TOKEN);
    expect(new Set(methods)).toEqual(new Set(['GET']));
    const byKr = results(r.stdout);
    expect(byKr.get('stable/ok')?.value).toBe(1350);
    expect(byKr.get('stable/auth')?.value).toBe(21);
    // hop/4 → hop/3 → … → hop/0 → /ok: 5 redirects, the most that is followed.
    expect(byKr.get('stable/hops')?.value).toBe(1350);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `okr: "stable/notfound": ${base}/missing answered HTTP 404, not 2xx`,
      `okr: "stable/broken": ${base}/broken answered HTTP 500, not 2xx`,
      `okr: "stable/slow": ${base}/slow did not answer within 1 s (timeout)`,
      `okr: "stable/loop": ${base}/loop redirected more than 5 times`,
      `okr: "stable/html": the answer of ${base}/html is not JSON`,
      `okr: "stable/huge": the answer of ${base}/huge is larger than 1 MB`,
      `okr: "stable/unset": header "X-Key" uses \${NOT_SET_HERE}, which is not set in the environment`,
    ]);
    const text = read(dir, 'okrs/platform.yaml');
    expect(text).toContain('current: 1350\n');
    expect(text).toContain('current: 21\n');
    expect(text.match(/source: measure/g)).toHaveLength(3);
  });

  it("sends the headers to the measure's origin only: a redirect to another origin gets none", async () => {
    const dir = measureProject(
      [
        {
          id: 'away',
          measure: `{ url: "${base}/away", path: count, headers: { Authorization: "Bearer \${METRICS_TOKEN}" } }`,
        },
      ],
      { 'okr.config.yaml': URL_CONFIG },
    );
    const r = await runOkrAsync(['measure', '-f', 'json'], { cwd: dir, env: { METRICS_TOKEN: TOKEN } });
    expect(r.code).toBe(0);
    expect(results(r.stdout).get('stable/away')?.value).toBe(33);
    expect(receivedElsewhere).toHaveLength(1);
    expect(receivedElsewhere[0]!.authorization).toBeUndefined();
  });

  it('calls no host when the config does not list url, and says so', async () => {
    const dir = measureProject([{ id: 'ok', measure: `{ url: "${base}/auth", path: count }` }]);
    const before = read(dir, 'okrs/platform.yaml');
    const count = received.length;
    const r = await runOkrAsync(['measure'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'okr: "stable/ok": the source "url" is not allowed by the config (measure.allow: [file])',
    );
    expect(received.length).toBe(count);
    expect(read(dir, 'okrs/platform.yaml')).toBe(before);
  });
});

const COMMAND_CONFIG = 'roots: [platform]\nmeasure: { allow: [command] }\n';

/** Writes executable scripts below the project. */
function scripts(dir: string, files: Record<string, string>): void {
  writeFiles(dir, files);
  for (const path of Object.keys(files)) chmodSync(join(dir, path), 0o755);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('okr measure: command sources', () => {
  it('runs argv without a shell in the root, reads one number or JSON at path, and stops a command that runs too long with its children', async () => {
    const dir = measureProject(
      [
        { id: 'plain', measure: '{ command: [scripts/count.sh, P1] }' },
        { id: 'json', measure: '{ command: [scripts/json.sh], path: bugs.open }' },
        { id: 'env', measure: '{ command: [scripts/env.sh] }' },
        { id: 'fails', measure: '{ command: [scripts/fail.sh] }' },
        { id: 'slow', measure: '{ command: [scripts/slow.sh], timeout: 1 }' },
        { id: 'huge', measure: '{ command: [scripts/huge.sh] }' },
        { id: 'words', measure: '{ command: [scripts/words.sh] }' },
        { id: 'absent', measure: '{ command: [scripts/absent.sh] }' },
      ],
      { 'okr.config.yaml': COMMAND_CONFIG },
    );
    scripts(dir, {
      // $1 is the argument as given: "P1 *" would be globbed by a shell, not by okr.
      'scripts/count.sh': '#!/bin/sh\n[ "$1" = "P1" ] && [ -f okr.config.yaml ] && echo " 17 "\n',
      'scripts/json.sh': '#!/bin/sh\necho \'{"bugs": {"open": 4}}\'\n',
      'scripts/env.sh': '#!/bin/sh\necho "$MEASURE_FROM_ENV"\n',
      'scripts/fail.sh': '#!/bin/sh\necho "cannot reach the tracker" >&2\nexit 1\n',
      // Starts a child in the background and records its pid, then waits: both must be killed.
      'scripts/slow.sh': '#!/bin/sh\nsleep 30 &\necho $! > child.pid\nsleep 30\necho 1\n',
      'scripts/huge.sh': '#!/bin/sh\nhead -c 2000000 /dev/zero | tr "\\\\0" "1"\n',
      'scripts/words.sh': '#!/bin/sh\necho "about 12"\n',
    });
    const started = Date.now();
    const r = await runOkrAsync(['measure', '-f', 'json', '--date', '2026-11-20'], {
      cwd: dir,
      env: { MEASURE_FROM_ENV: '8' },
    });
    // The slow script was stopped after its 1 s, not after its 30 s.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    const byKr = results(r.stdout);
    expect(byKr.get('stable/plain')?.value).toBe(17);
    expect(byKr.get('stable/json')?.value).toBe(4);
    expect(byKr.get('stable/env')?.value).toBe(8);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'okr: "stable/fails": command "scripts/fail.sh" exited with status 1: cannot reach the tracker',
      'okr: "stable/slow": command "scripts/slow.sh" ran longer than 1 s (timeout); it was stopped',
      'okr: "stable/huge": command "scripts/huge.sh" printed more than 1 MB; it was stopped',
      'okr: "stable/words": the output of command "scripts/words.sh" is "about 12", not one number (give path: when it prints JSON)',
      'okr: "stable/absent": command "scripts/absent.sh" was not found',
    ]);
    const child = Number(read(dir, 'child.pid'));
    expect(child).toBeGreaterThan(0);
    let waited = 0;
    while (alive(child) && waited < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      waited += 100;
    }
    expect(alive(child)).toBe(false);
  });

  it('with the default config (allow: [file]) no command runs: not okr measure, okr check, okr status nor okr report', async () => {
    const krs = [{ id: 'mark', measure: '{ command: [scripts/mark.sh] }' }];
    const dir = measureProject(krs);
    scripts(dir, { 'scripts/mark.sh': '#!/bin/sh\ntouch marker\necho 5\n' });
    const before = read(dir, 'okrs/platform.yaml');
    const m = await runOkrAsync(['measure'], { cwd: dir });
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(
      'okr: "stable/mark": the source "command" is not allowed by the config (measure.allow: [file]); add command to measure.allow',
    );
    const check = runOkr(['check', '-f', 'json'], { cwd: dir });
    const problems = (JSON.parse(check.stdout) as { problems: { ruleId: string; line: number }[] }).problems;
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([['measure-unavailable', 12]]);
    expect(runOkr(['status'], { cwd: dir }).code).toBe(0);
    expect(runOkr(['report', '-o', 'report.html'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'marker'))).toBe(false);
    expect(read(dir, 'okrs/platform.yaml')).toBe(before);
    // Even when commands are allowed, check, status and report read no measure.
    writeFiles(dir, { 'okr.config.yaml': COMMAND_CONFIG });
    expect(runOkr(['check'], { cwd: dir }).code).toBe(0);
    runOkr(['status'], { cwd: dir });
    runOkr(['report', '-o', 'report.html'], { cwd: dir });
    expect(existsSync(join(dir, 'marker'))).toBe(false);
    // And okr measure runs it once allowed: the marker shows that this test can see a run.
    expect((await runOkrAsync(['measure'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'marker'))).toBe(true);
  });
});

describe('okr measure: the failure of one KR', () => {
  it('leaves its file byte for byte when it is alone there; the other file gets its value', async () => {
    const dir = measureProject([{ id: 'ok', measure: `{ url: "${base}/ok", path: data.total }` }], {
      'okr.config.yaml': URL_CONFIG,
      'okrs/solo.yaml': okrFile(
        [{ id: 'down', measure: `{ url: "${base}/broken", path: data.total }` }],
        'solo',
      ),
    });
    const solo = read(dir, 'okrs/solo.yaml');
    const r = await runOkrAsync(['measure', '--date', '2026-11-20'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(read(dir, 'okrs/solo.yaml')).toBe(solo);
    expect(read(dir, 'okrs/platform.yaml')).toContain('current: 1350\n');
  });
});
