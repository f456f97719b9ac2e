// Helpers of the okr measure tests: the CLI run without blocking (so that an HTTP server of the test
// can answer it), and a project whose OKR file holds measured KRs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, OKR_BIN, okrEnv, type RunResult } from '../helpers.js';

/** Runs the built okr like runOkr, but without blocking this process's event loop. */
export function runOkrAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OKR_BIN, ...args], {
      cwd: options.cwd,
      env: okrEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

/** One KR of the test file: its id, its measure as YAML flow text, and the first lines of its mapping. */
export interface MeasuredKr {
  id: string;
  measure: string;
  /** start: 0, target: 100 unless given. */
  fields?: string;
  /** Lines after `measure:` (check-ins), as in the file. */
  after?: string;
}

/** An OKR file of team `platform` in 2026-Q4 with one objective `stable` holding the KRs. */
export function okrFile(krs: readonly MeasuredKr[], objective = 'stable', closed?: string): string {
  const lines = [
    '# Platform OKRs, measured by okr measure',
    'owner: platform',
    'cycle: 2026-Q4',
    ...(closed ? [`closed: ${closed}`] : []),
    'objectives:',
    `  - id: ${objective}`,
    '    title: Keep the platform stable for every customer',
    '    key_results:',
  ];
  for (const kr of krs)
    lines.push(
      `      - id: ${kr.id} # ${kr.id}`,
      `        title: Result ${kr.id} moves from 0 to 100`,
      ...(kr.fields ?? 'start: 0\ntarget: 100').split('\n').map((l) => `        ${l}`),
      `        measure: ${kr.measure}`,
      ...(kr.after ? kr.after.split('\n').map((l) => `        ${l}`) : []),
    );
  return `${lines.join('\n')}\n`;
}

/** A project with okrs/platform.yaml holding `krs`, an optional config and other files. */
export function measureProject(krs: readonly MeasuredKr[], others: Record<string, string> = {}): string {
  return makeProject({
    'okr.config.yaml': 'roots: [platform]\n',
    'okrs/platform.yaml': okrFile(krs),
    ...others,
  });
}

export const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

export interface JsonResult {
  kr: string;
  file: string;
  source: string;
  before: number | null;
  value: number | null;
  recorded: boolean;
  error: string | null;
}

export function results(stdout: string): Map<string, JsonResult> {
  const parsed = JSON.parse(stdout) as { results: JsonResult[] };
  return new Map(parsed.results.map((r) => [r.kr, r]));
}
