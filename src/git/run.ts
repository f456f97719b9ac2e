import { spawn } from 'node:child_process';

/**
 * Runs git with `args` in `cwd` and resolves to its standard output (as UTF-8); rejects when git
 * cannot be started or exits with another status than 0, with what it wrote to stderr.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<string> {
  const out: Buffer[] = [];
  return streamGit(cwd, args, (chunk) => out.push(chunk)).then(() => Buffer.concat(out).toString('utf8'));
}

/**
 * Runs git as `runGit` does, but hands each piece of its standard output to `onChunk` as it comes,
 * so that the output is read while git still writes it and is never held whole. Resolves when git
 * exits with status 0; `signal` stops git (the promise then rejects).
 */
export function streamGit(
  cwd: string,
  args: readonly string[],
  onChunk: (chunk: Buffer) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      // git runs in okr's own environment, as a child does by default (cli/io.ts sets GIT_FLUSH there).
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    const err: Buffer[] = [];
    child.stdout.on('data', onChunk);
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`git ${args[0]} exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`),
        );
    });
  });
}
