import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/io.js';
import { makeProject, OKR_BIN, okrEnv, runOkr, tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces, whatever the umask', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o664);
    const umask = process.umask(0o077);
    try {
      writeFileAtomic(file, 'new\n');
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o664);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.yaml'), 'old\n');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('new\n');
  });

  it('leaves the file and no temporary file when the last check fails', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    const stop = () => {
      throw new Error('changed meanwhile');
    };
    expect(() => writeFileAtomic(file, 'new\n', { beforeRename: stop })).toThrow('changed meanwhile');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

/** A project whose `okr status -f json` is far larger than a pipe's buffer (64 KiB on Linux). */
function largeProject(): { dir: string; expected: string } {
  let team = 'owner: team\ncycle: 2026-Q4\nobjectives:\n';
  for (let i = 0; i < 400; i++)
    team += `  - id: goal-${i}\n    title: Make area ${i} effortless for every buyer\n    key_results:\n      - id: kr\n        title: Raise the rate of area ${i}\n        start: 0\n        target: 10\n        current: 2\n`;
  const dir = makeProject({ 'okrs/team.yaml': team });
  const whole = runOkr(['status', '-f', 'json', '--as-of', '2026-11-20'], { cwd: dir });
  expect(whole.code).toBe(0);
  expect(whole.stdout.length).toBeGreaterThan(200_000);
  return { dir, expected: whole.stdout };
}

describe("okr's output", () => {
  it('a reader that stops early is no error: okr exits with its own code and prints no stack', async () => {
    const { dir } = largeProject();
    const child = spawn(process.execPath, [OKR_BIN, 'status', '-f', 'json', '--as-of', '2026-11-20'], {
      cwd: dir,
      env: okrEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // `okr status | head -c 10`: the reader takes a few bytes, then goes away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  // A pipe that another program made non-blocking (a shell's job, a Node parent) answers a full
  // write with EAGAIN: okr then writes the rest through node's stream, and nothing is lost. python3
  // makes such a pipe here (node cannot), and reads it only after okr has filled it.
  it.skipIf(spawnSync('python3', ['--version']).error !== undefined)(
    'into a full non-blocking pipe, every byte arrives in order',
    () => {
      const { dir, expected } = largeProject();
      const script = [
        'import os, subprocess, sys, time',
        'r, w = os.pipe()',
        'os.set_blocking(w, False)',
        'p = subprocess.Popen(sys.argv[1:], stdout=w)',
        'os.close(w)',
        'time.sleep(1)',
        'out = b""',
        'while True:',
        '    chunk = os.read(r, 65536)',
        '    if not chunk: break',
        '    out += chunk',
        'sys.stdout.buffer.write(out)',
        'sys.exit(p.wait())',
      ].join('\n');
      const result = spawnSync(
        'python3',
        ['-c', script, process.execPath, OKR_BIN, 'status', '-f', 'json', '--as-of', '2026-11-20'],
        { cwd: dir, env: okrEnv(), encoding: 'utf8', maxBuffer: 1 << 26, timeout: 60_000 },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
    },
  );
});
