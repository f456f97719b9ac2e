import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  DEFAULT_MEASURE_TIMEOUT,
  MAX_MEASURE_BYTES,
  type MeasureReading,
  numberFromText,
  valueAt,
} from './measure-value.js';

export interface CommandMeasure {
  command: string[];
  path?: string;
  timeout?: number;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/**
 * Runs the measure's command without a shell, in `root`, with the environment `env`, in a process
 * group of its own that is killed when it runs past its timeout or prints more than 1 MB; reads
 * one number from stdout, or the number at `path` when stdout is JSON.
 */
export function readMeasureCommand(
  measure: CommandMeasure,
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<MeasureReading> {
  const [program, ...args] = measure.command as [string, ...string[]];
  const executable = program.includes('/') ? resolve(root, program) : program;
  const seconds = measure.timeout ?? DEFAULT_MEASURE_TIMEOUT;
  const name = `command "${program}"`;
  return new Promise((done) => {
    let failure: string | null = null;
    const chunks: Buffer[] = [];
    let length = 0;
    let stderr = '';
    const child = spawn(executable, args, {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      failure ??= `${name} ran longer than ${seconds} s (timeout); it was stopped`;
      killGroup(child.pid);
    }, seconds * 1000);
    child.stdout.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_MEASURE_BYTES) {
        failure ??= `${name} printed more than 1 MB; it was stopped`;
        killGroup(child.pid);
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 400) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT'
          ? `${name} was not found`
          : error.code === 'EACCES'
            ? `${name} is not executable`
            : `${name} could not be started (${error.code ?? error.message})`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid);
      if (failure) return done({ ok: false, reason: failure });
      if (code !== 0) {
        const said = stderr.trim().split('\n')[0]?.slice(0, 200);
        return done({
          ok: false,
          reason: `${name} exited with ${code === null ? `signal ${signal}` : `status ${code}`}${said ? `: ${said}` : ''}`,
        });
      }
      const out = Buffer.concat(chunks).toString('utf8');
      if (measure.path === undefined) return done(numberFromText(out, `the output of ${name}`));
      let data: unknown;
      try {
        data = JSON.parse(out);
      } catch {
        return done({ ok: false, reason: `the output of ${name} is not JSON` });
      }
      done(valueAt(data, measure.path, `the output of ${name}`));
    });
  });
}
